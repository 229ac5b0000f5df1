import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, test } from "node:test";
import ICAL from "ical.js";
import { ContentError } from "../../src/content/errors.ts";
import { loadConference } from "../../src/content/load.ts";
import { exportFiles } from "../../src/export/files.ts";
import { buildSite, makeContent, readPage, readScheduleDays, runLectern, textOf } from "../helpers.ts";

const OPENING_SUNDAY = "---\ntitle: Opening keynote\nspeakers: [jana-novak]\nstart: 2024-10-27 11:00\nduration: 45\nroom: side\nkind: keynote\n---\nWhy platforms matter.\n";
const LATE_RETITLED = "---\ntitle: Later night hacking\nspeakers: [jana-novak, sam-lee]\nstart: 2024-10-26 23:30\nduration: 60\nroom: side\n---\nPast midnight.\n";
const ADDED = "---\ntitle: Lightning talks\nspeakers: [sam-lee]\nstart: 2024-10-27 15:00\nduration: 30\nroom: main\n---\nShort ones.\n";

/** The small fixture with three releases: v1 as it is; v2 moves the opening to Sunday; v3 cancels, retitles and adds one each. */
async function threeReleases(): Promise<string> {
  const content = await makeContent("small");
  const release = async (name: string, now: string) => {
    const result = await runLectern("release", { CONTENT_DIR: content, LECTERN_NOW: now }, [name]);
    assert.equal(result.stderr, "");
    assert.equal(result.code, 0);
    return result.stdout;
  };
  assert.match(await release("v1", "2024-10-01T10:00:00+02:00"), /^lectern release: wrote .*releases\/01-v1\.yaml \(the first release, 4 sessions\); commit it with the content\n$/);
  await writeFile(path.join(content, "talks", "opening.md"), OPENING_SUNDAY);
  assert.match(await release("v2: opening on Sunday", "2024-10-10T10:00:00+02:00"), /wrote .*releases\/02-v2-opening-on-sunday\.yaml \(1 change since "v1"\)/);
  await rm(path.join(content, "talks", "after-the-change.md"));
  await writeFile(path.join(content, "talks", "late-night.md"), LATE_RETITLED);
  await writeFile(path.join(content, "talks", "lightning.md"), ADDED);
  assert.match(await release("v3", "2024-10-20T10:00:00+02:00"), /\(3 changes since "v2: opening on Sunday"\)/);
  return content;
}

async function exportsOf(content: string): Promise<Map<string, string>> {
  const conference = await loadConference({ contentDir: content, render: false });
  return new Map([...exportFiles(conference, "1700000000")].map((file) => [file.path, textOf(file.content)]));
}

function events(text: string): Array<{ uid: string; summary: string; start: string; status: string | null; sequence: number }> {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const status = vevent.getFirstPropertyValue("status");
    return { uid: event.uid, summary: event.summary, start: event.startDate.toJSDate().toISOString(), status: status === null ? null : String(status), sequence: event.sequence };
  });
}

