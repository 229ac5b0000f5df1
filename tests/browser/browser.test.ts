import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildSite, FIXTURES, makeContent, ROOT } from "../helpers.ts";
import { checkPagesInBrowser, DESKTOP, newSiteContext } from "./browser-check.ts";
import { describeInChromium, launchChromium, newTab } from "./chromium.ts";
import { focusStop, interactiveElements, tabThrough, tabTo } from "./keyboard.ts";
import { writeScreenshots } from "./screenshots.ts";
import { formatProblems, listPages } from "./site-check.ts";
import { serveSite, type StaticServer } from "./static-server.ts";

describeInChromium("the built sample site in Chromium", (chromiumPath) => {
  let browser: Browser;
  let server: StaticServer;
  let pages: string[];
  let context: BrowserContext;

  before(async () => {
    const site = await buildSite(await makeContent("sample"));
    pages = await listPages(site);
    server = await serveSite(site);
    browser = await launchChromium(chromiumPath);
    context = await newSiteContext(browser, server.origin, { viewport: DESKTOP });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (address: string): Promise<Page> => {
    const tab = await newTab(context);
    await tab.goto(server.origin + address);
    // The schedule's script is a second module the page imports once loaded; keyboard tests
    // tab through the page as it stands once its scripts have fetched all they need.
    await tab.waitForLoadState("networkidle");
    return tab;
  };

  test("every page: no axe WCAG 2.1 AA violation, console error or failed request, no sideways scroll at 375 px, readable without JavaScript", async (t) => {
    const started = Date.now();
    const problems = await checkPagesInBrowser(browser, server.origin, pages);
    t.diagnostic(`${pages.length} pages, each at 375 and 1280 px and without JavaScript, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.equal(formatProblems(problems), "", `problems on ${new Set(problems.map((p) => p.page)).size} of ${pages.length} pages`);
  });

  test("Tab first reaches a visible skip link, and Enter on it moves focus to the main content", async () => {
    const addresses = ["/", "/talks/", pages.find((page) => /^\/talks\/[^/]+\/$/.test(page))!, "/schedule/"].filter((page) => pages.includes(page));
    for (const address of addresses) {
      const tab = await open(address);
      await tab.keyboard.press("Tab");
      const skip = await focusStop(tab);
      assert.match(skip.label, /^a "Skip to (main )?content" → #/, `${address}: the first Tab stop is the skip link, not ${skip.label}`);
      assert.ok(skip.onScreen, `${address}: the focused skip link is on screen`);
      assert.ok(skip.hasFocusIndicator, `${address}: the focused skip link shows a focus outline`);
      await tab.keyboard.press("Enter");
      const target = skip.href!.slice(1);
      assert.equal((await focusStop(tab)).id, target, `${address}: Enter on the skip link focuses #${target}`);
      await tab.keyboard.press("Tab");
      const next = await focusStop(tab);
      assert.ok(next.inMain, `${address}: the next Tab stop after skipping is in <main>, not ${next.label}`);
      await tab.close();
    }
  });

  test("every navigation link is reached by Tab with a visible focus outline, and Enter opens it", async () => {
    const home = await open("/");
    const stops = await tabThrough(home);
    const navLinks = await interactiveElements(home, "header nav");
    assert.ok(navLinks.length >= 3, `the header has navigation links: ${navLinks.join(", ")}`);
    await home.close();
    for (const link of navLinks) {
      const index = stops.findIndex((stop) => stop.label === link);
      assert.ok(index >= 0, `Tab reaches ${link}`);
      assert.ok(stops[index]!.hasFocusIndicator, `${link} shows a focus outline`);
      const tab = await open("/");
      const stop = await tabTo(tab, link);
      await Promise.all([tab.waitForURL(new URL(stop.href!, server.origin + "/").href), tab.keyboard.press("Enter")]);
      await tab.close();
    }
  });

  test("the schedule works with Tab and Enter alone", async (t) => {
    const day = pages.find((page) => /^\/schedule\/\d{4}-\d\d-\d\d\/$/.test(page));
    if (!day) {
      t.skip("no day page of the schedule in this build");
      return;
    }
    const overview = await open("/schedule/");
    const days = (await tabThrough(overview)).filter((stop) => stop.inMain && stop.href === day);
    assert.equal(days.length, 1, `Tab reaches ${day} from the overview`);
    await overview.close();

    const tab = await open(day);
    const stops = await tabThrough(tab);
    const labels = stops.map((stop) => stop.label);
    for (const element of await interactiveElements(tab, "main")) {
      assert.ok(labels.includes(element), `Tab reaches ${element} on ${day}`);
    }
    const hidden = stops.filter((stop) => !stop.hasFocusIndicator || !stop.onScreen).map((stop) => stop.label);
    assert.deepEqual(hidden, [], `every Tab stop on ${day} is on screen with a focus outline`);

    const talk = stops.findIndex((stop) => stop.inMain && stop.href?.startsWith("/talks/"));
    assert.ok(talk >= 0, "the day's schedule links to talks");
    await tab.close();
    const again = await open(day);
    await tabTo(again, stops[talk]!.label);
    await Promise.all([again.waitForURL(server.origin + stops[talk]!.href!), again.keyboard.press("Enter")]);
    await again.close();
  });

  test("screenshots of the home, schedule, a talk and a speaker at 375 and 1280 px go to test-output/screenshots/sample-*.png", async () => {
    const files = await writeScreenshots(browser, server.origin, pages, "sample");
    assert.equal(files.length, 8);
  });

  test("the same checks fail on a broken site, naming each page", async () => {
    const broken = await serveSite(path.join(FIXTURES, "broken-site"));
    try {
      const problems = await checkPagesInBrowser(browser, broken.origin, await listPages(path.join(FIXTURES, "broken-site")));
      const lines = formatProblems(problems).split("\n");
      for (const expected of [
        "/broken-link/: at 375 px: request for /missing.css got HTTP 404",
        "/missing-alt/: at 375 px: axe image-alt (critical): Images must have alternative text; 1 element, e.g. img",
        "/missing-alt/: at 1280 px: axe image-alt (critical): Images must have alternative text; 1 element, e.g. img",
        "/unlabelled/: at 375 px: axe label (critical): Form elements must have labels; 1 element, e.g. input",
        "/script-error/: at 375 px: uncaught exception: notDefinedAnywhere is not defined",
        "/needs-js/: without JavaScript: no visible <main>",
      ]) {
        assert.ok(lines.includes(expected), `expected "${expected}" among:\n${lines.join("\n")}`);
      }
      assert.ok(
        lines.some((line) => /^\/too-wide\/: at 375 px: scrolls sideways: the document is \d+ px wide in a 375 px window \(widest: p\.too-wide/.test(line)),
        `the too-wide page is reported:\n${lines.join("\n")}`,
      );
      assert.deepEqual(
        lines.filter((line) => line.startsWith("/: ")),
        [],
        "the sound page of the broken site has no problems",
      );
    } finally {
      await broken.close();
    }
  });
});

describeInChromium("the sample site hosted under a sub-path, in Chromium", (chromiumPath) => {
  const base = "/boston-2016/";
  let browser: Browser;
  let server: StaticServer;
  let pages: string[];

  before(async () => {
    const event = (await readFile(path.join(ROOT, "content", "event.yaml"), "utf8")).replace(/^url: .*$/m, `url: https://example.org${base}`);
    const site = await buildSite(await makeContent("sample", { "event.yaml": event }));
    pages = await listPages(site);
    server = await serveSite(site, base);
    browser = await launchChromium(chromiumPath);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("every page passes the browser gate served under /boston-2016/; a request outside it would get HTTP 404 and fail it", async (t) => {
    const started = Date.now();
    const problems = await checkPagesInBrowser(browser, server.origin, pages, base);
    t.diagnostic(`${pages.length} pages under ${base}, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.equal(formatProblems(problems), "", `problems on ${new Set(problems.map((p) => p.page)).size} of ${pages.length} pages`);
  });

  test("the server answers nothing outside the base path: the check above cannot pass by accident", async () => {
    const outside = await fetch(`${server.origin}/talks/autopilot/`);
    assert.equal(outside.status, 404);
    const inside = await fetch(`${server.origin}${base}talks/autopilot/`);
    assert.equal(inside.status, 200);
    assert.match(await inside.text(), new RegExp(`<link rel="stylesheet" href="${base}styles\\.css"`));
  });
});
