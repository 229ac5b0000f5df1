import { v5 as uuidv5 } from "uuid";
import type { Event, Room, Session, Speaker } from "../content/model.ts";
import { absoluteUrl } from "../site/urls.ts";

/** The largest id that fits a signed 32-bit integer, which is what the apps store. */
const MAX_ID = 2 ** 31 - 1;

/**
 * The session's guid: a name-based UUID (version 5, URL namespace) of its page's address,
 * so it stays the same from build to build while the event's `url` and the file name stay.
 * A workshop's first block has the workshop's guid, so a workshop that gains a block keeps its
 * calendar entry; each later block has the guid of `<page>#part-<n>` (n from 2).
 */
export function sessionGuid(event: Event, session: Session): string {
  const index = session.type === "workshop" ? (session.part?.index ?? 0) : 0;
  const fragment = index > 0 ? `#part-${index + 1}` : "";
  return remembered(session, () => uuidv5(absoluteUrl(event, `/${session.type}s/${session.slug}/${fragment}`), uuidv5.URL));
}

/** A person's guid, from their page's address. */
export function personGuid(event: Event, speaker: Speaker): string {
  return remembered(speaker, () => uuidv5(absoluteUrl(event, speaker.url), uuidv5.URL));
}

// Each export asks for the same guids (the calendar files, the JSON and XML schedules, the
// ids below): one SHA-1 per session and person per build is enough. A session or speaker
// belongs to one loaded conference, so its event never changes.
const guids = new WeakMap<Session | Speaker, string>();

function remembered(owner: Session | Speaker, make: () => string): string {
  let guid = guids.get(owner);
  if (guid === undefined) {
    guid = make();
    guids.set(owner, guid);
  }
  return guid;
}

/** A room's guid, from the schedule's address and the room's id. */
export function roomGuid(event: Event, room: Room): string {
  return uuidv5(absoluteUrl(event, `/schedule/#room-${room.id}`), uuidv5.URL);
}

/**
 * Positive integer ids (1 to 2³¹−1) for sessions, from the first 31 bits of each guid.
 * In the rare case of two equal ids, the one whose guid sorts later takes the next free number.
 */
export function sessionIds(event: Event, sessions: readonly Session[]): Map<Session, number> {
  return integerIds(sessions, (session) => sessionGuid(event, session));
}

/** Positive integer ids for people, made from their guids as for sessions (ConfClerk keys people by them). */
export function personIds(event: Event, speakers: readonly Speaker[]): Map<Speaker, number> {
  return integerIds(speakers, (speaker) => personGuid(event, speaker));
}

function integerIds<T>(items: readonly T[], guidOf: (item: T) => string): Map<T, number> {
  const guids = items.map((item) => ({ item, guid: guidOf(item) }));
  guids.sort((a, b) => (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0));
  const taken = new Set<number>();
  const ids = new Map<T, number>();
  for (const { item, guid } of guids) {
    let id = (Number.parseInt(guid.slice(0, 8), 16) % MAX_ID) + 1;
    while (taken.has(id)) id = (id % MAX_ID) + 1;
    taken.add(id);
    ids.set(item, id);
  }
  return ids;
}

/**
 * The conference's acronym as the schedule formats want it (lower-case letters, digits
 * and underscores, at least four): event.yaml's `acronym`, else made from the name:
 * "ContainerDays Boston 2016" gives "containerdays_boston_2016".
 */
export function conferenceAcronym(event: Event): string {
  if (event.acronym) return event.acronym;
  const base = event.name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const year = event.start.toFormat("yyyy");
  if (!base) return `conference_${year}`;
  return base.length >= 4 ? base : `${base}_${year}`;
}
