import { paginate, type PageData } from "../eleventy/types.ts";
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
