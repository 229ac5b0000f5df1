import { DateTime } from "luxon";

/**
 * The moment the site is built for, which decides what the home page's first button says:
 * `LECTERN_NOW` when set (an ISO 8601 time with its offset, `2016-06-10T09:00:00-04:00` or
 * `…Z`: to preview the site as it will be on a given day), else `SOURCE_DATE_EPOCH` (seconds
 * since 1970: a reproducible build says the same whenever it runs), else the clock.
 */
export function buildClock(env: NodeJS.ProcessEnv = process.env): DateTime {
  const now = env.LECTERN_NOW?.trim();
  if (now) {
    const parsed = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(now) ? DateTime.fromISO(now, { setZone: true }) : undefined;
    if (!parsed?.isValid) throw new Error(`LECTERN_NOW must be a date and time with its offset, such as 2016-06-10T09:00:00-04:00 or 2016-06-10T13:00:00Z, got "${now}"`);
    return parsed;
  }
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got "${epoch}"`);
    return DateTime.fromSeconds(Number(epoch), { zone: "utc" });
  }
  return DateTime.now();
}
