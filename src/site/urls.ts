/**
 * Every address of the site is made here. An address comes in three forms:
 *
 * - a **site path**, `/talks/autopilot/`: where a page or file sits in the output folder. The
 *   model, the views, the exports and the route files all speak in site paths.
 * - an **href**, the site path under the base path of the event's `url`
 *   (`/boston-2016/talks/autopilot/` for `url: https://example.org/boston-2016/`): what a
 *   browser requests. Only the render step makes hrefs (`hrefFor`, `rewriteSitePaths`), so a
 *   view never needs to know where the site is hosted.
 * - an **absolute URL**, `https://example.org/boston-2016/talks/autopilot/`: for exports, feeds,
 *   the sitemap, link previews and structured data (`absoluteUrl`).
 */

/** The site paths of Lectern's own pages and files. */
export const SITE_PATHS = {
  home: "/",
  schedule: "/schedule/",
  scheduleTags: "/schedule/tags/",
  /** What each release of the programme changed: written only when content/releases/ holds a release. */
  scheduleChanges: "/schedule/changes/",
  /** The same as an Atom feed. */
  scheduleChangesFeed: "/schedule/changes/feed.xml",
  talks: "/talks/",
  speakers: "/speakers/",
  workshops: "/workshops/",
  blog: "/blog/",
  blogTags: "/blog/tags/",
  sponsors: "/sponsors/",
  notFound: "/404.html",
  styles: "/styles.css",
  /** The schedule's own styles, after styles.css on the pages under /schedule/ only. */
  scheduleStyles: "/schedule.css",
  /** The home page's own styles, after styles.css. */
  homeStyles: "/home.css",
  /** The blog's own styles, after styles.css on the pages under /blog/. */
  blogStyles: "/blog.css",
  /** The search results' styles, added by the search script when a reader first uses the box. */
  searchStyles: "/search.css",
  /** The event's theme over styles.css: written only when event.yaml has `theme:`. */
  theme: "/theme.css",
  favicon: "/favicon.svg",
  scheduleIcs: "/schedule.ics",
  scheduleJson: "/schedule.json",
  scheduleXml: "/schedule.xml",
  atomFeed: "/blog/feed.xml",
  jsonFeed: "/blog/feed.json",
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  manifest: "/site.webmanifest",
  /** Resized images (`/img/<hash>-<width>.<format>`). */
  images: "/img/",
  /** Share cards (`/cards/talks/<slug>.png`). */
  cards: "/cards/",
  /** The browser scripts, bundled from src/client/ at build time. */
  assets: "/assets/",
  /** The one script every page loads (the others it imports on demand sit beside it). */
  script: "/assets/site.js",
  // Part B of issue 14, the attendee's own schedule:
  /** The programme as the browser's scripts read it (BrowserProgramme in src/export/browser-programme.ts). */
  sessionsJson: "/schedule/sessions.json",
  /** The attendee's picks, kept in their browser: their list, calendar file and share link. */
  mySchedule: "/schedule/mine/",
  // Part D (offline and search):
  /** The search index (Pagefind's bundle: pagefind.js, its WebAssembly and the index files). */
  search: "/pagefind/",
  /** The service worker that keeps the programme for offline use; at the root, so its scope is the whole site. */
  serviceWorker: "/sw.js",
  /** The search box's texts in the site's language, for src/client/search.ts. */
  searchMessages: "/assets/search-messages.json",
} as const;

/** The kinds of content that have a page each, and the folder of those pages. */
export const PAGE_FOLDERS = {
  talks: SITE_PATHS.talks,
  speakers: SITE_PATHS.speakers,
  workshops: SITE_PATHS.workshops,
  blog: SITE_PATHS.blog,
} as const;
export type PageFolder = keyof typeof PAGE_FOLDERS;

/** The page of one talk, speaker, workshop or post: `/talks/<slug>/`. */
export function pagePath(folder: PageFolder, slug: string): string {
  return `${PAGE_FOLDERS[folder]}${slug}/`;
}

/** A free page from `content/pages/`: its slug at the top of the site, `/code-of-conduct/`. */
export function freePagePath(slug: string): string {
  return `/${slug}/`;
}

/** Where a session's own calendar file is published: `/talks/<slug>.ics`, `/workshops/<slug>.ics`. */
export function calendarPath(session: { type: "talk" | "workshop"; slug: string }): string {
  return `${PAGE_FOLDERS[`${session.type}s`]}${session.slug}.ics`;
}

