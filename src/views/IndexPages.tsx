import type { Conference, Event, Post, Session, Speaker } from "../content/model.ts";
import { sessionAnchors } from "../schedule/tags.ts";
import { formatDay } from "../schedule/time.ts";
import { Avatar } from "./components/Avatar.tsx";
import { SessionCard } from "./components/SessionBits.tsx";
import { Layout } from "./Layout.tsx";

/** Sessions grouped under a heading per day. */
function SessionsByDay({ conference, sessions }: { conference: Conference; sessions: readonly Session[] }) {
  const anchors = sessionAnchors(conference.sessions);
  return (
    <>
      {conference.sessionsByDay(sessions).map(({ date, sessions: list }) => (
        <section key={date.toISODate()} class="day" aria-labelledby={`day_${date.toISODate()}`}>
          <h2 id={`day_${date.toISODate()}`}>{formatDay(date)}</h2>
          <div class="card-list">
            {list.map((session) => (
              <SessionCard key={session.slug} session={session} anchor={anchors.get(session)} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}

export function TalksIndexPage({ conference }: { conference: Conference }) {
  const talks = conference.talkPages;
  return (
    <Layout event={conference.event} title="Talks" description={`All ${talks.length} talks of ${conference.event.name}, day by day.`} path="/talks/">
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
    <Layout event={event} title="Workshops" description={`Hands-on workshops at ${event.name}.`} path="/workshops/">
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
    <Layout event={event} title="Speakers" description={`The ${speakers.length} speakers and workshop leaders of ${event.name}.`} path="/speakers/">
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

export function PostSummary({ post }: { post: Post }) {
  return (
    <article class="card">
      <h2 class="card__title">
        <a href={post.url}>{post.title}</a>
      </h2>
      <p class="card__meta">
        <time dateTime={post.date.toISODate()!}>{post.date.setLocale("en-GB").toFormat("d LLLL yyyy")}</time> · {post.author}
      </p>
      <p>{post.summary}</p>
    </article>
  );
}

export function BlogIndexPage({ event, posts }: { event: Event; posts: readonly Post[] }) {
  return (
    <Layout event={event} title="Blog" description={`News and recaps from ${event.name}.`} path="/blog/">
      <header class="page-head">
        <h1>Blog</h1>
      </header>
      {posts.length === 0 ? (
        <p>No posts yet.</p>
      ) : (
        <div class="card-list">
          {posts.map((post) => (
            <PostSummary key={post.slug} post={post} />
          ))}
        </div>
      )}
    </Layout>
  );
}
