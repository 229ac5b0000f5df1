import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { detectFormat, readProgramme } from "../../src/import/detect.ts";
import { htmlToMarkdown } from "../../src/import/html.ts";
import { ImportError } from "../../src/import/programme.ts";
import { kindOf, planImport, readFrontMatter, STATE_FILE } from "../../src/import/write.ts";
import { FIXTURES } from "../helpers.ts";

const fixture = (name: string) => readFileSync(path.join(FIXTURES, "import", name), "utf8");
const settings = { file: "s.json", prune: false, contentLabel: "content" };

function importError(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return [...error.lines];
    throw error;
  }
  assert.fail("expected an ImportError");
}

describe("format detection", () => {
  it("tells the three formats apart from their content", () => {
    assert.equal(detectFormat(fixture("pretalx-schedule.json")), "c3voc-json");
    assert.equal(detectFormat(fixture("frab-schedule.xml")), "frab-xml");
    assert.equal(detectFormat(fixture("pentabarf-schedule.xml")), "frab-xml");
    assert.equal(detectFormat(fixture("sessionize-all.json")), "sessionize");
    assert.equal(detectFormat("title,start\n"), undefined);
  });

  it("names the file and what it is when the format is unknown", () => {
    assert.deepEqual(importError(() => readProgramme("a,b\n1,2\n", "s.csv")), [
      "s.csv: unknown format: the file is neither JSON nor XML; name one with --format c3voc-json|frab-xml|sessionize",
    ]);
    assert.deepEqual(importError(() => readProgramme('{"talks": []}', "s.json")), [
      "s.json: unknown format: the file is JSON, but neither a c3voc schedule.json nor a Sessionize export; name one with --format c3voc-json|frab-xml|sessionize",
    ]);
  });

  it("gives the line and column of broken JSON and XML", () => {
    assert.match(importError(() => readProgramme('{"schedule": {"conference": \n  {"days": [,]}}}', "s.json", "c3voc-json"))[0]!, /^s\.json: line 2, column 13: not valid JSON: Unexpected token/);
    assert.match(importError(() => readProgramme('{"sessions": [],\n "speakers" []}', "s.json", "sessionize"))[0]!, /^s\.json: line 2, column 13: not valid JSON: /);
    assert.match(importError(() => readProgramme("<schedule>\n<day>\n</schedule>", "s.xml"))[0]!, /^s\.xml: line 3, column \d+: not well-formed XML: /);
  });
});

describe("c3voc schedule.json (pretalx)", () => {
  const programme = readProgramme(fixture("pretalx-schedule.json"), "s.json");

  it("keeps each event's instant with its offset, its room, type and people", () => {
    const [keynote, first, second] = programme.events;
    assert.deepEqual(first!.start, { instant: "2024-10-27T02:30:00+02:00" });
    assert.deepEqual(second!.start, { instant: "2024-10-27T02:30:00+01:00" });
    assert.equal(keynote!.type, "Keynote");
    assert.equal(keynote!.room, "Saal 1");
    assert.equal(keynote!.key, "guid:0f6e1c8e-1111-5e3b-8a55-000000000001");
    assert.deepEqual(keynote!.persons.map((p) => [p.key, p.name]), [["code:ADA01", "Ada Lovelace"]]);
    assert.equal(keynote!.slides, "https://slides.example.org/key1.pdf");
    assert.equal(keynote!.feedback, "https://pretalx.example.org/nightconf-2024/talk/KEY1/feedback/");
    assert.equal(programme.events[3]!.code, "https://github.com/example/tz-lab");
    assert.equal(first!.video, "https://media.example.org/v/dst1");
    assert.deepEqual(programme.rooms, ["Saal 1", "Lab & Workshop"]);
    assert.equal(programme.timezone, "Europe/Berlin");
    assert.equal(programme.dayChange, "04:00");
  });

  it("turns HTML abstracts and bios into markdown and drops scripts", () => {
    assert.equal(programme.events[0]!.abstract, "Why **nights** matter.\n\n-   Clocks\n-   Offsets");
    assert.equal(programme.events[0]!.persons[0]!.bio, "Ada writes _notes_.");
    assert.equal(htmlToMarkdown("Plain *markdown* stays"), "Plain *markdown* stays");
  });

  it("writes the hour that happens twice with its offset, and one file per person", () => {
    const plan = planImport(programme, new Map(), settings);
    const first = readFrontMatter(plan.writes.get("talks/the-first-half-past-two.md")!)!.data;
    const second = readFrontMatter(plan.writes.get("talks/the-second-half-past-two.md")!)!.data;
    assert.equal(first.start, "2024-10-27 02:30 +02:00");
    assert.equal(second.start, "2024-10-27 02:30 +01:00");
    assert.equal(second.kind, "lightning");
    // Ben Okafor twice (BEN02, and BEN99 with a double space): one file, by name.
    assert.deepEqual(second.speakers, ["ada-lovelace", "ben-okafor"]);
    assert.deepEqual([...plan.writes.keys()].filter((f) => f.startsWith("speakers/")).sort(), ["speakers/ada-lovelace.md", "speakers/ben-okafor.md", "speakers/carmen-ruiz.md"]);
    assert.ok(plan.writes.get("workshops/hands-on-with-time-zones.md")!.includes("room: lab-and-workshop\n"));
    assert.ok(plan.notes.includes('type "Performance" (1 event) is not a kind Lectern knows: written as talk'));
    assert.ok(plan.writes.has(STATE_FILE));
  });
});

