import { DateTime } from "luxon";
import { z } from "zod";

/**
 * Characters no single-line field may hold: C0 controls other than TAB, LF and CR (which
 * collapse into a space), DEL, C1 controls, and the bidirectional embedding, override and
 * isolate characters, which can make text read differently from what it is.
 */
const REFUSED_IN_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
/** What YAML block scalars and pasted text put inside a line. VT and FF are refused above, so this is not `\s`. */
const LINE_SPACE = /[ \t\r\n]+/g;
/** Characters that show nothing on their own: spaces, controls, format characters, fillers, variation selectors. */
const INVISIBLE = /^[\p{Z}\p{Cc}\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]+$/u;
/** Control characters dropped from bodies: every C0 control but TAB and LF, DEL and the C1 controls. */
const BODY_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** A value that passed a check, or the message saying why it did not. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** `U+001B`. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The first character matching `pattern` and its 1-based position (in characters, not UTF-16 units). */
function firstMatch(value: string, pattern: RegExp): { char: string; position: number } | undefined {
  if (!pattern.test(value)) return undefined;
  let position = 0;
  for (const char of value) {
    position++;
    if (pattern.test(char)) return { char, position };
  }
  return undefined;
}

/** Characters that must never reach a terminal or a page as written, even inside a message. */
const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const UNPRINTABLE = new RegExp(CONTROL_OR_BIDI.source, "gu");

/** `value` with each control or bidi character written as `<U+001B>`, for quoting it in a message. */
export function printable(value: string): string {
  return value.replace(UNPRINTABLE, (char) => `<${codePoint(char)}>`);
}

/** Why a value may not stand in a one-line field because of a control character, if it may not. */
export function controlCharacterProblem(value: string): string | undefined {
  const found = firstMatch(value, REFUSED_IN_LINE);
  return found && `contains a control character (${codePoint(found.char)}) at position ${found.position}; remove it`;
}

/**
 * The rules for every single-line text field, in one place: control characters are refused,
 * each run of spaces, tabs and line breaks becomes one space, and something visible must remain.
 */
export function checkLine(written: string): Checked<string> {
  const control = controlCharacterProblem(written);
  if (control) return { ok: false, message: control };
  const value = written.replace(LINE_SPACE, " ").trim();
  if (value === "") return { ok: false, message: "must not be empty" };
  if (INVISIBLE.test(value)) {
    return { ok: false, message: `has nothing visible in it (only invisible characters such as ${codePoint(value)}); write the text` };
  }
  return { ok: true, value };
}

/** A body (the markdown after the front matter) without control characters other than TAB and LF. */
export function cleanBody(body: string): string {
  return body.replace(BODY_CONTROLS, "");
}

/** Turns a check's result into the value, or into a zod issue that carries its message. */
function accept<T>(checked: Checked<T>, input: unknown, ctx: { issues: z.core.$ZodRawIssue[] }): T {
  if (checked.ok) return checked.value;
  ctx.issues.push({ code: "custom", message: checked.message, input });
  return z.NEVER;
}

/** Text on one line; a bare number such as `2016` is taken as the text it was written as. */
export const text = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => accept(checkLine(String(value)), value, ctx));

/** A list of texts, e.g. tags. */
export const textList = z.array(text);

/** A name or id on one line, as written: not empty, no control characters (messages quote it). */
export const oneLine = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((value) => controlCharacterProblem(value) === undefined, {
    error: (issue) => controlCharacterProblem(String(issue.input)),
  });

/** A reference to another content file by its slug (its file name without `.md`). */
export const slugRef = oneLine;

/** Letters, digits and hyphens: ids that end up in URLs and HTML ids. */
export const identifier = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: (issue) =>
    controlCharacterProblem(String(issue.input)) ?? "use lower-case letters, digits and hyphens only (e.g. main-hall)",
});

/** A calendar date, `YYYY-MM-DD`, with no time zone of its own. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a date written YYYY-MM-DD", abort: true })
  .refine((value) => DateTime.fromISO(value, { zone: "utc" }).isValid, {
    error: (issue) => `"${String(issue.input)}" is not a real date`,
  });

/**
 * A wall-clock time in the event's time zone, `YYYY-MM-DD HH:mm`, with an optional
 * UTC offset (`2016-10-30 02:30 +01:00`) for the hour that happens twice when the clocks go back.
 * Whether it exists in the zone is checked once the event's zone is known.
 */
export const localDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?: ?[+-]\d{2}:\d{2})?$/,
    'expected a date and time written "YYYY-MM-DD HH:mm" (e.g. "2016-06-10 09:30")',
  );

/** A length of time in whole minutes. */
export const minutes = z
  .int("expected a whole number of minutes")
  .min(1, "must be at least 1 minute")
  .max(24 * 60, "must be at most 1440 minutes (one day)");

