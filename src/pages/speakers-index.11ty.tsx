import { outline } from "../output/fingerprint.ts";
import { SITE_PATHS } from "../site/urls.ts";
import type { PageData } from "../eleventy/types.ts";
import { SpeakersIndexPage } from "../views/IndexPages.tsx";

export const data = { permalink: SITE_PATHS.speakers, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <SpeakersIndexPage event={conference.event} speakers={conference.speakers} />;
}

/** What the page shows (see src/output/routes.ts). */
export function inputs({ conference }: PageData) {
  return [conference.event, outline(conference.speakers)];
}
