import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { checkLinks, formatProblems, listPages, validateHtml } from "../browser/site-check.ts";
import { buildSite, makeContent, readPage, readScheduleDays } from "../helpers.ts";

const IMAGE = "![A diagram](https://example.org/diagram.png)";

/** A talk on Sunday in the main room, one after another, so none overlap. */
function talk(title: string, start: string, extra = ""): string {
  return `---\ntitle: ${title}\nspeakers: [ida-collide]\nstart: 2024-10-27 ${start}\nduration: 30\nroom: main\ntags: [topics, hero-title]\n${extra}---\nAn abstract with a picture:\n\n${IMAGE}\n\nline  \nbreak\n\n---\n\n| room | seats |\n|:--|--:|\n| Main | 300 |\n`;
}

/** Talks, a workshop, tags and a post named like every id the pages write themselves. */
const COLLIDING: Record<string, string> = {
  "speakers/ida-collide.md": `---\nname: Ida Collide\ncompany: Ids Inc\nrole: Tester\n---\nA bio with a picture.\n\n${IMAGE}\n`,
  "talks/hero-title.md": talk("Hero title", "11:00", "kind: keynote\n"),
  "talks/keynotes-heading.md": talk("Keynotes heading", "11:30", "kind: keynote\n"),
  "talks/glance-heading.md": talk("Glance heading", "12:00"),
  "talks/people-heading.md": talk("People heading", "12:30"),
  "talks/news-heading.md": talk("News heading", "13:00"),
  "talks/day-2024-10-26.md": talk("Day one", "13:30"),
  "talks/day-2024-10-27.md": talk("Day two", "14:00"),
  "talks/day-2024-10-27-heading.md": talk("Day two heading", "14:30"),
  "talks/topics.md": talk("Topics", "15:00"),
  "talks/sessions-heading.md": talk("Sessions heading", "15:30"),
  "talks/speakers-heading.md": talk("Speakers heading", "16:00"),
  "talks/main-content.md": talk("Main content", "16:30"),
  "talks/workshop-twin.md": talk("Workshop twin", "17:00"),
  "talks/twin.md": talk("Twin talk", "17:30"),
  "talks/2024-recap.md": talk("The year in review", "18:00"),
  "workshops/twin.md": `---\ntitle: Twin workshop\nleaders: [ida-collide]\nstart: 2024-10-27 19:00\nduration: 60\nroom: side\nlevel: beginner\nprerequisites: [A laptop]\n---\nA description with a picture.\n\n${IMAGE}\n`,
  "workshops/prerequisites-heading.md": `---\ntitle: Prerequisites heading\nleaders: [sam-lee]\nstart: 2024-10-27 11:00\nduration: 60\nroom: side\nlevel: advanced\nprerequisites: [A laptop]\n---\nx\n`,
  "blog/ids.md": [
    "---\ntitle: Ids and markup\ndate: 2024-09-02\nauthor: The Organisers\n---",
    '<h2 id="main_content">Main content</h2>',
    '<h2 id="hero-title">Hero title</h2>',
    "",
    '<picture><source srcset="https://example.org/a.webp" type="image/webp"><img src="https://example.org/a.jpg" alt="A photo"></picture>',
    "",
    "one<br>two",
    "",
    "<hr>",
    "",
    IMAGE,
    "",
    "| room | seats |\n|:--|--:|\n| Main | 300 |",
    "",
    '<figure><img src="https://example.org/b.jpg" alt="B"><figcaption>B</figcaption></figure>',
    "",
    "<details><summary>More</summary>Hidden</details>",
    "",
    "[Back to the top](#main_content)",
    "",
  ].join("\n"),
};

describe("a site whose content is named like the pages' own ids", () => {
  let site: string;
  before(async () => {
    site = await buildSite(await makeContent("small", COLLIDING));
  });

  test("every page passes html-validate: no duplicate id, every reference and void element sound", async () => {
    assert.equal(formatProblems(await validateHtml(site)), "");
  });

  test("every link and #fragment resolves, including the skip link and aria targets", async () => {
    assert.equal(formatProblems(await checkLinks(site)), "");
  });

  test("a workshop sharing a talk's slug gets an anchor no talk has", async () => {
    const html = await readScheduleDays(site);
    assert.match(html, /<td id="workshop-twin" class="slot slot--talk" data-facets="[^"]*">/);
    assert.match(html, /<td id="twin" class="slot slot--talk" data-facets="[^"]*">/);
    assert.match(html, /<td id="workshop-twin-2" class="slot slot--workshop"/);
  });

  test("the post keeps its picture, sources and ids, clear of the page's", async () => {
    const html = await readPage(site, "/blog/ids/");
    assert.match(html, /<picture><source srcset="https:\/\/example.org\/a.webp" type="image\/webp" \/><img src="https:\/\/example.org\/a.jpg" alt="A photo" \/><\/picture>/);
    assert.match(html, /<h2 id="main-content">Main content<\/h2>/);
    assert.match(html, /<a href="#main-content">Back to the top<\/a>/);
    assert.equal(html.split('id="main_content"').length, 2, "one main_content: the page's own");
  });

  test("404.html is kept out of search engines and names no canonical address", async () => {
    const html = await readPage(site, "/404.html");
    assert.match(html, /<meta name="robots" content="noindex"\/>/);
    assert.doesNotMatch(html, /rel="canonical"/);
    assert.match(await readPage(site, "/"), /<link rel="canonical" href="https:\/\/fixture.example.org\/conf\/"\/>/);
  });

  test("every page names the programme's exports in its head, with absolute addresses", async () => {
    const alternates = [
      '<link rel="alternate" type="application/vnd.c3voc.schedule+xml" href="https://fixture.example.org/conf/schedule.xml" title="Fixture Conf programme (frab XML)"/>',
      '<link rel="alternate" type="application/json" href="https://fixture.example.org/conf/schedule.json" title="Fixture Conf programme (c3voc JSON)"/>',
      '<link rel="alternate" type="text/calendar" href="https://fixture.example.org/conf/schedule.ics" title="Fixture Conf programme (iCalendar)"/>',
    ];
    const pages = await listPages(site);
    assert.ok(pages.length > 30);
    for (const page of pages) {
      const html = await readPage(site, page);
      const head = html.slice(0, html.indexOf("</head>"));
      for (const link of alternates) assert.ok(head.includes(link), `${page} lacks ${link}`);
    }
  });

  test("the schedule and home pages offer a webcal subscription beside the download", async () => {
    for (const page of ["/", "/schedule/"]) {
      const html = await readPage(site, page);
      assert.match(html, /<a class="button" href="\/conf\/schedule.ics">Add all to your calendar<\/a>/, page);
      assert.match(html, /<a class="button button--quiet" href="webcal:\/\/fixture.example.org\/conf\/schedule.ics">Subscribe in your calendar app<\/a>/, page);
    }
  });
});