describe("frab and pentabarf schedule.xml", () => {
  it("reads frab's <date> instants, subtitles, persons with ids and links", () => {
    const { events, timezone, dayChange } = readProgramme(fixture("frab-schedule.xml"), "s.xml");
    assert.equal(timezone, "Europe/Amsterdam");
    assert.equal(dayChange, "06:00");
    assert.equal(events[0]!.title, "Across the change: A talk that loses an hour");
    assert.deepEqual(events[0]!.start, { instant: "2019-03-30T23:30:00+01:00" });
    assert.equal(events[0]!.duration, 90);
    assert.equal(events[0]!.abstract, "Starts in winter time, ends in summer time.");
    assert.deepEqual(events[0]!.persons.map((p) => p.key), ["guid:aaaa0000-0000-5000-8000-000000000011", "id:12"]);
    assert.equal(events[0]!.slides, "https://slides.example.org/7001");
    assert.equal(events[0]!.video, "https://www.youtube.com/watch?v=abc123");
    assert.equal(events[1]!.title, "Games & Puzzles");
    const hostile = readProgramme(fixture("frab-schedule.xml").replace("<title>Build a clock</title>", "<title>Build a \u001b[2Jclock\u202e</title>"), "s.xml");
    assert.equal(hostile.events[2]!.title, "Build a [2Jclock");
  });

  it("reads the old pentabarf shape: day_change, HH:MM:SS, persons without ids, no <date>", () => {
    const { events, timezone, dayChange } = readProgramme(fixture("pentabarf-schedule.xml"), "s.xml");
    assert.equal(timezone, undefined);
    assert.equal(dayChange, "04:00");
    assert.deepEqual(events[0]!.start, { local: "2010-02-06T10:30" });
    assert.equal(events[0]!.duration, 25);
    // 01:00 is before the day change: the night after the day's date.
    assert.deepEqual(events[1]!.start, { local: "2010-02-07T01:00" });
    assert.equal(events[1]!.duration, 60);
    assert.deepEqual(events[1]!.persons, [{ key: undefined, name: "Marie Curie" }, { key: undefined, name: "OldConf Staff" }]);
    assert.equal(kindOf(events[0]!.type), "panel");
  });

  it("needs a time zone for the old shape, and says where to give it", () => {
    const programme = readProgramme(fixture("pentabarf-schedule.xml"), "s.xml");
    assert.deepEqual(importError(() => planImport(programme, new Map(), { ...settings, file: "s.xml" })), [
      "s.xml: names no time zone; pass --timezone with the event's IANA zone (e.g. --timezone Europe/Berlin), or import into a content folder whose event.yaml has one",
    ]);
    const fromEvent = planImport(programme, new Map([["event.yaml", "timezone: Europe/Brussels\n"]]), settings);
    assert.equal(fromEvent.notes[0], "time zone Europe/Brussels, from event.yaml");
    assert.deepEqual(importError(() => planImport(programme, new Map(), { ...settings, timezone: "Mars/Olympus" })), [
      `s.json: time zone (from --timezone): unknown time zone "Mars/Olympus" (write the zone of the venue's city, such as "America/New_York" or "Europe/Berlin")`,
    ]);
  });

  it("names the event when a field is missing or two events share an id", () => {
    const noTitle = fixture("frab-schedule.xml").replace("<title>Build a clock</title>", "<title/>");
    assert.deepEqual(importError(() => readProgramme(noTitle, "s.xml")), ['s.xml: <day index="2"> <room name="Hall A"> <event id="7003"> <title>: missing; every event needs a title']);
    const twice = readProgramme(fixture("frab-schedule.xml").replace('guid="c0ffee00-0000-5000-8000-000000000003"', 'guid="c0ffee00-0000-5000-8000-000000000001"'), "s.xml");
    assert.deepEqual(importError(() => planImport(twice, new Map(), settings)), [
      's.json: <day index="2"> <room name="Hall A"> <event id="7003">: guid "c0ffee00-0000-5000-8000-000000000001" is also the id of <day index="1"> <room name="Hall A"> <event id="7001"> ("Across the change: A talk that loses an hour"); each event needs its own',
    ]);
  });
});

