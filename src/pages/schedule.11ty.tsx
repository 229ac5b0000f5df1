import { SITE_PATHS } from "../site/urls.ts";
import type { PageData } from "../eleventy/types.ts";
import { SchedulePage } from "../views/SchedulePage.tsx";

export const data = { permalink: SITE_PATHS.schedule, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <SchedulePage conference={conference} />;
}
