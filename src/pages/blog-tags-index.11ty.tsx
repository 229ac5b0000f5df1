import { SITE_PATHS } from "../site/urls.ts";
import type { PageData } from "../eleventy/types.ts";
import { BlogTagsPage } from "../views/BlogTagPage.tsx";

export const data = { permalink: SITE_PATHS.blogTags, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <BlogTagsPage conference={conference} />;
}

/** What the page shows (see src/output/routes.ts): the event and the blog's posts (their tags, neighbours and authors come with them). */
export function inputs({ conference }: PageData) {
  return [conference.event, conference.posts];
}