describe("schedule releases", () => {
  let content: string;
  let files: Map<string, string>;
  let site: string;
  before(async () => {
    content = await threeReleases();
    files = await exportsOf(content);
    site = await buildSite(content, { SOURCE_DATE_EPOCH: "1700000000" });
  });

  test("/schedule/changes/ lists per release exactly what it added, moved, retitled and cancelled", async () => {
    const page = await readPage(site, "/schedule/changes/");
    const sections = [...page.matchAll(/<section class="release" id="([^"]+)"><h2>([^<]*)<\/h2>([^]*?)<\/section>/g)].map(([, id, name, body]) => ({
      id,
      name,
      lines: [...body!.matchAll(/<(?:li|p)[^>]*>([^]*?)<\/(?:li|p)>/g)].map(([, text]) => text!.replace(/<[^>]+>/g, "").replaceAll("&amp;", "&")),
    }));
    assert.deepEqual(sections, [
      {
        id: "release-3",
        name: "v3",
        lines: [
          "Released 20 October 2024",
          "Retitled: Later night hacking (“Late night hacking” → “Later night hacking”)",
          "Added: Lightning talks (Sunday 27 October, 15:00–15:30 CET · Main Stage)",
          "Cancelled: After the clocks change (Sunday 27 October, 10:00–10:30 CET · Main Stage)",
        ],
      },
      {
        id: "release-2",
        name: "v2: opening on Sunday",
        lines: ["Released 10 October 2024", "Moved: Opening keynote (Saturday 26 October, 09:00–09:45 CEST · Main Stage → Sunday 27 October, 11:00–11:45 CET · Side Room)"],
      },
      { id: "release-1", name: "v1", lines: ["Released 1 October 2024", "The first published programme: 4 sessions."] },
    ]);
  });

  test("the Atom feed has one entry per release, newest first, with the same changes", async () => {
    const feed = await readPage(site, "/schedule/changes/feed.xml");
    const entries = [...feed.matchAll(/<entry>\s*<title>([^<]*)<\/title>[^]*?<id>([^<]*)<\/id>\s*<updated>([^<]*)<\/updated>[^]*?<content type="html">([^]*?)<\/content>/g)].map(([, title, id, updated, html]) => ({
      title,
      id,
      updated,
      items: html!.split("&lt;li&gt;").length - 1,
    }));
    assert.deepEqual(entries, [
      { title: "v3", id: "https://fixture.example.org/conf/schedule/changes/#release-3", updated: "2024-10-20T08:00:00Z", items: 3 },
      { title: "v2: opening on Sunday", id: "https://fixture.example.org/conf/schedule/changes/#release-2", updated: "2024-10-10T08:00:00Z", items: 1 },
      { title: "v1", id: "https://fixture.example.org/conf/schedule/changes/#release-1", updated: "2024-10-01T08:00:00Z", items: 0 },
    ]);
    assert.match(feed, /Cancelled: &lt;a href="https:\/\/fixture\.example\.org\/conf\/talks\/after-the-change\.ics"&gt;After the clocks change&lt;\/a&gt;/);
  });

  test("the schedule and the pages mark what the newest release changed, and keep the cancelled session, as cancelled", async () => {
    const schedule = (await readScheduleDays(site)) + (await readPage(site, "/schedule/"));
    const marked = [...schedule.matchAll(/<a class="badge badge--(new|changed|cancelled)" href="\/conf\/schedule\/changes\/">[^<]*<\/a>(?:<h3 class="entry__title"><a href="[^"]*">([^<]*)|\s*<s>([^<]*))/g)].map(([, mark, a, b]) => `${mark}: ${a ?? b}`);
    assert.deepEqual(marked, ["changed: Later night hacking", "new: Lightning talks", "cancelled: After the clocks change"]);
    assert.match(await readPage(site, "/talks/lightning/"), /<a class="badge badge--new" href="\/conf\/schedule\/changes\/">New<\/a><h1>Lightning talks<\/h1>/);
    assert.doesNotMatch(await readPage(site, "/talks/opening/"), /badge--changed/);
  });

  test("the release files are plain YAML, one per release", async () => {
    assert.deepEqual(await readdir(path.join(content, "releases")), ["01-v1.yaml", "02-v2-opening-on-sunday.yaml", "03-v3.yaml"]);
    const text = await readFile(path.join(content, "releases", "02-v2-opening-on-sunday.yaml"), "utf8");
    assert.match(text, /^name: "v2: opening on Sunday"\nrecorded: "2024-10-10T10:00:00\+02:00"\nsessions:\n {2}- guid: "[0-9a-f-]{36}"\n {4}kind: "workshop"\n {4}slug: "hands-on"\n/m);
    assert.match(text, /slug: "opening"\n {4}title: "Opening keynote"\n {4}start: "2024-10-27T11:00:00\+01:00"\n {4}end: "2024-10-27T11:45:00\+01:00"\n {4}room: "side"\n {4}speakers:\n {6}- "jana-novak"\n/);
  });

  test("ical.js reads STATUS:CANCELLED and a SEQUENCE that rises with each change of time, room or title", () => {
    const all = events(files.get("/schedule.ics")!);
    const by = new Map(all.map((e) => [e.summary, e]));
    assert.deepEqual(by.get("Opening keynote"), { ...by.get("Opening keynote")!, start: "2024-10-27T10:00:00.000Z", status: null, sequence: 1 });
    assert.deepEqual(by.get("Later night hacking"), { ...by.get("Later night hacking")!, status: null, sequence: 1 });
    assert.deepEqual(by.get("After the clocks change"), { ...by.get("After the clocks change")!, status: "CANCELLED", sequence: 1 });
    assert.equal(by.get("Lightning talks")!.sequence, 0);
    assert.equal(by.get("Hands-on platforms")!.sequence, 0);
    assert.equal(all.length, 5);
    const own = events(files.get("/talks/after-the-change.ics")!);
    assert.deepEqual(own.map((e) => [e.summary, e.status]), [["After the clocks change", "CANCELLED"]]);
    assert.match(files.get("/schedule.ics")!, /UID:[^\r]+\r\nSEQUENCE:1\r\nLAST-MODIFIED:20241010T080000Z\r\nDTSTAMP:20231114T221320Z\r\nDTSTART:20241027T100000Z\r\n/);
    assert.match(files.get("/schedule.ics")!, /SEQUENCE:1\r\nLAST-MODIFIED:20241020T080000Z\r\n[^]*?SUMMARY:After the clocks change\r\n[^]*?STATUS:CANCELLED\r\nEND:VEVENT/);
  });

  test("python3-icalendar reads the same STATUS and SEQUENCE", (t) => {
    const probe = spawnSync("/usr/bin/python3", ["-c", "import icalendar"]);
    if (probe.status !== 0) return t.skip("skipped: python3-icalendar not installed");
    const script = "import sys, icalendar\nfor e in icalendar.Calendar.from_ical(sys.stdin.read()).walk('VEVENT'):\n    print(str(e.get('summary')), int(e.get('sequence')), str(e.get('status', '-')), sep='|')\n";
    const out = spawnSync("/usr/bin/python3", ["-c", script], { input: files.get("/schedule.ics")!, encoding: "utf8" });
    assert.equal(out.stderr, "");
    assert.deepEqual(out.stdout.trim().split("\n").sort(), [
      "After the clocks change|1|CANCELLED",
      "Hands-on platforms|0|-",
      "Later night hacking|1|-",
      "Lightning talks|0|-",
      "Opening keynote|1|-",
    ]);
  });

  test("the sitemap lists the changelog", () => {
    assert.match(files.get("/sitemap.xml")!, /<loc>https:\/\/fixture\.example\.org\/conf\/schedule\/changes\/<\/loc>/);
  });

  test("the c3voc JSON and frab XML version name the newest release; guids stay", () => {
    assert.equal(JSON.parse(files.get("/schedule.json")!).schedule.version, "v3");
    assert.match(files.get("/schedule.xml")!, /<version>v3<\/version>/);
  });

  test("content changed since the newest release adds a hash to the version, and raises SEQUENCE without a release", async () => {
    await writeFile(path.join(content, "talks", "lightning.md"), ADDED.replace("15:00", "16:00"));
    const changed = await exportsOf(content);
    assert.match(JSON.parse(changed.get("/schedule.json")!).schedule.version, /^v3\+[0-9a-f]{12}$/);
    assert.equal(events(changed.get("/schedule.ics")!).find((e) => e.summary === "Lightning talks")!.sequence, 1);
    await writeFile(path.join(content, "talks", "lightning.md"), ADDED);
  });
});

