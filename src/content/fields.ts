import { DateTime } from "luxon";
import { z } from "zod";

/** Text; a bare number such as `2016` is taken as the text it was written as. */
export const text = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, "must not be empty"));

/** A list of texts, e.g. tags. */
export const textList = z.array(text);

/** A reference to another content file by its slug (its file name without `.md`). */
export const slugRef = z.string().min(1, "must not be empty");

/** Letters, digits and hyphens: ids that end up in URLs and HTML ids. */
export const identifier = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and hyphens only (e.g. main-hall)");

/** A calendar date, `YYYY-MM-DD`, with no time zone of its own. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date written YYYY-MM-DD")
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

/** An absolute web address (`http:` or `https:` only). */
export const webUrl = z.string().refine(isWebUrl, {
  error: (issue) => `must be a full http:// or https:// address, got "${String(issue.input)}"`,
});

export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return WEB_PROTOCOLS.has(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A social handle without the leading `@` (one is removed if written). */
export function handle(pattern: RegExp, example: string) {
  return z
    .string()
    .transform((value) => value.trim().replace(/^@/, ""))
    .pipe(z.string().regex(pattern, `expected a handle such as "${example}"`));
}