/**
 * The share card (1200×630 PNG) of a page: `/talks/x/` → `/cards/talks/x.png`, likewise for
 * speakers, workshops and blog posts; undefined for pages without a card of their own.
 */
export function cardPath(pagePath: string | undefined): string | undefined {
  const match = pagePath === undefined ? null : /^\/([a-z]+)\/([^/]+)\/$/.exec(pagePath);
  if (!match || !(match[1]! in PAGE_FOLDERS)) return undefined;
  return `${SITE_PATHS.cards}${match[1]}/${match[2]}.png`;
}

/** One conference day's schedule: `/schedule/2016-06-10/` (`date` is the day's ISO date, YYYY-MM-DD). */
export function scheduleDayPath(date: string): string {
  return `${SITE_PATHS.schedule}${date}/`;
}

/**
 * Where a session (or a break) sits in the schedule: its day's page and its entry's id,
 * `/schedule/2016-06-10/#autopilot` (`anchor` from sessionAnchors, `date` its conference day's ISO date).
 * Every link to a session's place in the schedule is made here.
 */
export function scheduleEntryPath(date: string, anchor: string): string {
  return `${scheduleDayPath(date)}#${anchor}`;
}

/** Page `number` of the blog's index: `/blog/` for the first, `/blog/page/<number>/` after it. */
export function blogPagePath(number: number): string {
  return number === 1 ? SITE_PATHS.blog : `${SITE_PATHS.blog}page/${number}/`;
}

/** The event's canonical address, as `event.yaml` gives it (`https://example.org/boston-2016/`). */
interface Hosted {
  url: string;
}

/** The base path the site is served under: `/` or `/boston-2016/`, always ending in `/`. */
export function basePath(event: Hosted): string {
  return baseUrl(event).pathname;
}

/** The href of a site path on the published site: the site path under the base path. */
export function hrefFor(base: string, sitePath: string): string {
  if (base === "/" || !isSitePath(sitePath)) return sitePath;
  return base + sitePath.slice(1);
}

/** The absolute URL of a site path, under the event's canonical address (which may have a path). */
export function absoluteUrl(event: Hosted, sitePath: string): string {
  const base = baseUrl(event);
  const relative = sitePath.replace(/^\//, "");
  // Lectern's own paths need no resolving: URL-safe characters and no "." or ".." segments.
  if (SAFE_PATH.test(relative) && !DOT_SEGMENT.test(relative)) return base.href + relative;
  return new URL(relative, base).href;
}

/** `webcal://` and the host and path of `/schedule.ics`: calendar apps subscribe to it and fetch updates. */
export function calendarSubscriptionUrl(event: Hosted): string {
  return absoluteUrl(event, SITE_PATHS.scheduleIcs).replace(/^https?:/, "webcal:");
}

/** Whether a URL is a site path: starts with one `/` (not `//host`, which leaves the site). */
export function isSitePath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//");
}

const URL_ATTRIBUTE = /(\s(?:href|src|action|poster|data)=")([^"]*)"/g;
const SRCSET_ATTRIBUTE = /(\ssrcset=")([^"]*)"/g;

/**
 * Maps every address in `href`, `src`, `action`, `poster`, `data` and `srcset` attributes of
 * HTML that Lectern made (markdown-it and the sanitiser write every attribute in double
 * quotes) through `map`. Used for rendered markdown: site paths to hrefs on pages, and to
 * absolute URLs in feeds.
 */
export function rewriteAddresses(html: string, map: (address: string) => string): string {
  return html
    .replace(URL_ATTRIBUTE, (_, start: string, value: string) => `${start}${map(value)}"`)
    .replace(SRCSET_ATTRIBUTE, (_, start: string, value: string) => `${start}${mapSrcset(value, map)}"`);
}

/** Each candidate of a `srcset` value mapped through `map`. */
export function mapSrcset(value: string, map: (address: string) => string): string {
  return value
    .split(",")
    .map((candidate) => {
      const [address = "", ...descriptor] = candidate.trim().split(/\s+/);
      return [map(address), ...descriptor].join(" ");
    })
    .join(", ");
}

const baseUrls = new Map<string, URL>();

function baseUrl(event: Hosted): URL {
  let base = baseUrls.get(event.url);
  if (base === undefined) {
    base = new URL(event.url.endsWith("/") ? event.url : `${event.url}/`);
    base.search = "";
    base.hash = "";
    baseUrls.set(event.url, base);
  }
  return base;
}

const SAFE_PATH = /^[a-z0-9\-_~./]*$/i;
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;
