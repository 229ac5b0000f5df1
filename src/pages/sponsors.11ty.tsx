import { SITE_PATHS } from "../site/urls.ts";
import type { PageData } from "../eleventy/types.ts";
import { SponsorsPage } from "../views/SponsorsPage.tsx";

export const data = {
  // No sponsors, no page (the footer links to it only when there are some).
  permalink: (data: PageData) => (data.conference.sponsors.length > 0 ? SITE_PATHS.sponsors : false),
  eleventyExcludeFromCollections: true,
};

export function render({ conference }: PageData) {
  return <SponsorsPage conference={conference} />;
}
