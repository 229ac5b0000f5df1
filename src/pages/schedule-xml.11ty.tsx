import type { PageData } from "../eleventy/types.ts";
import { renderScheduleXml } from "../export/frab-xml.ts";
import { scheduleData } from "../export/schedule-data.ts";
import { absoluteUrl } from "../views/site.ts";

export const data = { permalink: "/schedule.xml", eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return renderScheduleXml(scheduleData(conference), absoluteUrl(conference.event, "/schedule.xml"));
}
