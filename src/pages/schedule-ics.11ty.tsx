import type { PageData } from "../eleventy/types.ts";
import { renderIcs } from "../export/ics.ts";
import { exportedSessions } from "../export/sessions.ts";
import { exportStamp } from "../export/stamp.ts";

export const data = { permalink: "/schedule.ics", eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  const { event } = conference;
  const stamp = exportStamp(event, process.env.SOURCE_DATE_EPOCH);
  return renderIcs(conference, exportedSessions(conference), { stamp, name: event.name, path: "/schedule.ics" });
}
