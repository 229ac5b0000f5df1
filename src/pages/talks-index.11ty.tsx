import { SITE_PATHS } from "../site/urls.ts";
import type { PageData } from "../eleventy/types.ts";
import { TalksIndexPage } from "../views/IndexPages.tsx";

export const data = { permalink: SITE_PATHS.talks, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <TalksIndexPage conference={conference} />;
}
