import { z } from "zod";
import { calendarDate, text, textList } from "./fields.ts";

/** `content/blog/<slug>.md`: a blog post. Body: the post, markdown (HTML allowed, sanitised). */
export const postSchema = z.strictObject({
  /** The post's title. */
  title: text,
  /** Publication date, YYYY-MM-DD. */
  date: calendarDate,
  /** Author's name. */
  author: text,
  /** Topic tags. */
  tags: textList.default([]),
  /** One sentence for listings and the meta description (default: the post's first sentence). */
  summary: text.optional(),
});

export type PostFile = z.output<typeof postSchema>;
