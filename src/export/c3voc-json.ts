import { GENERATOR } from "./generator.ts";
import type { ScheduleData } from "./schedule-data.ts";

/** `schedule.json` in the c3voc schedule format (https://c3voc.de/schedule/schema.json). */
export function renderScheduleJson(data: ScheduleData): string {
  const document = {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: GENERATOR,
    schedule: data,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
