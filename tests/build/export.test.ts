import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, test, type TestContext } from "node:test";
import ICAL from "ical.js";
import { v5 as uuidv5 } from "uuid";
import { loadConference } from "../../src/content/load.ts";
import type { Conference } from "../../src/content/model.ts";
import { trackColour } from "../../src/export/schedule-data.ts";
import { buildSite, listFiles, makeContent, readPage, ROOT, c3vocScheduleErrors } from "../helpers.ts";

const SCHEMAS = path.join(ROOT, "..", "shared", "schemas");

/** The UTC start of every talk and workshop of the berlin-dst fixture (lunch is a break: not exported). */
const DST_STARTS: Record<string, string> = {
  welcome: "2024-10-26T07:00:00.000Z",
  "rust-in-anger": "2024-10-26T07:30:00.000Z",
  "go-fast": "2024-10-26T07:30:00.000Z",
  "cluster-lab": "2024-10-26T11:00:00.000Z",
  "night-owls": "2024-10-26T21:30:00.000Z",
  "before-dawn": "2024-10-26T23:30:00.000Z",
  "the-hour-again": "2024-10-27T01:30:00.000Z",
  "after-the-change": "2024-10-27T09:00:00.000Z",
};

interface ParsedEvent {
  uid: string;
  slug: string;
  start: string;
  end: string;
  summary: string;
  description: string;
  location: string;
  stamp: string;
}

function parseIcs(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const url = String(vevent.getFirstPropertyValue("url"));
    return {
      uid: event.uid,
      slug: url.split("/").at(-2)!,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      summary: event.summary,
      description: event.description,
      location: event.location,
      stamp: String(vevent.getFirstPropertyValue("dtstamp")),
    };
  });
}

function schemasOr(t: TestContext): boolean {
  if (existsSync(SCHEMAS)) return true;
  t.skip(`skipped: ${SCHEMAS} not found (the schedule schemas live beside the checkout in CI)`);
  return false;
}

async function validateJson(file: string): Promise<string[]> {
  return c3vocScheduleErrors(JSON.parse(await readFile(file, "utf8")));
}

function xmllint(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("xmllint", args, { encoding: "utf8" });
  if (result.error) throw result.error;
  return result;
}

interface JsonEvent {
  guid: string;
  id: number;
  url: string;
  date: string;
  title: string;
  room: string;
}

async function jsonEvents(site: string): Promise<JsonEvent[]> {
  const json = JSON.parse(await readPage(site, "/schedule.json")) as {
    schedule: { conference: { days: Array<{ rooms: Record<string, JsonEvent[]> }> } };
  };
  return json.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
}

