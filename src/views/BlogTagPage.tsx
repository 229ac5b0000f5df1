import type { Conference, Post } from "../content/model.ts";
import { SITE_PATHS } from "../site/urls.ts";
import type { Tagged } from "../schedule/tags.ts";
import { PostSummary } from "./IndexPages.tsx";
import { Layout } from "./Layout.tsx";
import { translatorOf } from "./i18n.ts";
import { breadcrumbLd, ldDocument } from "./structured-data.ts";

/** `/blog/tags/<tag>/`: the posts with one tag, newest first. */
export function BlogTagPage({ conference, tag }: { conference: Conference; tag: Tagged<Post> }) {
  const tr = translatorOf(conference.event);
  const { t } = tr;
  const count = tag.items.length;
  const title = t("blogTag.title", { tag: tag.name });
  return (
    <Layout
      event={conference.event}
      title={title}
      description={t("blogTag.description", { count, tag: tag.name, event: conference.event.name })}
      path={tag.url}
      structuredData={ldDocument(breadcrumbLd(conference.event, [{ name: t("blogTags.title"), path: SITE_PATHS.blogTags }], title))}
    >
      <header class="page-head">
        <p class="breadcrumb">
          <a href={SITE_PATHS.blogTags}>{t("blogTags.title")}</a>
        </p>
        <h1>{tr.parts("blogTag.title", { tag: <span class="topic-name">{tag.name}</span> })}</h1>
        <p class="lede">{t("blogTag.lede", { count })}</p>
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
  const { t } = translatorOf(event);
  return (
    <Layout
      event={event}
      title={t("blogTags.title")}
      description={t("blogTags.description", { event: event.name })}
      path={SITE_PATHS.blogTags}
      structuredData={ldDocument(breadcrumbLd(event, [{ name: t("nav.blog"), path: SITE_PATHS.blog }], t("blogTags.title")))}
    >
      <header class="page-head">
        <p class="breadcrumb">
          <a href={SITE_PATHS.blog}>{t("nav.blog")}</a>
        </p>
        <h1>{t("blogTags.title")}</h1>
      </header>
      {blogTags.length === 0 ? (
        <p>{t("blogTags.none")}</p>
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
