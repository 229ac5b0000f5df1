import { SITE_PATHS } from "../site/urls.ts";
import type { PageData } from "../eleventy/types.ts";
import { WorkshopsIndexPage } from "../views/IndexPages.tsx";

export const data = { permalink: SITE_PATHS.workshops, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <WorkshopsIndexPage conference={conference} />;
}
