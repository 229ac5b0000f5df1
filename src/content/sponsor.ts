import { z } from "zod";
import { imageRef, slugRef, text, webUrl } from "./fields.ts";

/** `content/sponsors/<slug>.md`: a sponsor. Body: an optional blurb, markdown. */
export const sponsorSchema = z.strictObject({
  /** The sponsor's name; also the logo's alt text. */
  name: text,
  /** The id of one of `sponsor_tiers` in event.yaml, e.g. `gold`. */
  tier: slugRef,
  /** The logo: a path in public/ such as /images/sponsors/acme.svg, or a full https:// address. */
  logo: imageRef,
  /** The sponsor's web site, which the logo links to. */
  url: webUrl,
});

export type SponsorFile = z.output<typeof sponsorSchema>;
