import { SITE_PATHS } from "../site/urls.ts";
import type { Conference } from "../content/model.ts";
import type { TagGroup } from "../schedule/tags.ts";
import { formatDay } from "../schedule/time.ts";
import { ScheduleEntry, slotKind } from "./ScheduleEntry.tsx";
import { Layout } from "./Layout.tsx";
import { breadcrumbLd, ldDocument } from "./structured-data.ts";
import { TopicList } from "./SchedulePage.tsx";

/** The sessions with one tag, in time order under a heading per day: the schedule filtered without JavaScript. */
export function ScheduleTagPage({ conference, tag }: { conference: Conference; tag: TagGroup }) {
  const { tags, tagUrls } = conference;
  const days = conference.sessionsByDay(tag.sessions);
  const noun = tag.sessions.length === 1 ? "session" : "sessions";
  return (
    <Layout
      event={conference.event}
      title={`Topic: ${tag.name}`}
      description={`The ${tag.sessions.length} ${noun} on ${tag.name} at ${conference.event.name}.`}
      path={tag.url}
      structuredData={ldDocument(breadcrumbLd(conference.event, [{ name: "Schedule", path: SITE_PATHS.schedule }], `Topic: ${tag.name}`))}
    >
      <header class="page-head">
        <p class="breadcrumb">
          <a href={SITE_PATHS.schedule}>Schedule</a>
        </p>
        <h1>
          Topic: <span class="topic-name">{tag.name}</span>
        </h1>
        <p class="lede">
          {tag.sessions.length} {noun}, in time order.
        </p>
      </header>
      {days.map(({ date, sessions }) => (
        <section key={date.toISODate()} class="schedule-day" aria-labelledby={`day_${date.toISODate()}_heading`}>
          <h2 id={`day_${date.toISODate()}_heading`}>{formatDay(date)}</h2>
          <ol class="entry-list">
            {sessions.map((session) => (
              <li key={session.file} class={`slot slot--${slotKind(session)}`}>
                <ScheduleEntry session={session} tagUrls={tagUrls} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      <TopicList tags={tags} headingId="by_topic" current={tag.slug} />
    </Layout>
  );
}

/** `/schedule/tags/`: every topic, with the number of sessions each. */
export function ScheduleTagsPage({ conference }: { conference: Conference }) {
  const { tags } = conference;
  return (
    <Layout
      event={conference.event}
      title="Topics"
      description={`The topics of ${conference.event.name}'s programme.`}
      path={SITE_PATHS.scheduleTags}
      structuredData={ldDocument(breadcrumbLd(conference.event, [{ name: "Schedule", path: SITE_PATHS.schedule }], "Topics"))}
    >
      <header class="page-head">
        <p class="breadcrumb">
          <a href={SITE_PATHS.schedule}>Schedule</a>
        </p>
        <h1>Topics</h1>
      </header>
      {tags.length === 0 ? <p>No topics yet.</p> : <TopicList tags={tags} headingId="by_topic" />}
    </Layout>
  );
}
