import type { Speaker } from "../../content/model.ts";
import { pictureParts } from "../../media/images.ts";

/** How wide each avatar size is drawn (public/styles.css), for the browser to pick a photo's copy. */
const AVATAR_SIZES = { s: "2rem", m: "3.25rem", l: "6rem" } as const;

/**
 * The speaker's photo, or their initials on a colour picked from their slug. Decorative: the name
 * is always beside it. A photo from public/ comes as AVIF, WebP and the original's type in the
 * sizes avatars need; the large one heads the speaker's page, so only it loads at once.
 */
export function Avatar({ speaker, size = "m" }: { speaker: Speaker; size?: "s" | "m" | "l" }) {
  const className = `avatar avatar--${size}`;
  const loading = size === "l" ? undefined : "lazy";
  if (speaker.picture) {
    const { sources, img } = pictureParts(speaker.picture, AVATAR_SIZES[size]);
    const image = <img class={className} {...img} alt="" loading={loading} decoding="async" />;
    if (sources.length === 0) return image;
    return (
      <picture class="avatar-picture">
        {sources.map((source) => (
          <source key={source.type} {...source} />
        ))}
        {image}
      </picture>
    );
  }
  if (speaker.photo) {
    return <img class={className} src={speaker.photo} alt="" loading={loading} decoding="async" width={96} height={96} />;
  }
  return (
    <span class={`${className} avatar--initials`} style={`--hue:${hueOf(speaker.slug)}`} aria-hidden="true">
      {speaker.initials}
    </span>
  );
}

/** The hue of a speaker's initials avatar (also on their share card). */
export function hueOf(slug: string): number {
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}
