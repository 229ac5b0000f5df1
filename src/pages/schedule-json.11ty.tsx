import type { PageData } from "../eleventy/types.ts";
import { renderScheduleJson } from "../export/c3voc-json.ts";
import { scheduleData } from "../export/schedule-data.ts";

export const data = { permalink: "/schedule.json", eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return renderScheduleJson(scheduleData(conference));
}
