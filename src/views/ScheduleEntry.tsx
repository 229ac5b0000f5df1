import type { Room, Session } from "../content/model.ts";
import { peopleOf } from "../content/model.ts";
import { KindBadge, sessionTimeData, TimeRange } from "./components/SessionBits.tsx";
import { useTranslator } from "./i18n.ts";
import { SITE_PATHS } from "../site/urls.ts";
import { SessionStar, sessionAttributes, useStarIds } from "./components/SessionStar.tsx";

/**
 * One programme entry: time, title (linked to its page), people, room and tags (linked to their
 * pages). `shownIn`: for a break without a room that leaves some rooms out, the rooms it is shown in.
 */
export function ScheduleEntry({
  session,
  tagUrls,
  shownIn,
  mark,
}: {
  session: Session;
  tagUrls: ReadonlyMap<string, string>;
  shownIn?: readonly Room[];
  /** Changed or new in the newest release of the programme. */
  mark?: "new" | "changed" | "cancelled" | undefined;
}) {
  const { t } = useTranslator();
  const people = peopleOf(session);
  const star = useStarIds(session);
  const where = session.room ? session.room.name : shownIn ? shownIn.map((room) => room.name).join(t("list.comma")) : t("session.allRooms");
  return (
    <div class="entry" {...sessionAttributes(star)} {...sessionTimeData(session)}>
      <SessionStar ids={star} title={session.title} />
      <p class="entry__when">
        <TimeRange start={session.start} end={session.end} />
        <span class={session.room || shownIn ? "entry__room" : "entry__room entry__room--all"}>
          {" · "}
          {where}
        </span>
        {session.type === "workshop" && session.part && <span class="entry__part"> · {t("session.part", { index: session.part.index + 1, count: session.part.count })}</span>}
      </p>
      <KindBadge session={session} />
      <ChangeMark mark={mark} />
      <h3 class="entry__title">{session.url ? <a href={session.url}>{session.title}</a> : session.title}</h3>
      {people.length > 0 && <p class="entry__people">{people.map((person) => person.name).join(t("list.comma"))}</p>}
      {session.tags.length > 0 && (
        <ul class="entry__tags" aria-label={t("session.tags")}>
          {session.tags.map((tag) => {
            const url = tagUrls.get(tag);
            return <li key={tag}>{url ? <a href={url}>{tag}</a> : tag}</li>;
          })}
        </ul>
      )}
    </div>
  );
}

/** "New" or "Changed", linked to the list of schedule changes; nothing without a mark. */
export function ChangeMark({ mark }: { mark: "new" | "changed" | "cancelled" | undefined }) {
  const { t } = useTranslator();
  if (!mark) return null;
  return (
    <a class={`badge badge--${mark}`} href={SITE_PATHS.scheduleChanges}>
      {t(`mark.${mark}`)}
    </a>
  );
}

/** The CSS modifier of a session's slot: its kind for talks ("keynote", "meal"), "workshop" for workshops. */
export function slotKind(session: Session): string {
  return session.type === "workshop" ? "workshop" : session.kind;
}
