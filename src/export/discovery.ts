import type { Conference } from "../content/model.ts";
import { BACKGROUND_COLOUR, THEME_COLOUR } from "../views/share.ts";
import { absoluteUrl, scheduleDayPath, SITE_PATHS } from "../site/urls.ts";
import { XmlWriter } from "./xml-writer.ts";

/** A page search engines may list: its site path and, where Lectern knows it, when it last changed. */
export interface IndexedPage {
  path: string;
  /** YYYY-MM-DD; only for a post, whose date says when it was written. Other pages change with any build. */
  lastmod?: string;
}

/**
 * Every page the site builds except the 404 page, in the order the navigation shows them.
 * It lists what the route files in src/pages render; tests/build/discovery.test.ts compares
 * it with the built folder both ways, so a new kind of page cannot go missing.
 */
export function indexedPages(conference: Conference): IndexedPage[] {
  const paths = (urls: Iterable<string>) => Array.from(urls, (path) => ({ path }));
  return [
    { path: SITE_PATHS.home },
    { path: SITE_PATHS.schedule },
    ...paths(conference.days.map((day) => scheduleDayPath(day.date.toISODate()!))),
    { path: SITE_PATHS.scheduleTags },
    { path: SITE_PATHS.mySchedule },
    ...(conference.releases.length > 0 ? [{ path: SITE_PATHS.scheduleChanges }] : []),
    ...paths(conference.tags.map((tag) => tag.url)),
    { path: SITE_PATHS.talks },
    ...paths(conference.talkPages.map((talk) => talk.url!)),
    { path: SITE_PATHS.speakers },
    ...paths(conference.speakers.map((speaker) => speaker.url)),
    { path: SITE_PATHS.workshops },
    ...paths(conference.workshops.map((workshop) => workshop.url)),
    ...paths(conference.blogPages.map((page) => page.url)),
    { path: SITE_PATHS.blogTags },
    ...paths(conference.blogTags.map((tag) => tag.url)),
    ...conference.posts.map((post) => ({ path: post.url, lastmod: post.date.toISODate()! })),
    ...paths(conference.pages.map((page) => page.url)),
    ...(conference.sponsors.length > 0 ? [{ path: SITE_PATHS.sponsors }] : []),
  ];
}

/** `sitemap.xml` (sitemaps.org 0.9): every indexed page (`indexedPages`) at its absolute URL. */
export function renderSitemap(conference: Conference, pages: readonly IndexedPage[] = indexedPages(conference)): string {
  const xml = new XmlWriter().start("urlset", { xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9" });
  for (const page of pages) {
    xml.start("url").leaf("loc", absoluteUrl(conference.event, page.path));
    if (page.lastmod) xml.leaf("lastmod", page.lastmod);
    xml.end();
  }
  return xml.end().toString();
}

/**
 * `robots.txt`: everything may be crawled, and the sitemap's absolute URL. Crawlers read it
 * only at the root of a host, so a site under a path needs its host's robots.txt to name the sitemap.
 */
export function renderRobots(conference: Conference): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(conference.event, SITE_PATHS.sitemap)}\n`;
}

/** The PNG icons in `public/` (made by tests/make-icons.sh) and the SVG favicon, as the manifest lists them. */
export const MANIFEST_ICONS = [
  { src: "icon-192.png", sizes: "192x192", type: "image/png" },
  { src: "icon-512.png", sizes: "512x512", type: "image/png" },
  { src: "icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
  { src: "favicon.svg", sizes: "any", type: "image/svg+xml" },
] as const;

/**
 * `site.webmanifest`: the web app manifest, for "Add to home screen". Its addresses are
 * relative to the manifest itself, so they hold on the dev server and under a sub-path.
 */
export function renderManifest(conference: Conference): string {
  const { event } = conference;
  const manifest = {
    name: event.name,
    short_name: event.name,
    description: event.tagline,
    lang: event.language,
    start_url: "./",
    scope: "./",
    display: "standalone",
    theme_color: event.theme?.colours.primary ?? THEME_COLOUR,
    background_color: event.theme?.colours.background ?? BACKGROUND_COLOUR,
    icons: MANIFEST_ICONS,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
