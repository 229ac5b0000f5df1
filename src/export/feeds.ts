import { translatorFor } from "../i18n/index.ts";
import type { DateTime } from "luxon";
import type { Conference, Event, Post } from "../content/model.ts";
import { absoluteUrl, rewriteAddresses, SITE_PATHS } from "../site/urls.ts";
import { BLOG_FEEDS } from "../views/site.ts";
import { GENERATOR } from "./generator.ts";
import { XmlWriter } from "./xml-writer.ts";

/** Posts a feed carries: the newest. */
export const FEED_SIZE = 20;

const [ATOM, JSON_FEED] = BLOG_FEEDS;

/** The posts in the feeds: the newest FEED_SIZE published ones (never a draft, even in the dev server). */
export function feedPosts(conference: Conference): Post[] {
  return conference.posts.filter((post) => !post.draft).slice(0, FEED_SIZE);
}

/** The blog as an Atom feed (RFC 4287), every address absolute. */
export function renderAtomFeed(conference: Conference): string {
  const { event } = conference;
  const posts = feedPosts(conference);
  const xml = new XmlWriter();
  xml.start("feed", { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": event.language });
  xml.leaf("title", feedTitle(event));
  xml.leaf("subtitle", event.tagline);
  xml.leaf("id", absoluteUrl(event, ATOM.path));
  xml.leaf("link", "", { rel: "self", type: ATOM.type, href: absoluteUrl(event, ATOM.path) });
  xml.leaf("link", "", { rel: "alternate", type: "text/html", href: absoluteUrl(event, SITE_PATHS.blog) });
  xml.leaf("updated", isoDate(posts[0]?.date ?? event.start));
  xml.leaf("generator", GENERATOR.name, { version: GENERATOR.version });
  for (const post of posts) {
    const url = absoluteUrl(event, post.url);
    xml.start("entry");
    xml.leaf("title", post.title);
    xml.leaf("link", "", { rel: "alternate", type: "text/html", href: url });
    xml.leaf("id", url);
    xml.leaf("published", isoDate(post.date));
    xml.leaf("updated", isoDate(post.date));
    xml.start("author").leaf("name", post.author);
    if (post.authorSpeaker) xml.leaf("uri", absoluteUrl(event, post.authorSpeaker.url));
    xml.end();
    for (const tag of post.tags) xml.leaf("category", "", { term: tag });
    xml.leaf("summary", post.summary);
    xml.leaf("content", absoluteLinks(post.html, event, post.url), { type: "html" });
    xml.end();
  }
  xml.end();
  return xml.toString();
}

/** The blog as a JSON Feed 1.1 (https://jsonfeed.org/version/1.1), every address absolute. */
export function renderJsonFeed(conference: Conference): string {
  const { event } = conference;
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: feedTitle(event),
    home_page_url: absoluteUrl(event, SITE_PATHS.blog),
    feed_url: absoluteUrl(event, JSON_FEED.path),
    description: event.tagline,
    language: event.language,
    items: feedPosts(conference).map((post) => {
      const speaker = post.authorSpeaker;
      const author = speaker
        ? { name: post.author, url: absoluteUrl(event, speaker.url), ...(speaker.photo && { avatar: imageUrl(event, speaker.photo) }) }
        : { name: post.author };
      return {
        id: absoluteUrl(event, post.url),
        url: absoluteUrl(event, post.url),
        title: post.title,
        content_html: absoluteLinks(post.html, event, post.url),
        summary: post.summary,
        date_published: isoDate(post.date),
        authors: [author],
        tags: post.tags,
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function feedTitle(event: Event): string {
  return translatorFor(event.language).t("feed.title", { event: event.name });
}

function isoDate(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true }) ?? "";
}

function imageUrl(event: Event, photo: string): string {
  return photo.startsWith("/") ? absoluteUrl(event, photo) : photo;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A post's sanitised HTML with every link and image address made absolute, as feed readers
 * show it away from the site: `/talks/x/` under the site's address (and its path), `#notes`
 * and `photo.jpg` against the post's own page.
 */
export function absoluteLinks(html: string, event: Event, postPath: string): string {
  const page = absoluteUrl(event, postPath);
  return rewriteAddresses(html, (value) => {
    if (value === "" || HAS_SCHEME.test(value)) return value;
    if (value.startsWith("/")) return absoluteUrl(event, value);
    return new URL(value, page).href;
  });
}
