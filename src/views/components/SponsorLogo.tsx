import type { Sponsor, SponsorTier } from "../../content/model.ts";
import { Prose } from "./Prose.tsx";
import { pictureParts } from "../../media/images.ts";

/** A sponsor's logo, with their name as its alt text: a `<picture>` for a raster file in public/, the file as it is otherwise. */
export function SponsorLogo({ sponsor }: { sponsor: Sponsor }) {
  if (sponsor.picture) {
    const { sources, img } = pictureParts(sponsor.picture);
    const image = <img class="sponsor-logo" {...img} alt={sponsor.name} loading="lazy" decoding="async" />;
    if (sources.length === 0) return image;
    return (
      <picture>
        {sources.map((source) => (
          <source key={source.type} {...source} />
        ))}
        {image}
      </picture>
    );
  }
  return <img class="sponsor-logo" src={sponsor.logo} alt={sponsor.name} loading="lazy" decoding="async" />;
}

/** Sponsors by tier: each tier's name as a heading of `level`, its sponsors' logos linked to their sites. */
export function SponsorTiers({ tiers, level, withBlurbs = false }: { tiers: ReadonlyArray<{ tier: SponsorTier; sponsors: readonly Sponsor[] }>; level: 2 | 3; withBlurbs?: boolean }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <>
      {tiers.map(({ tier, sponsors }) => (
        <section key={tier.id} class={`sponsor-tier sponsor-tier--${tier.id}`} aria-labelledby={`sponsors_${tier.id}`}>
          <Heading id={`sponsors_${tier.id}`}>{tier.name}</Heading>
          <ul class="sponsor-list">
            {sponsors.map((sponsor) => (
              <li key={sponsor.slug} id={withBlurbs ? sponsor.slug : undefined} class="sponsor">
                <a href={sponsor.url} class="sponsor__logo">
                  <SponsorLogo sponsor={sponsor} />
                </a>
                {withBlurbs && sponsor.html && <Prose html={sponsor.html} class="sponsor__blurb" />}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