describe("exports", () => {
  let dst: string;
  let dstUtc: string;
  let sample: string;
  before(async () => {
    const content = await makeContent("berlin-dst");
    [dst, dstUtc, sample] = await Promise.all([
      buildSite(content, { TZ: "Asia/Tokyo" }),
      buildSite(content, { TZ: "UTC" }),
      buildSite(await makeContent("sample"), { TZ: "America/Los_Angeles" }),
    ]);
  });

  test("schedule.ics has every talk and workshop at its UTC instant, and no breaks", async () => {
    const events = parseIcs(await readPage(dst, "/schedule.ics"));
    assert.deepEqual(Object.fromEntries(events.map((e) => [e.slug, e.start])), DST_STARTS);
    const owls = events.find((e) => e.slug === "night-owls")!;
    assert.equal(owls.end, "2024-10-26T23:00:00.000Z", "past midnight");
    const welcome = events.find((e) => e.slug === "welcome")!;
    assert.equal(welcome.summary, 'Welcome & "opening" <keynote>');
    assert.equal(welcome.description, "Why we meet on the night the clocks go back; A & B < C.\n\nSpeaker: Ada Lovelace");
    assert.equal(welcome.location, "Kulturbrauerei, Schönhauser Allee 36, 10435 Berlin");
    assert.equal(events.find((e) => e.slug === "go-fast")!.location, "Side Room, Kulturbrauerei, Schönhauser Allee 36, 10435 Berlin");
    assert.ok(events.every((e) => e.stamp === "2024-10-25T22:00:00Z"));
    const raw = await readPage(dst, "/schedule.ics");
    assert.doesNotMatch(raw, /TZID|Lunch/);
    assert.match(raw, /^DTSTART:20241027T013000Z\r$/m);
  });

  test("the sample's schedule.ics has one event per talk and workshop, with the guid of the JSON as UID", async () => {
    const conference = await loadConference({ contentDir: path.join(ROOT, "content") });
    const expected = conference.sessions.filter((s) => s.url !== undefined);
    const events = parseIcs(await readPage(sample, "/schedule.ics"));
    assert.equal(events.length, expected.length);
    for (const session of expected) {
      const event = events.find((e) => e.slug === session.slug);
      assert.ok(event, session.slug);
      assert.equal(event.start, session.start.toUTC().toISO(), session.slug);
    }
    const guids = new Map((await jsonEvents(sample)).map((e) => [e.url.split("/").at(-2), e.guid]));
    for (const event of events) assert.equal(event.uid, guids.get(event.slug), event.slug);
  });

  test("each talk and workshop has its own .ics, linked from its page", async () => {
    for (const [page, file] of [
      ["/talks/the-hour-again/", "/talks/the-hour-again.ics"],
      ["/workshops/cluster-lab/", "/workshops/cluster-lab.ics"],
    ]) {
      assert.match(await readPage(dst, page!), new RegExp(`<a class="button button--quiet" href="${file}">Add to calendar</a>`));
      const events = parseIcs(await readPage(dst, file!));
      assert.equal(events.length, 1);
      assert.equal(events[0]!.start, DST_STARTS[events[0]!.slug]);
    }
    assert.ok(!(await listFiles(dst)).includes("talks/lunch.ics"));
  });

  test("schedule.json validates against the c3voc schema and carries every session", async (t) => {
    const events = await jsonEvents(dst);
    assert.deepEqual(Object.fromEntries(events.map((e) => [e.url.split("/").at(-2), new Date(e.date).toISOString()])), DST_STARTS);
    assert.equal(events.find((e) => e.url.endsWith("/welcome/"))!.room, "Main Stage", "a session without a room is listed in the first room");
    assert.equal(events.find((e) => e.url.endsWith("/the-hour-again/"))!.date, "2024-10-27T02:30:00+01:00");
    if (!schemasOr(t)) return;
    assert.deepEqual(await validateJson(path.join(dst, "schedule.json")), []);
    assert.deepEqual(await validateJson(path.join(sample, "schedule.json")), []);
  });

  test("the JSON schema check does catch a broken export", async (t) => {
    if (!schemasOr(t)) return;
    const broken = path.join(dst, "..", "broken.json");
    const json = JSON.parse(await readPage(dst, "/schedule.json"));
    delete json.schedule.conference.days[0].rooms["Main Stage"][0].guid;
    await import("node:fs/promises").then((fs) => fs.writeFile(broken, JSON.stringify(json)));
    assert.deepEqual(await validateJson(broken), ["/schedule/conference/days/0/rooms/Main Stage/0 must have required property 'guid'"]);
  });

  test("schedule.xml validates against the frab XSD and carries every session, escaped", async (t) => {
    if (!schemasOr(t)) return;
    if (spawnSync("xmllint", ["--version"]).error) return t.skip("skipped: xmllint not installed (Debian package libxml2-utils)");
    for (const site of [dst, sample]) {
      const result = xmllint("--noout", "--schema", path.join(SCHEMAS, "schedule.xml.xsd"), path.join(site, "schedule.xml"));
      assert.equal(result.status, 0, result.stderr);
    }
    const file = path.join(dst, "schedule.xml");
    const count = xmllint("--xpath", "count(//event)", file).stdout.trim();
    assert.equal(count, String(Object.keys(DST_STARTS).length));
    const json = await jsonEvents(dst);
    for (const event of json) {
      const xpath = `string(//event[@guid="${event.guid}"]/@id)`;
      assert.equal(xmllint("--xpath", xpath, file).stdout.trim(), String(event.id), event.url);
    }
    const welcome = json.find((e) => e.url.endsWith("/welcome/"))!;
    assert.equal(xmllint("--xpath", `string(//event[@guid="${welcome.guid}"]/title)`, file).stdout.replace(/\n$/, ""), 'Welcome & "opening" <keynote>');
  });

  test("building under TZ=Asia/Tokyo and TZ=UTC gives byte-identical output", async () => {
    const files = await listFiles(dst);
    assert.deepEqual(await listFiles(dstUtc), files);
    for (const file of files) {
      assert.ok((await readFile(path.join(dst, file))).equals(await readFile(path.join(dstUtc, file))), file);
    }
  });
});

