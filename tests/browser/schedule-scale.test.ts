import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { buildSite, makeContent, ROOT } from "../helpers.ts";
import { checkPagesInBrowser, DESKTOP, newSiteContext, PHONE } from "./browser-check.ts";
import { describeInChromium, launchChromium, newTab } from "./chromium.ts";
import { formatProblems } from "./site-check.ts";
import { serveSite, type StaticServer } from "./static-server.ts";

/** Ten more rooms beside the sample's two, with the long names real venues have. */
const EXTRA_ROOMS = [
  "Compliance Auditorium",
  "WORKSHOP Laboratory",
  "Kubernetesraum",
  "Observability Theatre",
  "Internationalisation Hall",
  "Room 7",
  "Containerization Studio",
  "Interoperability Suite",
  "Documentation Corner",
  "Microservices Pavilion",
].map((name, i) => ({ id: `r${i + 3}`, name }));

const LONG_TITLES = [
  "Compliance Automation for Containerized Infrastructure",
  "WORKSHOP: Troubleshooting Kubernetes Networking",
  "Internationalisation and Accessibility Considerations",
  "Observability Instrumentation Fundamentals",
  "Decentralised Authentication Microservices",
  "Reproducible Infrastructure Provisioning",
  "Containerization Anti-patterns in Production",
  "Interoperability Specifications Demystified",
  "Documentation-driven Development",
  "Microservices Choreography versus Orchestration",
];

/** The sample with twelve rooms, and a talk in each new room on Saturday, two of them workshops. */
async function twelveRoomContent(): Promise<string> {
  const event = await readFile(path.join(ROOT, "content", "event.yaml"), "utf8");
  const rooms = EXTRA_ROOMS.map((room) => `  - id: ${room.id}\n    name: ${room.name}\n`).join("");
  const changes: Record<string, string> = { "event.yaml": event.replace("sponsor_tiers:", `${rooms}sponsor_tiers:`) };
  EXTRA_ROOMS.forEach((room, i) => {
    changes[`speakers/speaker-${room.id}.md`] = `---\nname: Speaker ${room.id.toUpperCase()}\ncompany: Example Corporation\nrole: Engineer\n---\nSpeaks about ${LONG_TITLES[i]}.\n`;
    const tags = i % 2 === 0 ? "[compliance, observability]" : "[networking]";
    changes[`talks/scale-${room.id}.md`] =
      `---\ntitle: "${LONG_TITLES[i]}"\nspeakers: [speaker-${room.id}]\nstart: 2016-06-11 09:00\nduration: 45\nroom: ${room.id}\ntags: ${tags}\n` +
      `${i === 2 ? "kind: keynote\n" : ""}---\nAbout it.\n`;
  });
  for (const [i, room] of EXTRA_ROOMS.slice(0, 2).entries()) {
    changes[`workshops/scale-workshop-${room.id}.md`] =
      `---\ntitle: "Hands-on ${LONG_TITLES[i]}"\nleaders: [speaker-${room.id}]\nstart: 2016-06-11 10:00\nduration: 90\nroom: ${room.id}\nlevel: ${i === 0 ? "beginner" : "advanced"}\ntags: [compliance]\n---\nBring a laptop.\n`;
  }
  return makeContent("sample", changes);
}

const DAY = "/schedule/2016-06-11/";

/**
 * Words in the grid that the layout breaks across lines, and cells whose content is wider than
 * they are. Written as source text: tsx would wrap named functions in a helper the page lacks.
 */
async function brokenWords(tab: Page): Promise<{ broken: string[]; overflowing: string[] }> {
  return tab.evaluate(`(() => {
    const grid = document.querySelector(".schedule-grid");
    function clipped(element) {
      for (let at = element; at && at !== grid.parentElement; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (at.tagName === "CAPTION" || style.clipPath !== "none" || style.display === "none" || style.visibility === "hidden") return true;
      }
      return false;
    }
    const broken = [];
    const walker = document.createTreeWalker(grid, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (clipped(node.parentElement)) continue;
      // A line may break at a space or after a hyphen or dash; anywhere else breaks a word.
      for (const match of (node.textContent || "").matchAll(/[^\\s\\-–—·/]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(match[0] + " (in " + (node.parentElement.className || node.parentElement.tagName.toLowerCase()) + ")");
      }
    }
    const overflowing = Array.from(grid.querySelectorAll("th, td"))
      .filter((cell) => !clipped(cell) && cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => (cell.id || cell.textContent.trim().slice(0, 30)) + ": " + cell.scrollWidth + " px in " + cell.clientWidth + " px");
    return { broken, overflowing };
  })()`);
}

