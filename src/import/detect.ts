import { readC3vocJson } from "./c3voc-json.ts";
import { readFrabXml } from "./frab-xml.ts";
import { ImportError, importFormats, type ImportedProgramme, type ImportFormat } from "./programme.ts";
import { readSessionize } from "./sessionize.ts";

/** Which format a schedule's text is in, from its content; undefined when it is none of them. */
export function detectFormat(text: string): ImportFormat | undefined {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("<")) return /<schedule[\s>]/.test(start) ? "frab-xml" : undefined;
  if (!start.startsWith("{")) return undefined;
  if (/"schedule"\s*:\s*\{/.test(start) && /"conference"\s*:/.test(start)) return "c3voc-json";
  if (/"sessions"\s*:/.test(start) && /"speakers"\s*:/.test(start)) return "sessionize";
  return undefined;
}

/**
 * A schedule file's text as a programme: the format named, or the one its content shows.
 * Every way it can fail is an {@link ImportError} naming the file and where in it.
 */
export function readProgramme(text: string, file: string, format?: ImportFormat): ImportedProgramme {
  const body = text.replace(/^\uFEFF/, "");
  const found = format ?? detectFormat(body);
  if (!found) {
    const what = /^\s*[[{]/.test(body) ? "JSON, but neither a c3voc schedule.json nor a Sessionize export" : /^\s*</.test(body) ? "XML without a <schedule> element" : "neither JSON nor XML";
    throw new ImportError([`${file}: unknown format: the file is ${what}; name one with --format ${importFormats.join("|")}`]);
  }
  if (found === "frab-xml") return readFrabXml(body, file);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new ImportError([`${file}: ${jsonErrorPlace(body, error)}not valid JSON: ${(error as Error).message}`]);
  }
  return found === "c3voc-json" ? readC3vocJson(data, file) : readSessionize(data, file);
}

/**
 * "line 3, column 7: " for a JSON syntax error: from the position V8 names, or, where its
 * message quotes the text around an unexpected token instead, from where that text is.
 */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = String((error as Error).message);
  let position = Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
  const quoted = /^Unexpected token '(.)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (Number.isNaN(position) && quoted) {
    const at = text.indexOf(quoted[2]!);
    if (at >= 0) position = at + quoted[2]!.indexOf(quoted[1]!);
  }
  if (Number.isNaN(position) && /end of JSON input/.test(message)) position = text.length;
  if (Number.isNaN(position)) return "";
  const before = text.slice(0, position).split("\n");
  return `line ${before.length}, column ${before.at(-1)!.length + 1}: `;
}