/** A conference whose name, titles and bodies hold everything iCalendar must escape. */
const HOSTILE = {
  "event.yaml": (await readFile(path.join(ROOT, "tests", "fixtures", "berlin-dst", "event.yaml"), "utf8")).replace(
    "name: Nachtschicht Berlin 2024",
    'name: "Nacht, Schicht; C:\\\\night\\\\ 🎉 2024"',
  ),
  "talks/welcome.md": '---\ntitle: "Welcome, all; C:\\\\path\\\\ 🎉 \\"quoted\\""\nspeakers: [ada-lovelace]\nstart: 2024-10-26 09:00\nduration: 30\ntags: ["a,b", "c;d"]\n---\nLine one\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:planted\rSUMMARY:planted\n\nA; B, C \\ D 🎉\n',
  "talks/go-fast.md": "---\ntitle: 'Go fast, carefully; \\ really'\nspeakers: [ben-okafor]\nstart: 2024-10-26 09:30\nduration: 30\nroom: side\n---\nBEGIN:VEVENT\nEND:VCALENDAR\n",
};

interface PythonEvent {
  summary: string;
  start: string;
  end: string;
  uid: string;
}

/** Debian's python3 with python3-icalendar, or undefined when no python3 here has it. */
function pythonWithIcalendar(): string | undefined {
  for (const python of ["/usr/bin/python3", "python3"]) {
    const probe = spawnSync(python, ["-c", "import icalendar"], { encoding: "utf8" });
    if (!probe.error && probe.status === 0) return python;
  }
  return undefined;
}

const PYTHON_PARSE = `
import json, sys
from datetime import timezone
from icalendar import Calendar
out = {}
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        calendar = Calendar.from_ical(f.read())
    out[name] = [
        {"summary": str(e.get("summary")), "uid": str(e.get("uid")),
         "start": e.decoded("dtstart").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
         "end": e.decoded("dtend").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")}
        for e in calendar.walk("VEVENT")
    ]
print(json.dumps(out))
`;

