import type { Post } from "../content/model.ts";
import { paginate, type PageData } from "../eleventy/types.ts";
import type { Tagged } from "../schedule/tags.ts";
import { BlogTagPage } from "../views/BlogTagPage.tsx";

type Data = PageData & { tag: Tagged<Post> };

export const data = {
  pagination: paginate("conference.blogTags", "tag"),
  permalink: (data: Data) => data.tag.url,
  eleventyExcludeFromCollections: true,
};

export function render({ conference, tag }: Data) {
  return <BlogTagPage conference={conference} tag={tag} />;
}

/** What the page shows (see src/output/routes.ts): the event and the blog's posts (their tags, neighbours and authors come with them). */
export function inputs({ conference }: PageData) {
  return [conference.event, conference.posts];
}
