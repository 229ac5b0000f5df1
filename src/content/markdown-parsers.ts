import MarkdownIt from "markdown-it";
import type { StateCore } from "markdown-it";
import { isProgrammeHref, mayHoldProgrammeLinks, type LinkResolver } from "./programme-links.ts";

// The two markdown parsers, apart from the renderers (markdown.ts) so that `npm run check` can
// parse bodies for their programme links without loading the sanitiser.

/**
 * Abstracts, bios and workshop descriptions come from speakers: raw HTML in them is
 * shown as text, and markdown-it refuses `javascript:`, `vbscript:`, `file:` and `data:` links.
 * `xhtmlOut` writes void elements self-closed (`<img />`, `<br />`), as the rest of the page is.
 */
export const untrusted = new MarkdownIt({ html: false, xhtmlOut: true, linkify: true, typographer: true });

/** Blog posts are written by organisers and may carry HTML, which is sanitised. */
export const organiser = new MarkdownIt({ html: true, xhtmlOut: true, linkify: true, typographer: true });

/** What both parsers read from markdown-it's `env`. */
export interface LinkEnv {
  /** Resolves programme links (`talk:slug`); without one they lose their address. */
  links?: LinkResolver;
}

for (const md of [untrusted, organiser]) {
  // A programme link is looked up as written; markdown-it would percent-encode it first.
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url) => (isProgrammeHref(url) ? url : normalizeLink(url));
  md.core.ruler.push("programme_links", resolveProgrammeLinks);
}

/** Gives each programme link its page's path, on the tokens, so that a parse alone checks them. */
function resolveProgrammeLinks(state: StateCore): void {
  const env = state.env as LinkEnv;
  for (const block of state.tokens) {
    if (block.type !== "inline") continue;
    for (const token of block.children ?? []) {
      const href = token.type === "link_open" ? token.attrGet("href") : null;
      if (href === null || !isProgrammeHref(href)) continue;
      const url = env.links?.(href);
      if (url === undefined) token.attrs = token.attrs?.filter(([name]) => name !== "href") ?? null;
      else token.attrSet("href", url);
    }
  }
}

/**
 * Checks a body's programme links without rendering it: parses only a body that may hold one,
 * with the parser that would render it (a post's HTML blocks hold no markdown links).
 */
export function checkProgrammeLinks(markdown: string, kind: "untrusted" | "post", links: LinkResolver): void {
  if (!mayHoldProgrammeLinks(markdown)) return;
  const env: LinkEnv = { links };
  (kind === "post" ? organiser : untrusted).parse(markdown, env);
}
