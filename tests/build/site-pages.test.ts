import assert from "node:assert/strict";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, test } from "node:test";
import sharp from "sharp";
import { checkLinks, formatProblems, validateHtml } from "../browser/site-check.ts";
import { buildSite, makeContent, readPage, ROOT, tempDir } from "../helpers.ts";

const EVENT = await readFile(path.join(ROOT, "tests", "fixtures", "small", "event.yaml"), "utf8");
const file = (fields: string, body = "") => `---\n${fields}\n---\n${body}\n`;

/** The small fixture with the pages, sponsors, dates and accounts of a whole conference site. */
const SITE = {
  "event.yaml": `${EVENT}sponsor_tiers:
  - id: gold
    name: Gold
  - id: silver
    name: Silver
  - id: friends
    name: Friends
cfp:
  url: https://cfp.example.org/
  opens: 2024-03-01
  closes: 2024-06-30
tickets:
  url: https://tickets.example.org/
  opens: 2024-05-01
  closes: 2024-10-25 18:00
social:
  mastodon: "@fixtureconf@mastodon.example"
  bluesky: fixtureconf.bsky.social
  github: fixture-conf
`,
  "pages/code-of-conduct.md": file("title: Code of conduct\nnav: {menu: footer, order: 2}", "Be kind.\n\n<p class=\"x\" onclick=\"alert(1)\">Write to <a href=\"mailto:conduct@example.org\">us</a>.</p>"),
  "pages/accessibility.md": file("title: Accessibility\nnav: {menu: footer, order: 1}", "Step-free access."),
  "pages/venue.md": file("title: Venue & travel\nsummary: How to get to the Kulturbrauerei.\nnav: {menu: main, order: 1}", "![The entrance](/images/entrance.png)\n\nTake the U2."),
  "pages/faq.md": file("title: FAQ", "Questions."),
  "sponsors/big-co.md": file("name: Big Co.\ntier: gold\nlogo: /images/sponsors/big-co.png\nurl: https://big.example.com/", "Big Co. makes *big* things."),
  "sponsors/vector-inc.md": file("name: Vector Inc.\ntier: gold\nlogo: /images/sponsors/vector.svg\nurl: https://vector.example.com/"),
  "sponsors/remote-ltd.md": file("name: Remote Ltd.\ntier: friends\nlogo: https://remote.example.com/logo.svg\nurl: https://remote.example.com/"),
  "speakers/sam-lee.md": file("name: Sam Lee\ncompany: Acme\nrole: SRE\npronouns: they/them\nmastodon: \"@sam@hachyderm.io\"\nbluesky: sam.bsky.social\nlinkedin: sam-lee", "Sam keeps things up."),
};

