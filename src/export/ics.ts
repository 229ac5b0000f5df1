import type { DateTime } from "luxon";
import { peopleOf, type Conference, type Room, type Session } from "../content/model.ts";
import { absoluteUrl } from "../site/urls.ts";
import { sessionGuid } from "./ids.ts";
import { historyOf, type SessionHistory } from "./changes.ts";
import type { ReleasedSession } from "../content/releases.ts";
import { translatorFor } from "../i18n/index.ts";
import { CALENDAR_END, calendarHeader, icalUtc, veventText, type VEventFields } from "./ical-writer.ts";
import { bytePieces, type FileBytes } from "./bytes.ts";

export { escapeText, foldLines } from "./ical-writer.ts";

/**
 * An iCalendar file (RFC 5545) with one event per session, written by the one iCalendar writer
 * (`ical-writer.ts`, which the browser uses too for the attendee's picks); the UID is the
 * session's guid. Each session's event is written once per build and reused by its own file
 * and the whole-schedule file.
 */
export function renderIcs(conference: Conference, sessions: readonly Session[], options: CalendarOptions): string {
  return calendarPieces(conference, sessions, options, false).join("");
}

/** `renderIcs` as UTF-8 bytes, each session's event kept as bytes (for the whole-schedule file: see bytePieces). */
export function renderIcsBytes(conference: Conference, sessions: readonly Session[], options: CalendarOptions): FileBytes {
  return bytePieces(calendarPieces(conference, sessions, options, true));
}

interface CalendarOptions {
  stamp: DateTime;
  name: string;
  path: string;
  cancelled?: readonly ReleasedSession[];
}

function calendarPieces(conference: Conference, sessions: readonly Session[], options: CalendarOptions, asBytes: boolean): (string | Buffer)[] {
  const stamp = utc(options.stamp);
  const pieces: (string | Buffer)[] = [calendarHeader({ name: options.name, url: absoluteUrl(conference.event, options.path) })];
  for (const session of sessions) {
    const event = eventText(conference, session, stamp);
    pieces.push(asBytes ? (event.bytes ??= Buffer.from(event.text)) : event.text);
  }
  for (const session of options.cancelled ?? []) pieces.push(cancelledText(conference, session, stamp));
  pieces.push(CALENDAR_END);
  return pieces;
}

const eventCache = new WeakMap<Session, { stamp: string; text: string; bytes?: Buffer }>();

/** One session's VEVENT, folded, ending in CRLF (and its bytes, once asked for). */
function eventText(conference: Conference, session: Session, stamp: string): { text: string; bytes?: Buffer } {
  const cached = eventCache.get(session);
  if (cached?.stamp === stamp) return cached;
  const { description, ...fields } = sessionEvent(conference, session, stamp);
  const text = veventText({ ...fields, description: [session.summary, description].filter(Boolean).join("\n\n") });
  const made = { stamp, text };
  eventCache.set(session, made);
  return made;
}

/**
 * A session's event as the site's calendars write it, except that `description` holds only the
 * credits ("Speakers: Ada, Ben"): the files put the abstract before them, the browser's file of
 * the attendee's picks (from /schedule/sessions.json, which leaves abstracts out) does not.
 */
export function sessionEvent(conference: Conference, session: Session, stamp: string): VEventFields {
  const { event } = conference;
  const guid = sessionGuid(event, session);
  const people = peopleOf(session).map((person) => person.name);
  const key = session.type === "workshop" ? "ics.leaders" : "ics.speakers";
  const credits = people.length > 0 ? translatorFor(event.language).t(key, { count: people.length, names: people.join(", ") }) : "";
  return {
    uid: guid,
    ...revision(historyOf(conference).sessions.get(guid), stamp),
    stamp,
    start: utc(session.start),
    end: utc(session.end),
    summary: session.title,
    location: placeOf(event, session.room),
    description: credits,
    categories: session.tags,
    url: session.url ? absoluteUrl(event, session.url) : undefined,
    cancelled: session.cancelled === true,
  };
}

/** Giggity drops events without a LOCATION: the venue is always there. */
function placeOf(event: Conference["event"], room: Room | undefined): string {
  return [room?.name, event.venue.name, event.venue.address].filter(Boolean).join(", ");
}

/**
 * SEQUENCE and LAST-MODIFIED from the releases: the number of times the session's time, room or
 * title changed (or it was cancelled), and when the release that last did so was recorded (the
 * DTSTAMP for a change not released yet). Without releases, SEQUENCE:0 as always.
 */
function revision(history: SessionHistory | undefined, stamp: string): { sequence: number; lastModified?: string } {
  if (!history || history.sequence === 0) return { sequence: 0 };
  return { sequence: history.sequence, lastModified: history.changedIn ? utc(history.changedIn.recorded) : stamp };
}

/** A session of an earlier release that is no longer on the programme: kept, as cancelled, so calendars that imported it mark it so. */
function cancelledText(conference: Conference, session: ReleasedSession, stamp: string): string {
  const { event } = conference;
  return veventText({
    uid: session.guid,
    ...revision(historyOf(conference).sessions.get(session.guid), stamp),
    stamp,
    start: utc(session.start),
    end: utc(session.end),
    summary: session.title,
    location: placeOf(event, event.rooms.find((r) => r.id === session.room)),
    cancelled: true,
  });
}

/** "20241026T070000Z". */
function utc(time: DateTime): string {
  return icalUtc(time.toMillis());
}