const WEB_PROTOCOLS = new Set(["http:", "https:"]);
/** Nothing an address may hold as written: whitespace, controls and bidi characters. */
const REFUSED_IN_URL = /[\s\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** Why `value` cannot be written as a link, for a character it must not hold. */
function urlCharacterProblem(value: string, pattern = REFUSED_IN_URL): string | undefined {
  const found = firstMatch(value, pattern);
  if (!found) return undefined;
  const at = `at position ${found.position}`;
  if (found.char === " ") return `contains a space ${at}; write %20 for a space`;
  if (found.char === "\n" || found.char === "\r") return `contains a line break ${at}; write the address on one line`;
  if (found.char === "\t") return `contains a tab ${at}; remove it`;
  return `contains a control character (${codePoint(found.char)}) ${at}; remove it`;
}

/** Why `value` is not an absolute `http:` or `https:` address, or undefined when it is one. */
export function webUrlProblem(value: string): string | undefined {
  const character = urlCharacterProblem(value);
  if (character) return character;
  if (!isWebUrl(value)) return `must be a full http:// or https:// address, got "${value}"`;
  return undefined;
}

/** An absolute web address (`http:` or `https:` only). */
export const webUrl = z.string().refine((value) => webUrlProblem(value) === undefined, {
  error: (issue) => webUrlProblem(String(issue.input)),
});

/** True for an absolute `http:` or `https:` address with a host, written without spaces or controls. */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\/[^/?#]/i.test(value) || REFUSED_IN_URL.test(value)) return false;
  try {
    return WEB_PROTOCOLS.has(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Why `value` is not an absolute `https:` address, or undefined when it is one. */
export function httpsUrlProblem(value: string): string | undefined {
  const problem = webUrlProblem(value);
  if (problem) return problem;
  if (!/^https:/i.test(value)) return `must be an https:// address (browsers block or flag http:// content on an https site), got "${value}"`;
  return undefined;
}

/** An absolute `https:` address: for what the site's pages link to live, such as a room's stream. */
export const httpsUrl = z.string().refine((value) => httpsUrlProblem(value) === undefined, {
  error: (issue) => httpsUrlProblem(String(issue.input)),
});

/**
 * The address a site is published at: a web address without a query or fragment; its path
 * (kept, for a site under a sub-path) always ends in `/`.
 */
export const siteUrl = webUrl
  .refine((value) => !/[?#]/.test(value), {
    error: (issue) =>
      `must not have a query ("?…") or a fragment ("#…"): it is the address the site is published at, got "${String(issue.input)}"`,
  })
  .transform((value) => (value.endsWith("/") ? value : `${value}/`));

const PUBLIC_PATH_CHARACTER = /[A-Za-z0-9_./-]/;

/** Why `value` is neither an `https:` address nor a path in public/, or undefined when it is one of them. */
export function imageProblem(value: string): string | undefined {
  const usage = "write the full https:// address, or a path in public/ such as /images/photo.jpg";
  const control = urlCharacterProblem(value, CONTROL_OR_BIDI);
  if (control) return control;
  if (value.startsWith("//")) return `"${value}" is an address on another site without https:; ${usage}`;
  if (/^https?:/i.test(value)) {
    const problem = webUrlProblem(value);
    if (problem) return problem;
    if (!/^https:/i.test(value)) return `must be an https:// address (browsers block or flag http:// images on an https site), got "${value}"`;
    return undefined;
  }
  if (value.startsWith("/")) {
    if (value.split("/").includes("..")) return `"${value}" must not contain ".."`;
    const found = firstMatch(value, /[^A-Za-z0-9_./-]/u);
    if (!found) return undefined;
    const what = found.char === " " ? "a space" : /\s/u.test(found.char) ? `a space (${codePoint(found.char)})` : `"${found.char}"`;
    return `"${value}" contains ${what}; a path in public/ may hold letters, digits, "-", "_", "." and "/" only (rename the file)`;
  }
  const inPublic = value.replace(/^(\.\/)?(public\/)?/, "");
  if (inPublic !== "" && [...inPublic].every((char) => PUBLIC_PATH_CHARACTER.test(char)) && !inPublic.split("/").includes("..")) {
    return `expected an https:// address or a path in public/ starting with "/", got "${value}" (did you mean "/${inPublic}"?)`;
  }
  return `expected an https:// address or a path in public/ such as /images/photo.jpg, got "${value}"`;
}

/** An image: an `https:` address, or a path inside public/ such as `/images/jane.jpg`. */
export const imageRef = z.string().refine((value) => imageProblem(value) === undefined, {
  error: (issue) => imageProblem(String(issue.input)),
});

/** A social handle without the leading `@` (one is removed if written). */
export function handle(pattern: RegExp, example: string) {
  return z
    .string()
    .transform((value) => value.trim().replace(/^@/, ""))
    .pipe(z.string().regex(pattern, `expected a handle such as "${example}"`));
}

/** A Mastodon address, `@user@host` (the leading `@` may be left out); kept as `user@host`. */
export const mastodonHandle = z
  .string()
  .transform((value) => value.trim().replace(/^@/, ""))
  .pipe(
    z
      .string()
      .regex(
        /^[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
        'expected a Mastodon address such as "@jane@mastodon.social" (user and server)',
      ),
  );

/** A Bluesky handle, a domain name such as `jane.bsky.social` (a leading `@` is removed); kept in lower case. */
export const blueskyHandle = z
  .string()
  .transform((value) => value.trim().replace(/^@/, "").toLowerCase())
  .pipe(
    z
      .string()
      .max(253, "must be at most 253 characters long")
      .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'expected a Bluesky handle such as "jane.bsky.social"'),
  );

/**
 * A LinkedIn profile: its `https://www.linkedin.com/…` address, or the name at its end
 * (`jane-doe`: a person's `/in/jane-doe/`, a company's `/company/jane-doe/`). Kept as written.
 */
export const linkedinProfile = z
  .string()
  .transform((value) => value.trim().replace(/^@/, ""))
  .refine((value) => /^[A-Za-z0-9][A-Za-z0-9_-]{1,99}$/.test(value) || /^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/[^\s?#]+$/i.test(value), {
    error: 'expected a LinkedIn name such as "jane-doe" or an address such as "https://www.linkedin.com/in/jane-doe/"',
  });
