import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import ICAL from "ical.js";
import jsQRModule from "jsqr";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { BrowserProgramme, BrowserSession } from "../../src/export/browser-programme.ts";
import { buildSite, makeContent, readPage, ROOT, tempDir } from "../helpers.ts";
import { checkPagesInBrowser, DESKTOP, newSiteContext, type PageState } from "./browser-check.ts";
import { describeInChromium, launchChromium, newTab } from "./chromium.ts";
import { focusStop } from "./keyboard.ts";
import { formatProblems } from "./site-check.ts";
import { serveSite, type StaticServer } from "./static-server.ts";

describeInChromium("my schedule: stars, the list of picks, its calendar file, the share link and QR code", (chromiumPath) => {
  let browser: Browser;
  let server: StaticServer;
  let site: string;
  let programme: BrowserProgramme;
  const contexts: BrowserContext[] = [];

  /** The three picks: two at once on Friday (a talk in the hall, a workshop in the lab), one on Saturday. */
  const PICKS = ["/talks/understanding-cluster-schedulers/", "/workshops/multi-machine-docker/", "/talks/autopilot/"];
  const session = (url: string): BrowserSession => programme.sessions.find((s) => s.url === url)!;
  const storageKey = () => `lectern:${server.origin}/:picks`;

  before(async () => {
    site = await buildSite(await makeContent("sample"));
    programme = JSON.parse(await readPage(site, "/schedule/sessions.json")) as BrowserProgramme;
    server = await serveSite(site);
    browser = await launchChromium(chromiumPath);
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function newContext(): Promise<BrowserContext> {
    const context = await newSiteContext(browser, server.origin, { viewport: DESKTOP });
    contexts.push(context);
    return context;
  }

  async function open(context: BrowserContext, address: string): Promise<Page> {
    const tab = await newTab(context);
    await tab.goto(server.origin + address);
    return tab;
  }

  /** Picks the sessions by pressing their stars on their own pages, with the keyboard. */
  async function starWithKeyboard(context: BrowserContext, urls: readonly string[]): Promise<void> {
    for (const url of urls) {
      const tab = await open(context, url);
      const star = tab.getByRole("button", { name: `Add ‘${session(url).title}’ to my schedule` });
      await star.focus();
      await tab.keyboard.press("Space");
      assert.equal(await star.getAttribute("aria-pressed"), "true", url);
      await tab.close();
    }
  }

  const storedPicks = (tab: Page) => tab.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "[]") as number[], storageKey());

  /** Waits until the My schedule script has filled in the page. */
  const listed = (tab: Page) => tab.waitForFunction(() => document.querySelector("[data-mine-needs-script]")?.hasAttribute("hidden") && document.querySelector("[data-mine-list] article, [data-mine-empty]:not([hidden]), [data-mine-shared]:not([hidden]) h2:not(:empty)"));

  test("Tab reaches the star, Space and Enter flip aria-pressed, and the pick survives a reload", async () => {
    const context = await newContext();
    const tab = await open(context, "/talks/autopilot/");
    const name = "Add ‘Autopilot: Running Real-world Applications in Containers’ to my schedule";
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await tab.keyboard.press("Tab");
      reached = await tab.evaluate(() => document.activeElement?.matches("button.star") ?? false);
    }
    assert.ok(reached, "Tab reaches the star");
    const stop = await focusStop(tab);
    assert.ok(stop.hasFocusIndicator, "the focused star shows a focus outline");
    const star = tab.getByRole("button", { name, pressed: false });
    assert.equal(await star.count(), 1);
    assert.equal(await tab.evaluate(() => (document.activeElement as HTMLButtonElement).type), "button");
    await tab.keyboard.press("Space");
    assert.equal(await tab.getByRole("button", { name, pressed: true }).count(), 1);
    await tab.keyboard.press("Enter");
    assert.equal(await tab.getByRole("button", { name, pressed: false }).count(), 1);
    await tab.keyboard.press("Enter");
    assert.deepEqual(await storedPicks(tab), [session("/talks/autopilot/").id]);
    await tab.reload();
    assert.equal(await tab.getByRole("button", { name, pressed: true }).count(), 1);
    await context.close();
  });

  test("every star of a session follows it: on the same page, and in another tab", async () => {
    const context = await newContext();
    const talk = session("/talks/autopilot/");
    const speaker = await open(context, "/speakers/tim-gross/");
    const schedule = await open(context, "/schedule/2016-06-11/");
    const onSchedule = schedule.locator(`[data-session="${talk.id}"] > button.star`);
    assert.equal(await onSchedule.getAttribute("aria-pressed"), "false");
    await onSchedule.click();
    assert.equal(await onSchedule.getAttribute("aria-pressed"), "true");
    const onSpeaker = speaker.locator(`[data-session="${talk.id}"] button.star`);
    await speaker.waitForFunction((id) => document.querySelector(`[data-session="${id}"] button.star`)?.getAttribute("aria-pressed") === "true", talk.id);
    await onSpeaker.click();
    await schedule.waitForFunction((id) => document.querySelector(`[data-session="${id}"] button.star`)?.getAttribute("aria-pressed") === "false", talk.id);
    await context.close();
  });

  test("My schedule lists the picks by day in time order, marks the clash in words, and a star removes one", async () => {
    const context = await newContext();
    await starWithKeyboard(context, PICKS);
    const tab = await open(context, "/schedule/mine/");
    await listed(tab);
    const days = await tab.locator("[data-mine-list] section").evaluateAll((sections) =>
      sections.map((section) => ({
        day: section.querySelector("h2")!.textContent,
        picks: Array.from(section.querySelectorAll("article"), (article) => ({
          title: article.querySelector("h3")!.textContent,
          time: article.querySelector("time")!.getAttribute("datetime"),
          clash: article.querySelector(".my-pick__clash")?.textContent ?? null,
        })),
      })),
    );
    const [talk, workshop, autopilot] = PICKS.map(session);
    assert.deepEqual(days, [
      {
        day: "Friday 10 June 2016",
        picks: [
          { title: talk!.title, time: "2016-06-10T13:15:00-04:00", clash: `⚠ Clash: at the same time as ${workshop!.title}` },
          { title: workshop!.title, time: "2016-06-10T13:15:00-04:00", clash: `⚠ Clash: at the same time as ${talk!.title}` },
        ],
      },
      { day: "Saturday 11 June 2016", picks: [{ title: autopilot!.title, time: "2016-06-11T10:30:00-04:00", clash: null }] },
    ]);
    assert.equal(await tab.locator("[data-mine-empty]").isHidden(), true);
    const remove = tab.getByRole("button", { name: `Add ‘${talk!.title}’ to my schedule`, pressed: true });
    await remove.focus();
    await tab.keyboard.press("Enter");
    await tab.waitForFunction(() => document.querySelectorAll("[data-mine-list] article").length === 2);
    assert.equal(await tab.locator(".my-pick__clash").count(), 0, "no clash is left");
    assert.equal(await tab.evaluate(() => document.activeElement?.matches("[data-mine-list] button.star")), true, "focus stays on a star in the list");
    await context.close();
  });

  test("the empty page explains itself; without JavaScript it says the list needs it", async () => {
    const context = await newContext();
    const tab = await open(context, "/schedule/mine/");
    await listed(tab);
    assert.match(await tab.locator("[data-mine-empty]").innerText(), /^You have not starred any session yet\./);
    assert.equal(await tab.locator("[data-mine-needs-script]").isHidden(), true);
    assert.equal(await tab.locator("[data-mine-tools]").isHidden(), true);
    const off = await newSiteContext(browser, server.origin, { viewport: DESKTOP, javaScriptEnabled: false });
    contexts.push(off);
    const plain = await open(off, "/schedule/mine/");
    assert.match(await plain.locator("main").innerText(), /Your picks stay in this browser[\s\S]*needs JavaScript/);
    assert.equal(await plain.locator("main button:visible").count(), 0, "no button that does nothing");
    const talk = await open(off, "/talks/autopilot/");
    assert.equal(await talk.locator("button.star:visible").count(), 0, "no star without JavaScript");
    await context.close();
  });

  test("the calendar file of the picks holds exactly them, with the UIDs, times and text of the site's own .ics files", async (t) => {
    const context = await newContext();
    await starWithKeyboard(context, PICKS);
    const tab = await open(context, "/schedule/mine/");
    await listed(tab);
    const [download] = await Promise.all([tab.waitForEvent("download"), tab.getByRole("button", { name: "Download my picks (.ics)" }).click()]);
    assert.equal(download.suggestedFilename(), "my-schedule.ics");
    const file = path.join(await tempDir(), "my-schedule.ics");
    await download.saveAs(file);
    const text = await readFile(file, "utf8");
    assert.ok(text.endsWith("END:VCALENDAR\r\n") && !/[^\r]\n/.test(text), "CRLF line ends");
    const ours = veventsOf(text);
    const expected: IcsEvent[] = [];
    for (const url of PICKS) {
      const own = veventsOf(await readPage(site, url.replace(/\/$/, ".ics")));
      expected.push(...own.map((event) => ({ ...event, description: event.description.split("\n\n").at(-1)! })));
    }
    assert.deepEqual(ours, expected);
    assert.equal(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue("x-wr-calname"), "ContainerDays Boston 2016: my schedule");
    const python = ["/usr/bin/python3", "python3"].find((candidate) => spawnSync(candidate, ["-c", "import icalendar"]).status === 0);
    if (python) {
      const parsed = spawnSync(python, ["-c", PYTHON_PARSE, file], { encoding: "utf8" });
      assert.equal(parsed.status, 0, parsed.stderr);
      assert.deepEqual(JSON.parse(parsed.stdout), ours.map(({ uid, summary, start, end }) => ({ uid, summary, start, end })));
    } else {
      t.diagnostic("python3-icalendar not installed (apt-get install python3-icalendar): read back with ical.js only");
    }
    await context.close();
  });

  test("the share link opens read-only in a second browser, and “Add these to mine” adds them; its QR code reads back as the link", async () => {
    const mine = await newContext();
    await starWithKeyboard(mine, PICKS);
    const tab = await open(mine, "/schedule/mine/");
    await listed(tab);
    const ids = PICKS.map((url) => session(url).id);
    const link = await tab.locator("[data-mine-link]").innerText();
    assert.equal(link, `${server.origin}/schedule/mine/#shared=${ids.join(".")}`);
    assert.equal(await tab.locator("[data-mine-link]").getAttribute("href"), link);
    const qr = tab.getByRole("img", { name: `QR code of the link to your picks: ${link}` });
    await qr.waitFor();
    assert.equal(await decodeQr(tab, "[data-mine-qr] svg"), link);
    await mine.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    await tab.getByRole("button", { name: "Copy link" }).click();
    await tab.getByText("Link copied.").waitFor();
    assert.equal(await tab.evaluate(() => navigator.clipboard.readText()), link);

    const other = await newContext();
    const shared = await open(other, link.slice(server.origin.length));
    await listed(shared);
    assert.equal(await shared.getByRole("heading", { level: 2, name: "Shared with you: 3 sessions" }).count(), 1);
    assert.deepEqual(await shared.locator("[data-mine-shared-list] h3").allInnerTexts(), ["Friday 10 June 2016", "Saturday 11 June 2016"]);
    assert.deepEqual(await shared.locator("[data-mine-shared-list] h4").allInnerTexts(), PICKS.map((url) => session(url).title));
    assert.equal(await shared.locator("[data-mine-shared-list] button.star").count(), 0, "read-only: no stars");
    assert.deepEqual(await storedPicks(shared), []);
    await shared.getByRole("button", { name: "Add these to mine" }).click();
    await shared.waitForFunction(() => document.querySelectorAll("[data-mine-list] article").length === 3);
    assert.deepEqual((await storedPicks(shared)).sort(), [...ids].sort());
    assert.equal(new URL(shared.url()).hash, "");
    assert.equal(await shared.getByRole("status").filter({ hasText: "Added to your schedule." }).count(), 1);
  });

  test("browser gate: My schedule empty, with picks and shared, and the pages with stars", async () => {
    const ids = PICKS.map((url) => session(url).id);
    const ready = (tab: Page) => listed(tab).then(() => undefined);
    const pages = ["/schedule/mine/", `/schedule/mine/#shared=${ids.join(".")}`];
    const problems = [
      ...(await checkPagesInBrowser(browser, server.origin, [...pages, "/schedule/", "/schedule/2016-06-10/", "/schedule/2016-06-11/", "/talks/autopilot/", "/workshops/multi-machine-docker/", "/speakers/tim-gross/"], "/", {
        ready: async (tab) => {
          if (tab.url().includes("/mine/")) await ready(tab);
        },
      })),
      ...(await checkPagesInBrowser(browser, server.origin, ["/schedule/mine/", "/schedule/2016-06-10/"], "/", withPicks(ids, storageKey(), ready))),
    ];
    assert.equal(formatProblems(problems), "");
  });
});

