import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildSite, makeContent, readPage } from "../helpers.ts";

const OWL = "---\ntitle: Owl hour\nspeakers: [sam-lee]\nstart: 2024-10-27 01:00\nduration: 30\nroom: main\ntags: [night]\n---\nAfter midnight.\n";

interface Day {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: Record<string, Array<{ url: string }>>;
}

describe("a session after midnight belongs to the conference day before (day change 04:00)", () => {
  let site: string;
  before(async () => {
    site = await buildSite(await makeContent("small", { "talks/owl.md": OWL }));
  });

  test("the schedule page and the home page list it under Saturday", async () => {
    assert.ok((await readPage(site, "/schedule/2024-10-26/")).includes('<td id="owl"'), "owl is not on Saturday's page");
    assert.ok(!(await readPage(site, "/schedule/2024-10-27/")).includes('<td id="owl"'), "owl is on Sunday's page too");
    const home = await readPage(site, "/");
    const owlLink = home.indexOf('<a href="/conf/talks/owl/">Owl hour</a>');
    assert.ok(owlLink > 0 && owlLink < home.indexOf("<h3>Sunday"), "owl is not under Saturday on the home page");
  });

  test("the talks index and its topic page list it under Saturday too", async () => {
    for (const page of ["/talks/", "/schedule/tags/night/"]) {
      const html = await readPage(site, page);
      const headings = [...html.matchAll(/<h2 id="day_([0-9-]+)(?:_heading)?">/g)].map((m) => [m[1], m.index]);
      const owl = html.indexOf("Owl hour");
      const under = headings.filter(([, at]) => (at as number) < owl).at(-1);
      assert.equal(under?.[0], "2024-10-26", `${page}: owl is listed under ${String(under?.[0])}`);
    }
  });

  test("schedule.json lists it on day 1, and each day runs from 04:00 to 04:00", async () => {
    const json = JSON.parse(await readPage(site, "/schedule.json")) as { schedule: { conference: { days: Day[] } } };
    const days = json.schedule.conference.days;
    const urls = (day: Day) => Object.values(day.rooms).flat().map((e) => e.url.split("/").at(-2));
    assert.deepEqual(urls(days[0]!), ["opening", "owl", "hands-on", "late-night"]);
    assert.deepEqual(urls(days[1]!), ["after-the-change"]);
    assert.deepEqual(
      days.map((d) => [d.index, d.date, d.day_start, d.day_end]),
      [
        [1, "2024-10-26", "2024-10-26T04:00:00+02:00", "2024-10-27T04:00:00+01:00"],
        [2, "2024-10-27", "2024-10-27T04:00:00+01:00", "2024-10-28T04:00:00+01:00"],
      ],
    );
  });

  test("schedule.xml lists it on day 1", async (t) => {
    if (spawnSync("xmllint", ["--version"]).error) return t.skip("skipped: xmllint not installed (Debian package libxml2-utils)");
    const file = path.join(site, "schedule.xml");
    const day = (xpath: string) => spawnSync("xmllint", ["--xpath", xpath, file], { encoding: "utf8" }).stdout.trim();
    assert.equal(day('string(//event[url="https://fixture.example.org/conf/talks/owl/"]/../../@index)'), "1");
    assert.equal(day('string(//day[@index="1"]/@start)'), "2024-10-26T04:00:00+02:00");
    assert.equal(day('string(//day[@index="1"]/@end)'), "2024-10-27T04:00:00+01:00");
  });
});
