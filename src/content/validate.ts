import { z } from "zod";
import type { ProblemList } from "./errors.ts";
import { printable } from "./fields.ts";
import { didYouMean } from "./suggest.ts";

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/**
 * Validates `data` against `schema`; each failure becomes one problem that names the
 * field and says what was expected, with a suggestion for a misspelled field or value.
 */
export function validate<S extends AnySchema>(
  schema: S,
  data: unknown,
  file: string,
  problems: ProblemList,
): z.output<S> | undefined {
  const result = z.safeParse(schema, data, { reportInput: true, error: plainMessage });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    for (const [field, message] of describeIssue(issue, schema)) problems.add(file, field, message);
  }
  return undefined;
}

/**
 * Wording for the checks a schema leaves to zod's defaults ("Too small: expected string to
 * have >=1 characters"): organisers never see zod's own messages.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string {
  const origin = "origin" in issue ? issue.origin : undefined;
  switch (issue.code) {
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (origin === "string") return minimum === 1 ? "must not be empty" : `must be at least ${minimum} characters long`;
      if (origin === "array" || origin === "set") return minimum === 1 ? "must list at least one entry" : `must list at least ${minimum} entries`;
      return `must be at least ${minimum}`;
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (origin === "string") return `must be at most ${maximum} characters long`;
      if (origin === "array" || origin === "set") return `must list at most ${maximum} entries`;
      return `must be at most ${maximum}`;
    }
    case "invalid_type":
      return typeMessage(issue.expected, issue.input);
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "invalid_format":
      return "is not written in the form this field takes";
    default:
      return "is not a value this field takes";
  }
}

/**
 * The fields among `keys` whose values are valid on their own, parsed. When a file fails its
 * schema, checks that need only these fields (references, times) can still run, so every
 * independent problem of the file is reported at once.
 */
export function validFields<S extends AnySchema, K extends keyof z.output<S> & string>(
  schema: S,
  data: Record<string, unknown>,
  keys: readonly K[],
): Partial<Pick<z.output<S>, K>> {
  const shape = objectShape(unwrap(schema)) ?? {};
  const result: Partial<Pick<z.output<S>, K>> = {};
  for (const key of keys) {
    const field = shape[key];
    const parsed = field && z.safeParse(field, data[key]);
    if (parsed?.success) result[key] = parsed.data as z.output<S>[K];
  }
  return result;
}

/** `speakers[1]`, `venue.name`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${printable(String(part))}` : printable(String(part));
  }
  return out;
}

function describeIssue(issue: Issue, root: AnySchema): Array<[string, string]> {
  const field = fieldPath(issue.path);
  if ((issue.code === "invalid_type" || issue.code === "invalid_union") && issue.input === undefined) {
    return [[field, "required field is missing"]];
  }
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = Object.keys(objectShape(schemaAt(root, issue.path)) ?? {});
      return issue.keys.map((key) => [
        fieldPath([...issue.path, key]),
        `unknown field${didYouMean(key, known)}`,
      ]);
    }
    case "invalid_type":
      return [[field, typeMessage(issue.expected, issue.input)]];
    case "invalid_union": {
      const expected = unionExpectation(issue);
      return [[field, expected ? typeMessage(expected, issue.input) : issue.message]];
    }
    case "invalid_value": {
      const values = issue.values.map((v) => String(v));
      const got = typeof issue.input === "string" ? `"${printable(issue.input)}"${didYouMean(issue.input, values)}` : describeValue(issue.input);
      return [[field, `expected one of ${values.map((v) => `"${v}"`).join(", ")}, got ${got}`]];
    }
    case "too_small":
      if (issue.origin === "array") {
        return [[field, issue.minimum === 1 ? "must list at least one entry" : `must list at least ${issue.minimum} entries`]];
      }
      return [[field, issue.message]];
    default:
      return [[field, issue.message]];
  }
}

function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string | undefined {
  const expected = new Set<string>();
  for (const branch of issue.errors) {
    for (const inner of branch) {
      if (inner.code !== "invalid_type" || inner.path.length > 0) return undefined;
      expected.add(inner.expected);
    }
  }
  return expected.has("string") ? "string" : [...expected][0];
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of fields",
};

function typeMessage(expected: string, input: unknown): string {
  const hint = expected === "array" && typeof input === "string" && input !== "" ? ` (write a list: [${printable(input)}])` : "";
  return `expected ${EXPECTED[expected] ?? expected}, got ${describeValue(input)}${hint}`;
}

/** How a YAML value reads to the person who wrote it. */
export function describeValue(value: unknown): string {
  if (value === null) return "an empty value";
  if (typeof value === "string") return `text "${printable(value)}"`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `${value}`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return typeof value;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
}

function defOf(schema: AnySchema): SchemaDef {
  return schema._zod.def as unknown as SchemaDef;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

function schemaAt(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(root);
  for (const part of path) {
    if (!current) return undefined;
    const def = defOf(current);
    const next: AnySchema | undefined = typeof part === "number" ? def.element : def.shape?.[String(part)];
    current = next ? unwrap(next) : undefined;
  }
  return current;
}

function objectShape(schema: AnySchema | undefined): Record<string, AnySchema> | undefined {
  return schema ? defOf(schema).shape : undefined;
}