/** A public folder with the project's files, a PNG logo, an SVG logo and an image for the venue page. */
async function publicFolder(): Promise<string> {
  const dir = path.join(await tempDir(), "public");
  await cp(path.join(ROOT, "public"), dir, { recursive: true });
  await mkdir(path.join(dir, "images", "sponsors"), { recursive: true });
  await sharp({ create: { width: 600, height: 200, channels: 3, background: "#204080" } }).png().toFile(path.join(dir, "images", "sponsors", "big-co.png"));
  await sharp({ create: { width: 800, height: 400, channels: 3, background: "#806040" } }).png().toFile(path.join(dir, "images", "entrance.png"));
  await writeFile(path.join(dir, "images", "sponsors", "vector.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60"><rect width="200" height="60" fill="#0b7a75"/></svg>\n');
  return dir;
}

/** Which call to action the built home page shows (the others are there, hidden, for the script). */
function shownCall(html: string): string[] {
  const cta = /<li data-cta>(.*?)<\/li>/.exec(html)?.[1] ?? "";
  return [...cta.matchAll(/<a class="button button--call" href="([^"]+)"[^>]*?( hidden)?>([^<]+)<\/a>/g)].filter((m) => !m[2]).map((m) => `${m[3]} → ${m[1]}`);
}

describe("a conference site's own pages", () => {
  let site: string;
  let publicDir: string;
  before(async () => {
    publicDir = await publicFolder();
    site = await buildSite(await makeContent("small", SITE), { PUBLIC_DIR: publicDir, LECTERN_NOW: "2024-04-01T12:00:00Z" });
  });

  test("every page's links resolve and every page is valid HTML", async () => {
    assert.equal(formatProblems([...(await checkLinks(site)), ...(await validateHtml(site))]), "");
  });

  test("free pages are at /<slug>/, sanitised, and in the menus they ask for", async () => {
    const conduct = await readPage(site, "/code-of-conduct/");
    assert.match(conduct, /<title>Code of conduct · Fixture Conf<\/title>/);
    assert.match(conduct, /<p>Be kind\.<\/p>\n<p>Write to <a href="mailto:conduct@example.org">us<\/a>\.<\/p>/);
    assert.doesNotMatch(/<main.*<\/main>/s.exec(conduct)![0], /onclick/);
    const venue = await readPage(site, "/venue/");
    assert.match(venue, /<meta name="description" content="How to get to the Kulturbrauerei\."/);
    assert.match(venue, /<picture><source type="image\/avif" srcset="\/conf\/img\/[\w-]+-320\.avif 320w, \/conf\/img\/[\w-]+-640\.avif 640w"/);
    assert.match(await readPage(site, "/faq/"), /<h1>FAQ<\/h1>/);
    const home = await readPage(site, "/");
    const nav = /<nav class="site-nav" aria-label="Main"><ul>(.*?)<\/ul><\/nav>/.exec(home)![1]!;
    assert.deepEqual([...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]), ["/conf/", "/conf/schedule/", "/conf/schedule/mine/", "/conf/talks/", "/conf/speakers/", "/conf/workshops/", "/conf/blog/", "/conf/venue/"]);
    const footer = /<nav aria-label="More about the event"><ul class="site-footer__links">(.*?)<\/ul><\/nav>/.exec(home)![1]!;
    assert.deepEqual([...footer.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`), [
      "Accessibility /conf/accessibility/",
      "Code of conduct /conf/code-of-conduct/",
      "Sponsors /conf/sponsors/",
    ]);
    assert.match(venue, /<a href="\/conf\/venue\/" aria-current="page">Venue &amp; travel<\/a>/);
    const sitemap = await readFile(path.join(site, "sitemap.xml"), "utf8");
    for (const page of ["accessibility/", "code-of-conduct/", "faq/", "venue/", "sponsors/"]) assert.ok(sitemap.includes(`<loc>https://fixture.example.org/conf/${page}</loc>`), page);
  });

  test("sponsors are on the home page by tier and on /sponsors/ with their blurbs, each logo with the sponsor's name", async () => {
    const home = await readPage(site, "/");
    const section = /<section aria-labelledby="sponsors_heading" class="sponsors">(.*?)About our sponsors/s.exec(home)![1]!;
    assert.deepEqual([...section.matchAll(/<h3 id="sponsors_(\w+)">([^<]+)<\/h3>/g)].map((m) => m[2]), ["Gold", "Friends"]);
    assert.deepEqual([...section.matchAll(/alt="([^"]+)"/g)].map((m) => m[1]), ["Big Co.", "Vector Inc.", "Remote Ltd."]);
    assert.match(section, /<a href="https:\/\/big.example.com\/" class="sponsor__logo"><picture><source type="image\/avif" srcset="\/conf\/img\/[\w-]+-192\.avif 192w, \/conf\/img\/[\w-]+-384\.avif 384w" sizes="12rem"\/?>/);
    assert.match(section, /<img class="sponsor-logo" src="\/conf\/images\/sponsors\/vector.svg" width="200" height="60" alt="Vector Inc\." loading="lazy" decoding="async"\/?>/);
    assert.match(section, /<img class="sponsor-logo" src="https:\/\/remote.example.com\/logo.svg" alt="Remote Ltd\."/);
    const page = await readPage(site, "/sponsors/");
    assert.match(page, /<h2 id="sponsors_gold">Gold<\/h2>/);
    assert.match(page, /<li id="big-co" class="sponsor">.*<p>Big Co\. makes <em>big<\/em> things\.<\/p>/s);
  });

  test("speakers show pronouns and their accounts; the event's accounts are in the footer", async () => {
    const sam = await readPage(site, "/speakers/sam-lee/");
    assert.match(sam, /<h1>Sam Lee<span class="pronouns"> \(they\/them\)<\/span><\/h1>/);
    for (const link of [
      '<a class="button button--quiet" href="https://hachyderm.io/@sam" rel="me">@sam@hachyderm.io on Mastodon</a>',
      '<a class="button button--quiet" href="https://bsky.app/profile/sam.bsky.social" rel="me">@sam.bsky.social on Bluesky</a>',
      '<a class="button button--quiet" href="https://www.linkedin.com/in/sam-lee/" rel="me">LinkedIn</a>',
    ]) assert.ok(sam.includes(link), link);
    assert.match(await readPage(site, "/talks/late-night/"), /Sam Lee<\/a><span class="pronouns"> \(they\/them\)<\/span>/);
    const footer = /<ul class="site-footer__links" aria-label="Fixture Conf elsewhere">(.*?)<\/ul>/.exec(sam)![1]!;
    assert.deepEqual([...footer.matchAll(/href="([^"]+)"/g)].map((m) => m[1]), [
      "https://github.com/fixture-conf",
      "https://mastodon.example/@fixtureconf",
      "https://bsky.app/profile/fixtureconf.bsky.social",
    ]);
  });

  test("the home page writes the dates out and the call to action for the build's clock", async () => {
    const home = await readPage(site, "/");
    assert.deepEqual(shownCall(home), ["Submit a talk, closes 30 June 2024 → https://cfp.example.org/"]);
    assert.ok(home.includes('<ul class="hero__dates"><li>Call for papers: opens 1 March 2024, closes 30 June 2024</li><li>Tickets: opens 1 May 2024, closes 25 October 2024, 18:00 CEST</li></ul>'));
    assert.ok(home.includes('data-from="2024-05-01T00:00:00.000+02:00" data-until="2024-10-25T18:00:00.000+02:00" hidden>Get tickets</a>'));
  });
});

describe("the first call to action follows the build's clock", () => {
  const content = makeContent("small", { "event.yaml": SITE["event.yaml"] });
  for (const [now, expected] of [
    ["2024-07-01T12:00:00+02:00", "Get tickets → https://tickets.example.org/"],
    ["2024-10-26T08:00:00+02:00", "Today's schedule → /conf/schedule/"],
    ["2024-10-28T00:00:00+01:00", "Recordings and recap → /conf/blog/"],
  ] as const) {
    test(`LECTERN_NOW=${now}: ${expected}`, async () => {
      assert.deepEqual(shownCall(await readPage(await buildSite(await content, { LECTERN_NOW: now }), "/")), [expected]);
    });
  }

  test("SOURCE_DATE_EPOCH is the clock of a reproducible build: two builds, the same page", async () => {
    const epoch = String(Date.parse("2024-03-15T00:00:00Z") / 1000);
    const first = await readPage(await buildSite(await content, { SOURCE_DATE_EPOCH: epoch }), "/");
    assert.deepEqual(shownCall(first), ["Submit a talk, closes 30 June 2024 → https://cfp.example.org/"]);
    assert.equal(await readPage(await buildSite(await content, { SOURCE_DATE_EPOCH: epoch }), "/"), first);
  });
});
