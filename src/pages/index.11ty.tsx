import { SITE_PATHS } from "../site/urls.ts";
import type { PageData } from "../eleventy/types.ts";
import { buildClock } from "../eleventy/build-clock.ts";
import { HomePage } from "../views/HomePage.tsx";

export const data = { permalink: SITE_PATHS.home, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <HomePage conference={conference} now={buildClock()} />;
}