describeInChromium("the schedule at scale: day pages, twelve rooms, filters", (chromiumPath) => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    server = await serveSite(await buildSite(await twelveRoomContent()));
    browser = await launchChromium(chromiumPath);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    test(`a twelve-room day at ${viewport.width} px: no word broken inside, no cell overflowing, the page never scrolls sideways`, async () => {
      const context = await newSiteContext(browser, server.origin, { viewport });
      const tab = await newTab(context);
      await tab.goto(server.origin + DAY);
      assert.equal(await tab.locator(".schedule-grid thead th").count(), 13, "a time column and twelve rooms");
      const { broken, overflowing } = await brokenWords(tab);
      assert.deepEqual(broken, [], "words broken across lines");
      assert.deepEqual(overflowing, [], "cells narrower than their content");
      const widths = await tab.evaluate(() => ({ page: document.documentElement.scrollWidth, window: innerWidth }));
      assert.ok(widths.page <= widths.window, `the page is ${widths.page} px wide in a ${widths.window} px window`);
      await context.close();
    });
  }

  test("at 1280 px the grid scrolls sideways in its own labelled, focusable box, keeping the times and the room names in view", async () => {
    const context = await newSiteContext(browser, server.origin, { viewport: DESKTOP });
    const tab = await newTab(context);
    await tab.goto(server.origin + DAY);
    const box = tab.locator(".schedule-scroll");
    assert.equal(await box.evaluate((element) => element.tagName), "SECTION", "a region, named by the day's heading");
    assert.equal(await box.getAttribute("tabindex"), "0");
    assert.equal(await box.evaluate((element) => document.getElementById(element.getAttribute("aria-labelledby")!)?.textContent), "Saturday 11 June 2016 · times in EDT");
    const before = await box.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    assert.ok(before.scrollWidth > before.clientWidth + 500, `twelve rooms are wider than the page: ${JSON.stringify(before)}`);

    await box.focus();
    await tab.keyboard.press("End");
    await tab.keyboard.press("ArrowRight");
    await tab.keyboard.press("ArrowRight");
    // Chromium scrolls for a key smoothly, over a few frames: wait for the box to move.
    const scrolled = await tab
      .waitForFunction((element) => element.scrollLeft > 0, await box.elementHandle(), { timeout: 5000 })
      .then(() => true, () => false);
    assert.ok(scrolled, "the arrow keys scroll the focused box");
    await box.evaluate((element) => element.scrollTo(element.scrollWidth, 400));
    const kept = await box.evaluate((element) => {
      const frame = element.getBoundingClientRect();
      const time = Array.from(element.querySelectorAll(".schedule-grid__time")).find((cell) => cell.getBoundingClientRect().bottom > frame.top + 80)!;
      const room = element.querySelector("thead th:last-child")!.getBoundingClientRect();
      return { timeLeft: time.getBoundingClientRect().left - frame.left, roomTop: room.top - frame.top, roomVisible: room.left >= frame.left && room.right <= frame.right };
    });
    assert.ok(kept.timeLeft >= 0 && kept.timeLeft < 20, `the time column stays at the box's start: ${JSON.stringify(kept)}`);
    assert.ok(kept.roomTop >= 0 && kept.roomTop < 20 && kept.roomVisible, `the room names stay at the box's top: ${JSON.stringify(kept)}`);
    await context.close();
  });

  test("the overview, both day pages and a filtered view pass the browser gate (axe, 375 px, no errors, readable without JavaScript)", async () => {
    const pages = ["/schedule/", "/schedule/2016-06-10/", DAY, `${DAY}?tag=compliance&kind=workshop`];
    const problems = await checkPagesInBrowser(browser, server.origin, pages);
    assert.equal(formatProblems(problems), "");
  });

  /** The titles of the sessions the grid shows (filtered-out cells are empty). */
  const shownTitles = (tab: Page) =>
    tab.locator(".schedule-grid td[data-facets]:not(.is-filtered-out) .entry__title").evaluateAll((titles) => titles.map((title) => title.textContent!));

  test("filters by room, topic, kind and level: chosen on the page, kept in the address, on reload and in a new tab; clearing shows all", async () => {
    const context = await newSiteContext(browser, server.origin, { viewport: DESKTOP });
    const tab = await newTab(context);
    // The filters come in the schedule's script, imported on demand.
    await tab.goto(server.origin + DAY, { waitUntil: "networkidle" });
    const form = tab.locator("[data-filters]");
    assert.ok(await form.isVisible(), "the script shows the filters");
    const total = (await shownTitles(tab)).length;
    assert.equal(await tab.locator(".schedule-filters__status").textContent(), "");

    await tab.getByLabel("Kind").selectOption("workshop");
    await tab.getByLabel("Topic").selectOption({ label: "compliance" });
    assert.equal(await tab.evaluate(() => location.search), "?tag=compliance&kind=workshop");
    const workshops = ["Hands-on Compliance Automation for Containerized Infrastructure", "Hands-on WORKSHOP: Troubleshooting Kubernetes Networking"];
    assert.deepEqual((await shownTitles(tab)).sort(), workshops);
    assert.equal(await tab.locator(".schedule-filters__status").textContent(), `Sessions shown: 2 of ${total}`);
    assert.equal(await tab.locator(".schedule-filters__status").getAttribute("role"), "status");
    assert.equal(await tab.locator("#scale-r3").evaluate((cell) => getComputedStyle(cell.querySelector(".entry")!).visibility), "hidden", "a talk that does not match is hidden, its cell kept");
    assert.equal(await tab.locator(".schedule-grid thead th").count(), 13, "the grid keeps its columns");

    await tab.getByLabel("Level").selectOption("advanced");
    assert.equal(await tab.evaluate(() => location.search), "?tag=compliance&kind=workshop&level=advanced");
    assert.deepEqual(await shownTitles(tab), [workshops[1]]);

    await tab.reload({ waitUntil: "networkidle" });
    assert.equal(await tab.getByLabel("Level").inputValue(), "advanced", "reload keeps the filter");
    assert.deepEqual(await shownTitles(tab), [workshops[1]]);

    await tab.locator(".schedule-grid td:not(.is-filtered-out) .entry__title a").first().click();
    await tab.waitForURL(/\/workshops\//);
    await tab.goBack({ waitUntil: "networkidle" });
    assert.deepEqual(await shownTitles(tab), [workshops[1]], "back to the schedule keeps the filter");

    const other = await newTab(context);
    await other.goto(`${server.origin}${DAY}?room=r5`, { waitUntil: "networkidle" });
    assert.equal(await other.getByLabel("Room").inputValue(), "r5");
    assert.deepEqual(await shownTitles(other), [LONG_TITLES[2]], "a shared address applies its filter");
    const hall = await other.locator("td[data-facets] .entry__title").evaluateAll((titles) => titles.length);
    assert.ok(hall > 1);

    await tab.getByRole("button", { name: "Show all" }).click();
    assert.equal(await tab.evaluate(() => location.href), `${server.origin}${DAY}`);
    assert.equal((await shownTitles(tab)).length, total, "clearing shows every session again");
    assert.equal(await tab.locator(".schedule-filters__status").textContent(), "");
    await context.close();
  });

  test("at 375 px a filter leaves out what does not match, times without sessions too", async () => {
    const context = await newSiteContext(browser, server.origin, { viewport: PHONE });
    const tab = await newTab(context);
    await tab.goto(`${server.origin}${DAY}?room=r4`, { waitUntil: "networkidle" });
    const visible = await tab.locator(".schedule-grid td[data-facets]").evaluateAll((cells) => cells.filter((cell) => (cell as HTMLElement).offsetParent !== null).map((cell) => cell.id));
    assert.deepEqual(visible, ["scale-r4", "scale-workshop-r4"]);
    const times = await tab.locator(".schedule-grid tbody tr").evaluateAll((rows) =>
      rows.filter((row) => (row as HTMLElement).offsetParent !== null && row.querySelector("td[data-facets]")).map((row) => row.querySelector("time")!.firstChild!.textContent),
    );
    assert.deepEqual(times, ["09:00", "10:00"]);
    await context.close();
  });

  test("without JavaScript the filters stay hidden and every session shows", async () => {
    const context = await newSiteContext(browser, server.origin, { viewport: DESKTOP, javaScriptEnabled: false });
    const tab = await newTab(context);
    await tab.goto(`${server.origin}${DAY}?room=r4`, { waitUntil: "networkidle" });
    assert.equal(await tab.locator("[data-filters]").isVisible(), false);
    const cells = tab.locator(".schedule-grid td[data-facets]");
    assert.equal(await cells.count(), await cells.evaluateAll((all) => all.filter((cell) => getComputedStyle(cell.querySelector(".entry")!).visibility === "visible").length));
    await context.close();
  });

  for (const [now, first] of [
    ["2016-06-01T12:00:00Z", "Friday 10 June 2016 12 sessions"],
    ["2016-06-11T14:05:00Z", "Today · Saturday 11 June 2016 20 sessions"],
    ["2016-06-12T07:59:00Z", "Today · Saturday 11 June 2016 20 sessions"],
    ["2016-06-12T08:00:00Z", "Friday 10 June 2016 12 sessions"],
  ] as const) {
    test(`the day lists by the viewer's clock at ${now}: first "${first}"`, async () => {
      const context = await newSiteContext(browser, server.origin, { viewport: PHONE });
      await context.clock.setFixedTime(new Date(now));
      const tab = await newTab(context);
      // Today's day is moved first by the schedule's script, imported on demand.
      await tab.goto(`${server.origin}/schedule/`, { waitUntil: "networkidle" });
      const days = await tab.locator("nav[data-days] li").evaluateAll((items) => items.map((item) => item.textContent!.replace(/\s+/g, " ").trim()));
      assert.equal(days[0], first);
      assert.equal(days.length, 2);
      await tab.goto(`${server.origin}/schedule/2016-06-10/`, { waitUntil: "networkidle" });
      const switcher = await tab.locator("nav[data-days] a").evaluateAll((links) => links.map((link) => `${link.textContent}${link.getAttribute("aria-current") ? " (current)" : ""}`));
      assert.deepEqual(switcher, first.startsWith("Today") ? ["Today · Saturday 11 June", "Friday 10 June (current)"] : ["Friday 10 June (current)", "Saturday 11 June"]);
      await context.close();
    });
  }
});
