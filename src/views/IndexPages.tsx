import { SITE_PATHS } from "../site/urls.ts";
import { type BlogPage, type Conference, type Event, type Post, type Session, type Speaker } from "../content/model.ts";
import { sessionAnchors } from "../schedule/tags.ts";
import { formatDay, zoneAbbreviation } from "../schedule/time.ts";
import { Avatar } from "./components/Avatar.tsx";
import { DraftBadge, Pager, PostAuthor, PostDate, readingTime } from "./components/PostBits.tsx";
import { DayZone, SessionCard } from "./components/SessionBits.tsx";
import { Layout } from "./Layout.tsx";
import { translatorOf, useTranslator } from "./i18n.ts";

/** Sessions grouped under a heading per day. */
function SessionsByDay({ conference, sessions }: { conference: Conference; sessions: readonly Session[] }) {
  const anchors = sessionAnchors(conference.sessions);
  const { locale } = useTranslator();
  return (
    <>
      {conference.sessionsByDay(sessions).map(({ date, sessions: list }) => {
        // The heading gives the day and its zone once; a day the clocks change on keeps the zone on each card.
        const zones = [...new Set(list.flatMap((s) => [zoneAbbreviation(s.start), zoneAbbreviation(s.end)]))];
        return (
          <section key={date.toISODate()} class="day" aria-labelledby={`day_${date.toISODate()}`}>
            <h2 id={`day_${date.toISODate()}`}>
              {formatDay(date, locale)} <DayZone zones={zones.join(" / ") || zoneAbbreviation(date)} />
            </h2>
            <div class="card-list">
              {list.map((session) => (
                <SessionCard key={session.slug} session={session} anchor={anchors.get(session)} inDay={zones.length <= 1} tagUrls={conference.tagUrls} />
              ))}
            </div>
          </section>
        );
      })}
    </>
  );
}

export function TalksIndexPage({ conference }: { conference: Conference }) {
  const talks = conference.talkPages;
  const { t } = translatorOf(conference.event);
  return (
    <Layout event={conference.event} title={t("nav.talks")} description={t("talks.description", { count: talks.length, event: conference.event.name })} path={SITE_PATHS.talks}>
      <header class="page-head">
        <h1>{t("nav.talks")}</h1>
        <p class="lede">
          {t("talks.lede", { talks: t("talks.count", { count: talks.length }), days: t("talks.days", { count: conference.event.days.length }) })}
        </p>
      </header>
      <SessionsByDay conference={conference} sessions={talks} />
    </Layout>
  );
}

export function WorkshopsIndexPage({ conference }: { conference: Conference }) {
  const { workshops, event } = conference;
  const { t } = translatorOf(event);
  return (
    <Layout event={event} title={t("nav.workshops")} description={t("workshops.description", { event: event.name })} path={SITE_PATHS.workshops}>
      <header class="page-head">
        <h1>{t("nav.workshops")}</h1>
        <p class="lede">{t("workshops.lede")}</p>
      </header>
      {workshops.length === 0 ? <p>{t("workshops.none")}</p> : <SessionsByDay conference={conference} sessions={workshops} />}
    </Layout>
  );
}

export function SpeakersIndexPage({ event, speakers }: { event: Event; speakers: readonly Speaker[] }) {
  const { t } = translatorOf(event);
  return (
    <Layout event={event} title={t("nav.speakers")} description={t("speakers.description", { count: speakers.length, event: event.name })} path={SITE_PATHS.speakers}>
      <header class="page-head">
        <h1>{t("nav.speakers")}</h1>
        <p class="lede">{t("speakers.lede", { count: speakers.length })}</p>
      </header>
      <ul class="speaker-grid">
        {speakers.map((speaker) => (
          <li key={speaker.slug} class="speaker-tile">
            <Avatar speaker={speaker} />
            <a class="speaker-tile__name" href={speaker.url}>
              {speaker.name}
            </a>
            <span class="speaker-tile__role">
              {speaker.role}
              {t("list.comma")}
              {speaker.company}
            </span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** A post in a list: draft label, linked title, date, author, reading time and summary. */
export function PostSummary({ post, headingLevel = 2 }: { post: Post; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const tr = useTranslator();
  return (
    <article class="card post-card">
      <DraftBadge post={post} />
      <Heading class="card__title">
        <a href={post.url}>{post.title}</a>
      </Heading>
      <p class="card__meta byline">
        <PostDate post={post} /> · <PostAuthor post={post} /> · {readingTime(post, tr)}
      </p>
      <p>{post.summary}</p>
    </article>
  );
}

/** One page of the blog's index (`/blog/`, `/blog/page/2/`, …): its posts, newest first, and links to the other pages. */
export function BlogIndexPage({ conference, page }: { conference: Conference; page: BlogPage }) {
  const { event, blogPages, blogTags } = conference;
  const { t } = translatorOf(event);
  const title = page.number === 1 ? t("nav.blog") : t("blog.page", { number: page.number, count: blogPages.length });
  return (
    <Layout sheet="blog" event={event} title={title} description={t("blog.description", { event: event.name })} path={page.url}>
      <header class="page-head">
        <h1>{title}</h1>
        {blogTags.length > 0 && (
          <p class="lede">
            <a href={SITE_PATHS.blogTags}>{t("blog.byTag")}</a>
          </p>
        )}
      </header>
      {page.posts.length === 0 ? (
        <p>{t("blog.none")}</p>
      ) : (
        <div class="card-list">
          {page.posts.map((post) => (
            <PostSummary key={post.slug} post={post} />
          ))}
        </div>
      )}
      <Pager pages={blogPages} current={page} />
    </Layout>
  );
}
