import type { Event, Talk } from "../content/model.ts";
import { PeopleList } from "./components/PeopleList.tsx";
import { Prose } from "./components/Prose.tsx";
import type { DateTime } from "luxon";
import { SessionLive } from "./components/SessionLive.tsx";
import { KindBadge, sessionTimeData, SessionWhen, TagList } from "./components/SessionBits.tsx";
import { calendarPath, SITE_PATHS } from "../site/urls.ts";
import { ChangeMark } from "./ScheduleEntry.tsx";
import { SessionStar, sessionAttributes, useStarIds } from "./components/SessionStar.tsx";
import { Layout } from "./Layout.tsx";
import { translatorOf } from "./i18n.ts";
import { breadcrumbLd, ldDocument, sessionLd } from "./structured-data.ts";

export function TalkPage({
  event,
  talk,
  tagUrls,
  mark,
  now,
}: {
  event: Event;
  talk: Talk & { url: string };
  /** Topic page of each tag, to link the tags. */
  tagUrls: ReadonlyMap<string, string>;
  /** Changed or new in the newest release of the programme. */
  mark?: "new" | "changed" | "cancelled" | undefined;
  /** The build's clock (src/eleventy/build-clock.ts): which of the live and recording links the page shows without script (none without it). */
  now?: DateTime;
}) {
  const { t } = translatorOf(event);
  const star = useStarIds(talk);
  const links = [
    { label: t("talk.slides"), href: talk.slides },
    { label: t("talk.video"), href: talk.video },
    { label: t("talk.code"), href: talk.code },
  ].filter((link): link is { label: string; href: string } => Boolean(link.href));
  return (
    <Layout
      event={event}
      title={talk.title}
      description={talk.summary}
      path={talk.url}
      share={{ card: { collection: "talks", slug: talk.slug, title: talk.title } }}
      structuredData={ldDocument(sessionLd(event, talk), breadcrumbLd(event, [{ name: t("nav.talks"), path: SITE_PATHS.talks }], talk.title))}
    >
      <article class="session" {...sessionAttributes(star)} {...sessionTimeData(talk)}>
        <header class="page-head">
          <p class="breadcrumb">
            <a href={SITE_PATHS.talks}>{t("nav.talks")}</a>
          </p>
          <KindBadge session={talk} />
          <ChangeMark mark={mark} />
          <h1>{talk.title}</h1>
          <SessionStar ids={star} title={talk.title} labelled />
        </header>
        <div class="page-columns">
          <div class="facts-column">
            <p class="page-head__meta">
              <SessionWhen session={talk} />
            </p>
            <SessionLive session={talk} now={now} />
            {talk.speakers.length > 0 && (
              <section aria-labelledby="speakers_heading">
                <h2 id="speakers_heading" class="visually-hidden">
                  {t("nav.speakers")}
                </h2>
                <PeopleList people={talk.speakers} />
              </section>
            )}
            <ul class="button-row" aria-label={t("talk.materials")}>
              <li class="add-to-calendar">
                <a class="button button--quiet" href={calendarPath(talk)}>
                  {t("calendar.add")}
                </a>
              </li>
              {links.map((link) => (
                <li key={link.label}>
                  <a class="button button--quiet" href={link.href}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
          <div class="page-columns__main">
            <Prose html={talk.html} />
            <TagList tags={talk.tags} urls={tagUrls} />
          </div>
        </div>
      </article>
    </Layout>
  );
}
