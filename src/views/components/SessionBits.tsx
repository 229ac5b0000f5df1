import type { Session, Speaker } from "../../content/model.ts";
import { peopleOf } from "../../content/model.ts";
import type { DateTime } from "luxon";
import { describeTimeRange, formatDay } from "../../schedule/time.ts";
import { formatDuration } from "../site.ts";
import { useTranslator } from "../i18n.ts";
import type { MessageKey, Translator } from "../../i18n/index.ts";
import { SessionStar, sessionAttributes, useStarIds } from "./SessionStar.tsx";

/**
 * "09:00–09:45 CEST", each clock in a `<time>` with its full date and offset; each end
 * in its own zone when the clocks change between them, and "(next day)" when it ends on one.
 * `day` puts the start's date before its clock ("Saturday 26 October 2024, 09:00"); `zone` false
 * leaves the zone out where a heading gives it (it stays when the clocks change in between).
 * The whole range is one `.time-range`, so the browser can add the viewer's own times after it.
 */
export function TimeRange({ start, end, day = false, zone = true }: { start: DateTime; end: DateTime; day?: boolean; zone?: boolean }) {
  const tr = useTranslator();
  const range = describeTimeRange(start, end, tr);
  const sameZone = range.startZone === range.endZone;
  if (!zone && sameZone) {
    return (
      <span class="time-range">
        <time dateTime={isoOf(start)}>
          {day && `${formatDay(start, tr.locale)}, `}
          {range.start}
        </time>
        –<time dateTime={isoOf(end)}>{range.end}</time>
        {range.laterDay && ` ${range.laterDay}`}
      </span>
    );
  }
  return (
    <span class="time-range">
      <time dateTime={isoOf(start)}>
        {day ? tr.t("session.dayTime", { day: formatDay(start, tr.locale), time: range.start }) : range.start}
      </time>
      {sameZone ? "–" : ` ${range.startZone} – `}
      <time dateTime={isoOf(end)}>{range.end}</time> {range.endZone}
      {range.laterDay && ` ${range.laterDay}`}
    </span>
  );
}

/** The instant as ISO 8601 with its offset, for `<time datetime>`. */
export function isoOf(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) ?? "";
}

/**
 * When and where a session is, for the browser's scripts (what is on now, the viewer's clock):
 * `data-start` and `data-end`, ISO instants with the event's offset (a workshop of several blocks:
 * its first block's start and its last block's end), `data-room`, the room's id (none for a
 * row that spans the rooms), and `data-cancelled` once it is called off (never on now or next).
 * Spread onto the session's element.
 */
export function sessionTimeData(session: Session): Record<"data-start" | "data-end", string> & Record<"data-room" | "data-cancelled", string | undefined> {
  return { "data-start": isoOf(session.start), "data-end": isoOf(session.end), "data-room": session.room?.id, "data-cancelled": session.cancelled ? "" : undefined };
}

/**
 * Day, time range with the zone's abbreviation, and room, with machine-readable times. A
 * workshop of several blocks shows each block ("part 1 of 2" on one block's programme entry).
 * `inDay`: listed under a heading that gives the day and the zone (`DayZone`), so neither is repeated.
 */
export function SessionWhen({ session, inDay = false }: { session: Session; inDay?: boolean }) {
  const { t } = useTranslator();
  const room = <span class="when__room">{session.room ? session.room.name : t("session.allRooms")}</span>;
  if (session.type === "workshop" && !session.part && session.blocks.length > 1) {
    return (
      <span class="when">
        {session.blocks.map((block, i) => (
          <>
            {i > 0 && "; "}
            <TimeRange start={block.start} end={block.end} day />
          </>
        ))}
        {" · "}
        {room}
      </span>
    );
  }
  return (
    <span class="when">
      <TimeRange start={session.start} end={session.end} day={!inDay} zone={!inDay} />
      {" · "}
      {room}
      {session.type === "workshop" && session.part && ` · ${t("session.part", { index: session.part.index + 1, count: session.part.count })}`}
    </span>
  );
}

