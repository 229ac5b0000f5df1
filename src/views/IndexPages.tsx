import { SITE_PATHS } from "../site/urls.ts";
import { type BlogPage, type Conference, type Event, type Post, type Session, type Speaker } from "../content/model.ts";
import { sessionAnchors } from "../schedule/tags.ts";
import { formatDay, zoneAbbreviation } from "../schedule/time.ts";
import { Avatar } from "./components/Avatar.tsx";
import { DraftBadge, Pager, PostAuthor, PostDate, readingTime } from "./components/PostBits.tsx";
import { DayZone, SessionCard } from "./components/SessionBits.tsx";
import { Layout } from "./Layout.tsx";

/** Sessions grouped under a heading per day. */
function SessionsByDay({ conference, sessions }: { conference: Conference; sessions: readonly Session[] }) {
  const anchors = sessionAnchors(conference.sessions);
  return (
    <>
      {conference.sessionsByDay(sessions).map(({ date, sessions: list }) => {
        // The heading gives the day and its zone once; a day the clocks change on keeps the zone on each card.
        const zones = [...new Set(list.flatMap((s) => [zoneAbbreviation(s.start), zoneAbbreviation(s.end)]))];
        return (
          <section key={date.toISODate()} class="day" aria-labelledby={`day_${date.toISODate()}`}>
            <h2 id={`day_${date.toISODate()}`}>
              {formatDay(date)} <DayZone zones={zones.join(" / ") || zoneAbbreviation(date)} />
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
  return (
    <Layout event={conference.event} title="Talks" description={`All ${talks.length} talks of ${conference.event.name}, day by day.`} path={SITE_PATHS.talks}>
      <header class="page-head">
        <h1>Talks</h1>
        <p class="lede">
          {talks.length} talks over {conference.event.days.length} {conference.event.days.length === 1 ? "day" : "days"}.
        </p>
      </header>
      <SessionsByDay conference={conference} sessions={talks} />
    </Layout>
  );
}

export function WorkshopsIndexPage({ conference }: { conference: Conference }) {
  const { workshops, event } = conference;
  return (
    <Layout event={event} title="Workshops" description={`Hands-on workshops at ${event.name}.`} path={SITE_PATHS.workshops}>
      <header class="page-head">
        <h1>Workshops</h1>
        <p class="lede">Hands-on sessions: bring a laptop and check the list of what to install first.</p>
      </header>
      {workshops.length === 0 ? <p>No workshops yet.</p> : <SessionsByDay conference={conference} sessions={workshops} />}
    </Layout>
  );
}

export function SpeakersIndexPage({ event, speakers }: { event: Event; speakers: readonly Speaker[] }) {
  return (
    <Layout event={event} title="Speakers" description={`The ${speakers.length} speakers and workshop leaders of ${event.name}.`} path={SITE_PATHS.speakers}>
      <header class="page-head">
        <h1>Speakers</h1>
        <p class="lede">{speakers.length} people sharing what they build and run.</p>
      </header>
      <ul class="speaker-grid">
        {speakers.map((speaker) => (
          <li key={speaker.slug} class="speaker-tile">
            <Avatar speaker={speaker} />
            <a class="speaker-tile__name" href={speaker.url}>
              {speaker.name}
            </a>
            <span class="speaker-tile__role">
              {speaker.role}, {speaker.company}
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
  return (
    <article class="card post-card">
      <DraftBadge post={post} />
      <Heading class="card__title">
        <a href={post.url}>{post.title}</a>
      </Heading>
      <p class="card__meta byline">
        <PostDate post={post} /> · <PostAuthor post={post} /> · {readingTime(post)}
      </p>
      <p>{post.summary}</p>
    </article>
  );
}

/** One page of the blog's index (`/blog/`, `/blog/page/2/`, …): its posts, newest first, and links to the other pages. */
export function BlogIndexPage({ conference, page }: { conference: Conference; page: BlogPage }) {
  const { event, blogPages, blogTags } = conference;
  const title = page.number === 1 ? "Blog" : `Blog, page ${page.number} of ${blogPages.length}`;
  return (
    <Layout event={event} title={title} description={`News and recaps from ${event.name}.`} path={page.url}>
      <header class="page-head">
        <h1>{title}</h1>
        {blogTags.length > 0 && (
          <p class="lede">
            <a href={SITE_PATHS.blogTags}>Posts by tag</a>
          </p>
        )}
      </header>
      {page.posts.length === 0 ? (
        <p>No posts yet.</p>
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
