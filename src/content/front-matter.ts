import matter from "gray-matter";
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from "yaml";
import type { ProblemList } from "./errors.ts";
import { cleanBody } from "./fields.ts";

/** Front matter larger than this is refused before YAML sees it. */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;
/** Deeper nesting than this is refused: no content field needs more than a few levels. */
export const MAX_NESTING_DEPTH = 16;
/** YAML aliases (`*name`) allowed per file; keeps "billion laughs" documents harmless. */
export const MAX_ALIASES = 100;

/** Keys that could reach an object's prototype if a later step merged them. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype", "<<"]);

export interface SourceFile {
  /** Parsed front matter: a plain object built with no prototype tricks. */
  data: Record<string, unknown>;
  /** The markdown body, LF line endings. */
  body: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes a content file: strict UTF-8, BOM dropped, CRLF and CR turned into LF. */
export function decodeText(bytes: Uint8Array, file: string, problems: ProblemList): string | undefined {
  if (looksLikeUtf16(bytes)) {
    problems.add(file, "", "file is UTF-16 text; save it as UTF-8");
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    problems.add(file, "", "file is not valid UTF-8 text; save it as UTF-8");
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, "\n");
}

/**
 * UTF-16 with a byte order mark, or without one: text whose every other byte is zero (as the
 * ASCII of `---` and field names is in UTF-16), which would otherwise pass as UTF-8 full of NULs.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const pairs = Math.floor(Math.min(bytes.length, 512) / 2);
  if (pairs < 2) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  return Math.max(evenZeros, oddZeros) >= pairs / 2 && Math.min(evenZeros, oddZeros) <= pairs / 10;
}

/**
 * Parses a YAML document (a whole `.yaml` file or a front matter block).
 * Only YAML's core schema: dates and times stay text, `no` stays text, and a number
 * written as `01234` or `1.10` stays the text it was written as.
 * `lineOffset` is the file line on which the YAML starts, for error messages. `part` says what
 * the YAML is, for messages about it as a whole: a markdown file's front matter, or a whole
 * `.yaml` file.
 */
export function parseYaml(
  source: string,
  file: string,
  problems: ProblemList,
  lineOffset = 1,
  part: "front matter" | "file" = "front matter",
): Record<string, unknown> | undefined {
  const whole = (message: string) =>
    part === "file" ? problems.add(file, "", `file ${message}`) : problems.add(file, "front matter", message);
  const bytes = Buffer.byteLength(source, "utf8");
  if (bytes > MAX_FRONT_MATTER_BYTES) {
    whole(`is ${bytes} bytes, over the limit of ${MAX_FRONT_MATTER_BYTES} bytes`);
    return undefined;
  }
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(source, { schema: "core", merge: false, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch {
    // The parser recurses on nesting; a document built to exhaust the stack ends here.
    whole(`could not be read: it nests deeper than the limit of ${MAX_NESTING_DEPTH} levels`);
    return undefined;
  }
  if (doc.errors.length > 0) {
    if (doc.errors.some((error) => /call stack/i.test(error.message))) {
      whole(`nests deeper than the limit of ${MAX_NESTING_DEPTH} levels`);
      return undefined;
    }
    if (doc.errors.some((error) => error.code === "MULTIPLE_DOCS")) {
      const one = part === "file" ? "a .yaml file holds one YAML document" : 'front matter is one YAML document and ends at the second "---" line';
      whole(`holds a second YAML document (after a "---" or "..." line); ${one}`);
      return undefined;
    }
    for (const error of doc.errors) {
      const line = source.slice(0, error.pos[0]).split("\n").length + lineOffset - 1;
      problems.add(file, `line ${line}`, `invalid YAML: ${firstLine(error.message)}`);
    }
    return undefined;
  }
  const before = problems.items.length;
  checkNode(doc.contents, 1, file, whole, problems);
  if (problems.items.length > before) return undefined;

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    whole(`${(error as Error).message} (at most ${MAX_ALIASES} aliases are allowed)`);
    return undefined;
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    whole("must be a mapping of `field: value` lines");
    return undefined;
  }
  return value as Record<string, unknown>;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * Walks the YAML tree before it becomes JavaScript: refuses keys that target
 * prototypes and over-deep nesting, and keeps numbers whose text would not survive
 * conversion (`01234`, `1.10`, `1e3`) as the text the organiser wrote.
 */
function checkNode(
  node: YamlNode | null,
  depth: number,
  file: string,
  whole: (message: string) => void,
  problems: ProblemList,
): void {
  if (!node) return;
  if (depth > MAX_NESTING_DEPTH) {
    whole(`nests deeper than the limit of ${MAX_NESTING_DEPTH} levels`);
    return;
  }
  if (isScalar(node)) {
    if (typeof node.value === "number" && node.source !== undefined && String(node.value) !== node.source) {
      node.value = node.source;
    }
    return;
  }
  if (isSeq(node)) {
    for (const item of node.items) checkNode(item as YamlNode | null, depth + 1, file, whole, problems);
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) {
        whole("has a key that is not a plain name (write `name: value`)");
        continue;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        problems.add(file, key, "this key is not allowed (it could alter built-in objects)");
        continue;
      }
      checkNode(pair.value as YamlNode | null, depth + 1, file, whole, problems);
    }
  }
}

const FENCE = /^---([^\n]*)\n/;

/**
 * Splits a markdown file into front matter and body. Only YAML front matter is read:
 * `---js` and other engines are refused, never run.
 */
export function parseMarkdownFile(text: string, file: string, problems: ProblemList): SourceFile | undefined {
  if (text.trim() === "") {
    problems.add(file, "", "file is empty; it needs front matter between `---` lines");
    return undefined;
  }
  const fence = FENCE.exec(text);
  if (!fence) {
    problems.add(file, "", "file does not start with front matter (a `---` line, the fields, then `---`)");
    return undefined;
  }
  const language = fence[1]!.trim().toLowerCase();
  if (language !== "" && language !== "yaml") {
    problems.add(file, "front matter", `"---${fence[1]!.trim()}" front matter is not supported; write YAML after a plain "---" line`);
    return undefined;
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(fence[0].length - 1))) {
    problems.add(file, "", "front matter is not closed with a `---` line");
    return undefined;
  }
  let data: Record<string, unknown> = {};
  let failed = false;
  const refuse = (): never => {
    throw new Error("only YAML front matter is read");
  };
  const split = matter(text, {
    language: "yaml",
    engines: {
      yaml: (source: string) => {
        // gray-matter hands over the text after the opening `---`, starting with that line's end.
        const parsed = parseYaml(source, file, problems, 1);
        if (parsed) data = parsed;
        else failed = true;
        return {};
      },
      js: refuse,
      javascript: refuse,
      json: refuse,
      coffee: refuse,
    },
  });
  if (failed) return undefined;
  return { data, body: cleanBody(split.content) };
}
