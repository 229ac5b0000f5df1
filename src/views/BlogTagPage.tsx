import type { Conference, Post } from "../content/model.ts";
import { SITE_PATHS } from "../site/urls.ts";
import type { Tagged } from "../schedule/tags.ts";
import { PostSummary } from "./IndexPages.tsx";
import { Layout } from "./Layout.tsx";
import { breadcrumbLd, ldDocument } from "./structured-data.ts";

/** `/blog/tags/<tag>/`: the posts with one tag, newest first. */
export function BlogTagPage({ conference, tag }: { conference: Conference; tag: Tagged<Post> }) {
  const noun = tag.items.length === 1 ? "post" : "posts";
  return (
    <Layout
      event={conference.event}
      title={`Posts tagged ${tag.name}`}
      description={`The ${tag.items.length} ${noun} tagged ${tag.name} on the ${conference.event.name} blog.`}
      path={tag.url}
      structuredData={ldDocument(breadcrumbLd(conference.event, [{ name: "Blog tags", path: SITE_PATHS.blogTags }], `Posts tagged ${tag.name}`))}
    >
      <header class="page-head">
        <p class="breadcrumb">
          <a href={SITE_PATHS.blogTags}>Blog tags</a>
        </p>
        <h1>
          Posts tagged <span class="topic-name">{tag.name}</span>
        </h1>
        <p class="lede">
          {tag.items.length} {noun}, newest first.
        </p>
      </header>
      <div class="card-list">
        {tag.items.map((post) => (
          <PostSummary key={post.slug} post={post} />
        ))}
      </div>
    </Layout>
  );
}

/** `/blog/tags/`: every tag of the blog with its number of posts. */
export function BlogTagsPage({ conference }: { conference: Conference }) {
  const { blogTags, event } = conference;
  return (
    <Layout
      event={event}
      title="Blog tags"
      description={`The tags of the ${event.name} blog.`}
      path={SITE_PATHS.blogTags}
      structuredData={ldDocument(breadcrumbLd(event, [{ name: "Blog", path: SITE_PATHS.blog }], "Blog tags"))}
    >
      <header class="page-head">
        <p class="breadcrumb">
          <a href={SITE_PATHS.blog}>Blog</a>
        </p>
        <h1>Blog tags</h1>
      </header>
      {blogTags.length === 0 ? (
        <p>No tags yet.</p>
      ) : (
        <ul class="topic-list">
          {blogTags.map((tag) => (
            <li key={tag.slug}>
              <a href={tag.url}>
                {tag.name} <span class="topic-list__count">{tag.items.length}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
