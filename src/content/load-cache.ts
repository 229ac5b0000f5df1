import { lstatSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { LastTwoBuilds } from "./last-two-builds.ts";

/** A content file read and split into front matter and body. */
export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
}

/**
 * What the dev server keeps of the content between builds, so that an edit to one file costs
 * the parsing, validating and rendering of that file only: each file's front matter and body by
 * its identity on disk (device, inode, size, modification and change times) and, when that
 * changed, by its text; each schema's result by the parsed data it was given; and each body's
 * HTML by its markdown. What two builds in a row did not use is dropped (`beginBuild`).
 *
 * Only results that are pure functions of one file are kept: every check between files (slugs
 * that clash, speakers, rooms and times) runs on every build, so problems are reported exactly
 * as a full check reports them. A file with a problem is never kept.
 */
export class LoadCache {
  private readonly files = new LastTwoBuilds<string, { id: string; text: string; parsed: ParsedFile }>();
  private readonly fields = new WeakMap<object, WeakMap<object, unknown>>();
  private readonly made = new WeakMap<ParsedFile, { where: string; value: unknown }>();
  private readonly bodies = new LastTwoBuilds<string, unknown>();
  private readonly objects = new LastTwoBuilds<string, object>();
  private readonly times = new LastTwoBuilds<string, unknown>();
  private readonly linkFree = new LastTwoBuilds<string, boolean>();
  /** What the watcher reported before this build began (see `report`); undefined: not known. */
  private reported: ReadonlySet<string> | undefined;
  /** The same, each as a folder's prefix (`/x/talks/`), when they are few. */
  private reportedFolders: string[] | undefined;
  /** What it reported since, for the next build. */
  private pending: Set<string> | "unknown" = "unknown";

  /**
   * The identity of a plain file on disk; undefined for anything else (a link, a missing file): not
   * cached. When the watcher's reports are known and name neither the file nor a folder above it,
   * the identity seen last is taken without asking the disk: at 10,000 talks, asking cost a tenth
   * of a second of each dev build. Only for a file whose real path is the path watched (`seenAs`).
   */
  identity(absolute: string, seenAs?: string): string | undefined {
    if (this.reported && seenAs === absolute && !this.isReported(absolute)) {
      const known = this.files.peek(absolute);
      if (known) return known.id;
    }
    try {
      const info = lstatSync(absolute);
      if (!info.isFile()) return undefined;
      return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
    } catch {
      return undefined;
    }
  }

  /** The parsed file when the file at `absolute` is the one seen before. */
  parsedById(absolute: string, id: string): ParsedFile | undefined {
    const known = this.files.peek(absolute);
    if (known?.id !== id) return undefined;
    this.files.set(absolute, known);
    return known.parsed;
  }

  /** The parsed file when its text is the text seen before (a file saved without a change). */
  parsedByText(absolute: string, id: string, text: string): ParsedFile | undefined {
    const known = this.files.peek(absolute);
    if (known?.text !== text) return undefined;
    this.files.set(absolute, { ...known, id });
    return known.parsed;
  }

  /** What the caller made of a parsed file seen at `where`, made once while the file is unchanged. */
  derived<T>(parsed: ParsedFile, where: string, make: () => T): T {
    const known = this.made.get(parsed);
    if (known?.where === where) return known.value as T;
    const value = make();
    this.made.set(parsed, { where, value });
    return value;
  }

  rememberParsed(absolute: string, id: string, text: string, parsed: ParsedFile): void {
    this.files.set(absolute, { id, text, parsed });
  }

  /** A schema's output for this very data object, validated before without a problem. */
  validated<T>(schema: object, data: object, validate: () => T | undefined): T | undefined {
    let bySchema = this.fields.get(schema);
    if (!bySchema) this.fields.set(schema, (bySchema = new WeakMap()));
    if (bySchema.has(data)) return bySchema.get(data) as T;
    const result = validate();
    if (result !== undefined) bySchema.set(data, result);
    return result;
  }

  /** A body rendered before from the same markdown (bodies that depend on nothing else: see the caller). */
  body<T>(key: string, render: () => T): T {
    return this.bodies.get(key, render) as T;
  }

  /**
   * The object the last build made for `key` when `value` equals it in every part (luxon times by
   * instant, zone and locale), else `value`. Content that did not change then keeps its objects
   * from build to build, and whatever was worked out from them (fingerprints, exports' text) holds.
   * Objects handed out must not be changed afterwards.
   */
  intern<T extends object>(key: string, value: T): T {
    const known = this.objects.peek(key);
    const kept = known !== undefined && sameValue(known, value) ? (known as T) : value;
    this.objects.set(key, kept);
    return kept;
  }

  /** A session's times worked out before from the same start, duration and zone (luxon's parsing is slow). */
  timesOf<T>(key: string, make: () => T | undefined): T | undefined {
    return this.times.get(key, make) as T | undefined;
  }

  /**
   * True when `body` cannot hold a programme link (`mayHoldProgrammeLinks`), as worked out before
   * for the same text: its HTML then depends on its own text only.
   */
  isLinkFree(body: string, test: (body: string) => boolean): boolean {
    return this.linkFree.get(body, () => test(body))!;
  }

  private isReported(file: string): boolean {
    const reported = this.reported!;
    // Mostly one or two paths: look at each rather than at each of the file's folders.
    if (this.reportedFolders) {
      if (reported.has(file)) return true;
      for (const folder of this.reportedFolders) if (file.startsWith(folder)) return true;
      return false;
    }
    for (let at = file; ; at = path.dirname(at)) {
      if (reported.has(at)) return true;
      if (path.dirname(at) === at) return false;
    }
  }

  /**
   * Paths a watcher reported changed (files, or folders for whatever is inside), for the next build
   * to look at again; a file that no report since the last build names is taken to be as it was
   * then. `undefined`: a change may have gone unreported, and the next build looks at every file
   * (as it does when nothing is reported at all).
   */
  report(paths: Iterable<string> | undefined): void {
    if (paths === undefined) this.pending = "unknown";
    else if (this.pending !== "unknown") for (const file of paths) this.pending.add(path.resolve(file));
  }

  /** Starts a build: what the last one did not use is dropped; the reports so far are this build's. */
  beginBuild(): void {
    this.reported = this.pending === "unknown" ? undefined : this.pending;
    this.reportedFolders = this.reported && this.reported.size <= 8 ? [...this.reported].map((at) => (at.endsWith(path.sep) ? at : `${at}${path.sep}`)) : undefined;
    this.pending = new Set();
    this.linkFree.nextBuild();
    this.objects.nextBuild();
    this.times.nextBuild();
    this.files.nextBuild();
    this.bodies.nextBuild();
  }
}

/** Equal in every part: the same primitives, luxon times equal, arrays and plain objects equal item by item. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a instanceof DateTime || b instanceof DateTime) return a instanceof DateTime && b instanceof DateTime && a.equals(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