/** Names of speakers or leaders, each linked to their page. */
export function PeopleLinks({ people }: { people: readonly Speaker[] }) {
  const { t } = useTranslator();
  return (
    <>
      {people.map((person, i) => (
        <>
          {i > 0 && (i === people.length - 1 ? t("session.and") : t("list.comma"))}
          <a href={person.url}>{person.name}</a>
        </>
      ))}
    </>
  );
}

/** Tags, each linked to its topic page (`urls` knows every tag of the programme or the blog). */
export function TagList({ tags, urls }: { tags: readonly string[]; urls: ReadonlyMap<string, string> }) {
  const { t } = useTranslator();
  if (tags.length === 0) return null;
  return (
    <ul class="tags" aria-label={t("session.tags")}>
      {tags.map((tag) => {
        const url = urls.get(tag);
        return (
          <li key={tag} class="tag">
            {url ? <a href={url}>{tag}</a> : tag}
          </li>
        );
      })}
    </ul>
  );
}

const KIND_LABELS: Partial<Record<string, MessageKey>> = {
  keynote: "kind.keynote",
  panel: "kind.panel",
  lightning: "kind.lightning",
  "open-space": "kind.openSpace",
};

const LEVEL_LABELS = { beginner: "level.beginner", intermediate: "level.intermediate", advanced: "level.advanced" } as const satisfies Record<string, MessageKey>;

/** A workshop's level in the site's language ("intermediate", "Fortgeschrittene"). */
export function levelLabel(level: keyof typeof LEVEL_LABELS, translator: Translator): string {
  return translator.t(LEVEL_LABELS[level]);
}

/** What a session is ("Keynote", "Workshop · Intermediate"), or undefined for a plain talk. */
export function kindLabel(session: Session, tr: Translator): string | undefined {
  if (session.type === "workshop") {
    const level = levelLabel(session.level, tr);
    return `${tr.t("kind.workshop")} · ${level.charAt(0).toLocaleUpperCase(tr.locale)}${level.slice(1)}`;
  }
  const kind = KIND_LABELS[session.kind];
  return kind && tr.t(kind);
}

/** A badge for what a session is ("Keynote", "Workshop · Intermediate"), or nothing for a plain talk. */
export function KindBadge({ session }: { session: Session }) {
  const label = kindLabel(session, useTranslator());
  return label ? <span class={`badge badge--${session.type === "workshop" ? "workshop" : session.kind}`}>{label}</span> : null;
}

/** The zone note of a day's heading: "· times in EDT". */
export function DayZone({ zones }: { zones: string }) {
  const { t } = useTranslator();
  return <span class="schedule-day__zone">· {t("schedule.timesIn", { zones })}</span>;
}

/**
 * One session in a list: title linked, people, when and where, tags (linked to their topic pages
 * by `tagUrls`); `anchor` (from sessionAnchors) is its id; `inDay` as for `SessionWhen`.
 */
export function SessionCard({
  session,
  anchor,
  headingLevel = 3,
  inDay = false,
  tagUrls,
}: {
  session: Session;
  anchor?: string;
  headingLevel?: 2 | 3;
  inDay?: boolean;
  tagUrls: ReadonlyMap<string, string>;
}) {
  const tr = useTranslator();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const people = peopleOf(session);
  const star = useStarIds(session);
  return (
    <article class="card session-card" id={anchor} {...sessionAttributes(star)} {...sessionTimeData(session)}>
      <SessionStar ids={star} title={session.title} />
      <KindBadge session={session} />
      <Heading class="card__title">{session.url ? <a href={session.url}>{session.title}</a> : session.title}</Heading>
      {people.length > 0 && (
        <p class="card__people">
          <PeopleLinks people={people} />
        </p>
      )}
      <p class="card__meta">
        <SessionWhen session={session} inDay={inDay} />
        {session.type === "workshop" && !session.part && <> · {formatDuration(session.duration, tr)}</>}
      </p>
      <TagList tags={session.tags} urls={tagUrls} />
    </article>
  );
}
