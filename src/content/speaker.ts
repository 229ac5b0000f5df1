import { z } from "zod";
import { handle, imageRef, text, webUrl } from "./fields.ts";

/** `content/speakers/<slug>.md`: a person who speaks or leads a workshop. Body: the bio. */
export const speakerSchema = z.strictObject({
  /** Full name as it should appear on the site. */
  name: text,
  /** Company or organisation. */
  company: text,
  /** Job title or role, e.g. "Developer Advocate". */
  role: text,
  /** Twitter / X handle, without the @. */
  twitter: handle(/^[A-Za-z0-9_]{1,15}$/, "jonasrosland").optional(),
  /** GitHub user name. */
  github: handle(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "octocat").optional(),
  /** Personal web site (http:// or https://). */
  website: webUrl.optional(),
  /** Photo: a full https:// address, or a path inside public/ such as /images/jane.jpg. */
  photo: imageRef.optional(),
});

export type SpeakerFile = z.output<typeof speakerSchema>;
