import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { formatDateRange, parseLocalDateTime, zoneAbbreviation } from "../../src/schedule/time.ts";

function instant(input: string, zone: string): string {
  const parsed = parseLocalDateTime(input, zone);
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.message);
  return parsed.value.toUTC().toISO()!;
}

function failure(input: string, zone: string): string {
  const parsed = parseLocalDateTime(input, zone);
  assert.ok(!parsed.ok, `expected "${input}" to fail`);
  return parsed.message;
}

describe("event-local times", () => {
  test("are read in the event's zone, not the machine's", () => {
    assert.equal(instant("2016-06-10 09:30", "America/New_York"), "2016-06-10T13:30:00.000Z");
    assert.equal(instant("2024-10-26 09:00", "Europe/Berlin"), "2024-10-26T07:00:00.000Z");
    assert.equal(instant("2024-10-27 10:00", "Europe/Berlin"), "2024-10-27T09:00:00.000Z");
  });

  test("a time in the spring-forward gap is an error with the way to write it", () => {
    assert.equal(
      failure("2024-03-31 02:30", "Europe/Berlin"),
      '"2024-03-31 02:30" does not exist in Europe/Berlin: the clocks go forward that night and skip it; write the time on the clock after the change (e.g. "2024-03-31 03:30")',
    );
  });

  test("a time in the repeated hour is ambiguous unless an offset says which", () => {
    assert.equal(
      failure("2024-10-27 02:30", "Europe/Berlin"),
      '"2024-10-27 02:30" happens twice in Europe/Berlin (the clocks go back that night); add the UTC offset to say which: "2024-10-27 02:30 +02:00" (the first) or "2024-10-27 02:30 +01:00" (the second)',
    );
    assert.equal(instant("2024-10-27 02:30 +02:00", "Europe/Berlin"), "2024-10-27T00:30:00.000Z");
    assert.equal(instant("2024-10-27 02:30 +01:00", "Europe/Berlin"), "2024-10-27T01:30:00.000Z");
    assert.equal(
      failure("2024-10-27 02:30 +05:00", "Europe/Berlin"),
      '"2024-10-27 02:30 +05:00": Europe/Berlin is not at UTC+05:00 then (it is +02:00 or +01:00)',
    );
  });

  test("hours past 23, minutes past 59 and offsets beyond -12:00..+14:00 are errors", () => {
    assert.equal(
      failure("2016-06-11 24:00", "America/New_York"),
      '"2016-06-11 24:00" is not a time of day: hours run from 00 to 23 (midnight is 00:00 of the next day)',
    );
    assert.equal(failure("2016-06-11 09:60", "America/New_York"), '"2016-06-11 09:60" is not a time of day: minutes run from 00 to 59');
    for (const offset of ["+99:99", "+14:30", "-12:01", "+01:60"]) {
      assert.equal(
        failure(`2016-06-11 09:00 ${offset}`, "America/New_York"),
        `"2016-06-11 09:00 ${offset}": a UTC offset runs from -12:00 to +14:00, with minutes from 00 to 59`,
      );
    }
    assert.equal(instant("2016-06-11 09:00 -04:00", "America/New_York"), "2016-06-11T13:00:00.000Z");
  });

  test("impossible dates are errors", () => {
    assert.equal(failure("2016-02-30 09:00", "America/New_York"), '"2016-02-30 09:00" is not a real date and time');
  });

  test("zone abbreviations are the usual English ones", () => {
    const at = (iso: string, zone: string) => zoneAbbreviation(DateTime.fromISO(iso, { zone }));
    assert.equal(at("2016-06-10T09:00", "America/New_York"), "EDT");
    assert.equal(at("2016-12-10T09:00", "America/New_York"), "EST");
    assert.equal(at("2024-10-26T09:00", "Europe/Berlin"), "CEST");
    assert.equal(at("2024-10-27T09:00", "Europe/Berlin"), "CET");
    assert.equal(at("2024-10-27T09:00", "America/Sao_Paulo"), "UTC-3");
    assert.equal(at("2024-10-27T09:00", "Asia/Kathmandu"), "UTC+5:45");
  });

  test("date ranges", () => {
    const d = (iso: string) => DateTime.fromISO(iso, { zone: "UTC" });
    assert.equal(formatDateRange(d("2016-06-10"), d("2016-06-11")), "10–11 June 2016");
    assert.equal(formatDateRange(d("2016-06-30"), d("2016-07-01")), "30 June – 1 July 2016");
    assert.equal(formatDateRange(d("2016-06-10"), d("2016-06-10")), "10 June 2016");
  });
});
