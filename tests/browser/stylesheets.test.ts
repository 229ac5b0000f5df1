import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildSite, ROOT } from "../helpers.ts";
import { DESKTOP, newSiteContext, PHONE } from "./browser-check.ts";
import { describeInChromium, launchChromium, newTab } from "./chromium.ts";
import { listPages } from "./site-check.ts";
import { serveSite, type StaticServer } from "./static-server.ts";

/** During the event, seen from another zone: the scripts add the now-and-next marks and the viewer's times. */
const DURING = new Date("2016-06-10T10:05:00-04:00");
const PUBLIC = path.join(ROOT, "public");

/**
 * Compares, in the page, every element's computed style (and its ::before and ::after) as built
 * with the same under `css` in place of the page's stylesheets (before the theme's): what the
 * reader sees, whatever the stylesheets are made of. Returns the first few differences.
 */
function differencesUnder(tab: Page, css: string, properties: readonly string[]): Promise<string[]> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return tab.evaluate(([whole, names]) => {
    const snapshots: string[][] = [];
    for (const phase of ["as built", "under the whole stylesheet"]) {
      if (phase !== "as built") {
        const style = document.createElement("style");
        style.textContent = whole;
        const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
        const theme = links.find((link) => new URL(link.href).pathname === "/theme.css");
        for (const link of links) if (link !== theme) link.remove();
        if (theme) theme.before(style);
        else document.head.append(style);
      }
      const out: string[] = [];
      for (const element of document.querySelectorAll("body, body *")) {
        for (const pseudo of [null, "::before", "::after"]) {
          const computed = getComputedStyle(element, pseudo);
          out.push(names.map((name) => `${name}: ${computed.getPropertyValue(name)}`).join("; "));
        }
      }
      snapshots.push(out);
    }
    const [asBuilt, underWhole] = snapshots as [string[], string[]];
    const where = [...document.querySelectorAll("body, body *")].flatMap((element) => ["", "::before", "::after"].map((pseudo) => `<${element.tagName.toLowerCase()} class="${element.className}">${pseudo}`));
    const found: string[] = [];
    if (asBuilt.length !== underWhole.length) found.push(`${asBuilt.length} elements as built, ${underWhole.length} under the whole stylesheet`);
    // The elements whose own styles differ first, before the sizes of their ancestors.
    const sizes = /^(?:height|width|block-size|inline-size|max-height|min-height|top|bottom|inset[a-z-]*): /;
    const differing: Array<{ index: number; own: string[]; whole: string[] }> = [];
    for (let i = 0; i < asBuilt.length; i++) {
      if (asBuilt[i] === underWhole[i]) continue;
      const builtValues = asBuilt[i]!.split("; ");
      const wholeValues = underWhole[i]!.split("; ");
      differing.push({ index: i, own: builtValues.filter((value) => !wholeValues.includes(value)), whole: wholeValues.filter((value) => !builtValues.includes(value)) });
    }
    differing.sort((a, b) => Number(a.own.every((value) => sizes.test(value))) - Number(b.own.every((value) => sizes.test(value))));
    for (const { index, own, whole } of differing.slice(0, 3)) found.push(`${where[index]}: ${own.slice(0, 4).join("; ")} (whole: ${whole.slice(0, 4).join("; ")})`);
    return found;
  }, [css, properties] as const);
}

/**
 * Each page loads styles.css and at most one sheet of its own (schedule, blog, home), minified on
 * the way; the search results' sheet comes with the search script. The property that makes this
 * safe: every page, as built, looks exactly as it does under the whole readable stylesheet, all of
 * public/'s sheets in one, at phone and desktop width, with its scripts' additions.
 */
describeInChromium("the stylesheets split by page", (chromiumPath) => {
  let browser: Browser;
  let server: StaticServer;
  let site: string;
  let whole: string;
  /** Every property the sheets set (and the custom properties they read): the ones to compare. */
  let properties: string[];
  const contexts: BrowserContext[] = [];

  before(async () => {
    site = await buildSite(path.join(ROOT, "content"));
    server = await serveSite(site);
    browser = await launchChromium(chromiumPath);
    const sheets = (await readdir(PUBLIC)).filter((name) => name.endsWith(".css")).sort((a, b) => (a === "styles.css" ? -1 : b === "styles.css" ? 1 : a.localeCompare(b)));
    assert.deepEqual(sheets, ["styles.css", "blog.css", "home.css", "schedule.css", "search.css"]);
    whole = (await Promise.all(sheets.map((name) => readFile(path.join(PUBLIC, name), "utf8")))).join("\n");
    const declarations = whole.replace(/\/\*[\s\S]*?\*\//g, "").match(/\{[^{}]*\}/g) ?? [];
    properties = [...new Set(declarations.flatMap((block) => [...block.matchAll(/(?:^|[{;\s])(-?-?[a-z][a-z-]*)\s*:/g)].map((match) => match[1]!)))].sort();
    assert.ok(properties.length > 50 && properties.includes("grid-template-columns") && properties.includes("--brand"), properties.join(" "));
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  test("every page looks as it does under the whole stylesheet, at phone and desktop width", async () => {
    // Two pages of each kind (/talks/*/, /schedule/*/, /blog/tags/*/ …) and every page of its own.
    const kinds = new Map<string, string[]>();
    for (const page of await listPages(site)) {
      const kind = page.replace(/[^/]+\/$/, "*/");
      kinds.set(kind, [...(kinds.get(kind) ?? []), page]);
    }
    const pages = [...kinds.values()].flatMap((all) => all.slice(0, 2));
    assert.ok(pages.length > 15, `only ${pages.length} pages`);
    const loaded = new Map<string, number>();
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await newSiteContext(browser, server.origin, { viewport, now: DURING, timezoneId: "Europe/Berlin" });
      contexts.push(context);
      const tab = await newTab(context);
      for (const page of pages) {
        await tab.goto(`${server.origin}${page}`);
        // Until the scripts imported on demand (the schedule's marks, the viewer's times) have run.
        await tab.waitForLoadState("networkidle");
        const sheets = await tab.$$eval('link[rel="stylesheet"]', (links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
        loaded.set(page, sheets.length);
        assert.equal(sheets[0], "/styles.css", `${page} loads ${sheets.join(", ")}`);
        assert.deepEqual(await differencesUnder(tab, whole, properties), [], `${page} at ${viewport.width}px differs from the whole stylesheet`);
      }
      await context.close();
      contexts.pop();
    }
    // Not every page loads everything: the split is real.
    assert.ok([...loaded.values()].some((count) => count <= 2), "no page loads fewer sheets than the others");
  });
});
