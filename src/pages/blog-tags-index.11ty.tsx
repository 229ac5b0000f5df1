import { BLOG_TAGS_URL } from "../content/model.ts";
import type { PageData } from "../eleventy/types.ts";
import { BlogTagsPage } from "../views/BlogTagPage.tsx";

export const data = { permalink: BLOG_TAGS_URL, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <BlogTagsPage conference={conference} />;
}
