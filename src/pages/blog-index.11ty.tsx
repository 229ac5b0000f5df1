import type { PageData } from "../eleventy/types.ts";
import { BlogIndexPage } from "../views/IndexPages.tsx";

export const data = { permalink: "/blog/", eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <BlogIndexPage event={conference.event} posts={conference.posts} />;
}
