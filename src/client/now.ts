/**
 * What is on now, by the viewer's clock: on schedule pages each entry on now or next in its room
 * gets a badge ("On now", "Next") and a class, and a "Jump to now" button scrolls to the current
 * entry; a session's page says "Starts in 12 min", "On now" or "Ended"; live and recording links
 * (`[data-cta]`, SessionLive.tsx) are picked again. Runs on load, each minute, and on `lectern:content`.
 * Without it the page shows none of this and misses nothing else.
 */
import { insertAfterTitle, pageStrings, translator, type Translate } from "./strings.ts";
import { nowAndNext, statusText } from "./when.ts";

const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let translate: Translate | undefined;
let jump: HTMLElement | undefined;

function t(): Translate {
  translate ??= translator(pageStrings());
  return translate;
}

function instantOf(element: Element, name: string): number {
  return Date.parse(element.getAttribute(name) ?? "");
}

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
    badge.textContent = t()(state === "on" ? "now.on" : "now.next");
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
    button.textContent = t()("now.jump");
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
    status.textContent = statusText(start, end, now, viewerZone, t());
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

function update(): void {
  const now = Date.now();
  markSchedule(now);
  markSessionPages(now);
  pickCalls(now);
}

update();
setTimeout(() => {
  update();
  setInterval(update, 60_000);
}, 60_000 - (Date.now() % 60_000));
document.addEventListener("lectern:content", update);
