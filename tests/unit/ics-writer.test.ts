import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import ICAL from "ical.js";
import { loadConference } from "../../src/content/load.ts";
import type { Conference, Session } from "../../src/content/model.ts";
import { escapeText, renderIcs } from "../../src/export/ics.ts";
import { exportedSessions } from "../../src/export/sessions.ts";
import { exportStamp } from "../../src/export/stamp.ts";
import { FIXTURES } from "../helpers.ts";

async function dst(): Promise<Conference> {
  return loadConference({ contentDir: path.join(FIXTURES, "berlin-dst") });
}

function vevents(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

function oneFile(conference: Conference, session: Session, name = session.title): string {
  return renderIcs(conference, [session], { stamp: exportStamp(conference.event, undefined), name, path: "/talks/x.ics" });
}

describe("iCalendar TEXT escaping", () => {
  test("escapes backslash, semicolon, comma and newline; CR becomes a newline; other control characters are dropped", () => {
    assert.equal(escapeText("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
    assert.equal(escapeText("one\r\ntwo\rthree"), "one\\ntwo\\nthree");
    assert.equal(escapeText("bell\u0007 nul\u0000 esc\u001b del\u007f vt\u000b ff\u000c"), "bell nul esc del vt ff");
    assert.equal(escapeText("tab\tkept, emoji 🎉 kept"), "tab\tkept\\, emoji 🎉 kept");
  });
});

describe("iCalendar writer", () => {
  const hostile = "Talk\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Planted\nURL:https://evil.example/\rDTSTART:20000101T000000Z, a; b\\ c 🎉\u0007";

  test("a title with CR, LF, commas, semicolons and backslashes stays one event with that summary", async () => {
    const conference = await dst();
    const welcome = conference.sessions.find((s) => s.slug === "welcome")!;
    const session = { ...welcome, title: hostile } as Session;
    const text = oneFile(conference, session);
    const events = vevents(text);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.summary, "Talk\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nSUMMARY:Planted\nURL:https://evil.example/\nDTSTART:20000101T000000Z, a; b\\ c 🎉");
    assert.equal(events[0]!.uid, "11b63071-987e-527d-8196-59b009004bad");
    assert.equal(events[0]!.startDate.toJSDate().toISOString(), "2024-10-26T07:00:00.000Z");
    assert.equal(events[0]!.endDate.toJSDate().toISOString(), "2024-10-26T07:30:00.000Z");
    assert.doesNotMatch(text, /^(UID:evil|BEGIN:VEVENT\r\nUID:evil|URL:https:\/\/evil)/m);
  });

  test("the calendar's name is escaped in NAME and X-WR-CALNAME, and PRODID is fixed text", async () => {
    const conference = await dst();
    const welcome = conference.sessions.find((s) => s.slug === "welcome")!;
    const calendar = new ICAL.Component(ICAL.parse(oneFile(conference, welcome, hostile)));
    const expected = "Talk\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nSUMMARY:Planted\nURL:https://evil.example/\nDTSTART:20000101T000000Z, a; b\\ c 🎉";
    // ical.js does not know NAME (RFC 7986) and X-WR-CALNAME as TEXT, so it leaves them escaped.
    const text = (name: string) => String(calendar.getFirstPropertyValue(name)).replace(/\\([\\;,nN])/g, (_, ch: string) => (ch.toLowerCase() === "n" ? "\n" : ch));
    assert.equal(text("name"), expected);
    assert.equal(text("x-wr-calname"), expected);
    assert.equal(calendar.getFirstPropertyValue("prodid"), "-//Lectern//Lectern//EN");
    assert.equal(calendar.getAllSubcomponents("vevent").length, 1);
  });

  test("every line ends in CRLF, the last one too, and none is longer than 75 octets", async () => {
    const conference = await dst();
    const text = renderIcs(conference, exportedSessions(conference), { stamp: exportStamp(conference.event, undefined), name: `${"Ä".repeat(60)}, 🎉`, path: "/schedule.ics" });
    assert.ok(text.endsWith("END:VCALENDAR\r\n"), JSON.stringify(text.slice(-20)));
    const lines = text.split("\r\n");
    assert.equal(lines.pop(), "");
    for (const line of lines) {
      assert.doesNotMatch(line, /[\r\n]/);
      assert.ok(Buffer.byteLength(line) <= 75, line);
    }
  });
});
