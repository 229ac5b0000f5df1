import { z } from "zod";
import { localDateTime, minutes, slugRef, text, textList, webUrl } from "./fields.ts";

/** What a programme row is. Rows of the kinds in `ROW_KINDS` have no speakers and no page. */
export const talkKinds = ["talk", "keynote", "panel", "lightning", "open-space", "break", "meal", "social"] as const;
export type TalkKind = (typeof talkKinds)[number];

/** Kinds that are programme rows rather than sessions: shown in the schedule, no page of their own. */
export const ROW_KINDS: ReadonlySet<TalkKind> = new Set(["break", "meal", "social"]);
/** Kinds that must name at least one speaker. */
export const SPOKEN_KINDS: ReadonlySet<TalkKind> = new Set(["talk", "keynote", "panel", "lightning"]);

/** `content/talks/<slug>.md`: one programme entry. Body: the abstract. */
export const talkSchema = z.strictObject({
  /** The talk's title. */
  title: text,
  /** Speaker slugs (file names in speakers/ without `.md`), in billing order. */
  speakers: z.array(slugRef).default([]),
  /** Start, event-local wall-clock time: "YYYY-MM-DD HH:mm". */
  start: localDateTime,
  /** Length in minutes. */
  duration: minutes,
  /** Room id from event.yaml; leave out (or write `all`) for a row that spans every room, such as lunch. */
  room: slugRef.optional(),
  /** Topic tags, e.g. [kubernetes, security]. */
  tags: textList.default([]),
  /** `talk` (default), `keynote`, `panel`, `lightning`, `open-space`, `break`, `meal` or `social`. */
  kind: z.enum(talkKinds).default("talk"),
  /** Link to the slides. */
  slides: webUrl.optional(),
  /** Link to the recording. */
  video: webUrl.optional(),
  /** Link to code or a demo repository. */
  code: webUrl.optional(),
  /** `true` once the talk is called off: it stays on the schedule and in the calendars, marked cancelled. */
  cancelled: z.boolean().default(false),
});

export type TalkFile = z.output<typeof talkSchema>;
