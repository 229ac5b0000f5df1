import { SITE_PATHS } from "../site/urls.ts";
import type { PageData } from "../eleventy/types.ts";
import { MySchedulePage } from "../views/MySchedulePage.tsx";

export const data = { permalink: SITE_PATHS.mySchedule, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <MySchedulePage event={conference.event} />;
}
