import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, test } from "node:test";
import ICAL from "ical.js";
import { picksCalendar } from "../../src/client/picks-ics.ts";
import type { BrowserProgramme } from "../../src/export/browser-programme.ts";
import { buildSite, makeContent, readPage, readScheduleDays, runLectern, tempDir, textOf } from "../helpers.ts";
import { loadConference } from "../../src/content/load.ts";
import { exportFiles } from "../../src/export/files.ts";

interface JsonEvent {
  id: number;
  guid: string;
  url: string;
  title: string;
}

/** The sessions of schedule.json (c3voc), every day and room. */
function scheduleEvents(json: string): JsonEvent[] {
  const data = JSON.parse(json) as { schedule: { conference: { days: Array<{ rooms: Record<string, JsonEvent[]> }> } } };
  return data.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
}

/** A workshop in two blocks and titles that hold everything iCalendar escapes. */
const CHANGES = {
  "talks/welcome.md": '---\ntitle: "Welcome, all; C:\\\\path\\\\ 🎉 \\"quoted\\""\nspeakers: [ada-lovelace]\nstart: 2024-10-26 09:00\nduration: 30\ntags: ["a,b", "c;d"]\n---\nLine one\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:planted\n',
  "workshops/cluster-lab.md": "---\ntitle: Cluster lab\nleaders: [ben-okafor]\nblocks:\n  - start: 2024-10-26 13:00\n    duration: 60\n  - start: 2024-10-27 13:00\n    duration: 60\nroom: side\nlevel: intermediate\ntags: [kubernetes]\n---\nBuild a cluster.\n",
};

