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
