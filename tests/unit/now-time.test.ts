import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { translator } from "../../src/client/strings.ts";
import { nowAndNext, type Slot } from "../../src/client/now-next.ts";
import { offsetIn, viewerTimeText } from "../../src/client/viewer-time.ts";
import { statusAt, statusText } from "../../src/client/when.ts";
import { writtenOffset } from "../../src/client/written-offset.ts";
import { translatorFor } from "../../src/i18n/index.ts";
import { clientStrings } from "../../src/views/client-strings.ts";
import type { ClientStrings } from "../../src/client/strings.ts";

/** The translate function a page in `language` gives its scripts, through the strings the page carries. */
const pageTranslate = (language: string) => translator(JSON.parse(JSON.stringify(clientStrings(translatorFor(language)))) as ClientStrings);
const en = pageTranslate("en");
const at = (iso: string) => Date.parse(iso);

describe("a session's status at an instant", () => {
  const start = at("2016-06-10T10:00:00-04:00");
  const end = at("2016-06-10T10:30:00-04:00");
  test("before its start, from its start, and from its end", () => {
    assert.equal(statusAt(start, end, start - 1), "before");
    assert.equal(statusAt(start, end, start), "on");
    assert.equal(statusAt(start, end, end - 1), "on");
    assert.equal(statusAt(start, end, end), "after");
  });

  const text = (startIso: string, nowIso: string, zone = "Europe/Berlin", t = en) =>
    statusText(at(startIso), at(startIso) + 30 * 60_000, at(nowIso), zone, t);
  for (const [startIso, nowIso, expected] of [
    ["2016-06-10T10:30:00-04:00", "2016-06-10T10:18:00-04:00", "Starts in 12 min"],
    ["2016-06-10T10:30:00-04:00", "2016-06-10T10:29:30-04:00", "Starts in 1 min"],
    ["2016-06-10T10:30:00-04:00", "2016-06-10T09:30:00-04:00", "Starts in 1 h"],
    ["2016-06-10T14:15:00-04:00", "2016-06-10T12:10:00-04:00", "Starts in 2 h 5 min"],
    // 00:30 in Berlin, the talk at 15:15 the same Berlin day: still hours, though over 12 away.
    ["2016-06-10T09:15:00-04:00", "2016-06-09T18:30:00-04:00", "Starts in 14 h 45 min"],
    // 18:00 in Berlin the day before: tomorrow by the viewer's calendar.
    ["2016-06-10T09:15:00-04:00", "2016-06-09T12:00:00-04:00", "Starts tomorrow"],
    ["2016-06-10T09:15:00-04:00", "2016-06-01T12:00:00-04:00", "Starts in 9 days"],
    ["2016-06-10T10:00:00-04:00", "2016-06-10T10:05:00-04:00", "On now"],
    ["2016-06-10T10:00:00-04:00", "2016-06-10T10:30:00-04:00", "Ended"],
  ] as const) {
    test(`${expected} (start ${startIso}, now ${nowIso}, viewer in Berlin)`, () => {
      assert.equal(text(startIso, nowIso), expected);
    });
  }

  test("in the page's language, with its plural forms", () => {
    const de = pageTranslate("de");
    assert.equal(text("2016-06-10T14:15:00-04:00", "2016-06-10T12:10:00-04:00", "Europe/Berlin", de), "Beginnt in 2 Std. 5 Min.");
    assert.equal(text("2016-06-10T09:15:00-04:00", "2016-06-01T12:00:00-04:00", "Europe/Berlin", de), "Beginnt in 9 Tagen");
    assert.equal(text("2016-06-10T09:15:00-04:00", "2016-06-08T12:00:00-04:00", "Europe/Berlin", pageTranslate("ar")), "يبدأ بعد يومين");
  });
});

