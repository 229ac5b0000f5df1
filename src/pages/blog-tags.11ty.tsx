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
