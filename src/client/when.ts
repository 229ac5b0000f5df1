import type { Translate } from "./strings.ts";

/** Where a session stands at an instant: not begun, on, or over. */
export type SessionStatus = "before" | "on" | "after";

/** The status at `now` of a session from `start` (inclusive) to `end` (exclusive), all in milliseconds. */
export function statusAt(start: number, end: number, now: number): SessionStatus {
  if (now < start) return "before";
  return now < end ? "on" : "after";
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The calendar date ("2016-06-10") of `instant` in `timeZone`. */
export function dateIn(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Whole calendar days from `a`'s date to `b`'s, both ISO dates. */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / (24 * HOUR));
}

/**
 * How a session's page says when it starts, seen from `now` in the viewer's `timeZone`: under
 * 12 hours away, or later the same day, in hours and minutes (rounded up to the minute: "Starts in
 * 12 min", "Starts in 2 h 5 min"); else by the viewer's calendar ("Starts tomorrow", "Starts in 3
 * days"). Then "On now" while it runs and "Ended" after.
 */
export function statusText(start: number, end: number, now: number, timeZone: string, t: Translate): string {
  const status = statusAt(start, end, now);
  if (status === "on") return t("now.on");
  if (status === "after") return t("now.ended");
  const days = daysBetween(dateIn(now, timeZone), dateIn(start, timeZone));
  if (start - now >= 12 * HOUR && days > 0) return days === 1 ? t("now.startsTomorrow") : t("now.startsInDays", { count: days });
  const minutes = Math.ceil((start - now) / MINUTE);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const time = [hours > 0 ? t("now.hours", { count: hours }) : "", rest > 0 || hours === 0 ? t("now.minutes", { count: rest }) : ""].filter(Boolean).join(" ");
  return t("now.startsIn", { time });
}

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

/** The UTC offset in minutes that an ISO time written with one (`2016-06-10T09:15:00-04:00`) has; undefined without one. */
export function writtenOffset(iso: string): number | undefined {
  const match = /(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|([+-])(\d{2}):?(\d{2}))$/.exec(iso);
  if (!match) return undefined;
  if (match[1] === "Z") return 0;
  const minutes = Number(match[3]) * 60 + Number(match[4]);
  return match[2] === "-" ? -minutes : minutes;
}

/** The UTC offset in minutes of `timeZone` at `instant`. */
export function offsetIn(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour") % 24, part("minute"));
  return Math.round((wall - Math.floor(instant / MINUTE) * MINUTE) / MINUTE);
}

function isEnglish(locale: string): boolean {
  return locale === "en" || locale.toLowerCase().startsWith("en-");
}

/** "16:05" in `timeZone`, as the server writes clocks (English: 24-hour "HH:mm"; other languages their own). */
export function clockIn(instant: number, timeZone: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { timeZone, hour: "2-digit", minute: "2-digit" };
  return isEnglish(locale) ? new Intl.DateTimeFormat("en-GB", { ...options, hourCycle: "h23" }).format(instant) : new Intl.DateTimeFormat(locale, options).format(instant);
}

/** "Sat 11 June" in `timeZone`: the day, for a viewer whose date differs from the event's. */
export function dayIn(instant: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(isEnglish(locale) ? "en-GB" : locale, { timeZone, weekday: "short", day: "numeric", month: "long" }).format(instant);
}

/** The event-local date of an ISO time written with its offset ("2016-06-10T21:00:00-04:00" → "2016-06-10"). */
function writtenDate(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * The viewer's own time for a time or a range written in the event's zone, or undefined when
 * the viewer's clock reads the same then (their zone has the event's offset at that instant):
 * "16:05 your time", "15:00–15:45 your time", with the viewer's day before the clock where it
 * is another date than the event's ("Sat 11 June, 01:00 your time"), and before the end when it
 * ends on another day than it starts for the viewer.
 */
export function viewerTimeText(startIso: string, endIso: string | undefined, timeZone: string, locale: string, t: Translate): string | undefined {
  const start = Date.parse(startIso);
  const written = writtenOffset(startIso);
  if (Number.isNaN(start) || written === undefined) return undefined;
  const end = endIso === undefined ? undefined : Date.parse(endIso);
  const differs = (instant: number, iso: string) => offsetIn(instant, timeZone) !== writtenOffset(iso);
  if (!differs(start, startIso) && (end === undefined || endIso === undefined || Number.isNaN(end) || !differs(end, endIso))) return undefined;
  const startDate = dateIn(start, timeZone);
  let text = clockIn(start, timeZone, locale);
  if (startDate !== writtenDate(startIso)) text = `${dayIn(start, timeZone, locale)}, ${text}`;
  if (end !== undefined && !Number.isNaN(end)) {
    const endClock = clockIn(end, timeZone, locale);
    text += `–${dateIn(end, timeZone) !== startDate ? `${dayIn(end, timeZone, locale)}, ${endClock}` : endClock}`;
  }
  return t("zone.yours", { time: text });
}
