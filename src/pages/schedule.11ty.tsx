import { SITE_PATHS } from "../site/urls.ts";
import { programmeInputs, type PageData } from "../eleventy/types.ts";
import { SchedulePage } from "../views/SchedulePage.tsx";

export const data = { permalink: SITE_PATHS.schedule, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <SchedulePage conference={conference} />;
}

/** What the page shows (see src/output/routes.ts): the programme, without abstracts or bios. */
export function inputs({ conference }: PageData) {
  return programmeInputs(conference);
}
