import type { Page } from "../content/model.ts";
import { paginate, type PageData } from "../eleventy/types.ts";
import { ContentPage } from "../views/ContentPage.tsx";

type Data = PageData & { freePage: Page };

export const data = {
  pagination: paginate("conference.pages", "freePage"),
  permalink: (data: Data) => data.freePage.url,
  eleventyExcludeFromCollections: true,
};

export function render({ conference, freePage }: Data) {
  return <ContentPage event={conference.event} page={freePage} />;
}

/** What the page shows (see src/output/routes.ts). */
export function inputs({ conference, freePage }: Data) {
  return [conference.event, freePage];
}
