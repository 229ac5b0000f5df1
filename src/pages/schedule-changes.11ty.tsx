import { SITE_PATHS } from "../site/urls.ts";
import type { PageData } from "../eleventy/types.ts";
import { ChangesPage } from "../views/ChangesPage.tsx";

export const data = {
  // No release, no changelog: a site without releases is as it was.
  permalink: (data: PageData) => (data.conference.releases.length > 0 ? SITE_PATHS.scheduleChanges : false),
  eleventyExcludeFromCollections: true,
};

export function render({ conference }: PageData) {
  return <ChangesPage conference={conference} />;
}
