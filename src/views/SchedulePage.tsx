import { SITE_PATHS } from "../site/urls.ts";
import type { Conference, Session } from "../content/model.ts";
import { buildDayGrid, type DayGrid } from "../schedule/grid.ts";
import { sessionAnchors, type TagGroup } from "../schedule/tags.ts";
import { formatClock, formatDay, formatDayOfMonth, zoneAbbreviation } from "../schedule/time.ts";
import { DayZone, isoOf } from "./components/SessionBits.tsx";
import { ChangeMark, ScheduleEntry, slotKind } from "./ScheduleEntry.tsx";
import { historyOf, sessionMarks } from "../export/changes.ts";
import { slot as cancelledSlot } from "./ChangesPage.tsx";
import { CalendarLinks } from "./components/CalendarLinks.tsx";
import { Layout } from "./Layout.tsx";
import { translatorOf, useTranslator } from "./i18n.ts";

/** The whole programme: a jump list of days, then one time × rooms grid per day, then the topics. */
export function SchedulePage({ conference }: { conference: Conference }) {
  const { event } = conference;
  const grids = conference.days.map(({ date, sessions }) => buildDayGrid(date, sessions, event.rooms));
  const { tags, tagUrls } = conference;
  const anchors = sessionAnchors(conference.sessions);
  const marks = sessionMarks(conference);
  const { cancelled } = historyOf(conference);
  const zones = [...new Set(grids.flatMap((grid) => grid.zones))];
  const count = conference.talkPages.length + conference.workshops.length;
  const tr = translatorOf(event);
  const { t } = tr;
  return (
    <Layout
      event={event}
      title={t("nav.schedule")}
      description={t("schedule.description", { event: event.name, count })}
      path={SITE_PATHS.schedule}
    >
      <header class="page-head schedule-head">
        <h1>{t("nav.schedule")}</h1>
        <p class="lede">{t("schedule.allTimes", { zones: zones.join(" / ") || zoneAbbreviation(event.start), timezone: event.timezone })}</p>
      </header>
      <nav class="schedule-nav" aria-label={t("schedule.days")}>
        <ul>
          {grids.map((grid) => (
            <li key={dayId(grid)}>
              <a href={`#${dayId(grid)}`}>{formatDayOfMonth(grid.date, tr.locale)}</a>
            </li>
          ))}
          {tags.length > 0 && (
            <li>
              <a href="#by_topic">{t("schedule.byTopic")}</a>
            </li>
          )}
        </ul>
      </nav>
      <p class="schedule-exports">
        <CalendarLinks event={event} />{" "}
        <span class="schedule-exports__apps">
          {t("schedule.forApps")} <a href={SITE_PATHS.scheduleJson}>schedule.json</a> · <a href={SITE_PATHS.scheduleXml}>schedule.xml</a>
        </span>
        {conference.releases.length > 0 && (
          <>
            {" "}
            <a class="schedule-exports__changes" href={SITE_PATHS.scheduleChanges}>
              {t("changes.link")}
            </a>
          </>
        )}
      </p>
      {grids.map((grid) => (
        <ScheduleDay key={dayId(grid)} grid={grid} anchors={anchors} tagUrls={tagUrls} marks={marks} />
      ))}
      {cancelled.length > 0 && <CancelledList conference={conference} />}
      {tags.length > 0 && <TopicList tags={tags} headingId="by_topic" />}
    </Layout>
  );
}

function dayId(grid: DayGrid): string {
  return `day_${grid.date.toISODate()}`;
}

function ScheduleDay({
  grid,
  anchors,
  tagUrls,
  marks,
}: {
  grid: DayGrid;
  anchors: ReadonlyMap<Session, string>;
  tagUrls: ReadonlyMap<string, string>;
  marks: ReadonlyMap<Session, "new" | "changed" | "cancelled">;
}) {
  const id = dayId(grid);
  const zones = grid.zones.join(" / ") || zoneAbbreviation(grid.date);
  const mixedZones = grid.zones.length > 1;
  const { t, locale } = useTranslator();
  const day = formatDay(grid.date, locale);
  return (
    <section class="schedule-day" id={id} aria-labelledby={`${id}_heading`}>
      <h2 id={`${id}_heading`}>
        {day} <DayZone zones={zones} />
      </h2>
      {grid.rows.length === 0 ? (
        <p>{t("schedule.empty")}</p>
      ) : (
        <table class={`schedule-grid schedule-grid--rooms-${Math.min(grid.rooms.length, 6)}`}>
          <caption class="visually-hidden">
            {t("schedule.caption", { day, zones })}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="schedule-grid__time-head">
                {t("schedule.time")}
              </th>
              {grid.rooms.map((room) => (
                <th scope="col" key={room.id}>
                  {room.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.start.toMillis()} class={row.isGap ? "is-gap" : undefined}>
                <th scope="row" class="schedule-grid__time">
                  <time dateTime={isoOf(row.start)}>{formatClock(row.start, locale)}</time>
                  {mixedZones && <span class="schedule-grid__zone"> {zoneAbbreviation(row.start)}</span>}
                </th>
                {row.cells.map((cell) =>
                  cell.kind === "empty" ? (
                    <td key={`empty-${cell.column}`} class="slot slot--empty"></td>
                  ) : (
                    <td
                      key={`${cell.session.file}-${cell.column}`}
                      id={cell.isRepeat ? undefined : anchors.get(cell.session)}
                      class={`slot slot--${slotKind(cell.session)}${cell.session.url ? "" : " slot--row"}${cell.isRepeat ? " slot--repeat" : ""}`}
                      rowSpan={cell.rowspan > 1 ? cell.rowspan : undefined}
                      colSpan={cell.colspan > 1 ? cell.colspan : undefined}
                    >
                      <ScheduleEntry session={cell.session} tagUrls={tagUrls} shownIn={cell.shownIn} mark={cell.isRepeat ? undefined : marks.get(cell.session)} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Sessions of an earlier release no longer on the programme: still shown, as cancelled, with their last time and room. */
function CancelledList({ conference }: { conference: Conference }) {
  const { event } = conference;
  const tr = useTranslator();
  const { cancelled } = historyOf(conference);
  return (
    <section class="schedule-cancelled" aria-labelledby="cancelled_heading">
      <h2 id="cancelled_heading">{tr.t("changes.cancelled")}</h2>
      <ul class="entry-list">
        {cancelled.map((session) => (
          <li key={session.guid} class="slot slot--cancelled">
            <ChangeMark mark="cancelled" />{" "}
            <s>{session.title}</s>{" "}
            <span class="entry__when">({cancelledSlot(session, event, tr)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Links to every tag page, with the number of sessions of each. */
export function TopicList({ tags, headingId, current }: { tags: readonly TagGroup[]; headingId: string; current?: string }) {
  const { t } = useTranslator();
  return (
    <section class="schedule-topics" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("schedule.browseByTopic")}</h2>
      <ul class="topic-list">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <a href={tag.url} aria-current={tag.slug === current ? "page" : undefined}>
              {tag.name} <span class="topic-list__count">{tag.sessions.length}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
