import { z } from "zod";
import { localDateTime, minutes, slugRef, text, textList } from "./fields.ts";

export const workshopLevels = ["beginner", "intermediate", "advanced"] as const;
export type WorkshopLevel = (typeof workshopLevels)[number];

/** `content/workshops/<slug>.md`: a hands-on session. Body: the description. */
export const workshopSchema = z.strictObject({
  /** The workshop's title. */
  title: text,
  /** Speaker slugs of the people who lead it. */
  leaders: z.array(slugRef).min(1),
  /** Start, event-local wall-clock time: "YYYY-MM-DD HH:mm". */
  start: localDateTime,
  /** Length in minutes. */
  duration: minutes,
  /** Room id from event.yaml. */
  room: slugRef,
  /** `beginner`, `intermediate` or `advanced`. */
  level: z.enum(workshopLevels),
  /** What to install or know beforehand, one item each. */
  prerequisites: textList.default([]),
  /** Topic tags. */
  tags: textList.default([]),
});

export type WorkshopFile = z.output<typeof workshopSchema>;
