import { SITE_PATHS } from "../site/urls.ts";
import { programmeInputs, type PageData } from "../eleventy/types.ts";
import { buildClock } from "../eleventy/build-clock.ts";
import { HomePage } from "../views/HomePage.tsx";

export const data = { permalink: SITE_PATHS.home, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <HomePage conference={conference} now={buildClock()} />;
}

/** What the page shows (see src/output/routes.ts): the programme without abstracts or bios, the posts, the sponsors, and the build's clock. */
export function inputs({ conference }: PageData) {
  return [programmeInputs(conference), conference.posts, conference.sponsors, buildClock()];
}
