import type { ComponentChildren } from "preact";
import type { Event } from "../content/model.ts";
import { truncate } from "../content/markdown.ts";
import { absoluteUrl, SITE_PATHS } from "../site/urls.ts";
import { BLOG_FEEDS, eventDates, NAV, PROGRAMME_EXPORTS } from "./site.ts";
import { socialLinks } from "./social.ts";
import { TranslatorContext, translatorOf, useTranslator } from "./i18n.ts";
import { jsonForScript, type Json } from "./structured-data.ts";
import { ThemePicture } from "./components/ThemePicture.tsx";
import { HeadMeta, type ShareMeta } from "./components/HeadMeta.tsx";
import { CLIENT_STRINGS_ID, clientStrings } from "./client-strings.ts";

/** The stylesheets a page can add after styles.css (see `LayoutProps.sheet`). */
const SHEETS = { schedule: SITE_PATHS.scheduleStyles, blog: SITE_PATHS.blogStyles, home: SITE_PATHS.homeStyles } as const;

export interface LayoutProps {
  event: Event;
  /** The page's own title; the event's name is added after it. */
  title: string;
  /** Plain text for the meta description (cut to 160 characters). */
  description: string;
  /** The page's site path, e.g. /talks/x/; used for the canonical URL and the current nav item. */
  path: string;
  /** schema.org data for search engines, serialised safely into the head. */
  structuredData?: Json;
  /** How the page looks when shared: Open Graph type, social card, a post's date and author. */
  share?: ShareMeta;
  /** Keeps the page out of search engines, with no canonical address (the 404 page). */
  noindex?: boolean;
  /**
   * The page's own stylesheet after styles.css: `schedule` (the grid, filters, My schedule) for the
   * pages under /schedule/, `blog` (the pager, the post links) under /blog/, `home` (the hero, the
   * days at a glance) for the home page. Each page loads at most one, so that none loads styles
   * for what it does not show.
   */
  sheet?: keyof typeof SHEETS;
  children: ComponentChildren;
}

