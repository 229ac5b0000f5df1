import type { DateTime } from "luxon";
import { paginate, programmeInputs, type PageData } from "../eleventy/types.ts";
import { scheduleDayPath } from "../site/urls.ts";
import { ScheduleDayPage } from "../views/SchedulePage.tsx";

type Data = PageData & { day: { date: DateTime } };

export const data = {
  pagination: paginate("conference.days", "day"),
  permalink: (data: Data) => scheduleDayPath(data.day.date.toISODate()!),
  eleventyExcludeFromCollections: true,
};

export function render({ conference, day }: Data) {
  return <ScheduleDayPage conference={conference} date={day.date} />;
}

/**
 * What the page shows (see src/output/routes.ts): the day's grid, the day switcher and the
 * filters, all from the programme without abstracts or bios.
 */
export function inputs({ conference, day }: Data) {
  return [programmeInputs(conference), day.date];
}
