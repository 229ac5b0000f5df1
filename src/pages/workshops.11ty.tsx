import { sessionMarks } from "../export/changes.ts";
import type { Workshop } from "../content/model.ts";
import { buildClock } from "../eleventy/build-clock.ts";
import { paginate, type PageData } from "../eleventy/types.ts";
import { WorkshopPage } from "../views/WorkshopPage.tsx";

type Data = PageData & { workshop: Workshop };

export const data = {
  pagination: paginate("conference.workshops", "workshop"),
  permalink: (data: Data) => data.workshop.url,
  eleventyExcludeFromCollections: true,
};

export function render({ conference, workshop }: Data) {
  return <WorkshopPage event={conference.event} workshop={workshop} tagUrls={conference.tagUrls} mark={sessionMarks(conference).get(workshop)} now={buildClock()} />;
}

/** What the page shows (see src/output/routes.ts): the event, the workshop with its leaders, its topics' pages, its release mark. */
export function inputs({ conference, workshop }: Data) {
  return [conference.event, workshop, workshop.tags.map((tag) => conference.tagUrls.get(tag)), sessionMarks(conference).get(workshop)];
}
