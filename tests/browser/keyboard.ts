import type { Page } from "playwright-core";

/** What has keyboard focus, and whether a person can see that it has. */
export interface FocusStop {
  /** e.g. `a "Talks" → /talks/` */
  label: string;
  href: string | null;
  id: string;
  inMain: boolean;
  /** An outline or a box shadow is drawn while the element matches :focus-visible. */
  hasFocusIndicator: boolean;
  /** Some of it lies inside the window. */
  onScreen: boolean;
}

/** Describes the element that has focus now (the body when nothing does). */
export function focusStop(tab: Page): Promise<FocusStop> {
  return tab.evaluate(() => {
    const element = (document.activeElement ?? document.body) as HTMLElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    const box = element.getBoundingClientRect();
    const text = (element.innerText || element.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 40);
    const href = element.getAttribute("href");
    return {
      label: `${element.tagName.toLowerCase()} "${text}"${href ? ` → ${href}` : ""}`,
      href,
      id: element.id,
      inMain: element.closest("main") !== null,
      hasFocusIndicator: element.matches(":focus-visible") && (outline || shadow),
      onScreen: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth && box.width > 0,
    };
  });
}

/**
 * The stops Tab reaches from where focus is, one press each, until focus leaves the document or
 * comes back round to the first, or `limit` presses.
 */
async function* tabStops(tab: Page, limit: number): AsyncGenerator<FocusStop> {
  let first: FocusStop | undefined;
  for (let i = 0; i < limit; i++) {
    await tab.keyboard.press("Tab");
    const stop = await focusStop(tab);
    if (stop.label.startsWith("body ") || (first && stop.label === first.label && stop.href === first.href)) return;
    first ??= stop;
    yield stop;
  }
}

/**
 * Presses Tab from the top of a freshly loaded page until focus leaves the document or comes
 * back round, and returns every stop on the way, in order.
 */
export async function tabThrough(tab: Page, limit = 400): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for await (const stop of tabStops(tab, limit)) stops.push(stop);
  return stops;
}

/** Every element in `scope` that a keyboard user should be able to reach, as `focusStop` labels them. */
export function interactiveElements(tab: Page, scope: string): Promise<string[]> {
  return tab.locator(`${scope} :is(a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex^="-"]))`).evaluateAll((elements) =>
    elements
      .filter((element) => (element as HTMLElement).offsetParent !== null && !(element as HTMLButtonElement).disabled)
      .map((element) => {
        const text = ((element as HTMLElement).innerText || element.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 40);
        const href = element.getAttribute("href");
        return `${element.tagName.toLowerCase()} "${text}"${href ? ` → ${href}` : ""}`;
      }),
  );
}

/**
 * Presses Tab until the focused element is `wanted` (by label), at most `limit` times, and
 * returns that stop; throws, naming the stops passed, if it never comes. Looking for the stop
 * instead of counting presses keeps a test true when a script adds a control above it.
 */
export async function tabTo(tab: Page, wanted: string, limit = 400): Promise<FocusStop> {
  const passed: string[] = [];
  for await (const stop of tabStops(tab, limit)) {
    if (stop.label === wanted) return stop;
    passed.push(stop.label);
  }
  throw new Error(`Tab never reached ${wanted}; it passed ${passed.join(", ")}`);
}
