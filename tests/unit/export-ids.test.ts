import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import ICAL from "ical.js";
import { loadConference } from "../../src/content/load.ts";
import { renderIcs } from "../../src/export/ics.ts";
import { conferenceAcronym, sessionGuid, sessionIds } from "../../src/export/ids.ts";
import { scheduleData, type ScheduleEvent } from "../../src/export/schedule-data.ts";
import { exportedSessions } from "../../src/export/sessions.ts";
import { exportStamp } from "../../src/export/stamp.ts";
import { FIXTURES, makeContent } from "../helpers.ts";

function events(data: ReturnType<typeof scheduleData>): Map<string, ScheduleEvent> {
  const all = data.conference.days.flatMap((day) => Object.values(day.rooms).flat());
  return new Map(all.map((event) => [event.url.split("/").at(-2)!, event]));
}

describe("export ids", () => {
  test("guid is a version-5 UUID of the page's address; id a positive 31-bit integer; both pinned", async () => {
    const conference = await loadConference({ contentDir: path.join(FIXTURES, "berlin-dst") });
    const welcome = conference.sessions.find((s) => s.slug === "welcome")!;
    // uuid5(NAMESPACE_URL, "https://nachtschicht.example.org/talks/welcome/"): changing this breaks favourites in the apps.
    assert.equal(sessionGuid(conference.event, welcome), "11b63071-987e-527d-8196-59b009004bad");
    const ids = sessionIds(conference.event, exportedSessions(conference));
    assert.equal(ids.get(welcome), (0x11b63071 % (2 ** 31 - 1)) + 1);
    assert.equal(new Set(ids.values()).size, ids.size);
    for (const id of ids.values()) assert.ok(Number.isInteger(id) && id >= 1 && id < 2 ** 31);
  });

  test("guid and id of a session survive other changes to the programme", async () => {
    const before = events(scheduleData(await loadConference({ contentDir: path.join(FIXTURES, "berlin-dst") })));
    const dir = await makeContent("berlin-dst", {
      "talks/new-talk.md": "---\ntitle: A new talk\nspeakers: [ben-okafor]\nstart: 2024-10-27 11:00\nduration: 30\nroom: side\n---\nNew.\n",
      "talks/go-fast.md": null,
      "talks/rust-in-anger.md": "---\ntitle: Rust in anger (moved)\nspeakers: [ada-lovelace]\nstart: 2024-10-27 11:00\nduration: 45\nroom: main\n---\nMoved to Sunday.\n",
    });
    const after = events(scheduleData(await loadConference({ contentDir: dir })));
    for (const [slug, event] of before) {
      if (slug === "go-fast") continue;
      assert.equal(after.get(slug)?.guid, event.guid, slug);
      assert.equal(after.get(slug)?.id, event.id, slug);
    }
    assert.ok(after.has("new-talk") && !after.has("go-fast"));
  });

  test("acronym fits both schemas", async () => {
    const conference = await loadConference({ contentDir: path.join(FIXTURES, "berlin-dst") });
    assert.equal(conferenceAcronym(conference.event), "nachtschicht_berlin_2024");
    const short = { ...conference.event, name: "JS" };
    assert.equal(conferenceAcronym(short), "js_2024");
    assert.equal(conferenceAcronym({ ...conference.event, name: "Ünïcödé Čonf!" }), "unicode_conf");
  });
});

describe("export stamp", () => {
  test("DTSTAMP comes from SOURCE_DATE_EPOCH, else the event's first day, never the clock", async () => {
    const conference = await loadConference({ contentDir: path.join(FIXTURES, "berlin-dst") });
    const stampOf = (epoch: string | undefined) => {
      const ics = renderIcs(conference, exportedSessions(conference), { stamp: exportStamp(conference.event, epoch), name: "x", path: "/x.ics" });
      const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!;
      return String(vevent.getFirstPropertyValue("dtstamp"));
    };
    assert.equal(stampOf(undefined), "2024-10-25T22:00:00Z");
    assert.equal(stampOf("1700000000"), "2023-11-14T22:13:20Z");
    assert.throws(() => exportStamp(conference.event, "yesterday"), /SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got "yesterday"/);
  });
});
