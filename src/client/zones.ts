/**
 * The viewer's own time beside the event's: where the viewer's clock reads otherwise than the
 * event's, each `<time datetime>` with a clock (or `.time-range` of two) gets " · 16:05 your time"
 * after it, with the viewer's day where it differs from the event's. A control after the page's
 * title chooses "event time only" or both, remembered in localStorage (`lectern:<site root>:zone`).
 * Loaded by site.ts only when a time on the page reads otherwise on the viewer's clock; runs on
 * load and on `lectern:content` for the content inserted. Without it the event's time stands alone.
 */
import { insertAfterTitle, pageStrings, pageTranslator, storageKey } from "./strings.ts";
import { viewerTimeText } from "./viewer-time.ts";

const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const EVENT_ONLY = "zone-event-only";
let control: HTMLElement | undefined;

function remembered(): "event" | "both" {
  try {
    return localStorage.getItem(storageKey("zone")) === "event" ? "event" : "both";
  } catch {
    return "both";
  }
}

function choose(choice: "event" | "both"): void {
  document.documentElement.classList.toggle(EVENT_ONLY, choice === "event");
  try {
    localStorage.setItem(storageKey("zone"), choice);
  } catch {
    // Storage may be off (private mode); the choice then holds for this page only.
  }
}

function dualTime(text: string): HTMLElement {
  const span = document.createElement("span");
  span.className = "dual-time";
  const separator = document.createElement("span");
  separator.className = "dual-time__sep";
  separator.textContent = " · ";
  span.append(separator, text);
  return span;
}

function addControl(): void {
  if (control) return;
  const t = pageTranslator();
  control = document.createElement("p");
  control.className = "zone-choice";
  const label = document.createElement("label");
  label.htmlFor = "_zone_choice";
  label.textContent = t("zone.choice");
  const select = document.createElement("select");
  select.id = "_zone_choice";
  for (const [value, text] of [["both", t("zone.both", { zone: viewerZone })], ["event", t("zone.eventOnly")]] as const) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = text;
    select.append(option);
  }
  select.value = remembered();
  select.addEventListener("change", () => choose(select.value === "event" ? "event" : "both"));
  control.append(label, " ", select);
  insertAfterTitle(control);
}

/** Adds the viewer's times under `root` (once each), and the control when any was added. */
function enhance(root: ParentNode): void {
  const strings = pageStrings();
  const t = pageTranslator();
  let added = false;
  for (const range of root.querySelectorAll<HTMLElement>(".time-range:not([data-dual])")) {
    const times = range.querySelectorAll("time[datetime]");
    const start = times[0]?.getAttribute("datetime");
    if (!start) continue;
    range.dataset.dual = "";
    const text = viewerTimeText(start, times.length > 1 ? (times[times.length - 1]!.getAttribute("datetime") ?? undefined) : undefined, viewerZone, strings.locale, t);
    if (!text) continue;
    // In a programme entry the viewer's time follows the room, on its own line.
    const when = range.parentElement?.closest(".entry__when");
    if (when) when.append(dualTime(text));
    else range.after(dualTime(text));
    added = true;
  }
  for (const time of root.querySelectorAll<HTMLElement>("time[datetime]:not([data-dual])")) {
    if (time.closest(".time-range")) continue;
    time.dataset.dual = "";
    const text = viewerTimeText(time.getAttribute("datetime") ?? "", undefined, viewerZone, strings.locale, t);
    if (!text) continue;
    time.append(dualTime(text));
    added = true;
  }
  if (added) addControl();
}

document.documentElement.classList.toggle(EVENT_ONLY, remembered() === "event");
enhance(document);
document.addEventListener("lectern:content", (event) => {
  const root = (event as CustomEvent<unknown>).detail;
  enhance(root instanceof Element || root instanceof Document ? root : document);
});
