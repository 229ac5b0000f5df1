import type { Event } from "../../content/model.ts";
import { ogLocale, shareImage, THEME_COLOUR, type CardPage } from "../share.ts";
import { absoluteUrl, SITE_PATHS } from "../../site/urls.ts";

/** How a page presents itself when shared: its Open Graph type, its card, and for a post its date, author and tags. */
export interface ShareMeta {
  /** `og:type`: `website` (the default) for the home, index and session pages, `profile` for a speaker, `article` for a post. */
  type?: "website" | "profile" | "article";
  /** The page's own social card; without one the site-wide share image is used. */
  card?: CardPage;
  /** For `article`: publication date (YYYY-MM-DD), author (a name or a profile's absolute URL) and tags. */
  article?: { published: string; author: string; tags: readonly string[] };
}

export interface HeadMetaProps {
  event: Event;
  /** The page's own title, without the event's name. */
  title: string;
  /** The meta description, already cut to length. */
  description: string;
  /** The page's canonical absolute URL; undefined for a page that has none (the 404 page), which then has no `og:url`. */
  canonical: string | undefined;
  share?: ShareMeta;
}

/**
 * What a page's head tells link previews and browsers beyond its title: Open Graph and X
 * card tags (with an absolute image and its alt text), the theme colour, the icons and the
 * web app manifest.
 */
export function HeadMeta({ event, title, description, canonical, share = {} }: HeadMetaProps) {
  const image = shareImage(event, share.card);
  const { article } = share;
  return (
    <>
      <meta property="og:type" content={share.type ?? "website"} />
      <meta property="og:site_name" content={event.name} />
      <meta property="og:locale" content={ogLocale(event.language)} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      {canonical !== undefined && <meta property="og:url" content={canonical} />}
      <meta property="og:image" content={absoluteUrl(event, image.path)} />
      <meta property="og:image:type" content={image.type} />
      <meta property="og:image:width" content={String(image.width)} />
      <meta property="og:image:height" content={String(image.height)} />
      <meta property="og:image:alt" content={image.alt} />
      {article && <meta property="article:published_time" content={article.published} />}
      {article && <meta property="article:author" content={article.author} />}
      {article?.tags.map((tag) => <meta key={tag} property="article:tag" content={tag} />)}
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:image:alt" content={image.alt} />
      <meta name="theme-color" content={event.theme?.colours.primary ?? THEME_COLOUR} />
      <link rel="icon" href={SITE_PATHS.favicon} type="image/svg+xml" />
      <link rel="icon" href="/icon-192.png" type="image/png" sizes="192x192" />
      <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
      <link rel="manifest" href={SITE_PATHS.manifest} />
    </>
  );
}
