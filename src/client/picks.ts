/**
 * The attendee's picks: the integer ids of the sessions they starred (`data-session`, the ids of
 * schedule.json and sessions.json), kept in this browser's localStorage under a key of the site's
 * own root, so two conferences on one origin keep separate picks. No account, nothing sent.
 */

/** The site's root (it may be a sub-path): the scripts sit in its `assets/` folder. */
export const siteRoot = new URL("../", import.meta.url);

const KEY = `lectern:${siteRoot.href}:picks`;
const CHANGED = "lectern:picks";

// Storage can be switched off or full; the picks then last as long as the page.
let fallback: number[] = [];

/** The picked ids, in the order they were picked. */
export function readPicks(): number[] {
  try {
    const text = localStorage.getItem(KEY);
    if (text === null) return [];
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id) && id > 0) : [];
  } catch {
    return fallback;
  }
}

/** Picks (`on`) or unpicks each id, and tells this page's stars and lists. */
export function setPicked(ids: readonly number[], on: boolean): void {
  const picks = readPicks().filter((id) => !ids.includes(id));
  if (on) picks.push(...ids);
  fallback = picks;
  try {
    localStorage.setItem(KEY, JSON.stringify(picks));
  } catch {
    // Kept in `fallback` for this page.
  }
  document.dispatchEvent(new CustomEvent(CHANGED));
}

/** Calls `listener` whenever the picks change, on this page or in another tab of the site. */
export function onPicksChange(listener: () => void): void {
  document.addEventListener(CHANGED, listener);
  addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) listener();
  });
}

/** The ids a `data-session` element stands for (a workshop of several blocks has one a block). */
export function idsOf(element: Element): number[] {
  return (element.getAttribute("data-session") ?? "")
    .split(" ")
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0);
}
