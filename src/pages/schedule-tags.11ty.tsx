import type { Session } from "../content/model.ts";
import type { PageData } from "../eleventy/types.ts";
import { groupByTag, type TagGroup } from "../schedule/tags.ts";
import { ScheduleTagPage } from "../views/ScheduleTagPage.tsx";

type Data = PageData & { tag: TagGroup };

export const data = {
  pagination: {
    data: "conference.sessions",
    size: 1,
    alias: "tag",
    addAllPagesToCollections: false,
    before: (sessions: readonly Session[]) => groupByTag(sessions),
  },
  permalink: (data: Data) => data.tag.url,
  eleventyExcludeFromCollections: true,
};

export function render({ conference, tag }: Data) {
  return <ScheduleTagPage conference={conference} tag={tag} />;
}
