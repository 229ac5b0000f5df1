import type { DateTime } from "luxon";
import type { Room, Session } from "../content/model.ts";
import { isFlexibleRow } from "./conflicts.ts";
import { zoneAbbreviation } from "./time.ts";

/** A session placed in the grid: its column (room order), how many rooms and rows it covers. */
export interface SessionCell {
  kind: "session";
  session: Session;
  /** 0-based index into the day's rooms. */
  column: number;
  colspan: number;
  rowspan: number;
  /** True for the second and later cells of a break shown in rooms that are not side by side. */
  isRepeat: boolean;
  /** For a break, meal or social without a room that leaves some rooms out: every room it is shown in. */
  shownIn?: Room[];
}

/** A room that is free for one row. */
export interface EmptyCell {
  kind: "empty";
  column: number;
  colspan: 1;
  rowspan: 1;
  room: Room;
}

export type GridCell = SessionCell | EmptyCell;

/** The stretch of time between two consecutive starts or ends on a day. */
export interface GridRow {
  start: DateTime;
  end: DateTime;
  /** The cells that begin in this row, in room order (cells from rows above are not repeated). */
  cells: GridCell[];
  /** True when no session runs in any room during this row. */
  isGap: boolean;
}

/** One day of the programme as a time × rooms grid, ready for an HTML table. */
export interface DayGrid {
  /** Midnight of the day, in the event's zone. */
  date: DateTime;
  rooms: readonly Room[];
  rows: GridRow[];
  /** The zone's abbreviations in use that day, in order ("CEST", "CET" on the night the clocks go back). */
  zones: string[];
}

/**
 * Lays out one day's sessions: rows run from each start or end to the next, and a session
 * spans the rows its time covers. A talk without a room spans every room; a break, meal or
 * social without one spans the rooms free for all its time, one cell for each run of
 * neighbouring free rooms (`isRepeat` on all but the first). Sessions must not overlap in a
 * room (`findScheduleConflicts` reports those first).
 */
export function buildDayGrid(date: DateTime, sessions: readonly Session[], rooms: readonly Room[]): DayGrid {
  const columnOf = new Map(rooms.map((room, i) => [room.id, i]));
  const boundaries = [...new Set(sessions.flatMap((s) => [s.start.toMillis(), s.end.toMillis()]))].sort((a, b) => a - b);
  const rowOf = new Map(boundaries.map((ms, i) => [ms, i]));
  const instantAt = new Map<number, DateTime>();
  for (const s of sessions) {
    instantAt.set(s.start.toMillis(), s.start);
    instantAt.set(s.end.toMillis(), s.end);
  }

  // Every cell by the row it begins in; rooms taken first, so a flexible row knows which are free.
  const starting: SessionCell[][] = boundaries.map(() => []);
  const taken = rooms.map(() => [] as Array<[number, number]>);
  const place = (session: Session, column: number, colspan: number, isRepeat: boolean, shownIn?: Room[]) => {
    const row = rowOf.get(session.start.toMillis())!;
    const rowspan = rowOf.get(session.end.toMillis())! - row;
    starting[row]!.push({ kind: "session", session, column, colspan, rowspan, isRepeat, ...(shownIn ? { shownIn } : {}) });
    for (let c = column; c < column + colspan; c++) taken[c]!.push([row, row + rowspan]);
  };
  const flexible: Session[] = [];
  for (const session of sessions) {
    if (session.room) place(session, columnOf.get(session.room.id)!, 1, false);
    else if (isFlexibleRow(session)) flexible.push(session);
    else place(session, 0, rooms.length, false);
  }
  for (const session of flexible) {
    const from = rowOf.get(session.start.toMillis())!;
    const to = rowOf.get(session.end.toMillis())!;
    const free = taken.map((spans) => spans.every(([a, b]) => b <= from || a >= to));
    const shownIn = rooms.filter((_, column) => free[column]);
    let cells = 0;
    for (let column = 0; column < rooms.length; column++) {
      if (!free[column]) continue;
      let colspan = 1;
      while (free[column + colspan]) colspan++;
      place(session, column, colspan, cells++ > 0, shownIn.length < rooms.length ? shownIn : undefined);
      column += colspan - 1;
    }
  }

  const busyUntil = rooms.map(() => 0);
  const rows: GridRow[] = [];
  for (let r = 0; r + 1 < boundaries.length; r++) {
    const cells: GridCell[] = [];
    for (let column = 0; column < rooms.length; column++) {
      if (busyUntil[column]! > r) continue;
      const cell = starting[r]!.find((c) => c.column === column);
      if (!cell) {
        cells.push({ kind: "empty", column, colspan: 1, rowspan: 1, room: rooms[column]! });
        continue;
      }
      for (let c = column; c < column + cell.colspan; c++) {
        if (busyUntil[c]! > r) throw new Error(`${cell.session.file} overlaps another session in the schedule grid`);
        busyUntil[c] = r + cell.rowspan;
      }
      cells.push(cell);
      column += cell.colspan - 1;
    }
    const isGap = cells.length === rooms.length && cells.every((cell) => cell.kind === "empty");
    rows.push({ start: instantAt.get(boundaries[r]!)!, end: instantAt.get(boundaries[r + 1]!)!, cells, isGap });
  }
  const zones = [...new Set(sessions.map((s) => zoneAbbreviation(s.start)))];
  return { date, rooms, rows, zones };
}

/** One conference day: its date and the sessions that belong to it, in time order. */
export interface ConferenceDay {
  /** Midnight of the day, in the event's zone. */
  date: DateTime;
  sessions: Session[];
}

/**
 * Sorts sessions (in time order) into the event's days. A conference day runs from its
 * `dayChange` (event-local `HH:mm`, e.g. "04:00") to the next day's, so a session at 01:00
 * belongs to the day before, as in ConfClerk, Giggity and EventFahrplan. A session before
 * the first day's change stays on the first day; the times are instants, so the days of the
 * clock changes (23 or 25 hours) need nothing special.
 */
export function groupByConferenceDay(days: readonly DateTime[], sessions: readonly Session[], dayChange: string): ConferenceDay[] {
  const groups = days.map((date) => ({ date, sessions: [] as Session[] }));
  for (const session of sessions) groups[conferenceDayIndex(days, session.start, dayChange)]?.sessions.push(session);
  return groups;
}

/** The index in `days` of the conference day an instant belongs to, by the rule of `groupByConferenceDay`. */
export function conferenceDayIndex(days: readonly DateTime[], at: DateTime, dayChange: string): number {
  const starts = dayStartMillis(days, dayChange);
  const ms = at.toMillis();
  // The last day whose start is at or before the instant (the first day if none): a binary search.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (ms >= starts[mid]!) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** When a conference day begins: its date at the day change, event-local. */
export function dayStart(date: DateTime, dayChange: string): DateTime {
  const [hour, minute] = dayChange.split(":").map(Number);
  return date.set({ hour: hour!, minute: minute! });
}

/**
 * Each day's start as epoch milliseconds, worked out once per list of days and day change:
 * luxon's `set` in a zone costs microseconds, and every listing page groups its sessions by day.
 */
const startsOfDays = new WeakMap<readonly DateTime[], { dayChange: string; starts: number[] }>();
function dayStartMillis(days: readonly DateTime[], dayChange: string): number[] {
  const known = startsOfDays.get(days);
  if (known?.dayChange === dayChange) return known.starts;
  const starts = days.map((date) => dayStart(date, dayChange).toMillis());
  startsOfDays.set(days, { dayChange, starts });
  return starts;
}
