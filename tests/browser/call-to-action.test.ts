import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { buildSite, FIXTURES, makeContent } from "../helpers.ts";
import { newSiteContext } from "./browser-check.ts";
import { describeInChromium, launchChromium, newTab } from "./chromium.ts";
import { serveSite, type StaticServer } from "./static-server.ts";


const EVENT = `${await readFile(path.join(FIXTURES, "small", "event.yaml"), "utf8")}cfp:
  url: https://cfp.example.org/
  opens: 2024-03-01
  closes: 2024-06-30
tickets:
  url: https://tickets.example.org/
  opens: 2024-05-01
  closes: 2024-10-25 18:00
`;

describeInChromium("the home page's call to action by the reader's clock", (chromiumPath) => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    // Built while the call for papers is open: the script must correct it on later days.
    const site = await buildSite(await makeContent("small", { "event.yaml": EVENT }), { LECTERN_NOW: "2024-04-01T12:00:00Z" });
    server = await serveSite(site);
    browser = await launchChromium(chromiumPath);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The visible calls to action on the home page with the clock at `now` (JavaScript on or off). */
  async function visibleCalls(now: string, javaScriptEnabled = true): Promise<string[]> {
    const context = await newSiteContext(browser, server.origin, { javaScriptEnabled });
    try {
      await context.clock.setFixedTime(new Date(now));
      const tab = await newTab(context);
      await tab.goto(`${server.origin}/`);
      return await tab.locator("[data-cta] a").evaluateAll((links) =>
        links.filter((link) => (link as HTMLElement).offsetParent !== null).map((link) => `${link.textContent} → ${link.getAttribute("href")}`),
      );
    } finally {
      await context.close();
    }
  }

  for (const [now, expected] of [
    ["2024-02-01T12:00:00Z", []],
    ["2024-04-01T12:00:00Z", ["Submit a talk, closes 30 June 2024 → https://cfp.example.org/"]],
    ["2024-06-30T21:59:00Z", ["Submit a talk, closes 30 June 2024 → https://cfp.example.org/"]],
    ["2024-06-30T22:00:00Z", ["Get tickets → https://tickets.example.org/"]],
    ["2024-10-25T16:00:00Z", []],
    ["2024-10-26T07:00:00Z", ["Today's schedule → /conf/schedule/"]],
    ["2024-10-27T23:00:00Z", ["Recordings and recap → /conf/blog/"]],
  ] as const) {
    test(`at ${now}: ${expected.join("") || "no call"}`, async () => {
      assert.deepEqual(await visibleCalls(now), expected);
    });
  }

  test("without JavaScript the page keeps the build's call and shows the dates", async () => {
    assert.deepEqual(await visibleCalls("2024-10-27T23:00:00Z", false), ["Submit a talk, closes 30 June 2024 → https://cfp.example.org/"]);
    const context = await newSiteContext(browser, server.origin, { javaScriptEnabled: false });
    const tab = await newTab(context);
    await tab.goto(`${server.origin}/`);
    assert.equal(
      await tab.locator(".hero__dates").innerText(),
      "Call for papers: opens 1 March 2024, closes 30 June 2024\nTickets: opens 1 May 2024, closes 25 October 2024, 18:00 CEST",
    );
    await context.close();
  });
});
