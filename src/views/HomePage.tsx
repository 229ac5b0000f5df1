import { SITE_PATHS } from "../site/urls.ts";
import type { Conference } from "../content/model.ts";
import { sessionAnchors } from "../schedule/tags.ts";
import { formatDay } from "../schedule/time.ts";
import { eventDates } from "./site.ts";
import { Avatar } from "./components/Avatar.tsx";
import { CalendarLinks } from "./components/CalendarLinks.tsx";
import { SessionCard } from "./components/SessionBits.tsx";
import { PostSummary } from "./IndexPages.tsx";
import { Layout } from "./Layout.tsx";
import { conferenceLd, ldDocument } from "./structured-data.ts";

export function HomePage({ conference }: { conference: Conference }) {
  const { event, speakers, workshops, posts } = conference;
  const talks = conference.talkPages;
  const keynotes = talks.filter((talk) => talk.kind === "keynote");
  const anchors = sessionAnchors(conference.sessions);
  return (
    <Layout event={event} title={event.name} description={event.tagline} path={SITE_PATHS.home} structuredData={ldDocument(conferenceLd(conference))}>
      <section class="hero" aria-labelledby="hero_title">
        <h1 id="hero_title">{event.name}</h1>
        <p class="hero__tagline">{event.tagline}</p>
        <p class="hero__facts">
          <span>{eventDates(event)}</span>
          <span>
            {event.venue.name}, {event.venue.address}
          </span>
        </p>
        <ul class="button-row">
          <li>
            <a class="button" href={SITE_PATHS.talks}>
              Browse the {talks.length} talks
            </a>
          </li>
          {workshops.length > 0 && (
            <li>
              <a class="button button--quiet" href={SITE_PATHS.workshops}>
                {workshops.length} workshops
              </a>
            </li>
          )}
          <li>
            <a class="button button--quiet" href={SITE_PATHS.speakers}>
              {speakers.length} speakers
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="glance_heading">
        <h2 id="glance_heading">The programme at a glance</h2>
        <p class="schedule-exports">
          <CalendarLinks event={event} />
        </p>
        <ol class="glance">
          {conference.days.map(({ date, sessions }) => {
            const onDay = sessions.filter((s) => s.url);
            return (
              <li key={date.toISODate()} class="glance__day">
                <h3>{formatDay(date)}</h3>
                <ul>
                  {onDay.map((session) => (
                    <li key={session.slug}>
                      <a href={`${session.url}`}>{session.title}</a>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      </section>

      {keynotes.length > 0 && (
        <section aria-labelledby="keynotes_heading">
          <h2 id="keynotes_heading">{keynotes.length === 1 ? "Keynote" : "Keynotes"}</h2>
          <div class="card-list">
            {keynotes.map((talk) => (
              <SessionCard key={talk.slug} session={talk} anchor={anchors.get(talk)} />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="people_heading">
        <h2 id="people_heading">Speakers</h2>
        <ul class="face-row">
          {speakers.map((speaker) => (
            <li key={speaker.slug}>
              <a href={speaker.url} class="face">
                <Avatar speaker={speaker} size="s" />
                <span>{speaker.name}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      {posts[0] && (
        <section aria-labelledby="news_heading">
          <h2 id="news_heading">From the blog</h2>
          <PostSummary post={posts[0]} />
        </section>
      )}
    </Layout>
  );
}
