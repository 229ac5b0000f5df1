/**
 * The stars: each `button.star` inside a `[data-session]` element is rendered `hidden` (so no
 * dead button without JavaScript); here it is shown, pressed when the session is picked, and
 * toggles the pick. Every star of the same session on the page, and in other tabs, follows.
 * On the My schedule page the list script is loaded on demand.
 */
import { idsOf, onPicksChange, readPicks, setPicked } from "./picks.ts";

function refresh(root: ParentNode): void {
  const picks = new Set(readPicks());
  for (const star of root.querySelectorAll<HTMLButtonElement>("button.star")) {
    const host = star.closest("[data-session]");
    if (!host) continue;
    const ids = idsOf(host);
    star.setAttribute("aria-pressed", String(ids.length > 0 && ids.every((id) => picks.has(id))));
    star.hidden = false;
  }
}

document.addEventListener("click", (event) => {
  const star = (event.target as Element | null)?.closest?.("button.star");
  const host = star?.closest("[data-session]");
  if (!star || !host) return;
  setPicked(idsOf(host), star.getAttribute("aria-pressed") !== "true");
});

document.addEventListener("lectern:content", (event) => {
  const root = (event as CustomEvent<unknown>).detail;
  refresh(root instanceof Element ? root : document);
});
onPicksChange(() => refresh(document));
refresh(document);

if (document.querySelector("[data-my-schedule]")) void import("./mine.ts");
