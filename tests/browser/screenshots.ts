import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { ROOT } from "../helpers.ts";
import { DESKTOP, newSiteContext, PHONE } from "./browser-check.ts";
import { newTab } from "./chromium.ts";

/** Where the screenshots for a person to look at are written (ignored by git). */
export const SCREENSHOTS = path.join(ROOT, "test-output", "screenshots");

/**
 * Full-page screenshots of the home page, the schedule, the first talk and the first speaker
 * at 375 and 1280 px, written as `<prefix>-<page>-<width>.png` so two sites' shots sit side by
 * side. Returns the files written.
 */
export async function writeScreenshots(browser: Browser, origin: string, pages: string[], prefix: string): Promise<string[]> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const shots: Record<string, string | undefined> = {
    home: "/",
    schedule: pages.find((page) => /^\/schedule\/\d{4}-\d\d-\d\d\/$/.test(page)),
    talk: pages.find((page) => /^\/talks\/[^/]+\/$/.test(page)),
    speaker: pages.find((page) => /^\/speakers\/[^/]+\/$/.test(page)),
  };
  const written: string[] = [];
  for (const viewport of [PHONE, DESKTOP]) {
    const context = await newSiteContext(browser, origin, { viewport });
    const tab = await newTab(context);
    for (const [name, address] of Object.entries(shots)) {
      if (!address) continue;
      await tab.goto(origin + address);
      // A full-page shot does not scroll, so lazy images far down (the sponsors on a phone) would stay empty.
      await tab.evaluate(() => document.querySelectorAll("img[loading=lazy]").forEach((img) => ((img as HTMLImageElement).loading = "eager")));
      await tab.waitForFunction(() => [...document.images].every((img) => img.complete));
      const file = path.join(SCREENSHOTS, `${prefix}-${name}-${viewport.width}.png`);
      await tab.screenshot({ path: file, fullPage: true });
      written.push(file);
    }
    await context.close();
  }
  return written;
}
