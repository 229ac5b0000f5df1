import type { VEventFields } from "./ical-writer.ts";

/**
 * `/schedule/sessions.json`: the programme as the browser's scripts need it (the attendee's picks,
 * their calendar file, the offline copy). Compact: no abstracts; the build makes it, and
 * `eventOf` below turns one of its sessions into the same event as the session's own `.ics`
 * (the abstract aside). Pure: the browser imports this module too.
 */
export interface BrowserProgramme {
  /** Changes when the file's shape does. */
  version: 1;
  /** The event's name. */
  name: string;
  /** The site's root, absolute (`https://example.org/boston-2016/`). */
  url: string;
  /** The site's language (BCP 47). */
  language: string;
  /** The event's IANA zone. */
  timezone: string;
  /** The venue's name and address: each event's LOCATION after its room. */
  place: string;
  /** The calendar files' DTSTAMP (`20160610T000000Z`): the build's stamp. */
  stamp: string;
  /** Each conference day with sessions: ISO date and its name in the site's language. */
  days: Array<{ date: string; label: string }>;
  /** Talks and workshops with a page, in programme order (a workshop of several blocks: one a block). */
  sessions: BrowserSession[];
}

export interface BrowserSession {
  /** The integer id of schedule.json and `data-session`. */
  id: number;
  /** The UID of its calendar event. */
  guid: string;
  /** "talk", "keynote", "lightning"…, or "workshop". */
  kind: string;
  title: string;
  /** Site path of its page. */
  url: string;
  /** ISO instants with the event's offset. */
  start: string;
  end: string;
  /** Its conference day, as in `days`. */
  day: string;
  /** "09:30–10:15 EDT", as the site's pages write it. */
  when: string;
  /** Undefined for a session in every room. */
  room?: { id: string; name: string };
  people: string[];
  tags: string[];
  /** A workshop's level. */
  level?: string;
  /** One block of a workshop of several: [1-based index, count]. */
  part?: [number, number];
  /** "Speakers: Ada, Ben": the calendar event's description. */
  credits?: string;
  cancelled?: true;
  /** SEQUENCE when the releases changed it, and when (LAST-MODIFIED). */
  sequence?: number;
  modified?: string;
}

/** A session of sessions.json as the VEVENT the site's own calendar file has for it (without the abstract). */
export function eventOf(programme: BrowserProgramme, session: BrowserSession): VEventFields {
  return {
    uid: session.guid,
    sequence: session.sequence ?? 0,
    lastModified: session.modified,
    stamp: programme.stamp,
    start: utcOfIso(session.start),
    end: utcOfIso(session.end),
    summary: session.title,
    location: [session.room?.name, programme.place].filter(Boolean).join(", "),
    description: session.credits,
    categories: session.tags,
    url: programme.url + session.url.replace(/^\//, ""),
    cancelled: session.cancelled === true,
  };
}

/** "2016-06-10T09:30:00-04:00" → "20160610T133000Z". */
function utcOfIso(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}
