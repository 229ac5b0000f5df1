import type { DateTime } from "luxon";
import { scheduleDayPath, SITE_PATHS } from "../site/urls.ts";
import type { Conference, Session } from "../content/model.ts";
import { talkKinds } from "../content/talk.ts";
import { workshopLevels } from "../content/workshop.ts";
import { buildDayGrid, dayStart, type DayGrid } from "../schedule/grid.ts";
import { sessionAnchors, type TagGroup } from "../schedule/tags.ts";
import { formatClock, formatDay, formatDayOfMonth, zoneAbbreviation } from "../schedule/time.ts";
import type { MessageKey, Translator } from "../i18n/index.ts";
import { DayZone, isoOf, levelLabel } from "./components/SessionBits.tsx";
import { ChangeMark, ScheduleEntry, slotKind } from "./ScheduleEntry.tsx";
import { historyOf, sessionMarks } from "../export/changes.ts";
import { slot as cancelledSlot } from "./ChangesPage.tsx";
import { CalendarLinks } from "./components/CalendarLinks.tsx";
import { Layout } from "./Layout.tsx";
import { translatorOf, useTranslator } from "./i18n.ts";

/**
 * `/schedule/`: the programme's front door, light at any size: a link to each day's page with
 * its number of sessions, the exports, the cancelled sessions and the topics. The grids are on the days' pages.
 */
