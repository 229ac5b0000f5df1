import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Problem } from "./site-check.ts";
import { newTab } from "./chromium.ts";

/** The axe-core rule sets the site must pass: WCAG 2.1, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** How a site's browser context is set up: window size, script, and the viewer's time zone and clock. */
export interface SiteContextOptions {
  viewport?: { width: number; height: number };
  javaScriptEnabled?: boolean;
  /** The viewer's IANA time zone (default: the machine's). */
  timezoneId?: string;
  /** The viewer's clock, fixed at this instant (timers still run). */
  now?: Date;
}

/**
 * A browser context for the site at `origin`. Requests to other origins (a speaker's photo on
 * another host, say) are answered with a placeholder, so the checks never depend on the network.
 */
export async function newSiteContext(
  browser: Browser,
  origin: string,
  options: SiteContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  if (options.now) await context.clock.setFixedTime(options.now);
  await context.route(
    (url) => url.origin !== origin,
    (route) =>
      route.request().resourceType() === "image"
        ? route.fulfill({ status: 200, contentType: "image/png", body: ONE_PIXEL_PNG })
        : route.fulfill({ status: 200, contentType: "text/plain", body: "" }),
  );
  return context;
}

/** A state of the pages to check: `prepare` sets up each browser context (stored picks, say), `ready` waits for the page's script. */
export interface PageState {
  prepare?(context: BrowserContext): Promise<void>;
  ready?(tab: Page): Promise<void>;
}

/**
 * Visits every page in turn in one tab, at phone width then at desktop width, and once more
 * with JavaScript off (as `viewer` when given). Reports axe-core violations (WCAG 2.1 AA), console errors, uncaught
 * exceptions, failed or 4xx/5xx requests, horizontal scrolling at phone width, and pages whose
 * main content or navigation is not shown without JavaScript.
 */
export async function checkPagesInBrowser(
  browser: Browser,
  origin: string,
  pages: string[],
  base = "/",
  /** Stored state to set up before the visit, and the viewer's zone and clock (during the event, say). */
  state: PageState & Pick<SiteContextOptions, "timezoneId" | "now"> = {},
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const viewer = { timezoneId: state.timezoneId, now: state.now };
  for (const viewport of [PHONE, DESKTOP]) {
    const context = await newSiteContext(browser, origin, { viewport, ...viewer });
    await state.prepare?.(context);
    const tab = await newTab(context);
    const watcher = watchTab(tab, origin);
    for (const page of pages) {
      const report = (message: string) => problems.push({ page, message: `at ${viewport.width} px: ${message}` });
      watcher.reset();
      await tab.goto(origin + base + page.slice(1), { waitUntil: "load" });
      await state.ready?.(tab);
      for (const message of watcher.messages) report(message);
      if (viewport === PHONE) {
        const overflow = await horizontalOverflow(tab);
        if (overflow) report(overflow);
      }
      for (const message of await axeViolations(tab)) report(message);
    }
    await context.close();
  }
  problems.push(...(await checkWithoutJavaScript(browser, origin, pages, base, viewer)));
  return problems;
}

/** Collects what went wrong in a tab since the last `reset()`. */
function watchTab(tab: Page, origin: string): { messages: string[]; reset(): void } {
  const watcher = { messages: [] as string[], reset: () => (watcher.messages = []) };
  const local = (url: string) => (url.startsWith(origin) ? url.slice(origin.length) : url);
  const httpErrors = new Set<string>();
  tab.on("console", (message) => {
    // Chromium logs every 4xx/5xx as "Failed to load resource"; the response handler names the URL.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      watcher.messages.push(`console error: ${message.text()}`);
    }
  });
  tab.on("pageerror", (error) => watcher.messages.push(`uncaught exception: ${error.message}`));
  tab.on("response", (response) => {
    if (response.status() >= 400) {
      httpErrors.add(response.url());
      watcher.messages.push(`request for ${local(response.url())} got HTTP ${response.status()}`);
    }
  });
  tab.on("requestfailed", (request) => {
    if (!httpErrors.has(request.url())) {
      watcher.messages.push(`request for ${local(request.url())} failed: ${request.failure()?.errorText ?? "unknown error"}`);
    }
  });
  return watcher;
}

/** A description of what makes the page scroll sideways, or undefined when nothing does. */
export async function horizontalOverflow(tab: Page): Promise<string | undefined> {
  return tab.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return undefined;
    const culprits: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      if (element.getBoundingClientRect().right > root.clientWidth + 0.5) {
        const name = element.tagName.toLowerCase() + (element.classList.length ? "." + Array.from(element.classList).join(".") : "");
        culprits.push(name);
        if (culprits.length === 3) break;
      }
    }
    return `scrolls sideways: the document is ${root.scrollWidth} px wide in a ${root.clientWidth} px window (widest: ${culprits.join(", ")})`;
  });
}

/** axe-core's WCAG 2.1 AA violations on the page, one line each with an example element. */
export async function axeViolations(tab: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: tab })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ["violations"] })
    .setLegacyMode()
    .analyze();
  return results.violations.map((violation) => {
    const example = violation.nodes[0]?.target.join(" ") ?? "";
    const count = violation.nodes.length;
    return `axe ${violation.id} (${violation.impact ?? "unknown"}): ${violation.help}; ${count} element${count === 1 ? "" : "s"}, e.g. ${example}`;
  });
}

/** With JavaScript off, each page still shows its heading, main content and navigation. */
export async function checkWithoutJavaScript(
  browser: Browser,
  origin: string,
  pages: string[],
  base = "/",
  viewer: Pick<SiteContextOptions, "timezoneId" | "now"> = {},
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const context = await newSiteContext(browser, origin, { viewport: PHONE, javaScriptEnabled: false, ...viewer });
  const tab = await newTab(context);
  for (const page of pages) {
    await tab.goto(origin + base + page.slice(1), { waitUntil: "load" });
    const report = (message: string) => problems.push({ page, message: `without JavaScript: ${message}` });
    const main = tab.locator("main");
    if ((await main.count()) !== 1 || !(await main.isVisible())) report("no visible <main>");
    else if ((await main.innerText()).trim().length === 0) report("<main> shows no text");
    if (!(await tab.locator("h1").first().isVisible())) report("no visible <h1>");
    const navLinks = tab.locator("nav a[href]");
    const shown = await navLinks.evaluateAll((links) => links.filter((link) => (link as HTMLElement).offsetParent !== null).length);
    if (shown === 0) report("no visible navigation links");
  }
  await context.close();
  return problems;
}
