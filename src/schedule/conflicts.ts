import type { Problem } from "../content/errors.ts";
import { peopleOf, type Room, type Session } from "../content/model.ts";
import { ROW_KINDS } from "../content/talk.ts";
import { formatTimeRange } from "./time.ts";

/** How many of the sessions one session clashes with are named on its line; the rest are counted. */
export const CLASHES_NAMED = 3;

/** The sessions one session clashes with for one reason: the first few, and how many in all. */
interface Clashes {
  first: Session[];
  count: number;
}

/**
 * Sessions that cannot happen as written: two in one room at once (a talk without a room
 * takes every room; a break, meal or social without one takes only the free rooms and clashes
 * only with other sessions without a room), or one person in two sessions at once. Each clash is reported on
 * the file that comes first in the programme. A clash with one other session names that file
 * and both times; a session that clashes with several gets one line for each reason, naming
 * the first few and counting the rest, so a crowded slot gives a line a session, not a line a pair.
 */
export function findScheduleConflicts(sessions: readonly Session[], rooms: readonly Room[] = []): Problem[] {
  const ordered = sessions
    .map((session) => ({
      session,
      start: session.start.toMillis(),
      end: session.end.toMillis(),
      people: new Set(peopleOf(session).map((person) => person.slug)),
    }))
    .sort((a, b) => a.start - b.start || compareText(a.session.file, b.session.file));
  const problems: Problem[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const a = ordered[i]!;
    const sameRoom = clashes();
    const spanning = clashes();
    const people = peopleOf(a.session);
    const booked = people.map(() => clashes());
    for (let j = i + 1; j < ordered.length; j++) {
      const b = ordered[j]!;
      if (b.start >= a.end) break;
      // The blocks of one workshop are checked against each other when it is loaded.
      if (a.session.file === b.session.file) continue;
      if (!a.session.room || !b.session.room) {
        if (isSpanning(a.session, b.session)) add(spanning, b.session);
      }
      else if (a.session.room.id === b.session.room.id) add(sameRoom, b.session);
      people.forEach((person, index) => {
        if (b.people.has(person.slug)) add(booked[index]!, b.session);
      });
    }
    const file = a.session.file;
    if (sameRoom.count > 0) {
      problems.push({ file, field: "start", message: overlaps(a.session, sameRoom, ` in room "${a.session.room!.id}"`) });
    }
    if (spanning.count > 0) {
      problems.push({ file, field: "start", message: `${overlaps(a.session, spanning, "")}: a session without a room spans every room` });
    }
    booked.forEach((found, index) => {
      if (found.count === 0) return;
      const field = `${a.session.type === "talk" ? "speakers" : "leaders"}[${index}]`;
      const who = `"${people[index]!.slug}"`;
      const message =
        found.count === 1
          ? `${who} is booked twice at once: also in ${found.first[0]!.file} (${describeTimes(a.session, found.first)})`
          : `${who} is booked in ${found.count + 1} sessions at once (${describeTimes(a.session, found.first)}): also in ${names(found)}`;
      problems.push({ file, field, message });
    });
  }
  problems.push(...rowsWithoutRoom(ordered, rooms));
  return problems;
}

/** Breaks, meals and socials without a room during which every room is taken: the grid would have nowhere to show them. */
function rowsWithoutRoom(ordered: ReadonlyArray<{ session: Session; start: number; end: number }>, rooms: readonly Room[]): Problem[] {
  const problems: Problem[] = [];
  if (rooms.length === 0) return problems;
  for (const row of ordered) {
    if (!isFlexibleRow(row.session)) continue;
    const taken = new Set<string>();
    for (const other of ordered) {
      if (other.start >= row.end) break;
      if (other.end > row.start && other.session.room) taken.add(other.session.room.id);
    }
    if (rooms.every((room) => taken.has(room.id))) {
      const { session } = row;
      problems.push({
        file: session.file,
        field: "start",
        message: `every room is taken during it (${formatTimeRange(session.start, session.end)}), and a ${session.type === "talk" ? session.kind : "session"} without a room is shown in the rooms that are free; give it a room or move it`,
      });
    }
  }
  return problems;
}

/**
 * Whether two sessions, one at least without a room, clash by their rooms: a room-less break,
 * meal or social is shown in the rooms that are free, so only a session without a room clashes
 * with it; a room-less talk or keynote takes every room.
 */
function isSpanning(a: Session, b: Session): boolean {
  if (!a.room && !b.room) return true;
  const roomless = a.room ? b : a;
  return !isFlexibleRow(roomless);
}

/** A room-less break, meal or social: it takes the rooms that are free, never a session's room. */
export function isFlexibleRow(session: Session): boolean {
  return !session.room && session.type === "talk" && ROW_KINDS.has(session.kind);
}

function clashes(): Clashes {
  return { first: [], count: 0 };
}

function add(found: Clashes, session: Session): void {
  if (found.first.length < CLASHES_NAMED) found.first.push(session);
  found.count++;
}

/** `overlaps b.md in room "hall" (09:00–09:30 EDT and 09:15–09:45 EDT)`, or `overlaps 4 sessions in room "hall" (…): b.md, c.md, d.md and 1 more`. */
function overlaps(session: Session, found: Clashes, where: string): string {
  if (found.count === 1) return `overlaps ${found.first[0]!.file}${where} (${describeTimes(session, found.first)})`;
  return `overlaps ${found.count} sessions${where} (${describeTimes(session, found.first)}): ${names(found)}`;
}

/** "b.md, c.md and d.md", or "b.md, c.md, d.md and 7 more". */
function names(found: Clashes): string {
  const files = found.first.map((session) => session.file);
  const rest = found.count - files.length;
  if (rest > 0) return `${files.join(", ")} and ${rest} more`;
  return files.length === 1 ? files[0]! : `${files.slice(0, -1).join(", ")} and ${files.at(-1)}`;
}

/**
 * "09:00–09:30 EDT and 09:15–09:45 EDT" for a pair, with the dates when they start on
 * different days; for a session that clashes with several, its own time only.
 */
function describeTimes(a: Session, others: readonly Session[]): string {
  // Both are in the event's zone; luxon's hasSame converts and rounds both, which costs far more.
  const sameDay = others.every((b) => a.start.day === b.start.day && a.start.month === b.start.month && a.start.year === b.start.year);
  const one = (s: Session) => `${sameDay ? "" : `${s.start.toFormat("yyyy-MM-dd")} `}${formatTimeRange(s.start, s.end)}`;
  return others.length === 1 ? `${one(a)} and ${one(others[0]!)}` : one(a);
}

function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
