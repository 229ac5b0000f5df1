import assert from "node:assert/strict";
import { readFile, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildSite, makeContent, tempDir } from "../helpers.ts";
import { axeViolations, checkPagesInBrowser, horizontalOverflow, newSiteContext, PHONE } from "./browser-check.ts";
import { describeInChromium, launchChromium, newTab } from "./chromium.ts";
import { formatProblems, listPages } from "./site-check.ts";
import { serveSite, type StaticServer } from "./static-server.ts";

// The viewer's own time follows when their zone differs from the event's (src/client/zones.ts).
const NOTE = /^Offline — programme as of \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d E[DS]T( · .+ your time)?$/;

/** Waits until the service worker controls `tab` (it has precached everything by then). */
async function controlled(tab: Page): Promise<void> {
  await tab.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** The offline note's text, or undefined when the page shows none. */
async function offlineNote(tab: Page): Promise<string | undefined> {
  const note = tab.locator(".offline-note:not([hidden])");
  return (await note.count()) === 0 ? undefined : (await note.innerText()).trim();
}

/** Types `query` into the header's search box and waits for its results; the time it took, in ms. */
async function search(tab: Page, query: string): Promise<number> {
  const input = tab.locator("#site_search");
  await input.fill("");
  const started = Date.now();
  await input.pressSequentially(query);
  await tab.locator(`.site-search__results:not([hidden])[data-query="${query}"]`).waitFor({ timeout: 15_000 });
  return Date.now() - started;
}

const resultTitles = (tab: Page) => tab.locator(".site-search__results a .site-search__title").allInnerTexts();

describeInChromium("offline and search in Chromium", (chromiumPath) => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium(chromiumPath);
  });
  after(async () => {
    await browser?.close();
  });

  describe("the sample site", () => {
    let server: StaticServer;
    let served: string;
    let newBuild: string;
    let talkPath: string;
    before(async () => {
      // The server serves whatever `served` links to, so a new build can replace the old one at the same origin.
      const talks = await readFile(path.join(process.cwd(), "content", "talks", "autopilot.md"), "utf8");
      const [first, second] = await Promise.all([
        makeContent("sample").then((dir) => buildSite(dir)),
        makeContent("sample", { "talks/autopilot.md": talks.replace(/^title: .*$/m, 'title: "Autopilot, Second Edition"') }).then((dir) => buildSite(dir)),
      ]);
      newBuild = second;
      served = path.join(await tempDir(), "served");
      await symlink(first, served);
      server = await serveSite(served);
      talkPath = "/talks/autopilot/";
    });
    after(async () => {
      await server?.close();
    });

    test("after one online visit the schedule, a talk and a speaker open offline with the note; a new build is picked up on the next online visit", async () => {
      const context = await newSiteContext(browser, server.origin);
      const tab = await newTab(context);
      await tab.goto(server.origin + "/schedule/");
      await controlled(tab);
      assert.equal(await offlineNote(tab), undefined, "online, no note");

      await context.setOffline(true);
      for (const address of ["/schedule/", "/schedule/2016-06-10/", talkPath, "/speakers/tim-gross/", "/"]) {
        await tab.goto(server.origin + address);
        assert.match((await offlineNote(tab)) ?? "(no note)", NOTE, `${address} offline`);
        assert.ok((await tab.locator("h1").first().innerText()).length > 0, `${address}: its content`);
      }
      assert.match(await tab.locator("h1").first().innerText(), /ContainerDays/);
      await tab.goto(server.origin + talkPath);
      assert.equal(await tab.locator("h1").first().innerText(), "Autopilot: Running Real-world Applications in Containers");
      assert.deepEqual(await axeViolations(tab), [], "the offline note passes axe");

      // A new deploy: the next online visit gets the new page, and the new worker replaces the old cache.
      const oldCaches = await tab.evaluate(() => caches.keys());
      await rm(served);
      await symlink(newBuild, served);
      await context.setOffline(false);
      await tab.goto(server.origin + talkPath);
      assert.equal(await tab.locator("h1").first().innerText(), "Autopilot, Second Edition");
      assert.equal(await offlineNote(tab), undefined);
      await tab.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      // The new worker has installed (a new cache) and activated (the old one deleted).
      await tab.evaluate(async (old) => {
        while (!(await caches.keys().then((names) => names.length === 1 && !old.includes(names[0]!)))) await new Promise((resolve) => setTimeout(resolve, 100));
      }, oldCaches);

      await context.setOffline(true);
      await tab.reload();
      assert.equal(await tab.locator("h1").first().innerText(), "Autopilot, Second Edition", "offline, the new build's page");
      assert.match((await offlineNote(tab)) ?? "(no note)", NOTE);
      await context.close();
    });

    test("search: a speaker's name and a word of a talk's title show results as they are typed; the keyboard moves through them; Escape closes", async (t) => {
      await rm(served);
      await symlink(newBuild, served);
      const context = await newSiteContext(browser, server.origin, { viewport: PHONE });
      const tab = await newTab(context);
      const requests: string[] = [];
      tab.on("request", (request) => requests.push(request.url()));
      await tab.goto(server.origin + "/");
      const ms = await search(tab, "Tim Gross");
      t.diagnostic(`time to results (first query, loading Pagefind): ${ms} ms`);
      assert.ok((await resultTitles(tab)).includes("Tim Gross"), (await resultTitles(tab)).join(", "));
      assert.match(await tab.locator(".site-search [role=status]").innerText(), /^\d+ results?$/);

      const again = await search(tab, "Autopilot");
      t.diagnostic(`time to results (second query): ${again} ms`);
      const titles = await resultTitles(tab);
      assert.equal(titles[0], "Autopilot, Second Edition", titles.join(", "));
      // The live region counts every result; the list shows the first eight.
      const count = Number(/^(\d+) results?$/.exec(await tab.locator(".site-search [role=status]").innerText())?.[1]);
      assert.ok(count >= titles.length && titles.length === Math.min(count, 8), `${count} results, ${titles.length} shown`);
      assert.equal(await horizontalOverflow(tab), undefined, "no sideways scroll at 375 px with the results open");
      assert.deepEqual(await axeViolations(tab), [], "axe with the results open");

      const links = tab.locator(".site-search__results a");
      await tab.keyboard.press("ArrowDown");
      assert.equal(await tab.evaluate(() => document.activeElement?.getAttribute("href")), await links.first().getAttribute("href"));
      if ((await links.count()) > 1) {
        await tab.keyboard.press("ArrowDown");
        assert.equal(await tab.evaluate(() => document.activeElement?.getAttribute("href")), await links.nth(1).getAttribute("href"));
        await tab.keyboard.press("ArrowUp");
      }
      await tab.keyboard.press("ArrowUp");
      assert.equal(await tab.evaluate(() => document.activeElement?.id), "site_search", "↑ from the first result returns to the box");
      await tab.keyboard.press("Tab");
      assert.equal(await tab.evaluate(() => document.activeElement?.closest(".site-search__results") !== null), false, "Tab from the box goes to the button");
      await tab.keyboard.press("Tab");
      assert.equal(await tab.evaluate(() => document.activeElement?.getAttribute("href")), await links.first().getAttribute("href"), "and then to the first result");
      await tab.keyboard.press("Escape");
      assert.equal(await tab.locator(".site-search__results").isHidden(), true, "Escape closes the results");
      assert.equal(await tab.evaluate(() => document.activeElement?.id), "site_search", "and returns to the box");
      await tab.keyboard.press("ArrowDown");
      assert.equal(await tab.locator(".site-search__results").isVisible(), true, "↓ opens them again");
      await tab.keyboard.press("Escape");

      await search(tab, "Autopilot");
      await tab.keyboard.press("ArrowDown");
      await Promise.all([tab.waitForURL(`${server.origin}/talks/autopilot/`), tab.keyboard.press("Enter")]);

      const outside = requests.filter((url) => !url.startsWith(server.origin));
      assert.deepEqual(outside, [], "no request leaves the site");
      await context.close();
    });

    test("without JavaScript the search form opens the talk index with the query", async () => {
      const context = await newSiteContext(browser, server.origin, { javaScriptEnabled: false });
      const tab = await newTab(context);
      await tab.goto(server.origin + "/speakers/");
      await tab.locator("#site_search").fill("kubernetes");
      await Promise.all([tab.waitForURL(`${server.origin}/talks/?q=kubernetes`), tab.keyboard.press("Enter")]);
      assert.equal(await tab.locator("h1").innerText(), "Talks");
      await context.close();
    });

    test("the page script loads the search only when the box is used", async () => {
      const context = await newSiteContext(browser, server.origin);
      const tab = await newTab(context);
      const scripts: string[] = [];
      tab.on("request", (request) => {
        if (request.resourceType() === "script" || request.url().includes("/pagefind/")) scripts.push(new URL(request.url()).pathname);
      });
      await tab.goto(server.origin + "/talks/", { waitUntil: "load" });
      await tab.waitForTimeout(300);
      // site.js and what it imports for this page (its chunks, the viewer's times); nothing of the search.
      assert.ok(scripts.includes("/assets/site.js"), scripts.join(", "));
      assert.deepEqual(scripts.filter((file) => /search|pagefind/.test(file)), [], scripts.join(", "));
      await tab.locator("#site_search").focus();
      await tab.waitForFunction(() => document.querySelector("form[data-search]")?.getAttribute("data-enhanced") === "true");
      assert.ok(scripts.some((file) => /^\/assets\/search-[A-Z0-9]+\.js$/.test(file)), scripts.join(", "));
      await context.close();
    });
  });

  describe("the small fixture, hosted under /conf/", () => {
    let server: StaticServer;
    let pages: string[];
    before(async () => {
      const site = await buildSite(await makeContent("small"));
      pages = await listPages(site);
      server = await serveSite(site, "/conf/");
    });
    after(async () => {
      await server?.close();
    });

    test("the service worker's scope is /conf/, pages open offline, and search links stay under /conf/", async () => {
      const context = await newSiteContext(browser, server.origin);
      const tab = await newTab(context);
      await tab.goto(server.origin + "/conf/");
      await controlled(tab);
      assert.equal(await tab.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope), `${server.origin}/conf/`);

      await search(tab, "Jana");
      const hrefs = await tab.locator(".site-search__results a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      assert.ok(hrefs.includes("/conf/speakers/jana-novak/"), hrefs.join(", "));
      assert.ok(hrefs.every((href) => href?.startsWith("/conf/")), hrefs.join(", "));

      await context.setOffline(true);
      for (const address of ["/conf/schedule/", "/conf/talks/opening/", "/conf/speakers/jana-novak/"]) {
        await tab.goto(server.origin + address);
        assert.match((await offlineNote(tab)) ?? "(no note)", /^Offline — programme as of \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d CES?T( · .+ your time)?$/, address);
      }
      await context.close();
    });

    test("every page, with the search box in its header: axe, no console error or failed request, no sideways scroll at 375 px, readable without JavaScript", async () => {
      assert.equal(formatProblems(await checkPagesInBrowser(browser, server.origin, pages, "/conf/")), "");
    });
  });
});

