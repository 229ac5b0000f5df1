import type { Conference, Event } from "../content/model.ts";
import type { ReleasedSession } from "../content/releases.ts";
import { historyOf, type Change, type ReleaseChanges } from "../export/changes.ts";
import type { Translator } from "../i18n/index.ts";
import { formatDate, formatDayOfMonth, formatTimeRange } from "../schedule/time.ts";
import { calendarPath, pagePath, SITE_PATHS } from "../site/urls.ts";
import { Layout } from "./Layout.tsx";
import { translatorOf } from "./i18n.ts";
import { breadcrumbLd, ldDocument } from "./structured-data.ts";

/** `/schedule/changes/`: per release, newest first, what it added, moved, retitled and cancelled. */
export function ChangesPage({ conference }: { conference: Conference }) {
  const { event } = conference;
  const tr = translatorOf(event);
  const { t } = tr;
  const { steps } = historyOf(conference);
  const href = changeLink(conference);
  return (
    <Layout
      sheet="schedule"
      event={event}
      title={t("changes.title")}
      description={t("changes.description", { event: event.name })}
      path={SITE_PATHS.scheduleChanges}
      structuredData={ldDocument(breadcrumbLd(event, [{ name: t("nav.schedule"), path: SITE_PATHS.schedule }], t("changes.title")))}
    >
      <header class="page-head">
        <p class="breadcrumb">
          <a href={SITE_PATHS.schedule}>{t("nav.schedule")}</a>
        </p>
        <h1>{t("changes.title")}</h1>
        <p class="lede">
          <a href={SITE_PATHS.scheduleChangesFeed} type="application/atom+xml">
            {t("changes.feed")}
          </a>
        </p>
      </header>
      {steps.map((step) => (
        <section key={step.release?.name ?? ""} class="release" id={releaseAnchor(step)}>
          <h2>{step.release?.name ?? t("changes.unreleased")}</h2>
          {step.release && <p class="release__date">{t("changes.recorded", { date: formatDate(step.release.recorded.setZone(event.timezone), tr.locale) })}</p>}
          {!step.previous ? (
            <p>{t("changes.first", { count: step.release?.sessions.length ?? 0 })}</p>
          ) : step.changes.length === 0 ? (
            <p>{t("changes.none")}</p>
          ) : (
            <ul class="release__changes">
              {step.changes.map((change) => (
                <li key={`${change.kind}-${change.session.guid}`} class={`change change--${change.kind}`}>
                  {changeText(change, event, tr, (text, session) => (
                    <a href={href(session)}>{text}</a>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Layout>
  );
}

/**
 * Where a change's title links: the session's page while the content has it (a session marked
 * `cancelled: true` keeps its page), else its calendar file, which still holds it as cancelled.
 */
export function changeLink(conference: Conference): (session: ReleasedSession) => string {
  const pages = new Set([...conference.talkPages, ...conference.workshops].map((s) => pagePath(`${s.type}s`, s.slug)));
  return (session) => {
    const page = pagePath(`${session.kind}s`, session.slug);
    return pages.has(page) ? page : calendarPath({ type: session.kind, slug: session.slug });
  };
}

/** The anchor of a release's section: `release-<n>` counting from the first, `unreleased` for changes not released yet. */
export function releaseAnchor(step: ReleaseChanges): string {
  return step.release ? `release-${step.index}` : "unreleased";
}

/**
 * One change as a line: its label, the title (through `link`), and for a move the old and new
 * time and room, for a new title the old one. Shared by the page and the feed.
 */
export function changeText<T>(change: Change, event: Event, tr: Translator, link: (text: string, session: ReleasedSession) => T): Array<T | string> {
  const { t } = tr;
  const label = t(`changes.${change.kind}`);
  const title = link(change.session.title, change.session);
  if (change.kind === "moved") return [`${label}: `, title, ` (${t("changes.fromTo", { from: slot(change.before, event, tr), to: slot(change.session, event, tr) })})`];
  if (change.kind === "retitled") return [`${label}: `, title, ` (${t("changes.fromTo", { from: `“${change.before.title}”`, to: `“${change.session.title}”` })})`];
  return [`${label}: `, title, ` (${slot(change.session, event, tr)})`];
}

/** "Sunday 27 October, 11:00–11:45 CET · Side Room". */
export function slot(session: ReleasedSession, event: Event, tr: Translator): string {
  const start = session.start.setZone(event.timezone);
  const end = session.end.setZone(event.timezone);
  const room = event.rooms.find((r) => r.id === session.room)?.name ?? session.room ?? tr.t("session.allRooms");
  return `${tr.t("session.dayTime", { day: formatDayOfMonth(start, tr.locale), time: formatTimeRange(start, end, tr) })} · ${room}`;
}
