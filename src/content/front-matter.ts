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
  // Nearly every content file is flat `key: value` lines; the full parser reads everything else.
  return (source.length <= MAX_FRONT_MATTER_BYTES / 4 && readFlatYaml(source)) || parseYamlDocument(source, file, problems, lineOffset, part);
}

/**
 * `parseYaml` without its fast path: always the full YAML parser. For tests that check the fast
 * path against it.
 */
export function parseYamlDocument(
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

/** A line the fast path reads: a plain name at the start of the line (YAML refuses implicit keys over 1,024 characters), `: `, a value. */
const FLAT_LINE = /^([A-Za-z_][A-Za-z0-9_-]{0,127}): (.*)$/;
/** A double- or single-quoted value with nothing to unescape, or a flow list of plain words. */
const QUOTED = /^"([^"\\]*)"$|^'([^']*)'$/;
const WORD_LIST = /^\[((?:[A-Za-z_][A-Za-z0-9_.-]*)(?:, [A-Za-z_][A-Za-z0-9_.-]*)*)?\]$/;
/** A plain value that is text whatever follows: no indicator first, nothing that ends or comments it. */
const PLAIN_TEXT = /^[A-Za-z0-9_.\/(][^#:,[\]{}"'\\]*(?::[^\s#:,[\]{}"'\\][^#:,[\]{}"'\\]*)*$/;
const SMALL_INT = /^-?[1-9][0-9]{0,14}$|^0$/;
/** Plain scalars YAML's core schema reads as something other than text (null, booleans, numbers). */
const NOT_TEXT = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Characters YAML refuses or changes in a value (controls, BOM, surrogates, non-characters), and every space but the plain one. */
// eslint-disable-next-line no-control-regex
const ODD_CHARACTER = /[\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ud800-\udfff\ufeff\ufffe\uffff]/;

/**
 * The fast path of `parseYaml`: front matter made only of lines `name: value`, where each value
 * is a quoted string with nothing to unescape, a small whole number, a plain word or phrase
 * that the core schema reads as text, or a flow list of plain words. Returns undefined for
 * anything else (comments, nesting, blank values, repeated or forbidden keys, odd characters),
 * which the full parser then reads, so values and error messages are exactly the parser's
 * (tests/unit/front-matter-fast.test.ts checks this against it).
 */
export function readFlatYaml(source: string): Record<string, unknown> | undefined {
  if (ODD_CHARACTER.test(source.replace(/\n/g, " "))) return undefined;
  const data: Record<string, unknown> = {};
  let lines = 0;
  for (const line of source.split("\n")) {
    if (line === "") continue;
    const match = FLAT_LINE.exec(line);
    if (!match) return undefined;
    const key = match[1]!;
    const raw = match[2]!;
    if (FORBIDDEN_KEYS.has(key) || NOT_TEXT.test(key) || Object.hasOwn(data, key)) return undefined;
    let value: unknown;
    const quoted = QUOTED.exec(raw);
    if (quoted) value = quoted[1] ?? quoted[2];
    else if (SMALL_INT.test(raw)) value = Number(raw);
    else if (raw.startsWith("[")) {
      const list = WORD_LIST.exec(raw);
      if (!list) return undefined;
      const words = list[1] === undefined ? [] : list[1].split(", ");
      if (words.some((word) => NOT_TEXT.test(word))) return undefined;
      value = words;
    } else if (PLAIN_TEXT.test(raw) && !NOT_TEXT.test(raw) && !raw.endsWith(" ")) value = raw;
    else return undefined;
    data[key] = value;
    lines++;
  }
  return lines > 0 ? data : undefined;
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
  // Split as gray-matter did (its `matter()` cost more than the YAML at 10,000 files: it hashed
  // each file's text as a cache key and copied it into a Buffer): the block runs to the first
  // "\n---", whatever follows on that line, and one line break after it is dropped.
  let rest = text.slice(3);
  if (language !== "") rest = rest.slice(fence[1]!.length);
  const close = rest.indexOf("\n---");
  const block = rest.slice(0, close);
  let data: Record<string, unknown> = {};
  // A block of only comments and blank lines is an empty mapping, without asking YAML.
  if (block.replace(/^\s*#[^\n]+/gm, "").trim() !== "") {
    const parsed = parseYaml(block, file, problems, 1);
    if (!parsed) return undefined;
    data = parsed;
  }
  let content = rest.slice(close + 4);
  if (content.startsWith("\r")) content = content.slice(1);
  if (content.startsWith("\n")) content = content.slice(1);
  return { data, body: cleanBody(content) };
}
