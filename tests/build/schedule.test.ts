import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { buildSite, makeContent, readPage, runLectern, tempDir } from "../helpers.ts";

/** The HTML of one day's section of the schedule page. */
function daySection(html: string, date: string): string {
  const start = html.indexOf(`<section class="schedule-day" id="day_${date}"`);
  assert.ok(start >= 0, `no section for ${date}`);
  return html.slice(start, html.indexOf("</section>", start));
}

/** The opening tag of the cell of a session. */
function cell(html: string, slug: string): string {
  const match = new RegExp(`<td id="${slug}"[^>]*>`).exec(html);
  assert.ok(match, `no cell for ${slug}`);
  return match[0];
}

describe("schedule page", () => {
  let site: string;
  let sample: string;
  before(async () => {
    [site, sample] = await Promise.all([buildSite(await makeContent("berlin-dst")), buildSite(await makeContent("sample"))]);
  });

  test("is in the main navigation and jumps to each day", async () => {
    const html = await readPage(site, "/schedule/");
    assert.match(html, /<a href="\/schedule\/" aria-current="page">Schedule<\/a>/);
    assert.match(html, /<a href="#day_2024-10-26">Saturday 26 October<\/a>/);
    assert.match(html, /<a href="#day_2024-10-27">Sunday 27 October<\/a>/);
    assert.match(html, /<a class="button" href="\/schedule.ics">Add all to your calendar<\/a>/);
    assert.match(await readPage(site, "/"), /<a href="\/schedule\/">Schedule<\/a>/);
  });

  test("cells span their rooms and rows; the slug is each entry's anchor", async () => {
    const html = await readPage(site, "/schedule/");
    assert.equal(cell(html, "welcome"), '<td id="welcome" class="slot slot--keynote" colspan="2">');
    assert.equal(cell(html, "rust-in-anger"), '<td id="rust-in-anger" class="slot slot--talk" rowspan="2">');
    assert.equal(cell(html, "go-fast"), '<td id="go-fast" class="slot slot--talk">');
    assert.equal(cell(html, "lunch"), '<td id="lunch" class="slot slot--meal slot--row" colspan="2">');
    assert.equal(cell(html, "cluster-lab"), '<td id="cluster-lab" class="slot slot--workshop">');
    assert.match(html, /<thead><tr><th scope="col" class="schedule-grid__time-head">Time<\/th><th scope="col">Main Stage<\/th><th scope="col">Side Room<\/th><\/tr><\/thead>/);
    const saturday = daySection(html, "2024-10-26");
    assert.equal((saturday.match(/<td class="slot slot--empty"><\/td>/g) ?? []).length, 7, "free slots are empty cells");
    assert.match(saturday, /<tr class="is-gap"><th scope="row" class="schedule-grid__time"><time datetime="2024-10-26T10:15:00\+02:00">10:15<\/time><\/th>/);
  });

  test("shows event-local times with the zone's abbreviation and the day's date", async () => {
    const html = await readPage(site, "/schedule/");
    const saturday = daySection(html, "2024-10-26");
    const sunday = daySection(html, "2024-10-27");
    assert.match(saturday, /Saturday 26 October 2024 <span class="schedule-day__zone">· times in CEST<\/span>/);
    assert.match(sunday, /Sunday 27 October 2024 <span class="schedule-day__zone">· times in CEST \/ CET<\/span>/);
    assert.match(html, /All times are CEST \/ CET \(Europe\/Berlin\), the time at the venue\./);
    assert.match(
      saturday,
      /<p class="entry__when"><span class="time-range"><time datetime="2024-10-26T23:30:00\+02:00">23:30<\/time>–<time datetime="2024-10-27T01:00:00\+02:00">01:00<\/time> CEST \(next day\)<\/span><span class="entry__room"> · Main Stage<\/span><\/p>/,
    );
    assert.ok(!sunday.includes("night-owls"), "a session past midnight is shown on its starting day");
    assert.match(sunday, /<time datetime="2024-10-27T02:30:00\+02:00">02:30<\/time><span class="schedule-grid__zone"> CEST<\/span>/);
    assert.match(sunday, /<time datetime="2024-10-27T02:30:00\+01:00">02:30<\/time><span class="schedule-grid__zone"> CET<\/span>/);
    assert.match(sunday, /<time datetime="2024-10-27T02:30:00\+01:00">02:30<\/time>–<time datetime="2024-10-27T03:00:00\+01:00">03:00<\/time> CET/);
  });

  test("entries show title (linked), people and tags (linked to topic pages); content is escaped", async () => {
    const html = await readPage(site, "/schedule/");
    const welcome = html.slice(html.indexOf('<td id="welcome"'), html.indexOf("</td>", html.indexOf('<td id="welcome"')));
    assert.match(welcome, /<h3 class="entry__title"><a href="\/talks\/welcome\/">Welcome &amp; &quot;opening&quot; &lt;keynote><\/a><\/h3>/);
    assert.match(welcome, /<p class="entry__people">Ada Lovelace<\/p>/);
    assert.match(welcome, /<li><a href="\/schedule\/tags\/community\/">community<\/a><\/li>/);
    assert.match(welcome, /<span class="entry__room entry__room--all"> · All rooms<\/span>/);
    assert.match(html, /<h3 class="entry__title">Lunch<\/h3>/);
  });

  test("every session and break of the sample is in the grid once", async () => {
    const html = await readPage(sample, "/schedule/");
    const { readdir } = await import("node:fs/promises");
    const slugs = [
      ...(await readdir("content/talks")).map((f) => f.replace(/\.md$/, "")),
      ...(await readdir("content/workshops")).map((f) => f.replace(/\.md$/, "")),
    ];
    for (const slug of slugs) assert.equal(html.split(`<td id="${slug}"`).length - 1, 1, slug);
    assert.equal(cell(html, "multi-machine-docker"), '<td id="multi-machine-docker" class="slot slot--workshop" rowspan="4">');
    assert.match(html, /All times are EDT \(America\/New_York\)/);
  });

  test("a topic page lists its sessions in time order, without JavaScript", async () => {
    const html = await readPage(site, "/schedule/tags/time/");
    assert.match(html, /<h1>Topic: <span class="topic-name">time<\/span><\/h1>/);
    assert.match(html, /<p class="lede">3 sessions, in time order\.<\/p>/);
    const order = [...html.matchAll(/<h3 class="entry__title"><a href="\/talks\/([^/]+)\/">/g)].map((m) => m[1]);
    assert.deepEqual(order, ["before-dawn", "the-hour-again", "after-the-change"]);
    assert.match(html, /<a href="\/schedule\/tags\/time\/" aria-current="page">time <span class="topic-list__count">3<\/span><\/a>/);
    assert.doesNotMatch(
      html,
      /<script(?! type="application\/ld\+json"| type="module" src="\/assets\/site.js"| type="application\/json" id="_lectern_strings")/,
      "no inline script but data: the page works without JavaScript",
    );
    const index = await readPage(site, "/schedule/tags/");
    assert.match(index, /<a href="\/schedule\/tags\/systems\/">systems <span class="topic-list__count">2<\/span><\/a>/);
  });

  test("a build with two sessions in one room at once fails, naming both files and times", async () => {
    const content = await makeContent("berlin-dst", {
      "talks/clash.md": "---\ntitle: Clash\nspeakers: [ben-okafor]\nstart: 2024-10-27 10:15\nduration: 30\nroom: main\n---\nx\n",
    });
    const result = await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: `${await tempDir()}/site` });
    assert.equal(result.code, 1);
    assert.ok(
      result.stderr.includes(`${content}/talks/after-the-change.md: start: overlaps ${content}/talks/clash.md in room "main" (10:00–10:30 CET and 10:15–10:45 CET)`),
      result.stderr,
    );
  });
});