describe("my schedule: sessions.json, the stars' ids and the picks' calendar file", () => {
  const sites: Record<string, string> = {};
  const programmes: Record<string, BrowserProgramme> = {};

  before(async () => {
    for (const [name, content] of [
      ["sample", await makeContent("sample")],
      ["berlin", await makeContent("berlin-dst", CHANGES)],
    ] as const) {
      sites[name] = await buildSite(content);
      programmes[name] = JSON.parse(await readPage(sites[name], "/schedule/sessions.json")) as BrowserProgramme;
    }
  });

  test("sessions.json has every session of schedule.json with the same id and guid, in a compact form", async () => {
    for (const name of ["sample", "berlin"]) {
      const events = scheduleEvents(await readPage(sites[name]!, "/schedule.json"));
      const programme = programmes[name]!;
      assert.deepEqual(
        programme.sessions.map((s) => ({ id: s.id, guid: s.guid, title: s.title })).sort((a, b) => a.id - b.id),
        events.map((e) => ({ id: e.id, guid: e.guid, title: e.title })).sort((a, b) => a.id - b.id),
        name,
      );
    }
    const sample = programmes.sample!;
    const { sessions, ...head } = sample;
    assert.deepEqual(head, {
      version: 1,
      name: "ContainerDays Boston 2016",
      url: "https://containerdays-boston-2016.example.org/",
      language: "en",
      timezone: "America/New_York",
      place: "Microsoft New England Research and Development Center, 1 Memorial Drive, Cambridge, MA 02142",
      stamp: sample.stamp,
      days: [
        { date: "2016-06-10", label: "Friday 10 June 2016" },
        { date: "2016-06-11", label: "Saturday 11 June 2016" },
      ],
    });
    const autopilot = sessions.find((s) => s.url === "/talks/autopilot/")!;
    assert.deepEqual(autopilot, {
      id: autopilot.id,
      guid: autopilot.guid,
      kind: "talk",
      title: "Autopilot: Running Real-world Applications in Containers",
      url: "/talks/autopilot/",
      start: "2016-06-11T10:30:00-04:00",
      end: "2016-06-11T11:00:00-04:00",
      day: "2016-06-11",
      when: "10:30–11:00 EDT",
      room: { id: "hall", name: "Main Hall" },
      people: ["Tim Gross"],
      tags: autopilot.tags,
      credits: "Speaker: Tim Gross",
    });
    const blocks = programmes.berlin!.sessions.filter((s) => s.url === "/workshops/cluster-lab/");
    assert.deepEqual(
      blocks.map((s) => [s.part, s.level, s.day]),
      [
        [[1, 2], "intermediate", "2024-10-26"],
        [[2, 2], "intermediate", "2024-10-27"],
      ],
    );
  });

  test("each session's element carries data-session with its ids and a hidden star named after it", async () => {
    const sample = programmes.sample!;
    const idOf = new Map(sample.sessions.map((s) => [s.url, s.id]));
    const schedule = await readScheduleDays(sites.sample!);
    const entries = [...schedule.matchAll(/<div class="entry"( data-session="(\d+)")?[^>]*>(.*?)<\/div>/g)];
    const starred = entries.filter((m) => m[1]);
    assert.equal(starred.length, sample.sessions.length);
    for (const [, , id, inner] of starred) {
      const href = /<h3 class="entry__title"><a href="([^"]+)">([^<]+)<\/a>/.exec(inner!)!;
      assert.equal(Number(id), idOf.get(href[1]!), href[1]);
      assert.ok(
        inner!.startsWith(
          `<button type="button" class="star" aria-pressed="false" hidden><span class="star__icon" aria-hidden="true">★</span><span class="visually-hidden">Add ‘${href[2]}’ to my schedule</span></button>`,
        ),
        href[1],
      );
    }
    assert.ok(entries.some((m) => !m[1] && m[3]!.includes("Registration and breakfast")), "a break has no star");
    const talk = await readPage(sites.sample!, "/talks/autopilot/");
    assert.match(talk, new RegExp(`<article class="session" data-session="${idOf.get("/talks/autopilot/")}"[ >]`));
    assert.match(talk, /<button type="button" class="star star--labelled" aria-pressed="false" hidden>/);
    const speaker = await readPage(sites.sample!, "/speakers/tim-gross/");
    assert.match(speaker, new RegExp(`<article class="card session-card" id="[^"]+" data-session="${idOf.get("/talks/autopilot/")}"[^>]*><button type="button" class="star"`));
    // A workshop shown whole picks every block; each block on the schedule picks itself.
    const blocks = programmes.berlin!.sessions.filter((s) => s.url === "/workshops/cluster-lab/").map((s) => s.id);
    assert.match(await readPage(sites.berlin!, "/workshops/cluster-lab/"), new RegExp(`<article class="session" data-session="${blocks.join(" ")}"[ >]`));
    const berlinSchedule = await readScheduleDays(sites.berlin!);
    for (const id of blocks) assert.match(berlinSchedule, new RegExp(`<div class="entry" data-session="${id}"[ >]`));
  });

  test("My schedule is a page of its own in the menu and the sitemap, which says what it needs without JavaScript", async () => {
    const page = await readPage(sites.sample!, "/schedule/mine/");
    assert.match(page, /<a href="\/schedule\/mine\/" aria-current="page">My schedule<\/a>/);
    assert.match(page, /<a href="\/schedule\/">Schedule<\/a>/, "the schedule's menu link is not current here");
    assert.match(page, /<h1 id="my_schedule_heading" tabindex="-1">My schedule<\/h1>/);
    assert.match(page, /Your picks stay in this browser: there is no account and nothing is sent anywhere\./);
    assert.match(page, /Showing your picks needs JavaScript, which is off or has not loaded\./);
    assert.match(await readPage(sites.sample!, "/sitemap.xml"), /<loc>https:\/\/containerdays-boston-2016\.example\.org\/schedule\/mine\/<\/loc>/);
    assert.match(await readPage(sites.sample!, "/schedule/"), /<a href="\/schedule\/mine\/">My schedule<\/a>/);
  });

  test("the picks' calendar, written as the browser writes it, has each session's own event line for line but the abstract", async () => {
    for (const name of ["sample", "berlin"]) {
      const programme = programmes[name]!;
      const text = picksCalendar(programme, programme.sessions, "My schedule", `${programme.url}schedule/mine/`);
      const ours = veventBlocks(text);
      assert.equal(ours.length, programme.sessions.length, name);
      for (const [i, session] of programme.sessions.entries()) {
        const own = veventBlocks(await readPage(sites[name]!, session.url.replace(/\/$/, ".ics")));
        const block = own.find((b) => b.includes(`UID:${session.guid}\r\n`));
        assert.ok(block, `${name} ${session.url}`);
        assert.equal(withoutDescription(ours[i]!), withoutDescription(block), `${name} ${session.url}`);
      }
      const parsed = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      assert.deepEqual(
        parsed.map((e) => [e.uid, e.summary, e.startDate.toJSDate().toISOString()]),
        programme.sessions.map((s) => [s.guid, s.title, new Date(s.start).toISOString()]),
      );
    }
    const welcome = programmes.berlin!.sessions.find((s) => s.url === "/talks/welcome/")!;
    assert.match(picksCalendar(programmes.berlin!, [welcome], "x", "https://x.example/"), /\r\nSUMMARY:Welcome\\, all\\; C:\\\\path\\\\ 🎉 "quoted"\r\n/);
  });

  test("python3-icalendar reads the picks' calendar as the site's own files", async (t) => {
    const python = ["/usr/bin/python3", "python3"].find((candidate) => spawnSync(candidate, ["-c", "import icalendar"]).status === 0);
    if (!python) return t.skip("skipped: python3-icalendar not installed (apt-get install python3-icalendar)");
    const programme = programmes.berlin!;
    const file = path.join(await tempDir(), "picks.ics");
    await writeFile(file, picksCalendar(programme, programme.sessions, "Nacht; mine", `${programme.url}schedule/mine/`));
    const result = spawnSync(python, ["-c", PYTHON_PARSE, file, path.join(sites.berlin!, "schedule.ics")], { encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
    const [ours, site] = JSON.parse(result.stdout) as Array<Array<Record<string, string>>>;
    const byUid = (events: Array<Record<string, string>>) => events.sort((a, b) => a.uid!.localeCompare(b.uid!));
    assert.deepEqual(byUid(ours!), byUid(site!));
  });
});