describeInChromium("my schedule on a site under a sub-path", (chromiumPath) => {
  let browser: Browser;
  let server: StaticServer;
  let programme: BrowserProgramme;

  before(async () => {
    const event = (await readFile(path.join(ROOT, "content", "event.yaml"), "utf8")).replace(/^url: .*$/m, "url: https://example.org/boston-2016/");
    const site = await buildSite(await makeContent("sample", { "event.yaml": event }));
    programme = JSON.parse(await readPage(site, "/schedule/sessions.json")) as BrowserProgramme;
    server = await serveSite(site, "/boston-2016/");
    browser = await launchChromium(chromiumPath);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the picks are kept under the site's root, and the list, the share link and the calendar's addresses stay under it", async () => {
    const context = await newSiteContext(browser, server.origin, { viewport: DESKTOP });
    const tab = await newTab(context);
    await tab.goto(`${server.origin}/boston-2016/talks/autopilot/`);
    await tab.getByRole("button", { name: /^Add ‘Autopilot/ }).click();
    const autopilot = programme.sessions.find((s) => s.url === "/talks/autopilot/")!;
    assert.deepEqual(await tab.evaluate((key) => localStorage.getItem(key), `lectern:${server.origin}/boston-2016/:picks`), `[${autopilot.id}]`);
    await tab.goto(`${server.origin}/boston-2016/schedule/mine/`);
    await tab.locator("[data-mine-list] article").waitFor();
    assert.equal(await tab.locator("[data-mine-list] h3 a").getAttribute("href"), "/boston-2016/talks/autopilot/");
    assert.equal(await tab.locator("[data-mine-link]").innerText(), `${server.origin}/boston-2016/schedule/mine/#shared=${autopilot.id}`);
    const [download] = await Promise.all([tab.waitForEvent("download"), tab.getByRole("button", { name: "Download my picks (.ics)" }).click()]);
    const text = await readFile((await download.path())!, "utf8");
    assert.match(text, /\r\nURL;VALUE=URI:https:\/\/example\.org\/boston-2016\/talks\/autopilot\/\r\n/);
    await context.close();
  });
});

