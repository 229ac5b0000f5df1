import type { DateTime } from "luxon";
import { peopleOf, type Conference, type Session } from "../content/model.ts";
import { absoluteUrl } from "../site/urls.ts";
import { sessionGuid } from "./ids.ts";
import { historyOf, type SessionHistory } from "./changes.ts";
import type { ReleasedSession } from "../content/releases.ts";
import { translatorFor } from "../i18n/index.ts";

/**
 * An iCalendar file (RFC 5545) with one event per session. Times are written as UTC instants,
 * which every calendar converts correctly without a VTIMEZONE block; the UID is the session's
 * guid. Every TEXT value goes through `escapeText` and every line through `foldLines`: nothing
 * from the content reaches the file any other way. Each session's event is written once per
 * build and reused by its own file and the whole-schedule file.
 */
export function renderIcs(
  conference: Conference,
  sessions: readonly Session[],
  options: { stamp: DateTime; name: string; path: string; cancelled?: readonly ReleasedSession[] },
): string {
  const header = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    `URL:${uri(absoluteUrl(conference.event, options.path))}`,
    `NAME:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  const stamp = utc(options.stamp);
  const events = sessions.map((session) => eventText(conference, session, stamp));
  for (const session of options.cancelled ?? []) events.push(cancelledText(conference, session, stamp));
  return `${foldLines(header.join(CRLF))}${CRLF}${events.join("")}END:VCALENDAR${CRLF}`;
}

/** Fixed text: the product, never content (PRODID is read by programs, not shown to people). */
const PRODUCT_ID = "-//Lectern//Lectern//EN";
const CRLF = "\r\n";

const eventCache = new WeakMap<Session, { stamp: string; text: string }>();

/** One session's VEVENT, folded, ending in CRLF. */
function eventText(conference: Conference, session: Session, stamp: string): string {
  const cached = eventCache.get(session);
  if (cached?.stamp === stamp) return cached.text;
  const { event } = conference;
  const guid = sessionGuid(event, session);
  const people = peopleOf(session).map((person) => person.name);
  const key = session.type === "workshop" ? "ics.leaders" : "ics.speakers";
  const credits = people.length > 0 ? translatorFor(event.language).t(key, { count: people.length, names: people.join(", ") }) : "";
  const description = [session.summary, credits].filter(Boolean).join("\n\n");
  // Giggity drops events without a LOCATION: the venue is always there.
  const place = [session.room?.name, event.venue.name, event.venue.address].filter(Boolean).join(", ");
  const lines = [
    "BEGIN:VEVENT",
    `UID:${guid}`,
    ...revision(historyOf(conference).sessions.get(guid), stamp),
    `DTSTAMP:${stamp}`,
    `DTSTART:${utc(session.start)}`,
    `DTEND:${utc(session.end)}`,
    `SUMMARY:${escapeText(session.title)}`,
    `LOCATION:${escapeText(place)}`,
  ];
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  if (session.tags.length > 0) lines.push(`CATEGORIES:${session.tags.map(escapeText).join(",")}`);
  if (session.url) lines.push(`URL;VALUE=URI:${uri(absoluteUrl(event, session.url))}`);
  if (session.cancelled) lines.push("STATUS:CANCELLED");
  lines.push("END:VEVENT");
  const text = foldLines(lines.join(CRLF)) + CRLF;
  eventCache.set(session, { stamp, text });
  return text;
}

/**
 * SEQUENCE and LAST-MODIFIED from the releases: the number of times the session's time, room or
 * title changed (or it was cancelled), and when the release that last did so was recorded (the
 * DTSTAMP for a change not released yet). Without releases, SEQUENCE:0 as always.
 */
function revision(history: SessionHistory | undefined, stamp: string): string[] {
  if (!history || history.sequence === 0) return ["SEQUENCE:0"];
  return [`SEQUENCE:${history.sequence}`, `LAST-MODIFIED:${history.changedIn ? utc(history.changedIn.recorded) : stamp}`];
}

/** A session of an earlier release that is no longer on the programme: kept, as cancelled, so calendars that imported it mark it so. */
function cancelledText(conference: Conference, session: ReleasedSession, stamp: string): string {
  const { event } = conference;
  const room = event.rooms.find((r) => r.id === session.room);
  const place = [room?.name, event.venue.name, event.venue.address].filter(Boolean).join(", ");
  const lines = [
    "BEGIN:VEVENT",
    `UID:${session.guid}`,
    ...revision(historyOf(conference).sessions.get(session.guid), stamp),
    `DTSTAMP:${stamp}`,
    `DTSTART:${utc(session.start)}`,
    `DTEND:${utc(session.end)}`,
    `SUMMARY:${escapeText(session.title)}`,
    `LOCATION:${escapeText(place)}`,
    "STATUS:CANCELLED",
    "END:VEVENT",
  ];
  return foldLines(lines.join(CRLF)) + CRLF;
}

/** "20241026T070000Z". */
function utc(time: DateTime): string {
  return time.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
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

const ASCII = /^[\x00-\x7f]*$/;

