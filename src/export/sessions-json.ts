import type { FileBytes } from "./bytes.ts";
import type { DateTime } from "luxon";
import type { Conference, Session } from "../content/model.ts";
import { peopleOf } from "../content/model.ts";
import { translatorFor } from "../i18n/index.ts";
import { formatDay, formatTimeRange } from "../schedule/time.ts";
import { absoluteUrl } from "../site/urls.ts";
import type { BrowserProgramme, BrowserSession } from "./browser-programme.ts";
import { icalUtc } from "./ical-writer.ts";
import { sessionEvent } from "./ics.ts";
import { exportedSessions } from "./sessions.ts";
import { historyOf } from "./changes.ts";
import { sessionGuid, sessionIds } from "./ids.ts";
import { jsonBytes } from "./json-text.ts";
import { KeptPerSession } from "./kept.ts";

const numbers = new WeakMap<Conference, Map<Session, number>>();

/**
 * The integer id of every session with a page, as schedule.json and schedule.xml number them
 * (over the sessions not cancelled); a cancelled session, which those leave out, is numbered
 * among all of them. Remembered per conference.
 */
export function sessionNumbers(conference: Conference): ReadonlyMap<Session, number> {
  let ids = numbers.get(conference);
  if (ids === undefined) {
    const { event } = conference;
    const sessions = exportedSessions(conference);
    ids = sessionIds(event, sessions.filter((session) => !session.cancelled));
    if (sessions.some((session) => session.cancelled)) {
      const taken = new Set(ids.values());
      for (const [session, id] of sessionIds(event, sessions)) {
        if (!session.cancelled) continue;
        let free = id;
        while (taken.has(free)) free = (free % (2 ** 31 - 1)) + 1;
        taken.add(free);
        ids.set(session, free);
      }
    }
    numbers.set(conference, ids);
  }
  return ids;
}

/**
 * The ids a star on `session` picks: its own, or for a workshop of several blocks shown whole
 * (its page, a speaker's list) the id of every block. Empty for a session without a page.
 */
export function starIds(conference: Conference, session: Session): number[] {
  const ids = sessionNumbers(conference);
  return conference.entriesOf(session).flatMap((entry) => {
    const id = ids.get(entry);
    return id === undefined ? [] : [id];
  });
}

/** `/schedule/sessions.json` (see BrowserProgramme): what the browser's scripts know of the programme. */
export function renderSessionsJson(conference: Conference, stamp: DateTime): FileBytes {
  const { event } = conference;
  const tr = translatorFor(event.language);
  const ids = sessionNumbers(conference);
  const icsStamp = icalUtc(stamp.toMillis());
  const days: BrowserProgramme["days"] = [];
  const sessions: BrowserSession[] = [];
  for (const { date, sessions: all } of conference.days) {
    const day = date.toISODate()!;
    let listed = false;
    for (const session of all) {
      const id = ids.get(session);
      if (id === undefined || session.url === undefined) continue;
      listed = true;
      const history = historyOf(conference).sessions.get(sessionGuid(event, session));
      // The stamp shows only in a session that releases changed (its LAST-MODIFIED before it is released).
      const key = [event, id, day, history, history && icsStamp, ...peopleOf(session)];
      const entry = entries.get(session, key, () => browserSession(conference, session, { id, url: session.url!, day, icsStamp }, tr));
      sessions.push(entry);
    }
    if (listed) days.push({ date: day, label: formatDay(date, tr.locale) });
  }
  const programme: BrowserProgramme = {
    version: 1,
    name: event.name,
    url: absoluteUrl(event, "/"),
    language: event.language,
    timezone: event.timezone,
    place: [event.venue.name, event.venue.address].filter(Boolean).join(", "),
    stamp: icsStamp,
    days,
    sessions,
  };
  // JSON.stringify(programme), with the text of each session kept from the last build.
  return jsonBytes(programme, "", entries.isKept);
}

/**
 * A session's entry is made once and kept while the session, its people, its number, its day,
 * its release history and the stamp are the same objects and values (the dev server keeps
 * unchanged content from build to build).
 */
const entries = new KeptPerSession<BrowserSession>();

function browserSession(
  conference: Conference,
  session: Session,
  { id, url, day, icsStamp }: { id: number; url: string; day: string; icsStamp: string },
  tr: ReturnType<typeof translatorFor>,
): BrowserSession {
  const calendar = sessionEvent(conference, session, icsStamp);
  return {
    id,
    guid: calendar.uid,
    kind: session.type === "workshop" ? "workshop" : session.kind,
    title: session.title,
    url,
    start: iso(session.start),
    end: iso(session.end),
    day,
    when: formatTimeRange(session.start, session.end, tr),
    ...(session.room ? { room: { id: session.room.id, name: session.room.name } } : {}),
    people: peopleOf(session).map((person) => person.name),
    tags: session.tags,
    ...(session.type === "workshop" ? { level: session.level } : {}),
    ...(session.type === "workshop" && session.part ? { part: [session.part.index + 1, session.part.count] as [number, number] } : {}),
    ...(calendar.description ? { credits: calendar.description } : {}),
    ...(session.cancelled ? { cancelled: true as const } : {}),
    ...(calendar.sequence > 0 ? { sequence: calendar.sequence, modified: calendar.lastModified } : {}),
  };
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true })!;
}
