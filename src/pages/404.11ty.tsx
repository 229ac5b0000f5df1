import { SITE_PATHS } from "../site/urls.ts";
import type { PageData } from "../eleventy/types.ts";
import { NotFoundPage } from "../views/NotFoundPage.tsx";

export const data = { permalink: SITE_PATHS.notFound, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <NotFoundPage event={conference.event} />;
}

/** What the page shows (see src/output/routes.ts). */
export function inputs({ conference }: PageData) {
  return [conference.event];
}
