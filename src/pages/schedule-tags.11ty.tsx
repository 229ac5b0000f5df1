import { sessionMarks } from "../export/changes.ts";
import { paginate, type PageData } from "../eleventy/types.ts";
import { outline } from "../output/fingerprint.ts";
import type { TagGroup } from "../schedule/tags.ts";
import { ScheduleTagPage } from "../views/ScheduleTagPage.tsx";

type Data = PageData & { tag: TagGroup };

export const data = {
  pagination: paginate("conference.tags", "tag"),
  permalink: (data: Data) => data.tag.url,
  eleventyExcludeFromCollections: true,
};

export function render({ conference, tag }: Data) {
  return <ScheduleTagPage conference={conference} tag={tag} />;
}

/**
 * What the page shows (see src/output/routes.ts): the event, the topic's sessions (in outline:
 * the entries show no abstract or bio) with their release marks, and the list of every topic with its page and count (which also gives the page
 * of each tag the sessions show).
 */
export function inputs({ conference, tag }: Data) {
  const marks = sessionMarks(conference);
  return [
    conference.event,
    outline(tag),
    marks.size === 0 ? [] : tag.sessions.map((session) => marks.get(session)),
    conference.tags.map((other) => `${other.slug} ${other.url} ${other.sessions.length} ${other.name}`),
  ];
}