export function SchedulePage({ conference }: { conference: Conference }) {
  const { event } = conference;
  const { tags } = conference;
  const { cancelled } = historyOf(conference);
  const zones = [...new Set(conference.sessions.map((session) => zoneAbbreviation(session.start)))];
  const count = conference.talkPages.length + conference.workshops.length;
  const tr = translatorOf(event);
  const { t } = tr;
  return (
    <Layout
      sheet="schedule"
      event={event}
      title={t("nav.schedule")}
      description={t("schedule.description", { event: event.name, count })}
      path={SITE_PATHS.schedule}
    >
      <header class="page-head schedule-head">
        <h1>{t("nav.schedule")}</h1>
        <p class="lede">{t("schedule.allTimes", { zones: zones.join(" / ") || zoneAbbreviation(event.start), timezone: event.timezone })}</p>
      </header>
      <nav class="schedule-days" aria-label={t("schedule.days")} data-days="" data-today={t("schedule.today")}>
        <ul>
          {conference.days.map(({ date, sessions }) => (
            <li key={date.toISODate()} {...dayBounds(conference, date)}>
              <a href={scheduleDayPath(date.toISODate()!)}>
                <span class="schedule-days__name">{formatDay(date, tr.locale)}</span>{" "}
                <span class="schedule-days__count">{t("schedule.dayCount", { count: sessionCount(sessions) })}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ScheduleExports conference={conference} />
      {cancelled.length > 0 && <CancelledList conference={conference} />}
      {tags.length > 0 && <TopicList tags={tags} headingId="by_topic" />}
    </Layout>
  );
}

/**
 * `/schedule/<day>/`: one day's time × rooms grid, with a switcher to the other days and
 * filters by room, topic, kind and level (shown by src/client/filters.ts; without script, every session shows).
 */
export function ScheduleDayPage({ conference, date }: { conference: Conference; date: DateTime }) {
  const { event } = conference;
  const sessions = conference.days.find((d) => d.date.toISODate() === date.toISODate())?.sessions ?? [];
  const grid = buildDayGrid(date, sessions, event.rooms);
  const tr = translatorOf(event);
  const { t, locale } = tr;
  const day = formatDay(date, locale);
  const zones = grid.zones.join(" / ") || zoneAbbreviation(date);
  const path = scheduleDayPath(date.toISODate()!);
  return (
    <Layout
      sheet="schedule"
      event={event}
      title={`${day} · ${t("nav.schedule")}`}
      description={t("scheduleDay.description", { event: event.name, day })}
      path={path}
    >
      <header class="page-head schedule-head">
        <h1>{t("nav.schedule")}</h1>
        <p class="lede">{t("schedule.allTimes", { zones, timezone: event.timezone })}</p>
      </header>
      <nav class="schedule-nav" aria-label={t("schedule.days")} data-days="" data-today={t("schedule.today")}>
        <ul>
          {conference.days.map((other) => {
            const iso = other.date.toISODate()!;
            return (
              <li key={iso} {...dayBounds(conference, other.date)}>
                <a href={scheduleDayPath(iso)} aria-current={iso === date.toISODate() ? "page" : undefined}>
                  {formatDayOfMonth(other.date, locale)}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {grid.rows.length > 0 && <ScheduleFilters conference={conference} grid={grid} />}
      <ScheduleDay grid={grid} conference={conference} />
    </Layout>
  );
}

/** The number of sessions with a page of their own (talks and workshops; a workshop's blocks count once). */
function sessionCount(sessions: readonly Session[]): number {
  return new Set(sessions.filter((session) => session.url).map((session) => session.url)).size;
}

/**
 * When a conference day begins and ends (`data-from`, `data-until`, ISO instants): from its
 * day change to the next day's, so the browser can tell which day is today by its own clock.
 */
function dayBounds(conference: Conference, date: DateTime): { "data-from": string; "data-until": string } {
  const change = conference.event.day_change;
  return { "data-from": isoOf(dayStart(date, change)), "data-until": isoOf(dayStart(date.plus({ days: 1 }), change)) };
}

/** The calendar and app downloads, and the link to the changes once the programme has releases. */
function ScheduleExports({ conference }: { conference: Conference }) {
  const { t } = useTranslator();
  return (
    <p class="schedule-exports">
      <CalendarLinks event={conference.event} />{" "}
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
  );
}

/** The filters a day's sessions can be narrowed by, and the values each has that day. */
interface Facets {
  room: Array<[string, string]>;
  tag: Array<[string, string]>;
  kind: Array<[string, string]>;
  level: Array<[string, string]>;
}

/** Sessions the filters apply to: those with a page (breaks and meals stay in view, they hold the day together). */
function isFilterable(session: Session): boolean {
  return session.url !== undefined;
}

/** Each session's tag slugs, from the programme's topics (so `?tag=` takes the slug its topic page has). */
function tagSlugs(conference: Conference): ReadonlyMap<Session, string[]> {
  let slugs = tagSlugCache.get(conference);
  if (!slugs) {
    const map = new Map<Session, string[]>();
    for (const tag of conference.tags) {
      for (const session of tag.sessions) map.set(session, [...(map.get(session) ?? []), tag.slug]);
    }
    tagSlugCache.set(conference, (slugs = map));
  }
  return slugs;
}
const tagSlugCache = new WeakMap<Conference, ReadonlyMap<Session, string[]>>();

/**
 * What a filter matches a session by, as space-separated `name:value` tokens in `data-facets`:
 * `room:hall` (`room:*` for a session in every room), `kind:keynote`, `level:beginner`, `tag:<slug>`.
 */
function facetsOf(session: Session, tags: ReadonlyMap<Session, string[]>): string {
  return [
    `room:${session.room ? session.room.id : "*"}`,
    `kind:${slotKind(session)}`,
    ...(session.type === "workshop" ? [`level:${session.level}`] : []),
    ...(tags.get(session) ?? []).map((slug) => `tag:${slug}`),
  ].join(" ");
}

const KIND_ORDER = [...talkKinds, "workshop"] as const;
const KIND_KEYS: Record<string, MessageKey> = {
  talk: "filters.talk",
  keynote: "kind.keynote",
  panel: "kind.panel",
  lightning: "kind.lightning",
  "open-space": "kind.openSpace",
  workshop: "kind.workshop",
};

/** The values of each filter that the day's sessions have, in the order the site lists them. */
function facetsOfDay(conference: Conference, grid: DayGrid, tr: Translator): Facets {
  const sessions = grid.rows.flatMap((row) => row.cells.flatMap((cell) => (cell.kind === "session" && isFilterable(cell.session) ? [cell.session] : [])));
  const rooms = new Set(sessions.map((session) => session.room?.id));
  const kinds = new Set(sessions.map(slotKind));
  const levels = new Set(sessions.flatMap((session) => (session.type === "workshop" ? [session.level] : [])));
  const onDay = new Set(sessions);
  const capital = (text: string) => text.charAt(0).toLocaleUpperCase(tr.locale) + text.slice(1);
  return {
    room: grid.rooms.filter((room) => rooms.has(room.id)).map((room) => [room.id, room.name]),
    tag: conference.tags.filter((tag) => tag.sessions.some((session) => onDay.has(session))).map((tag) => [tag.slug, tag.name]),
    kind: KIND_ORDER.filter((kind) => kinds.has(kind) && KIND_KEYS[kind]).map((kind) => [kind, tr.t(KIND_KEYS[kind]!)]),
    level: workshopLevels.filter((level) => levels.has(level)).map((level) => [level, capital(levelLabel(level, tr))]),
  };
}

/**
 * Choices to narrow the day's grid, `hidden` until src/client/filters.ts shows them (a static page
 * cannot filter itself, so without script every session shows and the choices stay out of the way;
 * no `<form>`, as there is nothing to submit).
 * Its choices go into the address (`?room=hall&tag=kubernetes`), so a filtered view can be shared.
 */
function ScheduleFilters({ conference, grid }: { conference: Conference; grid: DayGrid }) {
  const tr = useTranslator();
  const { t } = tr;
  const facets = facetsOfDay(conference, grid, tr);
  const labels = { room: t("filters.room"), tag: t("filters.tag"), kind: t("filters.kind"), level: t("filters.level") };
  const names = (Object.keys(facets) as Array<keyof Facets>).filter((name) => facets[name].length > 1);
  if (names.length === 0) return null;
  return (
    <div class="schedule-filters" data-filters="" data-status={t("filters.status")} hidden>
      <fieldset>
        <legend>{t("filters.legend")}</legend>
        {names.map((name) => (
          <p key={name} class="schedule-filters__field">
            <label for={`filter_${name}`}>{labels[name]}</label>
            <select id={`filter_${name}`} name={name}>
              <option value="">{t("filters.any")}</option>
              {facets[name].map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </p>
        ))}
        <button type="button" class="schedule-filters__clear" data-clear="">
          {t("filters.clear")}
        </button>
      </fieldset>
      <p class="schedule-filters__status" role="status"></p>
    </div>
  );
}

/** One day's grid, in a region of its own that scrolls sideways when the rooms do not fit (the time column and room names stay in view). */
function ScheduleDay({ grid, conference }: { grid: DayGrid; conference: Conference }) {
  const anchors = sessionAnchors(conference.sessions);
  const marks = sessionMarks(conference);
  const tags = tagSlugs(conference);
  const { tagUrls } = conference;
  const id = dayId(grid);
  const zones = grid.zones.join(" / ") || zoneAbbreviation(grid.date);
  const mixedZones = grid.zones.length > 1;
  const { t, locale } = useTranslator();
  const day = formatDay(grid.date, locale);
  const many = grid.rooms.length >= MANY_ROOMS;
  return (
    <section class="schedule-day" id={id}>
      <h2 id={`${id}_heading`}>
        {day} <DayZone zones={zones} />
      </h2>
      {grid.rows.length === 0 ? (
        <p>{t("schedule.empty")}</p>
      ) : (
        <section class={`schedule-scroll${many ? " schedule-scroll--many" : ""}`} aria-labelledby={`${id}_heading`} tabindex={0}>
          <table class="schedule-grid">
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
                        data-facets={isFilterable(cell.session) ? facetsOf(cell.session, tags) : undefined}
                      >
                        <ScheduleEntry session={cell.session} tagUrls={tagUrls} shownIn={cell.shownIn} mark={cell.isRepeat ? undefined : marks.get(cell.session)} />
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

/** From this many rooms the grid is likely wider than the page: it scrolls inside a box as tall as the window, so its header row can stay in view. */
const MANY_ROOMS = 6;

function dayId(grid: DayGrid): string {
  return `day_${grid.date.toISODate()}`;
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
