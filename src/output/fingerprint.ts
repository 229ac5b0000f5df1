import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { Conference } from "../content/model.ts";

/**
 * Fingerprints of what a page shows: a digest of a value (the data a view reads), equal for
 * equal data however often the content was loaded again. It remembers the digest of every
 * object it has seen (a talk shown on its page, its speakers' pages and a tag page is hashed
 * once), so an object must not change once hashed: the dev server keeps one for its builds,
 * because the loader keeps the objects of unchanged content from build to build.
 */
export class Fingerprinter {
  private readonly known = new WeakMap<object, string>();
  private readonly open = new Set<object>();
  private outlines: Fingerprinter | undefined;

  /** `omit`: keys left out of every object (an outline's fingerprinter leaves out the bodies). */
  constructor(private readonly omit?: ReadonlySet<string>) {}

  /**
   * The fingerprint of `value`: primitives, arrays, plain objects, Maps, Sets, luxon DateTimes and
   * the Conference. A list (a page's inputs, made anew for each call) is its parts' digests,
   * hashed when long, and not remembered: it is compared once.
   */
  of(value: unknown): string {
    return Array.isArray(value) ? hashedIfLong(this.described(value)) : this.digest(value);
  }

  private digest(value: unknown): string {
    if (value === null || typeof value !== "object") return primitive(value);
    // Times are many and small: their text is their fingerprint.
    if (value instanceof Outline) return `O${(this.outlines ??= new Fingerprinter(BODY_KEYS)).digest(value.value)}`;
    if (value instanceof DateTime) return timeText(value);
    // Short lists are mostly made anew for each page's inputs (a talk's speakers, a day's rooms):
    // remembering them would only fill the map; their text is their parts' fingerprints.
    if (Array.isArray(value) && value.length < SHORT_LIST) return this.described(value);
    const known = this.known.get(value);
    if (known !== undefined) return known;
    const result = hashedIfLong(this.described(value));
    this.known.set(value, result);
    return result;
  }

  /** `describe`, guarded: a reference back to an object being described (none in today's model) is marked, not followed. */
  private described(value: object): string {
    if (this.open.has(value)) return "^";
    this.open.add(value);
    try {
      return this.describe(value);
    } finally {
      this.open.delete(value);
    }
  }

  /** The text an object's fingerprint is made from: its parts' fingerprints. */
  private describe(value: object): string {
    if (value instanceof Conference) {
      // Its own caches (tag groups, days) are made on first use: hash what they are made from.
      const c = value;
      return `C(${[c.event, c.talks, c.speakers, c.workshops, c.posts, c.images, c.pages, c.sponsors, c.releases].map((part) => this.digest(part)).join(",")})`;
    }
    if (Array.isArray(value)) return `[${value.map((item) => this.digest(item)).join(",")}]`;
    if (value instanceof Map) return `M(${[...value].map(([key, item]) => `${this.digest(key)}:${this.digest(item)}`).join(",")})`;
    if (value instanceof Set) return `S(${[...value].map((item) => this.digest(item)).join(",")})`;
    if (Buffer.isBuffer(value)) return digestOf(value);
    let text = "{";
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined || typeof item === "function" || this.omit?.has(key)) continue;
      text += `${/^\w+$/.test(key) ? key : JSON.stringify(key)}:${this.digest(item)},`;
    }
    return `${text}}`;
  }
}

/** Lists shorter than this are described each time they are met, not hashed and remembered. */
const SHORT_LIST = 16;

/** The bodies of content objects: a talk's abstract, a speaker's bio, as HTML and as text. */
const BODY_KEYS: ReadonlySet<string> = new Set(["html", "summary"]);

/** A value to fingerprint without the bodies (`html`, `summary`) of any object in it: see `outline`. */
export class Outline {
  constructor(readonly value: unknown) {}
}

/**
 * `value` as a page that lists sessions or people shows it: every object without its body. For
 * the inputs of a page that shows titles, times, rooms and names but no abstract or bio, so that
 * an edit to an abstract does not render it again.
 */
export function outline(value: unknown): Outline {
  return new Outline(value);
}

/**
 * True when `a` and `b` certainly have the same fingerprint, found without hashing: the same
 * objects (which never change once fingerprinted), times equal in every part the fingerprint
 * reads, and lists, outlines and plain objects of such parts. False means "not known": hash them.
 * At 10,000 talks this spares a dev build hashing the inputs of 15,000 unchanged pages.
 */
export function sameInputs(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  // Deeper than any page's inputs go (and a reference back, which the model has none of, ends here).
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || depth > 32) return false;
  if (a instanceof DateTime) return b instanceof DateTime && timeText(a) === timeText(b);
  if (a instanceof Outline) return b instanceof Outline && sameInputs(a.value, b.value, depth + 1);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameInputs(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameInputs((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1));
}

/** A time as its fingerprint reads it. */
function timeText(value: DateTime): string {
  return `D${value.toMillis()}@${value.zoneName}|${value.locale}|${value.outputCalendar}|${value.numberingSystem}`;
}

/** A fingerprint's text, or its digest when long. */
function hashedIfLong(text: string): string {
  return text.length > 160 ? `#${createHash("sha1").update(text).digest("base64url")}` : text;
}

function primitive(value: unknown): string {
  if (typeof value === "string") return value.length > 160 ? `s${createHash("sha1").update(value).digest("base64url")}` : JSON.stringify(value);
  if (typeof value === "bigint") return `n${value}`;
  return String(value);
}

/** A digest of bytes, for files whose inputs are not known (they are made, then compared). */
export function digestOf(bytes: Buffer | string | readonly Buffer[]): string {
  const hash = createHash("sha1");
  if (typeof bytes === "string" || Buffer.isBuffer(bytes)) {
    hash.update(bytes);
    return `=${hash.digest("base64url")}`;
  }
  // In pieces (a schedule file: see FileBytes): a large piece, mostly one session's part kept from
  // build to build, counts as its own digest, made once; a small one as its length and bytes. The
  // same pieces give the same digest, and other bytes another (the same bytes cut otherwise may
  // not: that only writes the file again). At 10,000 talks this hashes a few hundred KB an edit, not 80 MB.
  // Written out first and hashed in one call: a call a piece cost as much as hashing all the bytes.
  let length = 0;
  for (const piece of bytes) length += piece.length >= OWN_DIGEST ? 4 + DIGEST_BYTES : 4 + piece.length;
  const stream = Buffer.allocUnsafe(length);
  let at = 0;
  for (const piece of bytes) {
    if (piece.length >= OWN_DIGEST) {
      at = stream.writeUInt32BE(DIGEST_MARK, at);
      stream.set(pieceDigest(piece), at);
      at += DIGEST_BYTES;
    } else {
      at = stream.writeUInt32BE(piece.length, at);
      stream.set(piece, at);
      at += piece.length;
    }
  }
  return `~${hash.update(stream).digest("base64url")}`;
}

/** Pieces from this size up are hashed once, on their own (see digestOf). */
const OWN_DIGEST = 256;
/** Marks a piece's digest in the hashed stream; a small piece starts with its length, which is below OWN_DIGEST. */
const DIGEST_MARK = 0xffffffff;
/** SHA-1's. */
const DIGEST_BYTES = 20;
const pieceDigests = new WeakMap<Buffer, Buffer>();

function pieceDigest(piece: Buffer): Buffer {
  let digest = pieceDigests.get(piece);
  if (digest === undefined) pieceDigests.set(piece, (digest = createHash("sha1").update(piece).digest()));
  return digest;
}
