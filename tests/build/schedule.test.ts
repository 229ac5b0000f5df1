import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { buildSite, makeContent, readPage, readScheduleDays, runLectern, tempDir } from "../helpers.ts";

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

  test("is in the main navigation; the overview links each day's page with its number of sessions, and holds no grid", async () => {
    const html = await readPage(site, "/schedule/");
    assert.match(html, /<a href="\/schedule\/" aria-current="page">Schedule<\/a>/);
    assert.match(
      html,
      /<li data-from="2024-10-26T00:00:00\+02:00" data-until="2024-10-27T00:00:00\+02:00"><a href="\/schedule\/2024-10-26\/"><span class="schedule-days__name">Saturday 26 October 2024<\/span> <span class="schedule-days__count">5 sessions<\/span><\/a><\/li>/,
    );
    assert.match(html, /<a href="\/schedule\/2024-10-27\/"><span class="schedule-days__name">Sunday 27 October 2024<\/span> <span class="schedule-days__count">3 sessions<\/span><\/a>/);
    assert.match(html, /<a class="button" href="\/schedule.ics">Add all to your calendar<\/a>/);
    assert.doesNotMatch(html, /<table|data-filters/, "the grids and filters are on the days' pages");
    assert.match(await readPage(site, "/"), /<a href="\/schedule\/">Schedule<\/a>/);
  });

  test("each day has its page: its grid alone, a switcher to the others marking it, in the sitemap", async () => {
    const saturday = await readPage(site, "/schedule/2024-10-26/");
    assert.match(saturday, /<title>Saturday 26 October 2024 · Schedule · /);
    assert.match(saturday, /<link rel="canonical" href="https:\/\/[^"]*\/schedule\/2024-10-26\/"\/>/);
    assert.match(saturday, /<a href="\/schedule\/" aria-current="page">Schedule<\/a>/, "the main navigation marks the schedule");
    assert.match(saturday, /<nav class="schedule-nav" aria-label="Days" data-days data-today="Today"><ul><li [^>]*><a href="\/schedule\/2024-10-26\/" aria-current="page">Saturday 26 October<\/a><\/li><li [^>]*><a href="\/schedule\/2024-10-27\/">Sunday 27 October<\/a><\/li><\/ul><\/nav>/);
    assert.equal(saturday.match(/<table/g)?.length, 1);
    assert.match(saturday, /<section class="schedule-scroll" aria-labelledby="day_2024-10-26_heading" tabindex="0"><table class="schedule-grid">/);
    assert.ok(!saturday.includes('id="after-the-change"'), "Sunday's sessions are on Sunday's page");
    assert.ok((await readPage(site, "/schedule/2024-10-27/")).includes('<td id="after-the-change"'));
    const sitemap = await readPage(site, "/sitemap.xml");
    const locs = [...sitemap.matchAll(/<loc>https:\/\/nachtschicht\.example\.org(\/schedule\/[^<]*)<\/loc>/g)].map((m) => m[1]);
    assert.deepEqual(locs.slice(0, 4), ["/schedule/", "/schedule/2024-10-26/", "/schedule/2024-10-27/", "/schedule/tags/"]);
  });

  test("a day page's filters are hidden for the script to show, and offers the day's rooms, topics, kinds and levels", async () => {
    const saturday = await readPage(site, "/schedule/2024-10-26/");
    const form = saturday.slice(saturday.indexOf('<div class="schedule-filters"'), saturday.indexOf("<section"));
    assert.match(form, /^<div class="schedule-filters" data-filters data-status="Sessions shown: \{count\} of \{total\}" hidden><fieldset><legend>Show only<\/legend>/);
    const options = (name: string) => {
      const select = form.slice(form.indexOf(`name="${name}"`), form.indexOf("</select>", form.indexOf(`name="${name}"`)));
      return [...select.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => `${m[1]}=${m[2]}`);
    };
    assert.deepEqual(options("room"), ["main=Main Stage", "side=Side Room"]);
    assert.deepEqual(options("kind"), ["talk=Talk", "keynote=Keynote", "workshop=Workshop"]);
    assert.ok(!form.includes('name="level"'), "one level only: nothing to choose");
    assert.ok(options("tag").includes("community=community"));
    assert.match(form, /<button type="button" class="schedule-filters__clear" data-clear>Show all<\/button><\/fieldset><p class="schedule-filters__status" role="status"><\/p><\/div>$/);
  });

  test("cells span their rooms and rows; the slug is each entry's anchor; sessions carry what the filters match", async () => {
    const html = await readScheduleDays(site);
    assert.equal(cell(html, "welcome"), '<td id="welcome" class="slot slot--keynote" colspan="2" data-facets="room:* kind:keynote tag:community">');
    assert.equal(cell(html, "rust-in-anger"), '<td id="rust-in-anger" class="slot slot--talk" rowspan="2" data-facets="room:main kind:talk tag:rust tag:systems">');
    assert.equal(cell(html, "go-fast"), '<td id="go-fast" class="slot slot--talk" data-facets="room:side kind:talk tag:go tag:systems">');
    assert.equal(cell(html, "lunch"), '<td id="lunch" class="slot slot--meal slot--row" colspan="2">');
    assert.equal(cell(html, "cluster-lab"), '<td id="cluster-lab" class="slot slot--workshop" data-facets="room:side kind:workshop level:intermediate tag:kubernetes">');
    assert.match(html, /<thead><tr><th scope="col" class="schedule-grid__time-head">Time<\/th><th scope="col">Main Stage<\/th><th scope="col">Side Room<\/th><\/tr><\/thead>/);
    const saturday = daySection(html, "2024-10-26");
    assert.equal((saturday.match(/<td class="slot slot--empty"><\/td>/g) ?? []).length, 7, "free slots are empty cells");
    assert.match(saturday, /<tr class="is-gap"><th scope="row" class="schedule-grid__time"><time datetime="2024-10-26T10:15:00\+02:00">10:15<\/time><\/th>/);
  });

  test("shows event-local times with the zone's abbreviation and the day's date", async () => {
    const html = await readScheduleDays(site);
    const saturday = daySection(html, "2024-10-26");
    const sunday = daySection(html, "2024-10-27");
    assert.match(saturday, /Saturday 26 October 2024 <span class="schedule-day__zone">· times in CEST<\/span>/);
    assert.match(sunday, /Sunday 27 October 2024 <span class="schedule-day__zone">· times in CEST \/ CET<\/span>/);
    assert.match(await readPage(site, "/schedule/"), /All times are CEST \/ CET \(Europe\/Berlin\), the time at the venue\./);
    assert.match(await readPage(site, "/schedule/2024-10-26/"), /All times are CEST \(Europe\/Berlin\), the time at the venue\./);
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
    const html = await readScheduleDays(site);
    const welcome = html.slice(html.indexOf('<td id="welcome"'), html.indexOf("</td>", html.indexOf('<td id="welcome"')));
    assert.match(welcome, /<h3 class="entry__title"><a href="\/talks\/welcome\/">Welcome &amp; &quot;opening&quot; &lt;keynote><\/a><\/h3>/);
    assert.match(welcome, /<p class="entry__people">Ada Lovelace<\/p>/);
    assert.match(welcome, /<li><a href="\/schedule\/tags\/community\/">community<\/a><\/li>/);
    assert.match(welcome, /<span class="entry__room entry__room--all"> · All rooms<\/span>/);
    assert.match(html, /<h3 class="entry__title">Lunch<\/h3>/);
  });

  test("every session and break of the sample is in the grid once", async () => {
    const html = await readScheduleDays(sample);
    const { readdir } = await import("node:fs/promises");
    const slugs = [
      ...(await readdir("content/talks")).map((f) => f.replace(/\.md$/, "")),
      ...(await readdir("content/workshops")).map((f) => f.replace(/\.md$/, "")),
    ];
    for (const slug of slugs) assert.equal(html.split(`<td id="${slug}"`).length - 1, 1, slug);
    assert.match(cell(html, "multi-machine-docker"), /^<td id="multi-machine-docker" class="slot slot--workshop" rowspan="4" data-facets="room:lab kind:workshop level:/);
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
