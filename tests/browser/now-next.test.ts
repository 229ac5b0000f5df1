import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildSite, makeContent, ROOT } from "../helpers.ts";
import { checkPagesInBrowser, newSiteContext, PHONE } from "./browser-check.ts";
import { describeInChromium, launchChromium, newTab } from "./chromium.ts";
import { serveSite, type StaticServer } from "./static-server.ts";

const STREAM = "https://stream.example.org/hall";
const RECORDING = "https://www.youtube.com/channel/UCajF7fDWt6cGPQKq5vWg_fg";
const SAMPLE_EVENT = await readFile(path.join(ROOT, "content", "event.yaml"), "utf8");

/** 10 June 2016, 10:05 in Boston: "Docker For the Developer" (10:00–10:30, Main Hall) is on. */
const DURING = new Date("2016-06-10T10:05:00-04:00");
const BEFORE = new Date("2016-06-01T12:00:00-04:00");
const AFTER = new Date("2016-06-12T12:00:00-04:00");

describeInChromium("now and next, the viewer's time zone, live and after", (chromiumPath) => {
  let browser: Browser;
  let server: StaticServer;
  const contexts: BrowserContext[] = [];

  before(async () => {
    const content = await makeContent("sample", { "event.yaml": SAMPLE_EVENT.replace("    name: Main Hall\n", `    name: Main Hall\n    stream: ${STREAM}\n`) });
    // Built weeks before the event: everything time-dependent must come from the viewer's clock.
    const site = await buildSite(content, { LECTERN_NOW: "2016-05-01T12:00:00-04:00" });
    server = await serveSite(site);
    browser = await launchChromium(chromiumPath);
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function open(page: string, now: Date, timezoneId = "Europe/Berlin", options: { javaScriptEnabled?: boolean; context?: BrowserContext } = {}): Promise<Page> {
    let context = options.context;
    if (!context) {
      context = await newSiteContext(browser, server.origin, { now, timezoneId, javaScriptEnabled: options.javaScriptEnabled ?? true });
      contexts.push(context);
    }
    const tab = await newTab(context);
    await tab.goto(`${server.origin}${page}`);
    // The schedule's marks and the viewer's times come in scripts imported on demand.
    await tab.waitForLoadState("networkidle");
    return tab;
  }

  /** The titles of the schedule's entries marked `state`, with the badge each shows, in page order (once each). */
  async function marked(tab: Page, state: "now" | "next"): Promise<string[]> {
    const lines = await tab.locator(`.entry.is-${state}`).evaluateAll((entries) =>
      entries.map((entry) => `${entry.querySelector(".now-badge")?.textContent ?? "(no badge)"}: ${entry.querySelector(".entry__title")?.textContent ?? ""} [${entry.getAttribute("data-room") ?? "every room"}]`),
    );
    return [...new Set(lines)];
  }

  /** The visible live and recording links of a session's page, as "text → address" lines. */
  async function liveLinks(tab: Page): Promise<string[]> {
    return tab.locator(".session-live p").evaluateAll((items) =>
      items.filter((item) => (item as HTMLElement).offsetParent !== null).map((item) => {
        const link = item.querySelector("a");
        return link ? `${link.textContent} → ${link.getAttribute("href")}` : (item.textContent ?? "");
      }),
    );
  }

  test("during the event, in Berlin: on now and next in each room, and Jump to now", async () => {
    const tab = await open("/schedule/2016-06-10/", DURING);
    assert.deepEqual(await marked(tab, "now"), ["On now: Docker For the Developer [hall]"]);
    assert.deepEqual(await marked(tab, "next"), [
      "Next: Hiding in Plain Sight: Managing Secrets in a Container Environment [hall]",
      // The coffee break is for every room: the next thing in the Workshop Lab.
      "Next: Coffee break [every room]",
    ]);
    const jump = tab.getByRole("button", { name: "Jump to now" });
    await jump.click();
    assert.equal(await tab.evaluate(() => document.activeElement?.textContent), "Docker For the Developer");
    assert.ok(await tab.locator(".entry.is-now").isVisible());
    assert.ok(await tab.locator(".entry.is-now").evaluate((entry) => {
      const box = entry.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }), "the entry on now is scrolled into view");
  });

  test("during the event, in Berlin: both times, the viewer's on its own line in the grid", async () => {
    const tab = await open("/schedule/2016-06-10/", DURING);
    const row = tab.locator(".schedule-grid__time").filter({ has: tab.locator('time[datetime="2016-06-10T10:00:00-04:00"]') }).first();
    assert.equal(await row.innerText(), "10:00\n16:00 your time");
    const entry = tab.locator(".entry.is-now .entry__when");
    assert.equal(await entry.innerText(), "10:00–10:30 EDT\n16:00–16:30 your time");

    const talk = await open("/talks/docker-for-the-developer/", DURING);
    assert.equal(await talk.locator(".page-head__meta .when").innerText(), "Friday 10 June 2016, 10:00–10:30 EDT · 16:00–16:30 your time · Main Hall");
  });

  test("a viewer whose day differs sees the date with their time", async () => {
    const tab = await open("/workshops/multi-machine-docker/", DURING, "Asia/Tokyo");
    assert.equal(await tab.locator(".page-head__meta .when").innerText(), "Friday 10 June 2016, 13:15–15:15 EDT · Sat 11 June, 02:15–04:15 your time · Workshop Lab");
  });

  test("a talk's page says where it stands, and links the stream while it is on and the recording after", async () => {
    const status = async (slug: string) => {
      const tab = await open(`/talks/${slug}/`, DURING);
      return { status: await tab.locator(".now-status").innerText(), links: await liveLinks(tab) };
    };
    assert.deepEqual(await status("docker-for-the-developer"), { status: "On now", links: [`Watch live → ${STREAM}`] });
    assert.deepEqual(await status("hiding-in-plain-sight"), { status: "Starts in 25 min", links: [] });
    assert.deepEqual(await status("introducing-service-fabric"), { status: "Starts in 4 h 10 min", links: [] });
    assert.deepEqual(await status("from-hello-world-to-real-world"), { status: "Ended", links: [`Watch the recording → ${RECORDING}`] });
    assert.deepEqual(await status("stateful-applications-in-containers"), { status: "Starts tomorrow", links: [] });
  });

  test("the choice of event time only is remembered, on every page", async () => {
    const tab = await open("/schedule/2016-06-10/", DURING);
    const choice = tab.getByLabel("Times", { exact: true });
    assert.equal(await choice.inputValue(), "both");
    assert.deepEqual(await choice.locator("option").allTextContents(), ["Event time and mine (Europe/Berlin)", "Event time only"]);
    await choice.selectOption("event");
    assert.equal(await tab.locator(".dual-time:visible").count(), 0);
    assert.equal(await tab.evaluate((key) => localStorage.getItem(key), `lectern:${server.origin}/:zone`), "event");

    const again = await open("/talks/docker-for-the-developer/", DURING, "Europe/Berlin", { context: tab.context() });
    assert.equal(await again.getByLabel("Times", { exact: true }).inputValue(), "event");
    assert.equal(await again.locator(".page-head__meta .when").innerText(), "Friday 10 June 2016, 10:00–10:30 EDT · Main Hall");
    await again.getByLabel("Times", { exact: true }).selectOption("both");
    await again.reload({ waitUntil: "networkidle" });
    assert.equal(await again.locator(".page-head__meta .when").innerText(), "Friday 10 June 2016, 10:00–10:30 EDT · 16:00–16:30 your time · Main Hall");
  });

  test("content inserted later gets the viewer's times too (lectern:content)", async () => {
    // A page without times: the script for the viewer's times is loaded by the insertion.
    const tab = await open("/code-of-conduct/", DURING);
    assert.equal(await tab.locator("time[datetime]").count(), 0);
    const insert = (id: string, day: string) =>
      tab.evaluate(([id, day]) => {
        const item = document.createElement("p");
        item.id = id;
        item.innerHTML = `<span class="time-range"><time datetime="${day}T09:00:00-04:00">09:00</time>–<time datetime="${day}T09:30:00-04:00">09:30</time></span>`;
        document.querySelector("main")!.append(item);
        document.dispatchEvent(new CustomEvent("lectern:content", { detail: item }));
      }, [id, day] as const);
    await insert("_first", "2016-06-11");
    await tab.locator("#_first .dual-time").waitFor();
    assert.equal(await tab.locator("#_first").innerText(), "09:00–09:30 · 15:00–15:30 your time");
    // Once loaded, it handles the next insertion as it happens.
    await insert("_second", "2016-06-10");
    assert.equal(await tab.locator("#_second").innerText(), "09:00–09:30 · 15:00–15:30 your time");
  });

  test("in the event's own zone there is no second time and no choice", async () => {
    for (const page of ["/schedule/2016-06-10/", "/talks/docker-for-the-developer/"]) {
      const tab = await open(page, DURING, "America/New_York");
      assert.equal(await tab.locator(".dual-time").count(), 0, page);
      assert.equal(await tab.locator(".zone-choice").count(), 0, page);
    }
    const talk = await open("/talks/docker-for-the-developer/", DURING, "America/New_York");
    assert.equal(await talk.locator(".now-status").innerText(), "On now");
  });

  test("before the event: nothing marked, no jump, the talk starts in days, no live link", async () => {
    const tab = await open("/schedule/2016-06-10/", BEFORE);
    assert.equal(await tab.locator(".now-badge").count(), 0);
    assert.equal(await tab.getByRole("button", { name: "Jump to now" }).count(), 0);
    const talk = await open("/talks/docker-for-the-developer/", BEFORE);
    assert.equal(await talk.locator(".now-status").innerText(), "Starts in 9 days");
    assert.deepEqual(await liveLinks(talk), []);
  });

  test("after the event: nothing marked, talks ended, recordings linked", async () => {
    const tab = await open("/schedule/2016-06-10/", AFTER);
    assert.equal(await tab.locator(".now-badge").count(), 0);
    assert.equal(await tab.getByRole("button", { name: "Jump to now" }).count(), 0);
    const talk = await open("/talks/docker-for-the-developer/", AFTER);
    assert.equal(await talk.locator(".now-status").innerText(), "Ended");
    assert.deepEqual(await liveLinks(talk), [`Watch the recording → ${RECORDING}`]);
  });

  test("without JavaScript: the event's time alone, no status, and the build's (empty) live block", async () => {
    const talk = await open("/talks/docker-for-the-developer/", DURING, "Europe/Berlin", { javaScriptEnabled: false });
    assert.equal(await talk.locator(".page-head__meta .when").innerText(), "Friday 10 June 2016, 10:00–10:30 EDT · Main Hall");
    assert.equal(await talk.locator(".now-status").count(), 0);
    assert.deepEqual(await liveLinks(talk), []);
    const schedule = await open("/schedule/2016-06-10/", DURING, "Europe/Berlin", { javaScriptEnabled: false });
    assert.equal(await schedule.locator(".now-badge, .dual-time, .zone-choice").count(), 0);
  });

  test("the browser gate passes during the event in Berlin (axe, 375 px, no errors, without JavaScript)", async () => {
    const problems = await checkPagesInBrowser(browser, server.origin, ["/schedule/2016-06-10/", "/talks/docker-for-the-developer/", "/workshops/multi-machine-docker/", "/"], "/", {
      timezoneId: "Europe/Berlin",
      now: DURING,
    });
    assert.deepEqual(problems, []);
  });

  test("at phone width the schedule keeps the badges and both times without scrolling sideways", async () => {
    const context = await newSiteContext(browser, server.origin, { viewport: PHONE, now: DURING, timezoneId: "Europe/Berlin" });
    contexts.push(context);
    const tab = await open("/schedule/2016-06-10/", DURING, "Europe/Berlin", { context });
    assert.deepEqual(await marked(tab, "now"), ["On now: Docker For the Developer [hall]"]);
    assert.equal(await tab.locator(".entry.is-now .dual-time").innerText(), "16:00–16:30 your time");
    assert.ok(await tab.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
  });
});