describe("Sessionize all data", () => {
  const programme = readProgramme(fixture("sessionize-all.json"), "s.json");

  it("reads local times, formats, tracks, plenum and service sessions, and tag lines", () => {
    const [spring, breakfast, labs, later] = programme.events;
    assert.deepEqual(spring!.start, { local: "2025-03-09T01:30" });
    assert.deepEqual(spring!.tags, ["Reliability"]);
    assert.equal(breakfast!.type, "break");
    assert.equal(breakfast!.room, undefined);
    assert.equal(labs!.type, "Workshop");
    assert.equal(later!.start, undefined);
    assert.deepEqual(programme.rooms, ["Auditorium", "Lab"]);
    assert.equal(spring!.persons[0]!.role, "Site Reliability Engineer");
    assert.equal(spring!.persons[0]!.company, "FBI Cloud");
  });

  it("measures a session across the clock change in real minutes, and refuses a time that never happened", () => {
    const plan = planImport(programme, new Map(), { ...settings, timezone: "America/New_York" });
    assert.equal(readFrontMatter(plan.writes.get("talks/spring-forward-safely.md")!)!.data.duration, 60);
    assert.ok(plan.writes.has("talks/_not-scheduled-yet.md"));
    // Scheduled later: the file moves to its address, with what was edited by hand.
    const files = new Map(plan.writes);
    files.set("talks/_not-scheduled-yet.md", files.get("talks/_not-scheduled-yet.md")!.replace("Waiting for a slot.", "Edited by hand."));
    const scheduled = readProgramme(
      fixture("sessionize-all.json").replace('"startsAt": null,\n      "endsAt": null', '"startsAt": "2025-03-09T14:00:00",\n      "endsAt": "2025-03-09T14:30:00"'),
      "s.json",
    );
    const later = planImport(scheduled, files, { ...settings, timezone: "America/New_York" });
    assert.deepEqual(later.deletes, ["talks/_not-scheduled-yet.md"]);
    assert.equal(later.writes.get("talks/not-scheduled-yet.md"), "---\ntitle: Not scheduled yet\nspeakers:\n  - fox-mulder\nstart: 2025-03-09 14:00\nduration: 30\n---\nEdited by hand.\n");
    assert.ok(later.notes.includes("content/talks/_not-scheduled-yet.md moved to content/talks/not-scheduled-yet.md"));
    const gap = readProgramme(fixture("sessionize-all.json").replace('"2025-03-09T08:00:00"', '"2025-03-09T02:30:00"'), "s.json");
    assert.deepEqual(importError(() => planImport(gap, new Map(), { ...settings, timezone: "America/New_York" })), [
      "s.json: sessions[1]: start: 2025-03-09 02:30 does not exist in America/New_York (the clocks go forward then)",
    ]);
  });
});

describe("re-import", () => {
  it("keeps a field edited by hand and added tags, and applies the source's changes elsewhere", () => {
    const source = fixture("pretalx-schedule.json");
    const first = planImport(readProgramme(source, "s.json"), new Map(), settings);
    const files = new Map(first.writes);
    const keynote = "talks/opening-keynote.md";
    files.set(keynote, files.get(keynote)!.replace("title: Opening keynote", "title: Opening keynote (edited)").replace("  - Operations\n", "  - Operations\n  - extra\n"));
    files.set("speakers/ada-lovelace.md", files.get("speakers/ada-lovelace.md")!.replace("---\nAda", "pronouns: she/her\n---\nAda"));
    const changed = source.replace('"date": "2024-10-26T20:00:00+02:00"', '"date": "2024-10-26T21:00:00+02:00"').replace("Why <strong>nights</strong> matter.", "Why nights matter a lot.");
    const second = planImport(readProgramme(changed, "s.json"), files, settings);
    const talk = readFrontMatter(second.writes.get(keynote)!)!;
    assert.equal(talk.data.title, "Opening keynote (edited)");
    assert.deepEqual(talk.data.tags, ["Operations", "extra"]);
    assert.match(talk.body, /^Why nights matter a lot\./);
    assert.equal(readFrontMatter(second.writes.get("talks/modular-synth-set.md")!)!.data.start, "2024-10-26 21:00");
    assert.deepEqual(second.changed.sort(), ["talks/modular-synth-set.md", keynote]);
    assert.ok(second.writes.has(STATE_FILE));
    assert.ok(second.unchanged.includes("speakers/ada-lovelace.md"));
    assert.ok(second.notes.includes("content/talks/opening-keynote.md: kept as edited by hand: title"));
  });
});
