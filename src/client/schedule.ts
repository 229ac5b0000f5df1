/**
 * The schedule's pages, for a browser with script, loaded by site.ts only where there is a
 * schedule (so that other pages download less):
 * - today's day first in the day lists, and the filters (filters.ts);
 * - each entry on now or next in its room gets a badge ("On now", "Next") and a class, and a
 *   "Jump to now" button scrolls to the current entry; each minute, by the viewer's clock.
 * Without it the pages show every day in order and every session, unmarked.
 */
import { everyMinute, instantOf } from "./clock.ts";
import { enhanceFilters, markToday } from "./filters.ts";
import { insertAfterTitle, pageTranslator } from "./strings.ts";
import { nowAndNext } from "./now-next.ts";

let jump: HTMLElement | undefined;

function markSchedule(now: number): void {
  for (const old of document.querySelectorAll(".now-badge")) old.remove();
  const entries = [...document.querySelectorAll<HTMLElement>(".entry[data-start][data-end]:not([data-cancelled])")];
  const slots = entries.map((entry) => ({ start: instantOf(entry, "data-start"), end: instantOf(entry, "data-end"), room: entry.dataset.room || undefined }));
  const { on, next } = nowAndNext(slots, now);
  entries.forEach((entry, index) => {
    const state = on.has(index) ? "on" : next.has(index) ? "next" : undefined;
    entry.classList.toggle("is-now", state === "on");
    entry.classList.toggle("is-next", state === "next");
    if (!state) return;
    const badge = document.createElement("span");
    badge.className = `badge now-badge now-badge--${state}`;
    badge.textContent = pageTranslator()(state === "on" ? "now.on" : "now.next");
    entry.insertBefore(badge, entry.querySelector(".entry__title"));
  });
  if (on.size === 0 && next.size === 0) {
    jump?.remove();
    jump = undefined;
    return;
  }
  if (!jump) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button--quiet";
    button.textContent = pageTranslator()("now.jump");
    button.addEventListener("click", () => {
      const entry = document.querySelector<HTMLElement>(".entry.is-now") ?? document.querySelector<HTMLElement>(".entry.is-next");
      if (!entry) return;
      const focusable = entry.querySelector<HTMLElement>(".entry__title a") ?? entry;
      if (focusable === entry) entry.tabIndex = -1;
      entry.scrollIntoView({ block: "center" });
      focusable.focus({ preventScroll: true });
    });
    jump = document.createElement("p");
    jump.className = "now-jump";
    jump.append(button);
    insertAfterTitle(jump);
  }
}

markToday(document);
const filters = document.querySelector<HTMLElement>("[data-filters]");
if (filters) enhanceFilters(filters);
everyMinute(() => markSchedule(Date.now()));