describe("the viewer's own time beside the event's", () => {
  test("offsets as written and as a zone has them", () => {
    assert.equal(writtenOffset("2016-06-10T10:05:00-04:00"), -240);
    assert.equal(writtenOffset("2024-10-27T02:30:00+01:00"), 60);
    assert.equal(writtenOffset("2016-06-10T14:05:00Z"), 0);
    assert.equal(writtenOffset("2016-06-20"), undefined);
    assert.equal(offsetIn(at("2016-06-10T14:05:00Z"), "Europe/Berlin"), 120);
    assert.equal(offsetIn(at("2016-01-10T14:05:00Z"), "Europe/Berlin"), 60);
    assert.equal(offsetIn(at("2016-06-10T14:05:00Z"), "America/New_York"), -240);
    assert.equal(offsetIn(at("2016-06-10T14:05:00Z"), "Asia/Kolkata"), 330);
  });

  for (const [start, end, zone, expected] of [
    ["2016-06-10T10:05:00-04:00", undefined, "Europe/Berlin", "16:05 your time"],
    ["2016-06-10T10:00:00-04:00", "2016-06-10T10:30:00-04:00", "Europe/Berlin", "16:00–16:30 your time"],
    ["2016-06-10T19:00:00-04:00", "2016-06-10T19:45:00-04:00", "Europe/Berlin", "Sat 11 June, 01:00–01:45 your time"],
    ["2016-06-10T17:30:00-04:00", "2016-06-10T18:30:00-04:00", "Europe/Berlin", "23:30–Sat 11 June, 00:30 your time"],
    ["2016-06-10T09:15:00-04:00", undefined, "America/Los_Angeles", "06:15 your time"],
    ["2016-06-10T05:00:00-04:00", undefined, "Pacific/Honolulu", "Thu 9 June, 23:00 your time"],
    ["2016-06-10T10:05:00-04:00", undefined, "America/New_York", undefined],
    // Another zone with the event's offset at that time: the clock reads the same, nothing to add.
    ["2016-06-10T10:05:00-04:00", undefined, "America/Toronto", undefined],
    ["2016-06-20", undefined, "Europe/Berlin", undefined],
  ] as const) {
    test(`${start}${end ? `–${end}` : ""} seen in ${zone}: ${expected ?? "nothing"}`, () => {
      assert.equal(viewerTimeText(start, end, zone, "en", en), expected);
    });
  }

  test("in the page's language and its clock", () => {
    assert.equal(viewerTimeText("2016-06-10T19:00:00-04:00", undefined, "Europe/Berlin", "de", pageTranslate("de")), "Sa., 11. Juni, 01:00 bei Ihnen");
  });
});

describe("what is on now and next in each room", () => {
  // The sample's morning of 10 June 2016: the hall's talks, the lab's first workshop, the coffee break for every room.
  const slot = (start: string, end: string, room?: string): Slot => ({ start: at(`2016-06-10T${start}:00-04:00`), end: at(`2016-06-10T${end}:00-04:00`), room });
  const slots = [
    slot("08:30", "09:15"),
    slot("09:15", "10:00", "hall"),
    slot("10:00", "10:30", "hall"),
    slot("10:30", "11:00", "hall"),
    slot("11:00", "11:15"),
    slot("11:15", "11:45", "hall"),
    slot("13:15", "15:15", "lab"),
  ];
  const marks = (time: string) => {
    const { on, next } = nowAndNext(slots, at(`2016-06-10T${time}:00-04:00`));
    return { on: [...on].sort(), next: [...next].sort() };
  };
  test("at 10:05 the hall's talk is on, the hall's next talk and the lab's next row are next", () => {
    assert.deepEqual(marks("10:05"), { on: [2], next: [3, 4] });
  });
  test("a row for every room on now is on in each; what follows it in each room is next", () => {
    assert.deepEqual(marks("11:05"), { on: [4], next: [5, 6] });
  });
  test("a session starting now is on, not next", () => {
    assert.deepEqual(marks("10:30"), { on: [3], next: [4] });
  });
  test("nothing before the first slot or after the last", () => {
    assert.deepEqual(marks("08:29"), { on: [], next: [] });
    assert.deepEqual(marks("15:15"), { on: [], next: [] });
  });
});
