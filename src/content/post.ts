import { z } from "zod";
import { calendarDate, text, textList } from "./fields.ts";

/** `content/blog/<slug>.md`: a blog post. Body: the post, markdown (HTML allowed, sanitised). */
export const postSchema = z.strictObject({
  /** The post's title. */
  title: text,
  /** Publication date, YYYY-MM-DD. */
  date: calendarDate,
  /** A speaker's slug (links to their page, with their photo or initials), or the author's name as it should be shown. */
  author: text,
  /** Topic tags; each gets a page listing its posts. */
  tags: textList.default([]),
  /** One sentence for listings and the meta description (default: the post's first sentence). */
  summary: text.optional(),
  /** true keeps the post out of the published site; `npm start` still shows it, marked as a draft. */
  draft: z.boolean().default(false),
});

export type PostFile = z.output<typeof postSchema>;

/** Words a minute assumed for a post's reading time. */
export const WORDS_PER_MINUTE = 230;

/** Minutes to read a text at WORDS_PER_MINUTE, rounded up, at least 1. */
export function readingMinutes(plainText: string): number {
  const words = plainText.match(/\S+/g)?.length ?? 0;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** An author written like a speaker slug (lower-case words joined by hyphens), as opposed to a name. */
export function looksLikeSlug(author: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(author);
}
