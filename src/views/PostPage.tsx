import type { Conference, Post } from "../content/model.ts";
import { DraftBadge, PostAuthor, PostDate, readingTime } from "./components/PostBits.tsx";
import { Prose } from "./components/Prose.tsx";
import { TagList } from "./components/SessionBits.tsx";
import { Layout } from "./Layout.tsx";
import { translatorOf } from "./i18n.ts";
import { absoluteUrl, SITE_PATHS } from "../site/urls.ts";
import { breadcrumbLd, ldDocument, postLd } from "./structured-data.ts";

/** A blog post: title, date, author, reading time, the post, its tags and the posts before and after it. */
export function PostPage({ conference, post }: { conference: Conference; post: Post }) {
  const { event } = conference;
  const { older, newer } = conference.neighboursOf(post);
  const tr = translatorOf(event);
  const { t } = tr;
  return (
    <Layout
      sheet="blog"
      event={event}
      title={post.title}
      description={post.summary}
      path={post.url}
      share={{
        type: "article",
        card: { collection: "blog", slug: post.slug, title: post.title },
        article: { published: post.date.toISODate()!, author: post.authorSpeaker ? absoluteUrl(event, post.authorSpeaker.url) : post.author, tags: post.tags },
      }}
      structuredData={ldDocument(postLd(event, post), breadcrumbLd(event, [{ name: t("nav.blog"), path: SITE_PATHS.blog }], post.title))}
    >
      <article class="post">
        <header class="page-head">
          <p class="breadcrumb">
            <a href={SITE_PATHS.blog}>{t("nav.blog")}</a>
          </p>
          <DraftBadge post={post} />
          <h1>{post.title}</h1>
          <p class="page-head__meta byline">
            <PostDate post={post} /> · {tr.parts("post.by", { author: <PostAuthor post={post} /> })} · {readingTime(post, tr)}
          </p>
        </header>
        <Prose html={post.html} class="prose--long" />
        <TagList tags={post.tags} urls={conference.blogTagUrls} />
      </article>
      {(older || newer) && (
        <nav class="post-nav" aria-label={t("post.more")}>
          <ul>
            {older && (
              <li class="post-nav__previous">
                <a href={older.url} rel="prev">
                  <span class="post-nav__label">{t("post.previous")}</span> {older.title}
                </a>
              </li>
            )}
            {newer && (
              <li class="post-nav__next">
                <a href={newer.url} rel="next">
                  <span class="post-nav__label">{t("post.next")}</span> {newer.title}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Layout>
  );
}
