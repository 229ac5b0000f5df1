import { statusAt } from "./when.ts";

/** One session on a schedule page, as its `data-start`, `data-end` and `data-room` give it. */
export interface Slot {
  start: number;
  end: number;
  /** The room's id; undefined for a row that spans the rooms (a break), which counts in each. */
  room: string | undefined;
}

/**
 * What to mark on a schedule at `now`: in each room, every slot on now, and the slots that start
 * next (the earliest start after now; several when they start together). Rows without a room
 * count in every room. Nothing is marked outside the time the slots cover (before the first
 * starts, after the last ends): only during the programme on the page. Indexes into `slots`.
 */
export function nowAndNext(slots: readonly Slot[], now: number): { on: Set<number>; next: Set<number> } {
  const on = new Set<number>();
  const next = new Set<number>();
  if (slots.length === 0) return { on, next };
  const first = Math.min(...slots.map((slot) => slot.start));
  const last = Math.max(...slots.map((slot) => slot.end));
  if (now < first || now >= last) return { on, next };
  const rooms = new Set(slots.map((slot) => slot.room));
  if (rooms.size > 1) rooms.delete(undefined);
  for (const room of rooms) {
    const inRoom = slots.map((slot, index) => ({ slot, index })).filter(({ slot }) => slot.room === room || slot.room === undefined);
    for (const { slot, index } of inRoom) if (statusAt(slot.start, slot.end, now) === "on") on.add(index);
    const later = inRoom.filter(({ slot }) => slot.start > now);
    const soonest = Math.min(...later.map(({ slot }) => slot.start));
    for (const { slot, index } of later) if (slot.start === soonest && !on.has(index)) next.add(index);
  }
  return { on, next };
}