describe("the picks' calendar after releases: SEQUENCE, LAST-MODIFIED and a cancelled session as the site writes them", () => {
  test("each session's event matches its own .ics line for line but the abstract", async () => {
    const content = await makeContent("small");
    const release = (name: string, now: string) => runLectern("release", { CONTENT_DIR: content, LECTERN_NOW: now }, [name]);
    assert.equal((await release("v1", "2024-10-01T10:00:00+02:00")).code, 0);
    await writeFile(path.join(content, "talks", "opening.md"), "---\ntitle: Opening keynote, moved\nspeakers: [jana-novak]\nstart: 2024-10-27 11:00\nduration: 45\nroom: side\nkind: keynote\n---\nWhy.\n");
    await writeFile(path.join(content, "talks", "late-night.md"), "---\ntitle: Late night hacking\nspeakers: [jana-novak, sam-lee]\nstart: 2024-10-26 23:30\nduration: 60\nroom: side\ncancelled: true\n---\nPast midnight.\n");
    assert.equal((await release("v2", "2024-10-10T10:00:00+02:00")).code, 0);
    const conference = await loadConference({ contentDir: content, render: false });
    const files = new Map([...exportFiles(conference, "1700000000")].map((file) => [file.path, textOf(file.content)]));
    const programme = JSON.parse(files.get("/schedule/sessions.json")!) as BrowserProgramme;
    const ours = veventBlocks(picksCalendar(programme, programme.sessions, "Mine", `${programme.url}schedule/mine/`));
    for (const [i, session] of programme.sessions.entries()) {
      const own = veventBlocks(files.get(session.url.replace(/\/$/, ".ics"))!).find((b) => b.includes(`UID:${session.guid}\r\n`))!;
      assert.equal(withoutDescription(ours[i]!), withoutDescription(own), session.url);
    }
    const opening = ours[programme.sessions.findIndex((s) => s.url === "/talks/opening/")]!;
    assert.match(opening, /\r\nSEQUENCE:1\r\nLAST-MODIFIED:20241010T080000Z\r\n/);
    const late = programme.sessions.find((s) => s.url === "/talks/late-night/")!;
    assert.equal(late.cancelled, true);
    assert.match(ours[programme.sessions.indexOf(late)]!, /\r\nSTATUS:CANCELLED\r\nEND:VEVENT/);
  });
});

/** Each VEVENT of an iCalendar text, as written (folded, CRLF). */
function veventBlocks(text: string): string[] {
  return [...text.matchAll(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g)].map((m) => m[0]);
}

/** A VEVENT without its DESCRIPTION property (and that property's folded lines). */
function withoutDescription(block: string): string {
  return block.replace(/DESCRIPTION:.*\r\n( .*\r\n)*/, "");
}

const PYTHON_PARSE = `
import json, sys
from datetime import timezone
from icalendar import Calendar
out = []
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        calendar = Calendar.from_ical(f.read())
    out.append([
        {"uid": str(e.get("uid")), "summary": str(e.get("summary")), "location": str(e.get("location")),
         "start": e.decoded("dtstart").astimezone(timezone.utc).isoformat(),
         "end": e.decoded("dtend").astimezone(timezone.utc).isoformat()}
        for e in calendar.walk("VEVENT")
    ])
print(json.dumps(out))
`;
