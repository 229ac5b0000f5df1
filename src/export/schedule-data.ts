import { translatorFor, type Translator } from "../i18n/index.ts";
import { createHash } from "node:crypto";
import { historyOf } from "./changes.ts";
import type { DateTime } from "luxon";
import { peopleOf, type Conference, type Room, type Session } from "../content/model.ts";
import { dayStart } from "../schedule/grid.ts";
import { absoluteUrl } from "../site/urls.ts";
import { toSlug } from "../content/slug.ts";
import { conferenceAcronym, personGuid, personIds, roomGuid, sessionGuid } from "./ids.ts";
import { sessionNumbers } from "./sessions-json.ts";
import { exportedSessions } from "./sessions.ts";
import { jsonDigest } from "./json-text.ts";
import { KeptPerSession } from "./kept.ts";

/**
 * A person on an event, frab style: `id` and `public_name`, which EventFahrplan and pyfahrplan
 * read (the schema's pretalx style has `name` instead, and a person may not have both).
 */
export interface SchedulePerson {
  id: number;
  guid: string;
  public_name: string;
  url: string;
  biography: string | null;
}

/** A track (a session's first tag) with a colour of its own. */
export interface ScheduleTrack {
  name: string;
  /** Left out when the tag makes no slug both formats accept. */
  slug?: string;
  /** `#rrggbb`, the same for the same tag in every build. */
  color: string;
}

export interface ScheduleLink {
  type: "slides" | "media" | "related";
  url: string;
  title: string;
}

/** One session, with the fields both the JSON and the XML export carry. */
export interface ScheduleEvent {
  guid: string;
  id: number;
  /** Start, ISO 8601 with the event's UTC offset. */
  date: string;
  /** Local start, "HH:mm". */
  start: string;
  end: string;
  /** "HH:mm". */
  duration: string;
  room: string;
  /** `<acronym>-<id>-<ascii title>`: the form C3VOC tooling expects. */
  slug: string;
  url: string;
  title: string;
  subtitle: null;
  /** The first tag, or null. */
  track: string | null;
  type: string;
  language: string;
  abstract: string;
  description: null;
  persons: SchedulePerson[];
  links: ScheduleLink[];
}

export interface ScheduleDay {
  /** 1-based. */
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  /** Room name to its events, in the event's room order. */
  rooms: Record<string, ScheduleEvent[]>;
}

export interface ScheduleRoom {
  name: string;
  guid: string;
  slug?: string;
}

export interface ScheduleConference {
  acronym: string;
  title: string;
  start: string;
  end: string;
  daysCount: number;
  timeslot_duration: string;
  time_zone_name: string;
  url: string;
  rooms: ScheduleRoom[];
  tracks: ScheduleTrack[];
  days: ScheduleDay[];
}

/** The whole programme in the shape of the c3voc schedule JSON, from which both exports are written. */
export interface ScheduleData {
  /** Changes whenever anything in the export changes: a hash of its content. */
  version: string;
  base_url: string;
  conference: ScheduleConference;
}

/**
 * The exported programme: talks and workshops (not breaks), grouped by day and room.
 * A session without a room is listed in the first room of event.yaml.
 */
