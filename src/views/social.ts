import { english, type Translator } from "../i18n/index.ts";

/** Accounts on other sites, as event.yaml's `social` and a speaker's fields hold them (handles already without `@`). */
export interface Accounts {
  mastodon?: string | undefined;
  bluesky?: string | undefined;
  linkedin?: string | undefined;
  twitter?: string | undefined;
  github?: string | undefined;
  youtube?: string | undefined;
  website?: string | undefined;
}

/** A link to a profile: what it says and where it leads. */
export interface SocialLink {
  label: string;
  href: string;
}

/**
 * The profile links of a speaker (`person`) or of the event (`organisation`, whose LinkedIn
 * name is a company page), in a fixed order. `user@host` on Mastodon is `https://host/@user`.
 */
export function socialLinks(accounts: Accounts, owner: "person" | "organisation", translator: Translator = english): SocialLink[] {
  const { t } = translator;
  const links: SocialLink[] = [];
  if (accounts.twitter) links.push({ label: t("social.twitter", { handle: accounts.twitter }), href: `https://twitter.com/${accounts.twitter}` });
  if (accounts.github) links.push({ label: t("social.github", { handle: accounts.github }), href: `https://github.com/${accounts.github}` });
  if (accounts.mastodon) {
    const [user, host] = accounts.mastodon.split("@") as [string, string];
    links.push({ label: t("social.mastodon", { handle: accounts.mastodon }), href: `https://${host}/@${user}` });
  }
  if (accounts.bluesky) links.push({ label: t("social.bluesky", { handle: accounts.bluesky }), href: `https://bsky.app/profile/${accounts.bluesky}` });
  if (accounts.linkedin) {
    const href = accounts.linkedin.startsWith("https://")
      ? accounts.linkedin
      : `https://www.linkedin.com/${owner === "person" ? "in" : "company"}/${accounts.linkedin}/`;
    links.push({ label: "LinkedIn", href });
  }
  if (accounts.youtube) links.push({ label: "YouTube", href: accounts.youtube });
  if (accounts.website) links.push({ label: t("social.website"), href: accounts.website });
  return links;
}
