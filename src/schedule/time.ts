import { DateTime, IANAZone } from "luxon";
import { english, type Translator } from "../i18n/index.ts";

export type ParsedTime = { ok: true; value: DateTime } | { ok: false; message: string };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?: ?([+-])(\d{2}):(\d{2}))?$/;
const HOUR = 3_600_000;
/** The furthest any zone's clocks have been from UTC, in minutes (-12:00 and +14:00). */
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;

/** True when `zone` is an IANA time-zone name this machine knows. */
export function isKnownZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Every IANA zone name, for suggestions. */
export function knownZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}

/**
 * Reads "YYYY-MM-DD HH:mm" as a wall-clock time in `zone`, never in the machine's zone.
 * A time inside a spring-forward gap or a fall-back hour is an error that says how to
 * write it; an explicit offset ("2016-10-30 02:30 +01:00") picks one of the two instants.
 */
export function parseLocalDateTime(input: string, zoneName: string): ParsedTime {
  const m = LOCAL.exec(input);
  if (!m) return { ok: false, message: `expected a date and time written "YYYY-MM-DD HH:mm", got "${input}"` };
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  // Checked before luxon sees them: it reads hour 24 as midnight of the next day.
  if (hour > 23) return { ok: false, message: `"${input}" is not a time of day: hours run from 00 to 23 (midnight is 00:00 of the next day)` };
  if (minute > 59) return { ok: false, message: `"${input}" is not a time of day: minutes run from 00 to 59` };
  if (m[6]) {
    const offset = (m[6] === "-" ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
    if (Number(m[8]) > 59 || offset < MIN_OFFSET || offset > MAX_OFFSET) {
      return { ok: false, message: `"${input}": a UTC offset runs from -12:00 to +14:00, with minutes from 00 to 59` };
    }
  }
  const wall = DateTime.fromObject({ year, month, day, hour, minute }, { zone: "utc" });
  if (!wall.isValid) return { ok: false, message: `"${input}" is not a real date and time` };

  const zone = IANAZone.create(zoneName);
  const wallMs = wall.toMillis();
  const instants = candidateInstants(wallMs, zone);
  const written = `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`;

  if (m[6]) {
    const offset = (m[6] === "-" ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
    const match = instants.find((ms) => zone.offset(ms) === offset);
    if (match === undefined) {
      const valid = instants.map((ms) => formatOffset(zone.offset(ms))).join(" or ");
      return {
        ok: false,
        message: valid
          ? `"${input}": ${zoneName} is not at UTC${formatOffset(offset)} then (it is ${valid})`
          : `"${input}" does not exist in ${zoneName}`,
      };
    }
    return { ok: true, value: DateTime.fromMillis(match, { zone }) };
  }

  if (instants.length === 1) return { ok: true, value: DateTime.fromMillis(instants[0]!, { zone }) };
  if (instants.length === 0) {
    const before = zone.offset(wallMs - 12 * HOUR);
    const after = zone.offset(wallMs + 12 * HOUR);
    const shifted = wall.plus({ minutes: after - before }).toFormat("HH:mm");
    return {
      ok: false,
      message:
        `"${written}" does not exist in ${zoneName}: the clocks go forward that night and skip it; ` +
        `write the time on the clock after the change (e.g. "${wall.toFormat("yyyy-MM-dd")} ${shifted}")`,
    };
  }
  const [first, second] = instants as [number, number];
  return {
    ok: false,
    message:
      `"${written}" happens twice in ${zoneName} (the clocks go back that night); add the UTC offset to say which: ` +
      `"${written} ${formatOffset(zone.offset(first))}" (the first) or "${written} ${formatOffset(zone.offset(second))}" (the second)`,
  };
}

/** The instants at which the zone's clocks show `wallMs` (as if it were UTC), earliest first. */
function candidateInstants(wallMs: number, zone: IANAZone): number[] {
  const offsets = new Set([offsetAt(zone, wallMs - 12 * HOUR), offsetAt(zone, wallMs + 12 * HOUR)]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const instant = wallMs - offset * 60_000;
    if (offsetAt(zone, instant) === offset) found.add(instant);
  }
  return [...found].sort((a, b) => a - b);
}

const offsetCache = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset in minutes at an instant, remembered: a programme has a few hundred
 * distinct start times, and each lookup through Intl costs microseconds.
 */
function offsetAt(zone: IANAZone, ms: number): number {
  let byInstant = offsetCache.get(zone.name);
  if (!byInstant || byInstant.size > 100_000) offsetCache.set(zone.name, (byInstant = new Map()));
  let offset = byInstant.get(ms);
  if (offset === undefined) {
    offset = zone.offset(ms);
    byInstant.set(ms, offset);
  }
  return offset;
}

/** `+02:00` for 120 minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const abbreviations = new Map<string, string>();
const ABBREVIATION_LOCALES = ["en-US", "en-GB", "en-AU", "en-IN", "en-NZ"];

/**
 * The zone's short name at that instant ("EDT", "CEST"), whatever the machine's locale;
 * where no English short name exists, the offset as "UTC+3".
 */
export function zoneAbbreviation(dt: DateTime): string {
  const key = `${dt.zoneName}|${dt.offset}`;
  const cached = abbreviations.get(key);
  if (cached) return cached;
  const date = dt.toJSDate();
  let name = `UTC${dt.offset === 0 ? "" : shortOffset(dt.offset)}`;
  for (const locale of ABBREVIATION_LOCALES) {
    const part = new Intl.DateTimeFormat(locale, { timeZone: dt.zoneName ?? "UTC", timeZoneName: "short" })
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value;
    if (part && !/^(GMT|UTC)[+-−]/.test(part)) {
      name = part;
      break;
    }
  }
  abbreviations.set(key, name);
  return name;
}

/** `+9`, `-3`, `+5:45`. */
function shortOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `${minutes < 0 ? "-" : "+"}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

/**
 * English keeps the site's own patterns ("09:30", "Friday 10 June 2016", "10–11 June 2016": no
 * comma, no spaced dash, as pinned since the first release); every other language takes its
 * own conventions from Intl through luxon, including its clock (24-hour in German, 12-hour
 * with ص/م in Arabic).
 */
function isEnglish(locale: string): boolean {
  return locale === "en" || locale.toLowerCase().startsWith("en-");
}

const CLOCK = { hour: "2-digit", minute: "2-digit" } as const;
const DAY = { weekday: "long", day: "numeric", month: "long", year: "numeric" } as const;
const DAY_OF_MONTH = { weekday: "long", day: "numeric", month: "long" } as const;
const DATE = { day: "numeric", month: "long", year: "numeric" } as const;

/** "09:30" (in `locale`, a BCP 47 tag; English by default). */
export function formatClock(dt: DateTime, locale = "en"): string {
  return isEnglish(locale) ? dt.toFormat("HH:mm") : dt.setLocale(locale).toLocaleString(CLOCK);
}

const dayNames = new Map<string, string>();

/** "Friday 10 June 2016", "Freitag, 10. Juni 2016" (remembered per date and locale: every session card shows one). */
export function formatDay(dt: DateTime, locale = "en"): string {
  const key = `${locale}|${dt.toISODate() ?? ""}`;
  let name = dayNames.get(key);
  if (name === undefined) {
    name = isEnglish(locale) ? dt.setLocale("en-GB").toFormat("cccc d LLLL yyyy") : dt.setLocale(locale).toLocaleString(DAY);
    if (dayNames.size > 10_000) dayNames.clear();
    dayNames.set(key, name);
  }
  return name;
}

/** "Friday 10 June", "Freitag, 10. Juni": a day within the event, without its year. */
export function formatDayOfMonth(dt: DateTime, locale = "en"): string {
  return isEnglish(locale) ? dt.setLocale("en-GB").toFormat("cccc d LLLL") : dt.setLocale(locale).toLocaleString(DAY_OF_MONTH);
}

/** "20 June 2016", "20. Juni 2016". */
export function formatDate(dt: DateTime, locale = "en"): string {
  return isEnglish(locale) ? dt.setLocale("en-GB").toFormat("d LLLL yyyy") : dt.setLocale(locale).toLocaleString(DATE);
}

/** A time range as shown: each clock, the zone at each end, and a note when it ends on a later day. */
export interface TimeRangeText {
  start: string;
  end: string;
  startZone: string;
  endZone: string;
  /** "(next day)", "(2 days later)", or "" when it ends on the day it starts. */
  laterDay: string;
}

/** The pieces of a range, for views that wrap each clock in a `<time>`; clocks and the later-day note in the translator's language. */
export function describeTimeRange(start: DateTime, end: DateTime, translator: Translator = english): TimeRangeText {
  // Calendar days between the two dates as written in their zone (luxon's startOf and diff cost
  // more than the rest of a schedule entry).
  const days = Math.round((Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day)) / 86_400_000);
  return {
    start: formatClock(start, translator.locale),
    end: formatClock(end, translator.locale),
    startZone: zoneAbbreviation(start),
    endZone: zoneAbbreviation(end),
    laterDay: days <= 0 ? "" : days === 1 ? translator.t("time.nextDay") : translator.t("time.daysLater", { count: days }),
  };
}

/**
 * "09:30–10:15 EDT"; each end in its own zone when the clocks change between them
 * ("02:00 CEST – 02:00 CET"); "23:30–00:30 CEST (next day)" when it ends on a later day.
 */
export function formatTimeRange(start: DateTime, end: DateTime, translator: Translator = english): string {
  const range = describeTimeRange(start, end, translator);
  const times =
    range.startZone === range.endZone
      ? `${range.start}–${range.end} ${range.endZone}`
      : `${range.start} ${range.startZone} – ${range.end} ${range.endZone}`;
  return range.laterDay ? `${times} ${range.laterDay}` : times;
}

/** "10–11 June 2016", "30 June – 1 July 2016"; "10.–11. Juni 2016" in German, by Intl's `formatRange`. */
export function formatDateRange(start: DateTime, end: DateTime, locale = "en"): string {
  if (!isEnglish(locale)) {
    const format = new Intl.DateTimeFormat(locale, { ...DATE, timeZone: start.zoneName ?? "UTC" });
    return start.hasSame(end, "day") ? format.format(start.toJSDate()) : format.formatRange(start.toJSDate(), end.toJSDate());
  }
  const s = start.setLocale("en-GB");
  const e = end.setLocale("en-GB");
  if (s.hasSame(e, "day")) return e.toFormat("d LLLL yyyy");
  if (s.hasSame(e, "month")) return `${s.toFormat("d")}–${e.toFormat("d LLLL yyyy")}`;
  if (s.hasSame(e, "year")) return `${s.toFormat("d LLLL")} – ${e.toFormat("d LLLL yyyy")}`;
  return `${s.toFormat("d LLLL yyyy")} – ${e.toFormat("d LLLL yyyy")}`;
}