export function scheduleData(conference: Conference): ScheduleData {
  const { event } = conference;
  // A cancelled session leaves the apps' schedule, which they replace whole; the calendars keep it, as cancelled.
  const sessions = exportedSessions(conference).filter((session) => !session.cancelled);
  // The same numbers as sessions.json's (which numbers cancelled sessions too, after these).
  const ids = sessionNumbers(conference);
  const people = personIds(event, conference.speakers);
  const acronym = conferenceAcronym(event);
  const roomOf = (session: Session): Room => session.room ?? event.rooms[0]!;

  const makeEvent = (session: Session, id: number): ScheduleEvent => {
    return {
      guid: sessionGuid(event, session),
      id,
      date: iso(session.start),
      start: session.start.toFormat("HH:mm"),
      end: iso(session.end),
      duration: hoursAndMinutes(session.duration),
      room: roomOf(session).name,
      slug: `${acronym}-${id}-${asciiTitle(session)}`,
      url: absoluteUrl(event, session.url!),
      title: session.title,
      subtitle: null,
      track: session.tags[0] ?? null,
      type: session.type === "workshop" ? "workshop" : session.kind,
      language: event.language,
      abstract: session.summary,
      description: null,
      persons: peopleOf(session).map((person) => ({
        id: people.get(person)!,
        guid: personGuid(event, person),
        public_name: person.name,
        url: absoluteUrl(event, person.url),
        biography: person.summary || null,
      })),
      links: session.type === "talk" ? linksOf(session.slides, session.video, session.code, translatorFor(event.language)) : [],
    };
  };

  // A session's event is made once and kept while nothing it shows changes (the dev server keeps
  // unchanged sessions, speakers and the event from build to build), with its JSON and XML text.
  const toEvent = (session: Session): ScheduleEvent => {
    const id = ids.get(session)!;
    const key = [event, id, ...peopleOf(session).flatMap((person) => [person, people.get(person)])];
    return scheduleEvents.get(session, key, () => makeEvent(session, id));
  };

  const days = conference.days.map(({ date, sessions: all }, i): ScheduleDay => {
    const rooms: Record<string, ScheduleEvent[]> = {};
    for (const room of event.rooms) rooms[room.name] = [];
    for (const session of all) {
      if (session.url !== undefined && !session.cancelled) rooms[roomOf(session).name]!.push(toEvent(session));
    }
    // The day runs from its day change to the next day's; a session before the first day's
    // change, or one running past the next, widens it so that every session lies inside.
    const from = all.reduce<DateTime>((min, s) => (s.start < min ? s.start : min), dayStart(date, event.day_change));
    const until = all.reduce<DateTime>((max, s) => (s.end > max ? s.end : max), dayStart(date.plus({ days: 1 }), event.day_change));
    return { index: i + 1, date: date.toISODate()!, day_start: iso(from), day_end: iso(until), rooms };
  });

  const content: ScheduleConference = {
    acronym,
    title: event.name,
    start: event.start.toISODate()!,
    end: event.end.toISODate()!,
    daysCount: event.days.length,
    timeslot_duration: hoursAndMinutes(timeslot(sessions)),
    time_zone_name: event.timezone,
    url: absoluteUrl(event, "/"),
    rooms: event.rooms.map((room) => ({
      name: room.name,
      guid: roomGuid(event, room),
      ...(room.id.length >= 2 ? { slug: room.id } : {}),
    })),
    tracks: tracksOf(sessions),
    days,
  };
  const hash = jsonDigest(content, isScheduleEvent).slice(0, 12);
  // The newest release names the version; content changed since it adds the hash, so apps still see the change.
  const history = historyOf(conference);
  const newest = history.releases.at(-1);
  const version = !newest ? hash : history.steps[0]?.release ? newest.name : `${newest.name}+${hash}`;
  return { version, base_url: absoluteUrl(event, "/"), conference: content };
}

const scheduleEvents = new KeptPerSession<ScheduleEvent>();

/** True for a session's event made by `scheduleData`: kept unchanged, so its JSON text may be reused (json-text.ts). */
export const isScheduleEvent = scheduleEvents.isKept;

/** The title in lower-case ASCII words joined by hyphens, at most about 64 characters; the file's slug if nothing is left. */
function asciiTitle(session: Session): string {
  const slug = toSlug(session.title) || session.slug;
  if (slug.length <= 64) return slug;
  const cut = slug.slice(0, 64);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : 64).replace(/-+$/, "");
}

/** Every track (first tag) in use, by name. */
function tracksOf(sessions: readonly Session[]): ScheduleTrack[] {
  const names = [...new Set(sessions.flatMap((s) => (s.tags[0] === undefined ? [] : [s.tags[0]])))].sort();
  return names.map((name) => {
    const slug = toSlug(name);
    return { name, ...(/^[a-z][a-z0-9-]*[a-z0-9]$/.test(slug) ? { slug } : {}), color: trackColour(name) };
  });
}

/**
 * A tag's colour, `#rrggbb`: a hue from a hash of the name at a fixed, fairly dark
 * saturation and lightness, so a tag keeps its colour from build to build.
 */
export function trackColour(tag: string): string {
  const hue = createHash("sha256").update(tag).digest().readUInt16BE(0) % 360;
  const saturation = 0.55;
  const lightness = 0.38;
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255).toString(16).padStart(2, "0");
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

function linksOf(slides: string | undefined, video: string | undefined, code: string | undefined, { t }: Translator): ScheduleLink[] {
  const links: ScheduleLink[] = [];
  if (slides) links.push({ type: "slides", url: slides, title: t("talk.slides") });
  if (video) links.push({ type: "media", url: video, title: t("talk.video") });
  if (code) links.push({ type: "related", url: code, title: t("talk.code") });
  return links;
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true })!;
}

/** 90 → "01:30". */
function hoursAndMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The largest step (in minutes, at least 5) on which every start and length falls: the apps' grid line. */
function timeslot(sessions: readonly Session[]): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let step = 60;
  for (const s of sessions) step = gcd(gcd(step, s.duration), s.start.hour * 60 + s.start.minute);
  return Math.max(step, 5);
}
