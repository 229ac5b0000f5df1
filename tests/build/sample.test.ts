import { CALL_SCRIPT } from "../../src/views/call-to-action.ts";
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { loadConference } from "../../src/content/load.ts";
import type { Conference } from "../../src/content/model.ts";
import { buildSite, listFiles, makeContent, readPage, ROOT } from "../helpers.ts";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkLinks, formatProblems } from "../browser/site-check.ts";

let site: string;
let conference: Conference;

/** The text of every match of `pattern`'s first group. */
function all(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((m) => m[1]!);
}

describe("the sample site (ContainerDays Boston 2016)", () => {
  before(async () => {
    conference = await loadConference({ contentDir: path.join(ROOT, "content") });
    site = await buildSite(await makeContent("sample"));
  });

  test("has the whole programme from the seeds", () => {
    assert.equal(conference.talkPages.filter((t) => ["talk", "keynote"].includes(t.kind)).length, 14);
    assert.equal(conference.workshops.length, 4);
    assert.deepEqual(
      conference.workshops.map((w) => w.leaders.map((l) => l.name).join()).sort(),
      ["Jonas Rosland", "Kapil Arya", "Ray Tsang", "Scott Weiss"],
    );
    assert.equal(conference.speakers.length, 20);
    assert.deepEqual(
      conference.posts.map((p) => [p.title, p.author, p.date.toISODate(), p.tags]),
      [["Container Days in Boston", "Dale Ragan", "2016-06-20", ["devops", "docker", "aws", "kubernetes"]]],
    );
  });

  test("writes every page", async () => {
    const files = await listFiles(site);
    const expected = [
      "index.html",
      "404.html",
      "styles.css",
      "theme.css",
      "images/brand/containerdays-logo.svg",
      "favicon.svg",
      "talks/index.html",
      "speakers/index.html",
      "workshops/index.html",
      "blog/index.html",
      ...conference.talkPages.map((t) => `talks/${t.slug}/index.html`),
      ...conference.speakers.map((s) => `speakers/${s.slug}/index.html`),
      ...conference.workshops.map((w) => `workshops/${w.slug}/index.html`),
      ...conference.posts.map((p) => `blog/${p.slug}/index.html`),
    ];
    for (const file of expected) assert.ok(files.includes(file), `missing ${file}`);
    const breaks = conference.talks.filter((t) => !t.url).map((t) => `talks/${t.slug}/index.html`);
    assert.ok(breaks.length > 0);
    for (const file of breaks) assert.ok(!files.includes(file), `a break got a page: ${file}`);
  });

  test("each talk page links its speakers and shows its time in the event's zone", async () => {
    for (const talk of conference.talkPages) {
      const html = await readPage(site, talk.url!);
      for (const speaker of talk.speakers) {
        assert.ok(html.includes(`href="/speakers/${speaker.slug}/"`), `${talk.slug} does not link ${speaker.slug}`);
      }
      assert.ok(html.includes(`<title>${escapeHtml(talk.title)} · ContainerDays Boston 2016</title>`), talk.slug);
    }
    const html = await readPage(site, "/talks/kubernetes-in-production/");
    assert.match(html, /<time datetime="2016-06-10T14:45:00-04:00">Friday 10 June 2016, 14:45<\/time>–<time datetime="2016-06-10T15:15:00-04:00">15:15<\/time> EDT<\/span> · /);
    assert.match(html, /Main Hall/);
    assert.match(html, /href="https:\/\/www\.slideshare\.net\/mikesplain\/container-days-boston-kubernetes-in-production"/);
    assert.match(html, /<li class="tag"><a href="\/schedule\/tags\/kubernetes\/">kubernetes<\/a><\/li>/);
  });

  test("each speaker page lists their talks and workshops", async () => {
    const html = await readPage(site, "/speakers/jonas-rosland/");
    assert.match(html, /<h1>Jonas Rosland<\/h1>/);
    assert.match(html, /Developer Advocate, EMC \{code\}/);
    assert.match(html, /href="https:\/\/twitter\.com\/jonasrosland"/);
    assert.match(html, /href="\/workshops\/multi-machine-docker\/"/);
    assert.match(html, /href="\/talks\/stateful-applications-in-containers\/"/);
    assert.match(html, /class="avatar avatar--l avatar--initials"[^>]*>JR</);
  });

  test("each workshop page shows level, duration, leaders and prerequisites", async () => {
    const html = await readPage(site, "/workshops/kubernetes-deep-dive/");
    assert.match(html, /<dd class="level">intermediate<\/dd>/);
    assert.match(html, /<dd>2 hours<\/dd>/);
    assert.match(html, /href="\/speakers\/ray-tsang\/"/);
    assert.match(html, /Before you come/);
  });

  test("every page has lang, a unique title, a description and, except 404.html, a canonical URL", async () => {
    const pages = (await listFiles(site)).filter((f) => f.endsWith(".html"));
    const titles = new Map<string, string>();
    for (const file of pages) {
      const html = await readPage(site, `/${file}`);
      assert.match(html, /^<!DOCTYPE html><html lang="en">/, file);
      const [title] = all(html, /<title>([^<]*)<\/title>/g);
      assert.ok(title, `${file} has no title`);
      assert.ok(!titles.has(title), `${file} and ${titles.get(title)} share the title "${title}"`);
      titles.set(title, file);
      const [description] = all(html, /<meta name="description" content="([^"]*)"/g);
      assert.ok(description && description.length > 10 && description.length <= 160, `${file}: description "${description}"`);
      const canonical = file === "index.html" ? "" : file.replace(/index\.html$/, "");
      if (file !== "404.html") assert.ok(html.includes(`<link rel="canonical" href="https://containerdays-boston-2016.example.org/${canonical}"`), file);
      const scripts = all(html, /<script([^>]*)>/g);
      // Besides JSON-LD, the every-page module and the strings it reads, only the home page's call to action
      // and a talk's recording link (after it) have a script, the same one (src/views/call-to-action.ts).
      const everyPage = ['<script type="application/ld+json">', '<script type="module" src="/assets/site.js">', '<script type="application/json" id="_lectern_strings">'];
      const allowed = file === "index.html" || file.startsWith("talks/") ? [...everyPage, `<script>${CALL_SCRIPT}</script>`] : everyPage;
      assert.ok(all(html, /(<script[^>]*>[\s\S]*?<\/script>)/g).every((tag) => allowed.some((ok) => tag.startsWith(ok))), `${file} has a script: ${scripts}`);
    }
  });

  test("talk pages describe themselves to search engines", async () => {
    const html = await readPage(site, "/talks/yelps-journey-into-containers/");
    const [json] = all(html, /<script type="application\/ld\+json">([^<]*)<\/script>/g);
    const ld = (JSON.parse(json!) as { "@graph": Array<Record<string, unknown>> })["@graph"][0]!;
    assert.equal(ld.name, "Yelp's Journey Into Containers");
    assert.equal(ld.startDate, "2016-06-11T09:30:00-04:00");
    assert.deepEqual(ld.location, {
      "@type": "Place",
      name: "Main Hall, Microsoft New England Research and Development Center",
      address: { "@type": "PostalAddress", streetAddress: "1 Memorial Drive, Cambridge, MA 02142" },
      url: "https://microsoftnewengland.com/",
    });
    assert.deepEqual(ld.performer, [
      {
        "@type": "Person",
        "@id": "https://containerdays-boston-2016.example.org/speakers/chris-kuehl/#person",
        name: "Chris Kuehl",
        url: "https://containerdays-boston-2016.example.org/speakers/chris-kuehl/",
      },
    ]);
  });

  test("the home page shows the event and links into the programme", async () => {
    const html = await readPage(site, "/");
    assert.match(html, /<h1 id="hero_title">ContainerDays Boston 2016<\/h1>/);
    assert.match(html, /10–11 June 2016/);
    assert.match(html, /Microsoft New England Research and Development Center/);
    for (const talk of conference.talkPages) assert.ok(html.includes(`href="${talk.url}"`), talk.slug);
  });

  test("the recap post links into the programme with talk:, speaker: and workshop: links, and every link resolves", async () => {
    const source = await readFile(path.join(ROOT, "content", "blog", "containerdays-boston-recap.md"), "utf8");
    const written = all(source, /\]\(((?:talk|speaker|workshop|post):[^)\s]*)\)/g);
    assert.deepEqual(all(source, /\]\((\/[^)]*)\)/g), [], "site paths written by hand instead of programme links");
    const pages = new Map<string, string | undefined>([
      ...conference.talks.map((t) => [`talk:${t.slug}`, t.url] as const),
      ...conference.speakers.map((s) => [`speaker:${s.slug}`, s.url] as const),
      ...conference.workshops.map((w) => [`workshop:${w.slug}`, w.url] as const),
    ]);
    const expected = written.map((link) => pages.get(link));
    assert.deepEqual(written, [
      "talk:understanding-cluster-schedulers",
      "talk:from-hello-world-to-real-world",
      "speaker:ray-tsang",
      "workshop:kubernetes-deep-dive",
      "talk:yelps-journey-into-containers",
      "speaker:chris-kuehl",
      "talk:introduction-to-overlay-networks",
      "speaker:andrey-sibiryov",
      "talk:kubernetes-in-production",
      "speaker:mike-splain",
      "talk:complianceops",
      "speaker:elliot-murphy",
    ]);
    const html = await readPage(site, "/blog/containerdays-boston-recap/");
    const body = html.slice(html.indexOf('class="prose'));
    const linked = all(body, /<a href="(\/(?:talks|speakers|workshops)\/[^"]*)"/g);
    assert.deepEqual(linked.slice(0, expected.length), expected);
    assert.ok(!html.includes("talk:") && !html.includes("speaker:") && !html.includes("workshop:"));
    assert.equal(formatProblems(await checkLinks(site)), "");
  });
});

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
