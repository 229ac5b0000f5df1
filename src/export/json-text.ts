import { createHash } from "node:crypto";
import { bytePieces, type FileBytes } from "./bytes.ts";

/**
 * `JSON.stringify(value, null, 2)` (or compact, `indent` ""), byte for byte, except that the
 * text of an object `remembered` gives is reused instead of written again: the schedule
 * exports hold one object a session, made once and kept while the session is unchanged
 * (schedule-data.ts), so the dev server rewrites a 10,000-talk `schedule.json` from the
 * texts it already has. Written here because JSON.stringify has no way to splice in text it
 * did not make. Values are JSON data: plain objects, arrays, strings, finite numbers,
 * booleans and null; `undefined` is left out of objects and is null in arrays, as there.
 */
export function jsonText(value: unknown, indent: "" | "  ", remembered?: (value: object) => boolean): string {
  const cache = indent === "" ? compactTexts : indentedTexts;
  const reuse = remembered && ((item: object, depth: number) => (remembered(item) ? placed(cache, item, depth, (text) => text) : undefined));
  return written(value, indent, reuse).join("");
}

/**
 * `jsonText` as UTF-8 bytes, then `end`, with each remembered object's bytes kept instead of its
 * text: the text of a large export is never made whole (see bytePieces).
 */
export function jsonBytes(value: unknown, indent: "" | "  ", remembered: (value: object) => boolean, end = ""): FileBytes {
  const cache = indent === "" ? compactBytes : indentedBytes;
  const pieces = written(value, indent, (item, depth) => (remembered(item) ? placed(cache, item, depth, (text) => Buffer.from(text)) : undefined));
  return bytePieces([...pieces, end]);
}

/**
 * A remembered object's JSON as it reads at `depth` of a document (`JSON.stringify` indented
 * by the cache's document), in the form `as` gives, made once for each depth it is met at.
 */
function placed<T>(cache: PlacedCache<T>, item: object, depth: number, as: (text: string) => T): T {
  const known = cache.of.get(item);
  if (known?.depth === depth) return known.value;
  const value = as(placedText(item, cache.indent, depth));
  cache.of.set(item, { depth, value });
  return value;
}

/** Remembered texts or bytes, by object, for one indent; an object must not change once written. */
interface PlacedCache<T> {
  indent: "" | "  ";
  of: WeakMap<object, { depth: number; value: T }>;
}

const placedCache = <T>(indent: "" | "  "): PlacedCache<T> => ({ indent, of: new WeakMap() });
const compactTexts = placedCache<string>("");
const indentedTexts = placedCache<string>("  ");
const compactBytes = placedCache<Buffer>("");
const indentedBytes = placedCache<Buffer>("  ");

/** `JSON.stringify(item)` as it reads at `depth` of an indented document. */
function placedText(item: object, indent: "" | "  ", depth: number): string {
  const text = JSON.stringify(item, null, indent || undefined);
  return depth === 0 || indent === "" ? text : text.replaceAll("\n", `\n${indent.repeat(depth)}`);
}

/**
 * A digest of `jsonText(value, "")`'s content that changes whenever that text does, made without
 * writing that text: each object `remembered` gives counts as a digest of its own compact JSON,
 * kept with the object. At 10,000 talks the schedule's version is hashed from 10,000 kept
 * digests instead of 25 MB of text on each dev build.
 */
export function jsonDigest(value: unknown, remembered: (value: object) => boolean): string {
  const text = written(value, "", (item) => {
    if (!remembered(item)) return undefined;
    let known = digests.get(item);
    if (known === undefined) digests.set(item, (known = `"${createHash("sha256").update(JSON.stringify(item)).digest("base64url")}"`));
    return known;
  });
  return createHash("sha256").update(text.join("")).digest("hex");
}

/** `value` as JSON, in pieces; an object for which `reuse` gives a text or bytes is written as those. */
function written(value: unknown, indent: "" | "  ", reuse?: (value: object, depth: number) => string | Buffer | undefined): (string | Buffer)[] {
  const colon = indent === "" ? ":" : ": ";
  const out: (string | Buffer)[] = [];
  /** Writes `item` at `depth`; false when it is left out (undefined). */
  const write = (item: unknown, depth: number): boolean => {
    if (item === null || typeof item !== "object") {
      const text = JSON.stringify(item) as string | undefined;
      if (text === undefined) return false;
      out.push(text);
      return true;
    }
    const reused = reuse?.(item, depth);
    if (reused !== undefined) {
      out.push(reused);
      return true;
    }
    const inner = indent === "" ? "" : `\n${indent.repeat(depth + 1)}`;
    const outer = indent === "" ? "" : `\n${indent.repeat(depth)}`;
    if (Array.isArray(item)) {
      if (item.length === 0) {
        out.push("[]");
        return true;
      }
      out.push("[");
      item.forEach((part, i) => {
        out.push(i === 0 ? inner : `,${inner}`);
        if (!write(part, depth + 1)) out.push("null");
      });
      out.push(`${outer}]`);
      return true;
    }
    const start = out.length;
    out.push("{");
    let first = true;
    for (const key in item) {
      const mark = out.length;
      out.push(`${first ? "" : ","}${inner}${JSON.stringify(key)}${colon}`);
      if (write((item as Record<string, unknown>)[key], depth + 1)) first = false;
      else out.length = mark;
    }
    if (first) {
      out.length = start;
      out.push("{}");
    } else {
      out.push(`${outer}}`);
    }
    return true;
  };
  return write(value, 0) ? out : ["undefined"];
}

/** Digests of remembered objects' compact JSON, as JSON strings (`jsonDigest`). */
const digests = new WeakMap<object, string>();
