import type { PageData } from "../eleventy/types.ts";
import { ScheduleTagsPage } from "../views/ScheduleTagPage.tsx";

export const data = { permalink: "/schedule/tags/", eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <ScheduleTagsPage conference={conference} />;
}
