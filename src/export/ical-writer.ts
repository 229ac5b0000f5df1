/**
 * The one iCalendar (RFC 5545) writer: plain strings in, text out, no Node or luxon, so the
 * build (src/export/ics.ts) and the browser (the attendee's own picks, src/client/mine-ics.ts)
 * write the same events by the same rules. Every TEXT value goes through `escapeText` and every
 * line through `foldLines`; times are UTC instants, which every calendar converts correctly
 * without a VTIMEZONE block.
 */

export const CRLF = "\r\n";

/** Fixed text: the product, never content (PRODID is read by programs, not shown to people). */
const PRODUCT_ID = "-//Lectern//Lectern//EN";

/** One event, its values as plain text: the writer escapes and folds them. */
export interface VEventFields {
  /** The session's guid. */
  uid: string;
  /** How many times the session's time, room or title changed in a release (0 without releases). */
  sequence: number;
  /** When the release that last changed it was recorded, `icalUtc`; only with a sequence above 0. */
  lastModified?: string | undefined;
  /** `icalUtc` of the export's stamp. */
  stamp: string;
  /** `icalUtc` instants. */
  start: string;
  end: string;
  summary: string;
  location: string;
  description?: string | undefined;
  categories?: readonly string[] | undefined;
  /** An absolute address. */
  url?: string | undefined;
  cancelled?: boolean | undefined;
}

/** A whole calendar: its name and address, and events written with `veventText`. */
export function calendarText(calendar: { name: string; url: string }, events: readonly string[]): string {
  return `${calendarHeader(calendar)}${events.join("")}${CALENDAR_END}`;
}

/** A calendar's lines before its events, folded, ending in CRLF (`calendarText`). */
export function calendarHeader(calendar: { name: string; url: string }): string {
  const header = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    `URL:${uri(calendar.url)}`,
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  return `${foldLines(header.join(CRLF))}${CRLF}`;
}

/** A calendar's last line (`calendarText`). */
export const CALENDAR_END = `END:VCALENDAR${CRLF}`;

/** One VEVENT, folded, ending in CRLF. */
export function veventText(event: VEventFields): string {
  const lines = ["BEGIN:VEVENT", `UID:${event.uid}`, `SEQUENCE:${event.sequence}`];
  if (event.sequence > 0 && event.lastModified) lines.push(`LAST-MODIFIED:${event.lastModified}`);
  lines.push(
    `DTSTAMP:${event.stamp}`,
    `DTSTART:${event.start}`,
    `DTEND:${event.end}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
  );
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.categories && event.categories.length > 0) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(",")}`);
  if (event.url) lines.push(`URL;VALUE=URI:${uri(event.url)}`);
  if (event.cancelled) lines.push("STATUS:CANCELLED");
  lines.push("END:VEVENT");
  return foldLines(lines.join(CRLF)) + CRLF;
}

/** An instant (milliseconds since 1970) as iCalendar's UTC form: "20241026T070000Z". */
export function icalUtc(millis: number): string {
  return new Date(millis).toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/**
 * A TEXT value as RFC 5545 3.3.11 writes it: backslash, semicolon and comma escaped, line
 * breaks (LF, CRLF or a lone CR) as `\n`, and other control characters, which the grammar does
 * not allow in a value, dropped. Tabs stay.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .replace(/[\\;,\n]/g, (ch) => (ch === "\n" ? "\\n" : `\\${ch}`));
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A URI value: the addresses Lectern makes are already encoded; anything that could end the line is encoded too. */
function uri(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f]/g, (ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`);
}

/**
 * Folds content lines longer than 75 octets (RFC 5545 3.1): a CRLF and a space before the
 * character that would pass 74 octets of UTF-8, never inside a character.
 */
export function foldLines(text: string): string {
  const lines = text.split(CRLF);
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    // Short ASCII lines, nearly all of them, need no counting.
    if (line.length <= 74 && ASCII.test(line)) continue;
    let folded = "";
    let octets = 0;
    for (const ch of line) {
      const code = ch.codePointAt(0)!;
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      octets += size;
      if (octets > 74) {
        folded += "\r\n ";
        octets = size;
      }
      folded += ch;
    }
    lines[l] = folded;
  }
  return lines.join(CRLF);
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
