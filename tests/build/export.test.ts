import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { before, describe, test, type TestContext } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import ICAL from "ical.js";
import { loadConference } from "../../src/content/load.ts";
import { buildSite, listFiles, makeContent, readPage, ROOT } from "../helpers.ts";

const SCHEMAS = path.join(ROOT, "..", "shared", "schemas");
const require = createRequire(import.meta.url);

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
  const ajv = new Ajv.default({ allErrors: true, allowUnionTypes: true });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  addFormats.default(ajv);
  ajv.addFormat("color", /^#[0-9a-fA-F]{6}$/);
  ajv.addKeyword("$oneOf");
  ajv.addKeyword("$todo");
  const validate = ajv.compile(JSON.parse(await readFile(path.join(SCHEMAS, "schedule.schema.json"), "utf8")));
  const ok = validate(JSON.parse(await readFile(file, "utf8")));
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
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
