import type { Speaker } from "../../content/model.ts";

/** The speaker's photo, or their initials on a colour picked from their slug. Decorative: the name is always beside it. */
export function Avatar({ speaker, size = "m" }: { speaker: Speaker; size?: "s" | "m" | "l" }) {
  if (speaker.photo) {
    return <img class={`avatar avatar--${size}`} src={speaker.photo} alt="" loading="lazy" width={96} height={96} />;
  }
  return (
    <span class={`avatar avatar--${size} avatar--initials`} style={`--hue:${hueOf(speaker.slug)}`} aria-hidden="true">
      {speaker.initials}
    </span>
  );
}

function hueOf(slug: string): number {
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}
