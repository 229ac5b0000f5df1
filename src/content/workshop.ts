import { z } from "zod";
import { localDateTime, minutes, slugRef, text, textList } from "./fields.ts";

export const workshopLevels = ["beginner", "intermediate", "advanced"] as const;
export type WorkshopLevel = (typeof workshopLevels)[number];

/** One stretch of a workshop: `{start: 2016-06-10 09:00, duration: 480}`. */
export const timeBlockSchema = z.strictObject({
  /** Start, event-local wall-clock time: "YYYY-MM-DD HH:mm". */
  start: localDateTime,
  /** Length in minutes, at most one day. */
  duration: minutes,
});

/** `content/workshops/<slug>.md`: a hands-on session. Body: the description. */
export const workshopSchema = z.strictObject({
  /** The workshop's title. */
  title: text,
  /** Speaker slugs of the people who lead it. */
  leaders: z.array(slugRef).min(1),
  /** Start, event-local wall-clock time: "YYYY-MM-DD HH:mm". Leave out when the workshop is written in `blocks`. */
  start: localDateTime.optional(),
  /** Length in minutes, at most one day. Leave out when the workshop is written in `blocks`. */
  duration: minutes.optional(),
  /**
   * Instead of `start` and `duration`, for a workshop longer than a day or on several days:
   * its time blocks, each `{start, duration}` (at most one day each), not overlapping one another.
   */
  blocks: z.array(timeBlockSchema).min(1).optional(),
  /** Room id from event.yaml. */
  room: slugRef,
  /** `beginner`, `intermediate` or `advanced`. */
  level: z.enum(workshopLevels),
  /** What to install or know beforehand, one item each. */
  prerequisites: textList.default([]),
  /** Topic tags. */
  tags: textList.default([]),
  /** `true` once the workshop is called off: it stays on the schedule and in the calendars, marked cancelled. */
  cancelled: z.boolean().default(false),
});

export type WorkshopFile = z.output<typeof workshopSchema>;
