import { SITE_PATHS } from "../site/urls.ts";
import type { PageData } from "../eleventy/types.ts";
import { ScheduleTagsPage } from "../views/ScheduleTagPage.tsx";

export const data = { permalink: SITE_PATHS.scheduleTags, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <ScheduleTagsPage conference={conference} />;
}
