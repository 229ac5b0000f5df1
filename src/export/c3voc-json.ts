import type { FileBytes } from "./bytes.ts";
import { GENERATOR } from "./generator.ts";
import { isScheduleEvent, type ScheduleData } from "./schedule-data.ts";
import { jsonBytes } from "./json-text.ts";

/** `schedule.json` in the c3voc schedule format (https://c3voc.de/schedule/schema.json). */
export function renderScheduleJson(data: ScheduleData): FileBytes {
  const document = {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: GENERATOR,
    schedule: data,
  };
  // JSON.stringify(document, null, 2), reusing the text of each session kept from the last build.
  return jsonBytes(document, "  ", isScheduleEvent, "\n");
}
