import { DateTime } from "luxon";
import type { Event } from "../content/model.ts";

/**
 * The time the exports say they were made (iCalendar's DTSTAMP). Never the clock, so that
 * two builds of the same content are byte-for-byte the same: `SOURCE_DATE_EPOCH` (seconds
 * since 1970, the reproducible-builds convention) when set, else midnight of the event's first day.
 */
export function exportStamp(event: Event, sourceDateEpoch: string | undefined): DateTime {
  if (sourceDateEpoch !== undefined && sourceDateEpoch.trim() !== "") {
    if (!/^\d+$/.test(sourceDateEpoch.trim())) {
      throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got "${sourceDateEpoch}"`);
    }
    return DateTime.fromSeconds(Number(sourceDateEpoch.trim()), { zone: "utc" });
  }
  return event.start.toUTC();
}
