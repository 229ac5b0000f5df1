import { GENERATOR } from "./generator.ts";
import { isScheduleEvent, type ScheduleData } from "./schedule-data.ts";
import { jsonText } from "./json-text.ts";

/** `schedule.json` in the c3voc schedule format (https://c3voc.de/schedule/schema.json). */
export function renderScheduleJson(data: ScheduleData): string {
  const document = {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: GENERATOR,
    schedule: data,
  };
  // JSON.stringify(document, null, 2), reusing the text of each session kept from the last build.
  return `${jsonText(document, "  ", isScheduleEvent)}\n`;
}