describe("release files that are wrong", () => {
  async function problems(changes: Record<string, string>): Promise<string[]> {
    const content = await makeContent("small", changes);
    try {
      await loadConference({ contentDir: content, render: false });
    } catch (error) {
      assert.ok(error instanceof ContentError);
      const shown = content + "/";
      return error.problems.map((p) => `${path.basename(p.file)}: ${p.field}: ${p.message.replaceAll(shown, "")}`);
    }
    return [];
  }

  test("nonsense fields are reported by file and field, all at once", async () => {
    const text = 'name: v1\nrecorded: 2024-10-01\nsessions:\n  - guid: nope\n    kind: keynote\n    slug: x\n    title: X\n    start: "2024-10-26T09:00:00+02:00"\n    end: "2024-10-26T08:00:00+02:00"\n    color: red\n';
    assert.deepEqual(await problems({ "releases/01-v1.yaml": text }), [
      '01-v1.yaml: recorded: must be a quoted date and time with its offset, such as "2016-06-14T09:00:00-04:00"',
      "01-v1.yaml: sessions[0].color: unknown field; a session has guid, kind, slug, title, start, end, room, speakers",
      '01-v1.yaml: sessions[0].guid: "nope" is not a guid',
      "01-v1.yaml: sessions[0].kind: must be talk or workshop",
      "01-v1.yaml: sessions[0].end: must be after start",
    ]);
  });

  test("a file that is not YAML, or not a release, is reported and left as it is", async () => {
    const found = await problems({ "releases/01-a.yaml": "name: [v1\n", "releases/02-b.yaml": "- just a list\n", "releases/notes.txt": "hi" });
    assert.deepEqual(found, [
      "01-a.yaml: line 2: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      "02-b.yaml: : file must be a mapping of `field: value` lines",
      "notes.txt: : only .yaml files written by npm run release belong in releases/",
    ]);
  });

  test("two releases with one name, and a release recorded after the event", async () => {
    const one = (name: string, at: string) => `name: "${name}"\nrecorded: "${at}"\nsessions: []\n`;
    assert.deepEqual(
      await problems({
        "releases/01-a.yaml": one("v1", "2024-10-01T10:00:00Z"),
        "releases/02-b.yaml": one("v1", "2024-10-02T10:00:00Z"),
        "releases/03-c.yaml": one("v3", "2024-11-02T10:00:00Z"),
      }),
      [
        '02-b.yaml: name: "v1" is also the name of releases/01-a.yaml; every release needs its own name',
        "03-c.yaml: recorded: 2024-11-02T10:00:00.000Z is after the event's last day (2024-10-27); a release records the programme before or during the event",
      ],
    );
  });

  test("the command refuses a name taken, an unchanged programme and a moment after the event, writing nothing", async () => {
    const content = await makeContent("small");
    const run = (name: string, now: string) => runLectern("release", { CONTENT_DIR: content, LECTERN_NOW: now }, [name]);
    assert.equal((await run("v1", "2024-10-01T10:00:00Z")).code, 0);
    const again = await run("v2", "2024-10-02T10:00:00Z");
    assert.equal(again.stderr, 'lectern release: the programme has not changed since "v1" (' + path.join(content, "releases", "01-v1.yaml") + "); nothing to release\n");
    await writeFile(path.join(content, "talks", "lightning.md"), ADDED);
    const taken = await run("v1", "2024-10-02T10:00:00Z");
    assert.equal(taken.stderr, `lectern release: ${path.join(content, "releases", "01-v1.yaml")} already has the name "v1"; choose another\n`);
    const late = await run("v9", "2024-11-01T10:00:00Z");
    assert.equal(late.code, 1);
    assert.match(late.stderr, /^lectern release: 2024-11-01T10:00:00\.000Z is after the event's last day \(2024-10-27\); set LECTERN_NOW to record the release for another moment\n$/);
    assert.deepEqual(await readdir(path.join(content, "releases")), ["01-v1.yaml"]);
  });
});

describe("cancelled: true in the front matter", () => {
  test("the session keeps its page and calendar entry, marked cancelled; it leaves the apps' schedule; its slot is free", async () => {
    const content = await makeContent("small");
    assert.equal((await runLectern("release", { CONTENT_DIR: content, LECTERN_NOW: "2024-10-01T10:00:00Z" }, ["v1"])).code, 0);
    const opening = await readFile(path.join(content, "talks", "opening.md"), "utf8");
    await writeFile(path.join(content, "talks", "opening.md"), opening.replace("kind: keynote\n", "kind: keynote\ncancelled: true\n"));
    await writeFile(path.join(content, "talks", "stand-in.md"), "---\ntitle: Stand-in\nspeakers: [sam-lee]\nstart: 2024-10-26 09:00\nduration: 45\nroom: main\n---\n");
    const released = await runLectern("release", { CONTENT_DIR: content, LECTERN_NOW: "2024-10-02T10:00:00Z" }, ["v2"]);
    assert.equal(released.stderr, "");
    assert.match(released.stdout, /\(2 changes since "v1"\)/);
    const files = await exportsOf(content);
    assert.deepEqual(events(files.get("/talks/opening.ics")!).map((e) => [e.summary, e.status, e.sequence]), [["Opening keynote", "CANCELLED", 1]]);
    assert.equal(events(files.get("/schedule.ics")!).filter((e) => e.summary === "Opening keynote").length, 1);
    const titles = JSON.stringify(JSON.parse(files.get("/schedule.json")!).schedule.conference.days);
    assert.ok(!titles.includes("Opening keynote") && titles.includes("Stand-in"));
    const site = await buildSite(content, { SOURCE_DATE_EPOCH: "1700000000" });
    assert.match(await readPage(site, "/talks/opening/"), /<a class="badge badge--cancelled" href="\/conf\/schedule\/changes\/">Cancelled<\/a><h1>Opening keynote<\/h1>/);
    assert.match(await readScheduleDays(site), /badge--cancelled" href="\/conf\/schedule\/changes\/">Cancelled<\/a><h3 class="entry__title"><a href="\/conf\/talks\/opening\/">Opening keynote/);
    const changes = (await readPage(site, "/schedule/changes/")).replace(/<[^>]+>/g, "");
    assert.match(await readPage(site, "/schedule/changes/"), /Cancelled: <a href="\/conf\/talks\/opening\/">Opening keynote<\/a>/);
    assert.match(changes, /v2Released 2 October 2024Added: Stand-in \(Saturday 26 October, 09:00–09:45 CEST · Main Stage\)Cancelled: Opening keynote \(Saturday 26 October, 09:00–09:45 CEST · Main Stage\)v1/);
  });
});

describe("a content folder with no release", () => {
  test("has no changelog, no feed, SEQUENCE:0 and no STATUS in the calendars, and a version made from the content", async () => {
    const files = await exportsOf(await makeContent("small"));
    assert.ok(![...files.keys()].some((file) => file.startsWith("/schedule/changes/")));
    assert.doesNotMatch(files.get("/schedule.ics")!, /STATUS|LAST-MODIFIED|SEQUENCE:[1-9]/);
    assert.match(JSON.parse(files.get("/schedule.json")!).schedule.version, /^[0-9a-f]{12}$/);
  });
});
