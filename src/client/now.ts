/**
 * What is on now, by the viewer's clock, on every page: a session's page says "Starts in 12 min",
 * "On now" or "Ended"; live and recording links (`[data-cta]`, SessionLive.tsx) are picked again.
 * (The schedule's own marks, "On now" and "Next" on its entries, are in schedule.ts.) Runs on
 * load, each minute, and on `lectern:content`. Without it the page shows none of this and misses
 * nothing else.
 */
import { everyMinute, instantOf } from "./clock.ts";
import { pageTranslator } from "./strings.ts";
import { statusText } from "./when.ts";

const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function markSessionPages(now: number): void {
  for (const article of document.querySelectorAll<HTMLElement>("article.session[data-start][data-end]:not([data-cancelled])")) {
    const start = instantOf(article, "data-start");
    const end = instantOf(article, "data-end");
    if (Number.isNaN(start) || Number.isNaN(end)) continue;
    let status = article.querySelector<HTMLElement>(".now-status");
    if (!status) {
      status = document.createElement("p");
      status.className = "now-status";
      const meta = article.querySelector(".page-head__meta");
      if (meta) meta.after(status);
      else article.prepend(status);
    }
    status.textContent = statusText(start, end, now, viewerZone, pageTranslator());
    status.dataset.status = now < start ? "before" : now < end ? "on" : "after";
  }
}

/** The same rule as the home page's inline CALL_SCRIPT (src/views/call-to-action.ts), for a page left open. */
function pickCalls(now: number): void {
  for (const group of document.querySelectorAll("[data-cta]")) {
    let shown = false;
    for (const child of group.children) {
      const from = child.getAttribute("data-from");
      const until = child.getAttribute("data-until");
      const on = !shown && (!from || Date.parse(from) <= now) && (!until || now < Date.parse(until));
      (child as HTMLElement).hidden = !on;
      if (on) shown = true;
    }
  }
}

everyMinute(() => {
  const now = Date.now();
  markSessionPages(now);
  pickCalls(now);
});
