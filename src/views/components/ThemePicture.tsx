import { pictureParts } from "../../media/images.ts";
import type { ThemeImage } from "../../theme/theme.ts";

/** A theme image (the logo, the hero): a `<picture>` of its copies when the pipeline resized it, the file as it is otherwise. */
export function ThemePicture({ image, alt, class: className, eager = false }: { image: ThemeImage; alt: string; class: string; eager?: boolean }) {
  const loading = eager ? undefined : "lazy";
  if (!image.picture) return <img class={className} src={image.src} alt={alt} loading={loading} decoding="async" />;
  const { sources, img } = pictureParts(image.picture);
  const tag = <img class={className} {...img} alt={alt} loading={loading} decoding="async" />;
  if (sources.length === 0) return tag;
  return (
    <picture>
      {sources.map((source) => (
        <source key={source.type} {...source} />
      ))}
      {tag}
    </picture>
  );
}
