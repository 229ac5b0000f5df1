import type { PageData } from "../eleventy/types.ts";
import { renderAtomFeed } from "../export/feeds.ts";
import { BLOG_FEEDS } from "../views/site.ts";

export const data = { permalink: BLOG_FEEDS[0].path, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return renderAtomFeed(conference);
}

/** What the page shows (see src/output/routes.ts): the event and the blog's posts (their tags, neighbours and authors come with them). */
export function inputs({ conference }: PageData) {
  return [conference.event, conference.posts];
}
