/** The folders of pages that get a share card, by the first segment of the page's address. */
const CARD_FOLDERS = new Set(["talks", "speakers", "workshops", "blog"]);

/**
 * The site path of a page's share card (1200×630 PNG): `/talks/x/` → `/cards/talks/x.png`,
 * likewise for speakers, workshops and blog posts. Undefined for pages without a card (the
 * home page, the indexes, a talk's calendar file). Views use it for `og:image`; the writer
 * puts each card there.
 */
export function cardPath(pageUrl: string | undefined): string | undefined {
  const match = pageUrl === undefined ? null : /^\/([a-z]+)\/([^/]+)\/$/.exec(pageUrl);
  if (!match || !CARD_FOLDERS.has(match[1]!)) return undefined;
  return `/cards/${match[1]}/${match[2]}.png`;
}

/** Width and height of every share card, in pixels. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;
