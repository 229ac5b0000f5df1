/**
 * The script every page loads, as a module (so after the page is parsed). Every page is complete
 * without it; it only adds what needs the browser: its clock, its storage, its time zone.
 * Keep it small (the budget is 15 KB gzipped, checked in tests/build/client-bundle.test.ts):
 * heavier parts are separate entries imported on demand.
 */
document.documentElement.classList.add("js");
import "./filters.ts";
import "./stars.ts";
import "./now.ts";
import "./zones.ts";
import "./offline.ts";
import "./search-box.ts";
