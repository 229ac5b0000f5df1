import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Conference, Session } from "../../content/model.ts";
import { starIds } from "../../export/sessions-json.ts";
import { useTranslator } from "../i18n.ts";

/**
 * The conference being rendered, for the stars: a session's ids depend on the whole programme.
 * The render step provides it (src/eleventy/plugin.ts); a view rendered without it has no stars.
 */
export const StarContext = createContext<Conference | undefined>(undefined);

/** The ids a star on this session picks (see `starIds`); empty outside a StarContext or for a session without a page. */
export function useStarIds(session: Session): number[] {
  const conference = useContext(StarContext);
  return conference && session.url !== undefined ? starIds(conference, session) : [];
}

/**
 * The attribute that marks an element as one session for the browser's scripts:
 * `data-session="<id>"`, the id of schedule.json and sessions.json (several, space-separated,
 * for a workshop of several blocks shown whole). Nothing when there are no ids.
 */
export function sessionAttributes(ids: readonly number[]): { "data-session"?: string } {
  return ids.length > 0 ? { "data-session": ids.join(" ") } : {};
}

/**
 * The star that adds a session to the attendee's schedule: a toggle button, rendered `hidden`
 * and revealed by the script (src/client/stars.ts), which keeps the picks in the browser; so
 * without JavaScript there is no button that does nothing. Its name says what it does to which
 * session; `labelled` adds the visible words "My schedule" beside the star.
 */
export function SessionStar({ ids, title, labelled = false }: { ids: readonly number[]; title: string; labelled?: boolean }) {
  const { t } = useTranslator();
  if (ids.length === 0) return null;
  return (
    <button type="button" class={labelled ? "star star--labelled" : "star"} aria-pressed="false" hidden>
      <span class="star__icon" aria-hidden="true">
        ★
      </span>
      <span class="visually-hidden">{t("star.add", { title })}</span>
      {labelled && (
        <span class="star__text" aria-hidden="true">
          {t("star.text")}
        </span>
      )}
    </button>
  );
}
