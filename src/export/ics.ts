import ical, { ICalEvent } from "ical-generator";
import type { DateTime } from "luxon";
import { peopleOf, type Conference, type Session } from "../content/model.ts";
import { absoluteUrl } from "../views/site.ts";
import { sessionGuid } from "./ids.ts";

/**
 * An iCalendar file with one event per session. Times are written as UTC instants, which
 * every calendar converts correctly without a VTIMEZONE block; the UID is the session's guid.
 *
 * ical-generator writes the calendar and each event; the lines are folded here instead of by
 * its `toString`, which measures every character with a new TextEncoder and took a fifth of a
 * 10,000-talk build. Each session's event is written once per build and reused by the
 * per-session files and the whole-schedule file.
 */
export function renderIcs(
  conference: Conference,
  sessions: readonly Session[],
  options: { stamp: DateTime; name: string; path: string },
): string {
  const { event } = conference;
  const calendar = ical({
    name: options.name,
    prodId: { company: "Lectern", product: event.name, language: "EN" },
    url: absoluteUrl(event, options.path),
  });
  // With no events, the calendar is its header followed by "END:VCALENDAR".
  const empty = calendar.toString();
  const end = empty.lastIndexOf("END:VCALENDAR");
  const stamp = options.stamp.toUTC().toJSDate();
  const events = sessions.map((session) => eventText(conference, session, stamp));
  return empty.slice(0, end) + events.join("") + empty.slice(end);
}

/** The calendar events are made in; they are written out on their own, never added to it. */
const scratch = ical();

const eventCache = new WeakMap<Session, { stamp: number; text: string }>();

/** One session's VEVENT, folded, ending in CRLF. */
function eventText(conference: Conference, session: Session, stamp: Date): string {
  const cached = eventCache.get(session);
  if (cached?.stamp === stamp.getTime()) return cached.text;
  const { event } = conference;
  const people = peopleOf(session).map((person) => person.name);
  const noun = session.type === "workshop" ? (people.length === 1 ? "Leader" : "Leaders") : people.length === 1 ? "Speaker" : "Speakers";
  const description = [session.summary, people.length > 0 ? `${noun}: ${people.join(", ")}` : ""].filter(Boolean).join("\n\n");
  const place = [session.room?.name, event.venue.name, event.venue.address].filter(Boolean).join(", ");
  const vevent = new ICalEvent(
    {
      id: sessionGuid(event, session),
      start: session.start.toUTC().toJSDate(),
      end: session.end.toUTC().toJSDate(),
      stamp,
      summary: session.title,
      description,
      location: place,
      url: session.url ? absoluteUrl(event, session.url) : null,
      categories: session.tags.map((name) => ({ name })),
    },
    scratch,
  );
  const text = foldLines(vevent.toString());
  eventCache.set(session, { stamp: stamp.getTime(), text });
  return text;
}

/**
 * Folds content lines longer than 75 octets (RFC 5545 3.1): a CRLF and a space before the
 * character that would pass 74 octets of UTF-8, never inside a character.
 */
export function foldLines(text: string): string {
  const lines = text.split("\r\n");
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
  return lines.join("\r\n");
}

const ASCII = /^[\x00-\x7f]*$/;

/** Where a session's own calendar file is published: `/talks/<slug>.ics`, `/workshops/<slug>.ics`. */
export function calendarPath(session: Session): string {
  return `/${session.type}s/${session.slug}.ics`;
}
