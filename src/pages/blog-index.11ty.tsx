import type { BlogPage } from "../content/model.ts";
import { paginate, type PageData } from "../eleventy/types.ts";
import { BlogIndexPage } from "../views/IndexPages.tsx";

type Data = PageData & { blogPage: BlogPage };

export const data = {
  pagination: paginate("conference.blogPages", "blogPage"),
  permalink: (data: Data) => data.blogPage.url,
  eleventyExcludeFromCollections: true,
};

export function render({ conference, blogPage }: Data) {
  return <BlogIndexPage conference={conference} page={blogPage} />;
}

/** What the page shows (see src/output/routes.ts): the event and the blog's posts (their tags, neighbours and authors come with them). */
export function inputs({ conference }: PageData) {
  return [conference.event, conference.posts];
}
