import type { Event } from "../content/model.ts";
import { formatDateRange } from "../schedule/time.ts";

/** The main navigation: label and the URL prefix that marks a page as inside it. */
export const NAV = [
  { label: "Home", href: "/" },
  { label: "Schedule", href: "/schedule/" },
  { label: "Talks", href: "/talks/" },
  { label: "Speakers", href: "/speakers/" },
  { label: "Workshops", href: "/workshops/" },
  { label: "Blog", href: "/blog/" },
] as const;

/** The absolute URL of a site path, under the event's canonical base URL (which may have a path). */
export function absoluteUrl(event: Event, sitePath: string): string {
  let base = baseUrls.get(event);
  if (base === undefined) {
    base = new URL(event.url.endsWith("/") ? event.url : `${event.url}/`).href;
    baseUrls.set(event, base);
  }
  const relative = sitePath.replace(/^\//, "");
  // Lectern's own paths need no resolving: URL-safe characters and no "." or ".." segments.
  if (SAFE_PATH.test(relative) && !DOT_SEGMENT.test(relative) && !base.includes("?") && !base.includes("#")) return base + relative;
  return new URL(relative, base).href;
}

const baseUrls = new WeakMap<Event, string>();

/**
 * The whole programme's exports as every page's head names them (`<link rel="alternate">`).
 * Giggity follows the one typed `application/vnd.c3voc.schedule+xml` (the type IANA registered
 * for frab XML); no type is registered for the c3voc JSON, so it is plain `application/json`.
 */
export const PROGRAMME_EXPORTS = [
  { path: "/schedule.xml", type: "application/vnd.c3voc.schedule+xml", format: "frab XML" },
  { path: "/schedule.json", type: "application/json", format: "c3voc JSON" },
  { path: "/schedule.ics", type: "text/calendar", format: "iCalendar" },
] as const;

/** The blog's feeds, which every page's head names (`<link rel="alternate">`). */
export const BLOG_FEEDS = [
  { path: "/blog/feed.xml", type: "application/atom+xml", format: "Atom" },
  { path: "/blog/feed.json", type: "application/feed+json", format: "JSON Feed" },
] as const;

/** `webcal://` and the host and path of `/schedule.ics`: calendar apps subscribe to it and fetch updates. */
export function calendarSubscriptionUrl(event: Event): string {
  return absoluteUrl(event, "/schedule.ics").replace(/^https?:/, "webcal:");
}
const SAFE_PATH = /^[a-z0-9\-_~./]*$/i;
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

/** `2 hours`, `45 minutes`, `1 hour 30 minutes`. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours) parts.push(`${hours} ${hours === 1 ? "hour" : "hours"}`);
  if (rest) parts.push(`${rest} ${rest === 1 ? "minute" : "minutes"}`);
  return parts.join(" ");
}

const eventDateCache = new WeakMap<Event, string>();

/** The event's dates as shown on every page ("10–11 June 2016"), formatted once per event. */
export function eventDates(event: Event): string {
  let text = eventDateCache.get(event);
  if (text === undefined) {
    text = formatDateRange(event.start, event.end);
    eventDateCache.set(event, text);
  }
  return text;
}
