import type { Event } from "../content/model.ts";
import { CARD_SIZE } from "../media/card-size.ts";
import { cardPath } from "../site/urls.ts";
import { translatorFor } from "../i18n/index.ts";

/** An image for link previews (`og:image`), at its site path, with its size and alt text. */
export interface ShareImage {
  path: string;
  width: number;
  height: number;
  type: string;
  alt: string;
}

/** A page that gets a card of its own: its collection (the first part of its address), slug and title. */
export interface CardPage {
  collection: "talks" | "workshops" | "speakers" | "blog";
  slug: string;
  title: string;
}

export { CARD_SIZE };

/** The site-wide image for pages without a card of their own: in `public/`, made by tests/make-icons.sh. */
export const DEFAULT_SHARE_IMAGE = "/share.png";

/**
 * The image a link to a page shows: `/cards/<collection>/<slug>.png` for a talk, workshop,
 * speaker or post, the site-wide `/share.png` for every other page.
 */
export function shareImage(event: Event, page?: CardPage): ShareImage {
  if (page === undefined) {
    return { path: DEFAULT_SHARE_IMAGE, ...CARD_SIZE, type: "image/png", alt: translatorFor(event.language).t("share.logoAlt", { event: event.name }) };
  }
  const path = cardPath(`/${page.collection}/${page.slug}/`) ?? DEFAULT_SHARE_IMAGE;
  return { path, ...CARD_SIZE, type: "image/png", alt: `${page.title} · ${event.name}` };
}

/**
 * The site's colours as `public/styles.css` defines them (`--brand` and `--paper`), for the
 * browser's theme colour and the web app manifest; a test keeps them equal to the stylesheet.
 */
export const THEME_COLOUR = "#12355b";
export const BACKGROUND_COLOUR = "#fbfaf7";

/**
 * `og:locale` (`language_TERRITORY`) for the site's BCP 47 language: a tag with a region
 * keeps it (`en-GB` → `en_GB`); a bare language gets its most likely region from the Unicode
 * likely-subtags data (`en` → `en_US`, `de` → `de_DE`, `pt` → `pt_BR`, `zh-Hant` → `zh_TW`).
 */
export function ogLocale(language: string): string {
  // Remembered: every page asks, and Intl's likely-subtags lookup is slow.
  let found = ogLocales.get(language);
  if (found === undefined) {
    try {
      const locale = new Intl.Locale(language).maximize();
      found = locale.region ? `${locale.language}_${locale.region}` : locale.language;
    } catch {
      found = language.split("-")[0]!.toLowerCase();
    }
    ogLocales.set(language, found);
  }
  return found;
}

const ogLocales = new Map<string, string>();
