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
  const colon = indent === "" ? ":" : ": ";
  const out: string[] = [];
  /** Writes `item` at `depth`; false when it is left out (undefined). */
  const write = (item: unknown, depth: number): boolean => {
    if (item === null || typeof item !== "object") {
      const text = JSON.stringify(item) as string | undefined;
      if (text === undefined) return false;
      out.push(text);
      return true;
    }
    if (remembered?.(item)) {
      const known = cache.get(item);
      if (known?.depth === depth) {
        out.push(known.text);
        return true;
      }
      const text = JSON.stringify(item, null, indent || undefined);
      const placed = depth === 0 || indent === "" ? text : text.replaceAll("\n", `\n${indent.repeat(depth)}`);
      cache.set(item, { depth, text: placed });
      out.push(placed);
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
  return write(value, 0) ? out.join("") : "undefined";
}

/** Remembered texts, by object; an object must not change once written. */
const compactTexts = new WeakMap<object, { depth: number; text: string }>();
const indentedTexts = new WeakMap<object, { depth: number; text: string }>();
