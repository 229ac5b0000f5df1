import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, test, type TestContext } from "node:test";
import ICAL from "ical.js";
import { v5 as uuidv5 } from "uuid";
import { formatProblems, validateHtml } from "../browser/site-check.ts";
import { buildSite, makeContent, readPage, readScheduleDays, ROOT, c3vocScheduleErrors } from "../helpers.ts";

const SCHEMAS = path.join(ROOT, "..", "shared", "schemas");
const PAGE = "https://workshop-days.example.org/workshops/build-a-platform/";

/** UID, start and end (UTC) of each VEVENT. */
function vevents(text: string): string[][] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return [event.uid, event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()];
  });
}

interface JsonEvent {
  guid: string;
  id: number;
  url: string;
  date: string;
  duration: string;
  room: string;
}

function schemasOr(t: TestContext): boolean {
  if (existsSync(SCHEMAS)) return true;
  t.skip(`skipped: ${SCHEMAS} not found (the schedule schemas live beside the checkout in CI)`);
  return false;
}

describe("a conference with a two-day workshop through the breaks (workshop-days)", () => {
  let site: string;
  before(async () => {
    site = await buildSite(await makeContent("workshop-days"));
  });

  test("every page passes html-validate", async () => {
    assert.equal(formatProblems(await validateHtml(site)), "");
  });

  test("the schedule shows the workshop on each day in its room, beside the breaks", async () => {
    const html = await readScheduleDays(site);
    const cells = [...html.matchAll(/<td[^>]*class="slot slot--(?:workshop|break|meal)[^"]*"[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(cells, [
      '<td id="build-a-platform" class="slot slot--workshop" rowspan="6" data-facets="room:lab kind:workshop level:intermediate">',
      '<td id="coffee" class="slot slot--break slot--row">',
      '<td class="slot slot--break slot--row slot--repeat">',
      '<td id="lunch" class="slot slot--meal slot--row">',
      '<td class="slot slot--meal slot--row slot--repeat">',
      '<td id="build-a-platform-part-2" class="slot slot--workshop" rowspan="3" data-facets="room:lab kind:workshop level:intermediate">',
      '<td id="coffee-tuesday" class="slot slot--break slot--row">',
      '<td class="slot slot--break slot--row slot--repeat">',
    ]);
    assert.match(html, /· Hall, Studio<\/span>/, "the break names the rooms it is in, for the narrow list");
    assert.match(html, /· part 2 of 2<\/span>/);
    assert.match(await readPage(site, "/schedule/"), /5 talks and workshops/, "4 talks and 1 workshop, counted once");
  });

  test("the workshop page, the speaker's page and the home page show its blocks", async () => {
    const times = (html: string) => [...html.matchAll(/<time dateTime="([^"]+)"/gi)].map((m) => m[1]);
    const workshop = await readPage(site, "/workshops/build-a-platform/");
    const head = workshop.slice(workshop.indexOf('<p class="page-head__meta">'), workshop.indexOf("</p>", workshop.indexOf('<p class="page-head__meta">')));
    assert.deepEqual(times(head), ["2025-05-12T10:00:00+02:00", "2025-05-12T17:00:00+02:00", "2025-05-13T09:00:00+02:00", "2025-05-13T13:00:00+02:00"]);
    assert.match(workshop, /11 hours in 2 parts/);
    const speaker = await readPage(site, "/speakers/ola-nowak/");
    assert.equal(speaker.match(/href="\/workshops\/build-a-platform\/"/g)?.length, 1, "listed once on the speaker's page");
    assert.match(speaker, /2025-05-13T13:00:00\+02:00/);
    const home = await readPage(site, "/");
    const days = [...home.matchAll(/<li class="glance__day"><h3>([^<]+?) <span class="schedule-day__zone">[^<]*<\/span><\/h3>(.*?)<\/ol><\/li>/g)];
    assert.deepEqual(
      days.map((day) => [day[1], day[2]!.includes('href="/workshops/build-a-platform/"')]),
      [
        ["Monday 12 May 2025", true],
        ["Tuesday 13 May 2025", true],
      ],
      "on the programme at a glance on each of its days",
    );
    const ld = JSON.parse(home.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!) as { "@graph": Array<{ subEvent: Array<Record<string, string>> }> };
    assert.deepEqual(
      ld["@graph"][0]!.subEvent.filter((e) => e.url === PAGE).map((e) => [e.startDate, e.endDate]),
      [["2025-05-12T10:00:00+02:00", "2025-05-13T13:00:00+02:00"]],
      "one schema.org event, first start to last end",
    );
  });

  test("exports: an event a block, in .ics with the JSON's guids as UIDs, and JSON and XML valid", async (t) => {
    const first = uuidv5(PAGE, uuidv5.URL);
    const second = uuidv5(`${PAGE}#part-2`, uuidv5.URL);
    const blocks = [
      [first, "2025-05-12T08:00:00.000Z", "2025-05-12T15:00:00.000Z"],
      [second, "2025-05-13T07:00:00.000Z", "2025-05-13T11:00:00.000Z"],
    ];
    assert.deepEqual(vevents(await readPage(site, "/workshops/build-a-platform.ics")), blocks);
    const all = vevents(await readPage(site, "/schedule.ics"));
    assert.deepEqual(all.filter(([uid]) => uid === first || uid === second), blocks);

    const json = JSON.parse(await readPage(site, "/schedule.json")) as { schedule: { conference: { days: Array<{ rooms: Record<string, JsonEvent[]> }> } } };
    const events = json.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat()).filter((e) => e.url === PAGE);
    assert.deepEqual(
      events.map((e) => [e.guid, e.date, e.duration, e.room]),
      [
        [first, "2025-05-12T10:00:00+02:00", "07:00", "Lab"],
        [second, "2025-05-13T09:00:00+02:00", "04:00", "Lab"],
      ],
    );
    assert.notEqual(events[0]!.id, events[1]!.id);

    if (!schemasOr(t)) return;
    assert.deepEqual(await c3vocScheduleErrors(json), []);
    if (spawnSync("xmllint", ["--version"]).error) return t.skip("skipped: xmllint not installed (Debian package libxml2-utils)");
    const result = spawnSync("xmllint", ["--noout", "--schema", path.join(SCHEMAS, "schedule.xml.xsd"), path.join(site, "schedule.xml")], { encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
  });
});
