import type { Translate } from "./strings.ts";
import { dateIn } from "./when.ts";
import { writtenOffset } from "./written-offset.ts";

const MINUTE = 60_000;

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
