import type { Event, Post } from "../content/model.ts";
import { Prose } from "./components/Prose.tsx";
import { TagList } from "./components/SessionBits.tsx";
import { Layout } from "./Layout.tsx";
import { breadcrumbLd, ldDocument, postLd } from "./structured-data.ts";

export function PostPage({ event, post }: { event: Event; post: Post }) {
  return (
    <Layout
      event={event}
      title={post.title}
      description={post.summary}
      path={post.url}
      share={{
        type: "article",
        card: { collection: "blog", slug: post.slug, title: post.title },
        article: { published: post.date.toISODate()!, author: post.author, tags: post.tags },
      }}
      structuredData={ldDocument(postLd(event, post), breadcrumbLd(event, [{ name: "Blog", path: "/blog/" }], post.title))}
    >
      <article class="post">
        <header class="page-head">
          <p class="breadcrumb">
            <a href="/blog/">Blog</a>
          </p>
          <h1>{post.title}</h1>
          <p class="page-head__meta">
            <time dateTime={post.date.toISODate()!}>{post.date.setLocale("en-GB").toFormat("d LLLL yyyy")}</time> · by{" "}
            {post.author}
          </p>
        </header>
        <Prose html={post.html} class="prose--long" />
        <TagList tags={post.tags} />
      </article>
    </Layout>
  );
}
