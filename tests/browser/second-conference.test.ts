import assert from "node:assert/strict";
import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { buildSite, FIXTURES, makeContent, readPage, readScheduleDays, ROOT, tempDir } from "../helpers.ts";
import { checkPagesInBrowser } from "./browser-check.ts";
import { describeInChromium, launchChromium } from "./chromium.ts";
import { writeScreenshots } from "./screenshots.ts";
import { checkBuiltSite, formatProblems, listPages } from "./site-check.ts";
import { serveSite, type StaticServer } from "./static-server.ts";

/**
 * A second conference, unlike the sample in every way issue 13 names: Arabic (right to left),
 * its own theme and logo, three sponsor tiers, a workshop over two days through the breaks,
 * free pages in the header, tickets and a call for papers. Its `content/` is the content
 * folder; its `public/` holds its logo and its sponsors' logos.
 */
const FIXTURE = path.join(FIXTURES, "second-conference");

/** Lectern's public folder (styles, icons) without the sample's images, with the fixture's. */
async function secondPublic(): Promise<string> {
  const dir = path.join(await tempDir(), "public");
  const own = path.join(ROOT, "public");
  await cp(own, dir, { recursive: true, filter: (source) => source !== path.join(own, "images") });
  await cp(path.join(FIXTURE, "public"), dir, { recursive: true });
  return dir;
}

let built: Promise<string> | undefined;
/** The fixture built once for this file, as before its call for papers closes. */
function buildSecond(): Promise<string> {
  built ??= (async () =>
    buildSite(await makeContent(path.join("second-conference", "content")), {
      PUBLIC_DIR: await secondPublic(),
      LECTERN_NOW: "2025-09-01T12:00:00+04:00",
    }))();
  return built;
}

describe("the second conference, file by file", () => {
  let site: string;
  before(async () => {
    site = await buildSecond();
  });

  test("is what it claims to be: Arabic right to left, its own theme, three tiers, the workshop on both days beside the breaks", async () => {
    for (const page of await listPages(site)) {
      assert.match(await readPage(site, page), /^<!DOCTYPE html><html lang="ar" dir="rtl">/, page);
    }
    const home = await readPage(site, "/");
    assert.match(home, /<link rel="stylesheet" href="\/styles\.css"\/><link rel="stylesheet" href="\/home\.css"\/><link rel="stylesheet" href="\/theme\.css"\/>/);
    assert.match(home, /<img class="brand__logo" src="\/images\/brand\/cloud-forum\.svg"[^>]* alt="ملتقى البنية السحابية 2025"/);
    assert.deepEqual([...home.matchAll(/<h3 id="sponsors_(\w+)">([^<]+)<\/h3>/g)].map((m) => `${m[1]}: ${m[2]}`), [
      "platinum: الراعي البلاتيني",
      "gold: الرعاة الذهبيون",
      "friends: أصدقاء الملتقى",
    ]);
    assert.match(home, /<a class="button button--call" href="https:\/\/cfp\.example\.org\/cloud-forum-2025"[^>]*>قدّم محاضرة، حتى /);
    const theme = await readFile(path.join(site, "theme.css"), "utf8");
    for (const line of ["--brand: #0f4c3a;", "--accent: #9c3414;", "--paper: #fbf7ef;"]) assert.ok(theme.includes(`  ${line}\n`), line);
    const schedule = await readScheduleDays(site);
    const cells = [...schedule.matchAll(/<td id="([\w-]+)" class="slot slot--(workshop|break|meal)[^"]*"/g)].map((m) => `${m[1]} (${m[2]})`);
    assert.deepEqual(cells, [
      "registration (break)",
      "build-a-platform (workshop)",
      "coffee-day-1 (break)",
      "lunch-day-1 (meal)",
      "coffee-day-1-afternoon (break)",
      "build-a-platform-part-2 (workshop)",
      "coffee-day-2 (break)",
      "lunch-day-2 (meal)",
    ]);
  });

  test("Lectern's own separators are Arabic (،), and handles written left to right are isolated from the text around them", async () => {
    const arabicBesideLatinComma = /[\u0600-\u06ff], |, [\u0600-\u06ff]/;
    for (const page of await listPages(site)) {
      const text = (await readPage(site, page))
        .replace(/<head>.*?<\/head>|<script[^>]*>.*?<\/script>/gs, "")
        .replace(/<[^>]+>/g, "");
      assert.doesNotMatch(text, arabicBesideLatinComma, page);
    }
    assert.match(await readPage(site, "/"), /<span>بيت الخبرات، شارع الشيخ زايد، دبي<\/span>/);
    const hana = await readPage(site, "/speakers/hana-saleh/");
    assert.match(hana, />SRE، Observa</);
    assert.match(hana, /<a href="\/speakers\/omar-khatib\/">عمر الخطيب<\/a>، <a href="\/speakers\/layla-nasser\/">ليلى ناصر<\/a> و<a href="\/speakers\/hana-saleh\/">Hana Saleh<\/a>/);
    assert.match(await readPage(site, "/"), /التذاكر: يبدأ 1 أغسطس 2025، وينتهي 17 نوفمبر 2025، 06:00 م GST/);
    assert.match(await readPage(site, "/"), /<a href="https:\/\/mastodon\.example\/@cloudforum" rel="me">\u2068@cloudforum@mastodon\.example\u2069 على ماستودون<\/a>/);
    assert.match(await readPage(site, "/speakers/layla-nasser/"), />\u2068@layla\.bsky\.social\u2069 على Bluesky</);
  });

  test("every link, image, stylesheet and #fragment resolves, and every page passes html-validate", async () => {
    assert.equal(formatProblems(await checkBuiltSite(site)), "");
  });
});

describeInChromium("the second conference in Chromium", (chromiumPath) => {
  let browser: Browser;
  let server: StaticServer;
  let pages: string[];

  before(async () => {
    const site = await buildSecond();
    pages = await listPages(site);
    server = await serveSite(site);
    browser = await launchChromium(chromiumPath);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("every page: no axe WCAG 2.1 AA violation, console error or failed request, no sideways scroll at 375 px, readable without JavaScript", async (t) => {
    const started = Date.now();
    const problems = await checkPagesInBrowser(browser, server.origin, pages);
    t.diagnostic(`${pages.length} pages, each at 375 and 1280 px and without JavaScript, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.equal(formatProblems(problems), "", `problems on ${new Set(problems.map((p) => p.page)).size} of ${pages.length} pages`);
  });

  test("screenshots of the home, schedule, a talk and a speaker at 375 and 1280 px go to test-output/screenshots/second-*.png", async () => {
    const files = await writeScreenshots(browser, server.origin, pages, "second");
    assert.equal(files.length, 8);
  });
});
