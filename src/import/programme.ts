/** The formats `npm run import` reads. */
export const importFormats = ["c3voc-json", "frab-xml", "sessionize"] as const;
export type ImportFormat = (typeof importFormats)[number];

/**
 * A time as the source gives it: an exact instant (ISO 8601 with its UTC offset), or a
 * wall-clock time (`YYYY-MM-DDTHH:mm`) that needs the event's time zone to become one.
 */
export type ImportedTime = { instant: string } | { local: string };

/** A person on an event, as the source names them. */
export interface ImportedPerson {
  /** The source's own id (`guid:…`, `id:…`, `code:…`), when it has one: the first key people are matched by. */
  key?: string;
  name: string;
  /** The biography, as markdown. */
  bio?: string;
  /** An https:// photo address. */
  photo?: string;
  company?: string;
  role?: string;
  twitter?: string;
  website?: string;
}

/** One programme entry of the source. */
export interface ImportedEvent {
  /** Where it is in the source file, for messages: `days[0].rooms["Main Hall"][2]`. */
  where: string;
  /** The source's own id (`guid:…`, `id:…`), when it has one: re-imports find the file by it. */
  key?: string;
  title: string;
  /** The source's type as written (`lecture`, `Workshop`, `break`…); "" when none. */
  type: string;
  /** Undefined for an event the source has not scheduled yet. */
  start?: ImportedTime;
  /** Minutes. */
  duration?: number;
  /** The end, when the source gives one instead of a length (Sessionize): the length is the time between, in real minutes. */
  end?: ImportedTime;
  /** The room's name; undefined for an event in no room. */
  room?: string;
  tags: string[];
  /** The abstract and description, as markdown. */
  abstract: string;
  persons: ImportedPerson[];
  slides?: string;
  video?: string;
  code?: string;
  feedback?: string;
}

/** A whole schedule in one shape, whatever format it came from. */
export interface ImportedProgramme {
  format: ImportFormat;
  title?: string;
  acronym?: string;
  url?: string;
  /** First and last day, `YYYY-MM-DD`, when the source says. */
  start?: string;
  end?: string;
  /** The IANA zone the source names, if any. */
  timezone?: string;
  /** `HH:mm`, when the source says when one conference day turns into the next. */
  dayChange?: string;
  /** Room names in the source's order. */
  rooms: string[];
  events: ImportedEvent[];
}

/** A source file that cannot be imported; each line names where in the file. */
export class ImportError extends Error {
  override name = "ImportError";
  readonly lines: readonly string[];

  constructor(lines: readonly string[]) {
    super(lines.join("\n"));
    this.lines = lines;
  }
}

/** Minutes in `"01:30"`, `"01:30:00"` or `"1:30"`; undefined when it is none of these. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value !== "string") return undefined;
  const m = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(value.trim());
  if (!m) return undefined;
  return Number(m[1]) * 60 + Number(m[2]) + (m[3] && Number(m[3]) >= 30 ? 1 : 0);
}

/** Characters no one-line field may hold (see src/content/fields.ts): dropped from what a source gives. */
const REFUSED_IN_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Trimmed text without control or bidi-override characters, or undefined for anything that is not a non-empty string. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.replace(REFUSED_IN_LINE, "").trim();
  return trimmed === "" ? undefined : trimmed;
}

/** Sorts a link into the field that holds it: slides, video, code, or the feedback form. */
export function classifyLink(url: string, type = "", title = ""): "slides" | "video" | "code" | "feedback" | undefined {
  const words = `${type} ${title}`.toLowerCase();
  if (!/^https?:\/\//i.test(url)) return undefined;
  if (/feedback/.test(words)) return "feedback";
  if (/slide|paper|presentation/.test(words)) return "slides";
  if (/media|video|recording|youtube|vimeo/.test(words) || /youtu\.?be|vimeo\.com|media\.ccc\.de/i.test(url)) return "video";
  if (/code|repo|source|related/.test(words) || /github\.com|gitlab\.|codeberg\.org/i.test(url)) return "code";
  return undefined;
}

/** Puts each link of an event into its field (the first of each kind wins). */
export function assignLinks(event: ImportedEvent, links: ReadonlyArray<{ url: string; type?: string; title?: string }>): void {
  for (const link of links) {
    const field = classifyLink(link.url, link.type, link.title);
    if (field && event[field] === undefined) event[field] = link.url;
  }
}

/** A JSON path segment for messages: `.name` or `["Main Hall"]`. */
export function member(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}
