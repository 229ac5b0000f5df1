import type { Event } from "../content/model.ts";
import { formatDateRange } from "../schedule/time.ts";
import { SITE_PATHS } from "../site/urls.ts";
import { english, type MessageKey, type Translator } from "../i18n/index.ts";

/** The main navigation: its label's catalogue key and the URL prefix that marks a page as inside it. */
export const NAV = [
  { key: "nav.home", href: SITE_PATHS.home },
  { key: "nav.schedule", href: SITE_PATHS.schedule },
  { key: "mine.nav", href: SITE_PATHS.mySchedule },
  { key: "nav.talks", href: SITE_PATHS.talks },
  { key: "nav.speakers", href: SITE_PATHS.speakers },
  { key: "nav.workshops", href: SITE_PATHS.workshops },
  { key: "nav.blog", href: SITE_PATHS.blog },
] as const satisfies ReadonlyArray<{ key: MessageKey; href: string }>;

/**
 * The whole programme's exports as every page's head names them (`<link rel="alternate">`).
 * Giggity follows the one typed `application/vnd.c3voc.schedule+xml` (the type IANA registered
 * for frab XML); no type is registered for the c3voc JSON, so it is plain `application/json`.
 */
export const PROGRAMME_EXPORTS = [
  { path: SITE_PATHS.scheduleXml, type: "application/vnd.c3voc.schedule+xml", format: "frab XML" },
  { path: SITE_PATHS.scheduleJson, type: "application/json", format: "c3voc JSON" },
  { path: SITE_PATHS.scheduleIcs, type: "text/calendar", format: "iCalendar" },
] as const;

/** The blog's feeds, which every page's head names (`<link rel="alternate">`). */
export const BLOG_FEEDS = [
  { path: SITE_PATHS.atomFeed, type: "application/atom+xml", format: "Atom" },
  { path: SITE_PATHS.jsonFeed, type: "application/feed+json", format: "JSON Feed" },
] as const;


/** `2 hours`, `45 minutes`, `1 hour 30 minutes`; `2 Stunden` in German. */
export function formatDuration(minutes: number, translator: Translator = english): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours) parts.push(translator.t("duration.hours", { count: hours }));
  if (rest) parts.push(translator.t("duration.minutes", { count: rest }));
  return parts.join(" ");
}

const eventDateCache = new WeakMap<Event, string>();

/** The event's dates as shown on every page ("10–11 June 2016", in its language), formatted once per event. */
export function eventDates(event: Event): string {
  let text = eventDateCache.get(event);
  if (text === undefined) {
    text = formatDateRange(event.start, event.end, event.language);
    eventDateCache.set(event, text);
  }
  return text;
}
