import type { BlogPage, Post } from "../../content/model.ts";
import { Avatar } from "./Avatar.tsx";
import { useTranslator } from "../i18n.ts";
import type { Translator } from "../../i18n/index.ts";
import { formatDate } from "../../schedule/time.ts";

/** "20 June 2016" in a `<time>` carrying the ISO date. */
export function PostDate({ post }: { post: Post }) {
  const { locale } = useTranslator();
  return <time dateTime={post.date.toISODate()!}>{formatDate(post.date, locale)}</time>;
}

/** The author: a speaker with their avatar and a link to their page, or the name as written. */
export function PostAuthor({ post }: { post: Post }) {
  const speaker = post.authorSpeaker;
  if (!speaker) return <span class="byline__name">{post.author}</span>;
  return (
    <a class="byline__person" href={speaker.url}>
      <Avatar speaker={speaker} size="s" />
      <span class="byline__name">{speaker.name}</span>
    </a>
  );
}

/** "3 min read", in the translator's language. */
export function readingTime(post: Post, translator: Translator): string {
  return translator.t("post.readingTime", { count: post.readingMinutes });
}

/** Marks a post that only the dev server shows. */
export function DraftBadge({ post }: { post: Post }) {
  const { t } = useTranslator();
  return post.draft ? <span class="badge badge--draft">{t("post.draft")}</span> : null;
}

/** Numbered links to every page of the blog's index, the current one marked, with previous and next. */
export function Pager({ pages, current }: { pages: readonly BlogPage[]; current: BlogPage }) {
  const { t } = useTranslator();
  if (pages.length < 2) return null;
  const previous = pages[current.number - 2];
  const next = pages[current.number];
  return (
    <nav class="pager" aria-label={t("pager.label")}>
      <ul>
        {previous && (
          <li>
            <a href={previous.url} rel="prev">
              {t("pager.previous")}
            </a>
          </li>
        )}
        {pages.map((page) => (
          <li key={page.url}>
            <a href={page.url} aria-current={page === current ? "page" : undefined} aria-label={t("pager.page", { number: page.number })}>
              {page.number}
            </a>
          </li>
        ))}
        {next && (
          <li>
            <a href={next.url} rel="next">
              {t("pager.next")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
