import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildSite, listFiles, makeContent, readPage, ROOT } from "../helpers.ts";
import { checkBuiltSite, formatProblems } from "../browser/site-check.ts";

const SITE_URL = "https://example.org/boston-2016/";

/** Every address in an href, src or srcset attribute of an HTML page. */
function addresses(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/\s(?:href|src|action|poster)="([^"]*)"/g)) found.push(match[1]!);
  for (const match of html.matchAll(/\ssrcset="([^"]*)"/g)) {
    for (const candidate of match[1]!.split(",")) found.push(candidate.trim().split(/\s+/)[0]!);
  }
  return found.map((address) => address.replaceAll("&amp;", "&"));
}

describe("the sample site built for https://example.org/boston-2016/", () => {
  let site: string;
  before(async () => {
    const event = (await readFile(path.join(ROOT, "content", "event.yaml"), "utf8")).replace(/^url: .*$/m, `url: ${SITE_URL}`);
    site = await buildSite(await makeContent("sample", { "event.yaml": event }));
  });

  test("every link, asset, feed, export and absolute self-link resolves inside /boston-2016/, and every page is valid HTML", async () => {
    assert.equal(formatProblems(await checkBuiltSite(site, { siteUrl: SITE_URL })), "");
  });

  test("no page addresses anything on the host outside /boston-2016/", async () => {
    const pages = (await listFiles(site)).filter((file) => file.endsWith(".html"));
    for (const file of pages) {
      const html = await readFile(path.join(site, file), "utf8");
      for (const address of addresses(html)) {
        if (address.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(address) && !address.startsWith("https://example.org")) continue;
        const pathname = new URL(address, `https://example.org/boston-2016/${file}`).pathname;
        assert.ok(pathname.startsWith("/boston-2016/"), `${file}: ${address} leaves /boston-2016/`);
      }
    }
  });

  test("rendered markdown (bios, abstracts, posts) carries the prefix too", async () => {
    const post = await readPage(site, "/blog/containerdays-boston-recap/");
    assert.doesNotMatch(post, /\s(?:href|src)="\/(?!boston-2016\/)/, "a root-relative address without the prefix");
  });

  test("exports, feeds, the sitemap and link previews use absolute addresses under the prefix", async () => {
    const json = JSON.parse(await readPage(site, "/schedule.json")) as { schedule: { url?: string; conference: { days: Array<{ rooms: Record<string, Array<{ url: string }>> }> } } };
    const urls = json.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat().map((event) => event.url));
    assert.ok(urls.length > 0 && urls.every((url) => url.startsWith(SITE_URL)), urls.join(" "));
    const sitemap = await readPage(site, "/sitemap.xml");
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    assert.ok(locs.length > 60 && locs.every((loc) => loc.startsWith(SITE_URL)));
    const feed = await readPage(site, "/blog/feed.xml");
    assert.match(feed, new RegExp(`<link rel="self" type="application/atom\\+xml" href="${SITE_URL}blog/feed\\.xml"`));
    const talk = await readPage(site, "/talks/autopilot/");
    assert.match(talk, new RegExp(`<meta property="og:image" content="${SITE_URL}cards/talks/autopilot\\.png"`));
    assert.match(talk, new RegExp(`<link rel="canonical" href="${SITE_URL}talks/autopilot/"`));
    assert.match(await readPage(site, "/talks/autopilot.ics"), /URL;VALUE=URI:https:\/\/example\.org\/boston-2016\/talks\/autopilot\//);
    assert.equal((await readPage(site, "/robots.txt")).includes(`Sitemap: ${SITE_URL}sitemap.xml`), true);
  });
});