/** The page shell every page shares: head, skip link, header with navigation, footer. */
export function Layout({ event, title, description, path, structuredData, share, noindex = false, sheet, children }: LayoutProps) {
  const fullTitle = path === "/" ? event.name : `${title} · ${event.name}`;
  const canonical = absoluteUrl(event, path);
  const summary = truncate(description || event.tagline);
  const tr = translatorOf(event);
  const social = socialLinks(event.social ?? {}, "organisation", tr);
  const nav = [...NAV.map((item) => ({ label: tr.t(item.key), href: item.href })), ...event.menus.main];
  return (
    <TranslatorContext.Provider value={tr}>
    <html lang={event.language} dir={tr.dir === "rtl" ? "rtl" : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={summary} />
        {noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={canonical} />}
        <HeadMeta event={event} title={title} description={summary} canonical={noindex ? undefined : canonical} share={share} />
        <link rel="stylesheet" href={SITE_PATHS.styles} />
        {sheet && <link rel="stylesheet" href={SHEETS[sheet]} />}
        {event.theme && <link rel="stylesheet" href={SITE_PATHS.theme} />}
        <script type="module" src={SITE_PATHS.script}></script>
        {PROGRAMME_EXPORTS.map((file) => (
          <link key={file.path} rel="alternate" type={file.type} href={absoluteUrl(event, file.path)} title={tr.t("layout.programmeFeed", { event: event.name, format: file.format })} />
        ))}
        {BLOG_FEEDS.map((feed) => (
          <link key={feed.path} rel="alternate" type={feed.type} href={absoluteUrl(event, feed.path)} title={tr.t("layout.blogFeed", { event: event.name, format: feed.format })} />
        ))}
        <script type="application/json" id={CLIENT_STRINGS_ID} dangerouslySetInnerHTML={{ __html: jsonForScript(clientStrings(tr)) }} />
        {structuredData !== undefined && (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(structuredData) }} />
        )}
      </head>
      <body>
        <a class="skip-link" href="#main_content">
          {tr.t("layout.skip")}
        </a>
        <header class={path === SITE_PATHS.home ? "site-header site-header--home" : "site-header"}>
          <div class="wrap site-header__inner">
            <a class={event.theme?.logo ? "brand brand--logo" : "brand"} href={SITE_PATHS.home}>
              {event.theme?.logo && <ThemePicture image={event.theme.logo} alt={event.name} class="brand__logo" eager />}
              {/* With a logo, its alt text names the link: the name beside it is not read twice. */}
              <span class="brand__name" aria-hidden={event.theme?.logo ? "true" : undefined}>
                {event.name}
              </span>
              <span class="brand__dates">
                {eventDates(event)}
                <span class="brand__venue"> · {event.venue.name}</span>
              </span>
            </a>
            <nav class="site-nav" aria-label={tr.t("nav.main")}>
              <ul>
                <NavItems items={nav} path={path} />
              </ul>
            </nav>
            <SearchBox />
          </div>
        </header>
        {/* Every id a view writes itself holds an underscore; slugs, session anchors and a post's ids never do. */}
        <main id="main_content" class="wrap" tabIndex={-1} data-pagefind-body={isSearchResult(path) ? "" : undefined}>
          {/* Filled by the service worker when the page comes from its cache (src/client/sw.ts). */}
          <p class="offline-note" data-offline-note="" hidden></p>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              <strong>{event.name}</strong> · {eventDates(event)} ·{" "}
              {event.venue.url ? <a href={event.venue.url}>{event.venue.name}</a> : event.venue.name}
              {tr.t("list.comma")}
              {event.venue.address}
            </p>
            {event.organiser && (
              <p>
                {tr.parts("layout.organisedBy", {
                  organiser: event.organiser.url ? <a href={event.organiser.url}>{event.organiser.name}</a> : event.organiser.name,
                })}
              </p>
            )}
            {event.note && <p class="site-footer__note">{event.note}</p>}
            {event.menus.footer.length > 0 && (
              <nav aria-label={tr.t("nav.footer")}>
                <ul class="site-footer__links">
                  <NavItems items={event.menus.footer} path={path} />
                </ul>
              </nav>
            )}
            {social.length > 0 && (
              <ul class="site-footer__links" aria-label={tr.t("layout.elsewhere", { event: event.name })}>
                {social.map((link) => (
                  <li key={link.href}>
                    <a href={link.href} rel="me">
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </footer>
      </body>
    </html>
    </TranslatorContext.Provider>
  );
}

const OWN_PAGES = new Set<string>(Object.values(SITE_PATHS));

/**
 * Whether a page is a search result: a talk, speaker, workshop, post or free page. Indexes,
 * the schedule and other overviews are not (Pagefind indexes only pages marked `data-pagefind-body`).
 */
export function isSearchResult(path: string): boolean {
  if (OWN_PAGES.has(path)) return false;
  return /^\/(?:(?:talks|speakers|workshops|blog)\/)?[^/]+\/$/.test(path);
}

/**
 * The search box: without script a form that opens the talk index; with it, src/client/search.ts
 * (loaded when the box is first used) shows results from the Pagefind index as the attendee types,
 * with its texts from `/assets/search-messages.json` (written by src/output/search-offline.ts).
 */
function SearchBox() {
  const tr = useTranslator();
  return (
    <form role="search" class="site-search" action={SITE_PATHS.talks} data-search="">
      <label for="site_search" class="visually-hidden">
        {tr.t("search.label")}
      </label>
      <input id="site_search" class="site-search__input" type="search" name="q" placeholder={tr.t("search.placeholder")} autocomplete="off" spellcheck={false} />
      <button class="site-search__button" type="submit">
        {tr.t("search.submit")}
      </button>
    </form>
  );
}

/** Whether a menu link is the current page's section: the longest link the path starts with (My schedule, not the schedule, on /schedule/mine/). */
function isCurrent(href: string, path: string, items: ReadonlyArray<{ href: string }>): boolean {
  if (href === "/") return path === "/";
  return path.startsWith(href) && !items.some((other) => other.href.length > href.length && other.href.startsWith(href) && path.startsWith(other.href));
}

/** The links of a menu as list items, the one for the current page marked. */
function NavItems({ items, path }: { items: ReadonlyArray<{ href: string; label: string }>; path: string }) {
  return (
    <>
      {items.map((item) => (
        <li key={item.href}>
          <a href={item.href} aria-current={isCurrent(item.href, path, items) ? "page" : undefined}>
            {item.label}
          </a>
        </li>
      ))}
    </>
  );
}
