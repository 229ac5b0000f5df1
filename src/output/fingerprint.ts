import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { Conference } from "../content/model.ts";

/**
 * Fingerprints of what a page shows: a digest of a value (the data a view reads), equal for
 * equal data however often the content was loaded again. One instance serves one build: it
 * remembers the digest of every object it has seen (a talk shown on its page, its speakers'
 * pages and a tag page is hashed once), and the loader makes new objects on every build.
 */
export class Fingerprinter {
  private readonly known = new WeakMap<object, string>();
  private readonly open = new Set<object>();

  /** The digest of `value`: primitives, arrays, plain objects, Maps, Sets, luxon DateTimes and the Conference. */
  of(value: unknown): string {
    return this.digest(value);
  }

  private digest(value: unknown): string {
    if (value === null || typeof value !== "object") return primitive(value);
    const known = this.known.get(value);
    if (known !== undefined) return known;
    // A reference back to an object being hashed (none in today's model): its place is marked, not followed.
    if (this.open.has(value)) return "^";
    this.open.add(value);
    const hash = createHash("sha1");
    try {
      if (value instanceof DateTime) {
        hash.update(`D${value.toMillis()}|${value.zoneName}|${value.locale}|${value.outputCalendar}|${value.numberingSystem}`);
      } else if (value instanceof Conference) {
        // Its own caches (tag groups, days) are made on first use: hash what they are made from.
        const c = value;
        hash.update("C");
        for (const part of [c.event, c.talks, c.speakers, c.workshops, c.posts, c.images, c.pages, c.sponsors, c.releases]) hash.update(this.digest(part));
      } else if (Array.isArray(value)) {
        hash.update(`A${value.length}`);
        for (const item of value) hash.update(this.digest(item)).update(",");
      } else if (value instanceof Map) {
        hash.update(`M${value.size}`);
        for (const [key, item] of value) hash.update(this.digest(key)).update(":").update(this.digest(item)).update(",");
      } else if (value instanceof Set) {
        hash.update(`S${value.size}`);
        for (const item of value) hash.update(this.digest(item)).update(",");
      } else if (Buffer.isBuffer(value)) {
        hash.update("B").update(value);
      } else {
        hash.update("O");
        for (const key of Object.keys(value)) {
          const item = (value as Record<string, unknown>)[key];
          if (item === undefined || typeof item === "function") continue;
          hash.update(JSON.stringify(key)).update(":").update(this.digest(item)).update(",");
        }
      }
    } finally {
      this.open.delete(value);
    }
    const result = hash.digest("base64url");
    this.known.set(value, result);
    return result;
  }
}

function primitive(value: unknown): string {
  if (typeof value === "string") return value.length > 64 ? `s${createHash("sha1").update(value).digest("base64url")}` : JSON.stringify(value);
  if (typeof value === "bigint") return `n${value}`;
  return String(value);
}

/** A digest of bytes, for files whose inputs are not known (they are made, then compared). */
export function digestOf(bytes: Buffer | string): string {
  return `=${createHash("sha1").update(bytes).digest("base64url")}`;
}
