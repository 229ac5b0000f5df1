import { SITE_PATHS } from "../site/urls.ts";
import type { Conference } from "../content/model.ts";
import type { TagGroup } from "../schedule/tags.ts";
import { formatDay } from "../schedule/time.ts";
import { ScheduleEntry, slotKind } from "./ScheduleEntry.tsx";
import { Layout } from "./Layout.tsx";
import { sessionMarks } from "../export/changes.ts";
import { translatorOf } from "./i18n.ts";
import { breadcrumbLd, ldDocument } from "./structured-data.ts";
import { TopicList } from "./SchedulePage.tsx";

/** The sessions with one tag, in time order under a heading per day: the schedule filtered without JavaScript. */
export function ScheduleTagPage({ conference, tag }: { conference: Conference; tag: TagGroup }) {
  const { tags, tagUrls } = conference;
  const days = conference.sessionsByDay(tag.sessions);
  const marks = sessionMarks(conference);
  const tr = translatorOf(conference.event);
  const { t } = tr;
  const count = tag.sessions.length;
  const title = t("topic.title", { tag: tag.name });
  return (
    <Layout
      sheet="schedule"
      event={conference.event}
      title={title}
      description={t("topic.description", { count, tag: tag.name, event: conference.event.name })}
      path={tag.url}
      structuredData={ldDocument(breadcrumbLd(conference.event, [{ name: t("nav.schedule"), path: SITE_PATHS.schedule }], title))}
    >
      <header class="page-head">
        <p class="breadcrumb">
          <a href={SITE_PATHS.schedule}>{t("nav.schedule")}</a>
        </p>
        <h1>{tr.parts("topic.title", { tag: <span class="topic-name">{tag.name}</span> })}</h1>
        <p class="lede">{t("topic.lede", { count })}</p>
      </header>
      {days.map(({ date, sessions }) => (
        <section key={date.toISODate()} class="schedule-day" aria-labelledby={`day_${date.toISODate()}_heading`}>
          <h2 id={`day_${date.toISODate()}_heading`}>{formatDay(date, tr.locale)}</h2>
          <ol class="entry-list">
            {sessions.map((session) => (
              <li key={session.file} class={`slot slot--${slotKind(session)}`}>
                <ScheduleEntry session={session} tagUrls={tagUrls} mark={marks.get(session)} />
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
  const { t } = translatorOf(conference.event);
  return (
    <Layout
      sheet="schedule"
      event={conference.event}
      title={t("topics.title")}
      description={t("topics.description", { event: conference.event.name })}
      path={SITE_PATHS.scheduleTags}
      structuredData={ldDocument(breadcrumbLd(conference.event, [{ name: t("nav.schedule"), path: SITE_PATHS.schedule }], t("topics.title")))}
    >
      <header class="page-head">
        <p class="breadcrumb">
          <a href={SITE_PATHS.schedule}>{t("nav.schedule")}</a>
        </p>
        <h1>{t("topics.title")}</h1>
      </header>
      {tags.length === 0 ? <p>{t("topics.none")}</p> : <TopicList tags={tags} headingId="by_topic" />}
    </Layout>
  );
}
