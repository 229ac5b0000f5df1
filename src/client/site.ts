/**
 * The script every page loads, as a module (so after the page is parsed). Every page is complete
 * without it; it only adds what needs the browser: its clock, its storage, its time zone.
 * Keep it small (the budget is 15 KB gzipped, checked in tests/build/client-bundle.test.ts):
 * heavier parts are separate entries imported on demand.
 */
import { writtenOffset } from "./written-offset.ts";

document.documentElement.classList.add("js");
import "./stars.ts";
import "./now.ts";
import "./offline.ts";
import "./search-box.ts";
// The schedule's pages only: its filters and its "On now" marks.
if (document.querySelector("nav[data-days], [data-filters], .entry[data-start]")) void import("./schedule.ts");

/**
 * Whether a time under `root` reads otherwise on the viewer's clock than as written (in the
 * event's zone): only then is the viewer's time added (zones.ts), so that a reader in the event's
 * zone does not download it.
 */
function timesDiffer(root: ParentNode): boolean {
  for (const time of root.querySelectorAll("time[datetime]")) {
    const iso = time.getAttribute("datetime") ?? "";
    const written = writtenOffset(iso);
    const instant = Date.parse(iso);
    if (written !== undefined && !Number.isNaN(instant) && written !== -new Date(instant).getTimezoneOffset()) return true;
  }
  return false;
}
let zones = false;
const loadZones = (root: ParentNode) => {
  if (zones || !timesDiffer(root)) return;
  zones = true;
  void import("./zones.ts");
};
loadZones(document);
// My schedule inserts its sessions after load; zones.ts, once loaded, follows the same event itself.
document.addEventListener("lectern:content", (event) => {
  const root = (event as CustomEvent<unknown>).detail;
  loadZones(root instanceof Element || root instanceof Document ? root : document);
});
