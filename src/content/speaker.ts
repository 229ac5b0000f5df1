import { z } from "zod";
import { blueskyHandle, handle, imageRef, linkedinProfile, mastodonHandle, text, webUrl } from "./fields.ts";

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
  /** Mastodon address, `@user@server`; links to the profile on that server. */
  mastodon: mastodonHandle.optional(),
  /** Bluesky handle such as `jane.bsky.social`; links to the profile on bsky.app. */
  bluesky: blueskyHandle.optional(),
  /** LinkedIn: the profile's address, or the name at its end (`jane-doe` for linkedin.com/in/jane-doe/). */
  linkedin: linkedinProfile.optional(),
  /** Pronouns, shown next to the name, e.g. "she/her". */
  pronouns: text.pipe(z.string().max(40, "must be at most 40 characters long")).optional(),
  /** Photo: a full https:// address, or a path inside public/ such as /images/jane.jpg. */
  photo: imageRef.optional(),
});

export type SpeakerFile = z.output<typeof speakerSchema>;