/** Picks stored before any page loads; `ready` waits for the list on My schedule. */
function withPicks(ids: readonly number[], key: string, ready: (tab: Page) => Promise<void>): PageState {
  return {
    prepare: async (context) => {
      await context.addInitScript(([k, v]) => localStorage.setItem(k!, v!), [key, JSON.stringify(ids)]);
    },
    ready: async (tab) => {
      if (tab.url().includes("/mine/")) await ready(tab);
    },
  };
}

interface IcsEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  location: string;
  description: string;
  url: string;
  sequence: number;
}

function veventsOf(text: string): IcsEvent[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      location: event.location,
      description: event.description,
      url: String(vevent.getFirstPropertyValue("url")),
      sequence: event.sequence,
    };
  });
}

const PYTHON_PARSE = `
import json, sys
from datetime import timezone
from icalendar import Calendar
with open(sys.argv[1], "rb") as f:
    calendar = Calendar.from_ical(f.read())
print(json.dumps([
    {"uid": str(e.get("uid")), "summary": str(e.get("summary")),
     "start": e.decoded("dtstart").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
     "end": e.decoded("dtend").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")}
    for e in calendar.walk("VEVENT")
]))
`;

// jsqr is CommonJS whose types declare an ES default export: under NodeNext the import is the module, whose `default` is the function.
const jsQR = (jsQRModule as unknown as { default: (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null }).default;

/** Draws the SVG onto a canvas in the page and reads the QR code in its pixels with jsQR. */
async function decodeQr(tab: Page, selector: string): Promise<string | undefined> {
  const image = await tab.evaluate(async (css) => {
    const svg = document.querySelector(css)!;
    const size = 400;
    const picture = new Image(size, size);
    picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await picture.decode();
    const canvas = document.createElement("canvas");
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext("2d")!;
    context.drawImage(picture, 0, 0, size, size);
    return { width: size, height: size, data: Array.from(context.getImageData(0, 0, size, size).data) };
  }, selector);
  return jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data;
}


