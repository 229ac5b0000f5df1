import type { Event, Workshop } from "../content/model.ts";
import { PeopleList } from "./components/PeopleList.tsx";
import { Prose } from "./components/Prose.tsx";
import type { DateTime } from "luxon";
import { SessionLive } from "./components/SessionLive.tsx";
import { KindBadge, sessionTimeData, levelLabel, SessionWhen, TagList } from "./components/SessionBits.tsx";
import { calendarPath, SITE_PATHS } from "../site/urls.ts";
import { ChangeMark } from "./ScheduleEntry.tsx";
import { SessionStar, sessionAttributes, useStarIds } from "./components/SessionStar.tsx";
import { Layout } from "./Layout.tsx";
import { translatorOf } from "./i18n.ts";
import { breadcrumbLd, ldDocument, sessionLd } from "./structured-data.ts";
import { formatDuration } from "./site.ts";

export function WorkshopPage({
  event,
  workshop,
  tagUrls,
  mark,
  now,
}: {
  event: Event;
  workshop: Workshop;
  /** Topic page of each tag, to link the tags. */
  tagUrls: ReadonlyMap<string, string>;
  /** Changed or new in the newest release of the programme. */
  mark?: "new" | "changed" | "cancelled" | undefined;
  /** The build's clock (src/eleventy/build-clock.ts): which of the live and recording links the page shows without script (none without it). */
  now?: DateTime;
}) {
  const tr = translatorOf(event);
  const { t } = tr;
  const star = useStarIds(workshop);
  return (
    <Layout
      event={event}
      title={workshop.title}
      description={workshop.summary}
      path={workshop.url}
      share={{ card: { collection: "workshops", slug: workshop.slug, title: workshop.title } }}
      structuredData={ldDocument(sessionLd(event, workshop), breadcrumbLd(event, [{ name: t("nav.workshops"), path: SITE_PATHS.workshops }], workshop.title))}
    >
      <article class="session" {...sessionAttributes(star)} {...sessionTimeData(workshop)}>
        <header class="page-head">
          <p class="breadcrumb">
            <a href={SITE_PATHS.workshops}>{t("nav.workshops")}</a>
          </p>
          <KindBadge session={workshop} />
          <ChangeMark mark={mark} />
          <h1>{workshop.title}</h1>
          <SessionStar ids={star} title={workshop.title} labelled />
          <p class="page-head__meta">
            <SessionWhen session={workshop} />
          </p>
          <SessionLive session={workshop} now={now} />
        </header>
        <dl class="facts">
          <div>
            <dt>{t("workshop.level")}</dt>
            <dd class="level">{levelLabel(workshop.level, tr)}</dd>
          </div>
          <div>
            <dt>{t("workshop.duration")}</dt>
            <dd>
              {workshop.blocks.length > 1
                ? t("workshop.inParts", { duration: formatDuration(workshop.duration, tr), count: workshop.blocks.length })
                : formatDuration(workshop.duration, tr)}
            </dd>
          </div>
          <div>
            <dt>{t("workshop.leaders", { count: workshop.leaders.length })}</dt>
            <dd>
              <PeopleList people={workshop.leaders} compact />
            </dd>
          </div>
        </dl>
        <Prose html={workshop.html} />
        {workshop.prerequisites.length > 0 && (
          <section class="callout" aria-labelledby="prerequisites_heading">
            <h2 id="prerequisites_heading">{t("workshop.before")}</h2>
            <ul>
              {workshop.prerequisites.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </section>
        )}
        <TagList tags={workshop.tags} urls={tagUrls} />
        <p class="add-to-calendar">
          <a class="button button--quiet" href={calendarPath(workshop)}>
            {t("calendar.add")}
          </a>
        </p>
      </article>
    </Layout>
  );
}
