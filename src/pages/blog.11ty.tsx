import type { Post } from "../content/model.ts";
import { paginate, type PageData } from "../eleventy/types.ts";
import { PostPage } from "../views/PostPage.tsx";

type Data = PageData & { post: Post };

export const data = {
  pagination: paginate("conference.posts", "post"),
  permalink: (data: Data) => data.post.url,
  eleventyExcludeFromCollections: true,
};

export function render({ conference, post }: Data) {
  return <PostPage conference={conference} post={post} />;
}

/** What the page shows (see src/output/routes.ts): the event and the blog's posts (their tags, neighbours and authors come with them). */
export function inputs({ conference }: PageData) {
  return [conference.event, conference.posts];
}