describe("every .ics loads completely, whatever the titles hold", () => {
  const sites: Array<{ label: string; site: string; conference: Conference }> = [];
  before(async () => {
    for (const [label, content] of [
      ["sample", await makeContent("sample")],
      ["hostile", await makeContent("berlin-dst", HOSTILE)],
    ] as const) {
      sites.push({ label, site: await buildSite(content), conference: await loadConference({ contentDir: content }) });
    }
  });

  async function calendarFiles(site: string): Promise<string[]> {
    return (await listFiles(site)).filter((file) => file.endsWith(".ics"));
  }

  test("ical.js finds one event per session file and one per session in schedule.ics, with title and instants", async () => {
    for (const { label, site, conference } of sites) {
      const sessions = conference.sessions.filter((s) => s.url !== undefined);
      const files = await calendarFiles(site);
      assert.equal(files.length, sessions.length + 1, label);
      for (const file of files) {
        const text = await readPage(site, `/${file}`);
        assert.ok(text.endsWith("END:VCALENDAR\r\n"), `${label} ${file}: no final CRLF`);
        const events = parseIcs(text);
        const expected = file === "schedule.ics" ? sessions : sessions.filter((s) => `${s.type}s/${s.slug}.ics` === file);
        assert.equal(events.length, expected.length, `${label} ${file}`);
        for (const session of expected) {
          const event = events.find((e) => e.slug === session.slug);
          assert.ok(event, `${label} ${file}: ${session.slug}`);
          assert.equal(event.summary, session.title, `${label} ${file}`);
          assert.equal(event.start, session.start.toUTC().toISO(), `${label} ${file}`);
          assert.equal(event.end, session.end.toUTC().toISO(), `${label} ${file}`);
        }
      }
    }
    const hostile = sites.find((s) => s.label === "hostile")!;
    const welcome = parseIcs(await readPage(hostile.site, "/talks/welcome.ics"))[0]!;
    assert.equal(welcome.summary, 'Welcome, all; C:\\path\\ 🎉 "quoted"');
    const abstract = hostile.conference.sessions.find((s) => s.slug === "welcome")!.summary;
    assert.match(abstract, /UID:planted SUMMARY:planted A; B, C \\ D 🎉/);
    assert.equal(welcome.description, `${abstract}\n\nSpeaker: Ada Lovelace`);
    const calendar = new ICAL.Component(ICAL.parse(await readPage(hostile.site, "/schedule.ics")));
    assert.equal(String(calendar.getFirstPropertyValue("x-wr-calname")), "Nacht\\, Schicht\\; C:\\\\night\\\\ 🎉 2024");
    const categories = calendar.getAllSubcomponents("vevent").find((v) => v.getFirstPropertyValue("uid") === welcome.uid)!;
    assert.deepEqual(categories.getFirstProperty("categories")!.getValues(), ["a,b", "c;d"]);
  });

  test("python3-icalendar reads the same events", async (t) => {
    const python = pythonWithIcalendar();
    if (!python) return t.skip("skipped: python3-icalendar not installed (apt-get install python3-icalendar)");
    for (const { label, site } of sites) {
      const files = (await calendarFiles(site)).map((file) => path.join(site, file));
      const result: SpawnSyncReturns<string> = spawnSync(python, ["-c", PYTHON_PARSE, ...files], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      assert.equal(result.status, 0, result.stderr);
      const parsed = JSON.parse(result.stdout) as Record<string, PythonEvent[]>;
      for (const file of files) {
        const ours = parseIcs(await readFile(file, "utf8")).map(({ summary, start, end, uid }) => ({ summary, start, end, uid }));
        assert.deepEqual(parsed[file], ours, `${label} ${path.relative(site, file)}`);
      }
    }
  });
});

interface FullJsonEvent extends JsonEvent {
  slug: string;
  end: string;
  persons: Array<Record<string, unknown>>;
  links: Array<{ type: string; url: string; title: string }>;
}

interface ScheduleJson {
  generator: { name: string; version: string };
  schedule: {
    base_url: string;
    conference: {
      acronym: string;
      url: string;
      rooms: Array<{ name: string; guid: string }>;
      tracks: Array<{ name: string; slug?: string; color: string }>;
      days: Array<{ day_start: string; day_end: string; rooms: Record<string, FullJsonEvent[]> }>;
    };
  };
}

describe("what the schedule apps read from schedule.json and schedule.xml", () => {
  let dst: string;
  let sample: string;
  let renamed: string;
  before(async () => {
    const event = await readFile(path.join(ROOT, "tests", "fixtures", "berlin-dst", "event.yaml"), "utf8");
    [dst, sample, renamed] = await Promise.all([
      buildSite(await makeContent("berlin-dst")),
      buildSite(await makeContent("sample")),
      buildSite(await makeContent("berlin-dst", { "event.yaml": `${event}acronym: nacht24\n` })),
    ]);
  });

  const readJson = async (site: string) => JSON.parse(await readPage(site, "/schedule.json")) as ScheduleJson;
  const eventsOf = (json: ScheduleJson) => json.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
  const xpath = (site: string, expression: string) => xmllint("--xpath", expression, path.join(site, "schedule.xml")).stdout.trim();
  const idOf = (guid: string) => (Number.parseInt(guid.slice(0, 8), 16) % (2 ** 31 - 1)) + 1;

  test("persons carry a stable integer id, a guid from their page, public_name and url (JSON)", async () => {
    const json = await readJson(dst);
    const welcome = eventsOf(json).find((e) => e.url.endsWith("/welcome/"))!;
    const guid = uuidv5("https://nachtschicht.example.org/speakers/ada-lovelace/", uuidv5.URL);
    assert.deepEqual(welcome.persons, [
      {
        id: idOf(guid),
        guid,
        public_name: "Ada Lovelace",
        url: "https://nachtschicht.example.org/speakers/ada-lovelace/",
        biography: "Writes programs for machines that do not exist yet.",
      },
    ]);
    const ids = new Map<string, number>();
    for (const person of eventsOf(await readJson(sample)).flatMap((e) => e.persons)) {
      assert.ok(Number.isInteger(person.id) && (person.id as number) >= 1 && (person.id as number) < 2 ** 31);
      assert.equal(ids.get(person.guid as string) ?? person.id, person.id, "one id per person");
      ids.set(person.guid as string, person.id as number);
    }
    assert.equal(new Set(ids.values()).size, ids.size, "no two persons share an id");
  });

  test("persons carry id and guid, with the name as text (XML, as ConfClerk, Giggity and EventFahrplan read it)", async (t) => {
    if (spawnSync("xmllint", ["--version"]).error) return t.skip("skipped: xmllint not installed (Debian package libxml2-utils)");
    const json = await readJson(dst);
    const person = eventsOf(json).find((e) => e.url.endsWith("/welcome/"))!.persons[0]!;
    const welcome = `//event[url="https://nachtschicht.example.org/talks/welcome/"]`;
    assert.equal(xpath(dst, `string(${welcome}/persons/person/@id)`), String(person.id));
    assert.equal(xpath(dst, `string(${welcome}/persons/person/@guid)`), person.guid);
    assert.equal(xpath(dst, `string(${welcome}/persons/person)`), "Ada Lovelace");
    assert.equal(xpath(sample, "count(//person[not(@id) or not(@guid)])"), "0");
    assert.notEqual(xpath(sample, "count(//person)"), "0");
  });

  test("generator first, typed links, room guids, track colours, slugs, absolute urls, offsets", async (t) => {
    const json = await readJson(sample);
    assert.deepEqual(json.generator, { name: "Lectern", version: "0.1.0" });
    const { conference } = json.schedule;
    assert.equal(conference.acronym, "containerdays_boston_2016");
    const events = eventsOf(json);
    for (const event of events) {
      assert.match(event.slug, new RegExp(`^containerdays_boston_2016-${event.id}-[a-z0-9]+(-[a-z0-9]+)*$`));
      assert.match(event.url, /^https:\/\//);
      assert.match(event.date, /[+-]\d\d:\d\d$/);
      assert.match(event.end, /[+-]\d\d:\d\d$/);
      for (const link of event.links) {
        assert.ok(["slides", "media", "related"].includes(link.type), link.type);
        assert.match(link.url, /^https?:\/\//);
      }
    }
    const autopilot = events.find((e) => e.url.endsWith("/autopilot/"))!;
    assert.equal(autopilot.slug, `containerdays_boston_2016-${autopilot.id}-autopilot-running-real-world-applications-in-containers`);
    assert.ok(events.some((e) => e.links.length > 0), "the sample has talks with links");
    for (const day of conference.days) {
      assert.match(day.day_start, /T04:00:00-04:00$/);
      assert.match(day.day_end, /T04:00:00-04:00$/);
    }
    const main = conference.rooms[0]!;
    assert.equal(main.guid, uuidv5("https://containerdays-boston-2016.example.org/schedule/#room-hall", uuidv5.URL));
    const tracks = new Set(events.map((e) => (e as unknown as { track: string | null }).track).filter(Boolean));
    assert.deepEqual(new Set(conference.tracks.map((track) => track.name)), tracks);
    for (const track of conference.tracks) assert.match(track.color, /^#[0-9a-f]{6}$/);
    const again = await readJson(dst);
    const colour = (json: ScheduleJson, name: string) => json.schedule.conference.tracks.find((track) => track.name === name)?.color;
    assert.equal(colour(again, "community"), colour(await readJson(renamed), "community"), "a tag keeps its colour");
    assert.deepEqual(again.schedule.conference.tracks.find((track) => track.name === "community"), { name: "community", slug: "community", color: trackColour("community") });

    const renamedJson = await readJson(renamed);
    assert.equal(renamedJson.schedule.conference.acronym, "nacht24");
    for (const event of eventsOf(renamedJson)) assert.match(event.slug, new RegExp(`^nacht24-${event.id}-`));

    if (spawnSync("xmllint", ["--version"]).error) return t.skip("skipped: xmllint not installed (Debian package libxml2-utils)");
    assert.equal(xpath(sample, "name(/schedule/*[1])"), "generator");
    assert.equal(xpath(sample, "string(/schedule/generator/@version)"), "0.1.0");
    assert.equal(xpath(dst, 'string(/schedule/conference/track[@name="community"]/@color)'), trackColour("community"));
    assert.equal(xpath(renamed, "string(/schedule/conference/acronym)"), "nacht24");
    assert.equal(xpath(sample, `count(//link[not(@type) or not(@href)])`), "0");
    if (!schemasOr(t)) return;
    for (const site of [renamed]) {
      const result = xmllint("--noout", "--schema", path.join(SCHEMAS, "schedule.xml.xsd"), path.join(site, "schedule.xml"));
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(await validateJson(path.join(site, "schedule.json")), []);
    }
  });
});
