import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { DateTime } from "luxon";
import { english } from "../../src/i18n/index.ts";
import { describeTimeRange, parseLocalDateTime } from "../../src/schedule/time.ts";

/** Zones with clock changes, one whose changes fall at midnight, and fixed ones. */
const ZONES = ["Europe/Berlin", "America/New_York", "America/Santiago", "Asia/Beirut", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Kiritimati", "UTC"];

test("the later-day note counts calendar days as luxon's startOf/diff did, across clock changes", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }),
      fc.integer({ min: 0, max: 4 * 24 * 60 }),
      fc.constantFrom(...ZONES),
      fc.constantFrom(...ZONES),
      (at, minutes, zone, endZone) => {
        const start = DateTime.fromMillis(at, { zone });
        // Mostly one zone, as sessions are; sometimes another, which takes the old path.
        const end = DateTime.fromMillis(at + minutes * 60_000, { zone: minutes % 5 === 0 ? endZone : zone });
        const days = Math.round(end.startOf("day").diff(start.startOf("day"), "days").days);
        const expected = days <= 0 ? "" : days === 1 ? english.t("time.nextDay") : english.t("time.daysLater", { count: days });
        assert.equal(describeTimeRange(start, end).laterDay, expected);
      },
    ),
    { numRuns: 3000 },
  );
});

test("a range in one zone: calendar days, not 24-hour periods", () => {
  const start = DateTime.fromISO("2024-10-26T23:30", { zone: "Europe/Berlin" });
  assert.equal(describeTimeRange(start, start.plus({ hours: 1 })).laterDay, "(next day)");
  // The clocks go back on the 27th: 49 hours later it is 22:30 on the 28th.
  assert.equal(describeTimeRange(start, start.plus({ hours: 49 })).laterDay, "(2 days later)");
  assert.equal(describeTimeRange(start, start.plus({ minutes: 20 })).laterDay, "");
});

test("local times are read as luxon's fromObject read them: the same instants, the same refusals", () => {
  const two = (n: number) => String(n).padStart(2, "0");
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 19 }),
      fc.integer({ min: 0, max: 39 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.constantFrom(...ZONES),
      (year, month, day, hour, minute, zone) => {
        const input = `${String(year).padStart(4, "0")}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}`;
        const wall = DateTime.fromObject({ year, month, day, hour, minute }, { zone: "utc" });
        const parsed = parseLocalDateTime(input, zone);
        if (!wall.isValid) {
          assert.deepEqual(parsed, { ok: false, message: `"${input}" is not a real date and time` });
          return;
        }
        if (parsed.ok) {
          // The instant shows the written wall-clock time in the zone.
          assert.equal(parsed.value.toFormat("yyyy-MM-dd HH:mm"), input);
          assert.equal(parsed.value.zoneName, zone);
        } else assert.match(parsed.message, /does not exist|happens twice/);
      },
    ),
    { numRuns: 3000 },
  );
});
