import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Abstracts, bios and workshop descriptions come from speakers: raw HTML in them is
 * shown as text, and markdown-it refuses `javascript:`, `vbscript:`, `file:` and `data:` links.
 */
const untrusted = new MarkdownIt({ html: false, linkify: true, typographer: true });

/** Blog posts are written by organisers and may carry HTML, which is sanitised. */
const organiser = new MarkdownIt({ html: true, linkify: true, typographer: true });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "figure", "figcaption", "picture", "source", "details", "summary"],
  allowedAttributes: {
    ...sanitizeHtml.defaults.allowedAttributes,
    a: ["href", "title", "id"],
    img: ["src", "srcset", "alt", "title", "width", "height", "loading"],
    source: ["srcset", "type", "media"],
    "*": ["id", "lang", "dir"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
};

/** Markdown from a speaker (abstracts, bios, workshop descriptions) to safe HTML. */
export function renderUntrusted(markdown: string): string {
  return untrusted.render(markdown);
}

/** Markdown with HTML from an organiser (blog posts) to sanitised HTML. */
export function renderPost(markdown: string): string {
  return sanitizeHtml(organiser.render(markdown), SANITIZE);
}

/** A speaker's markdown as safe HTML and as plain text, from one parse. */
export function untrustedBody(markdown: string): { html: string; summary: string } {
  const env = {};
  const tokens = untrusted.parse(markdown, env);
  return { html: untrusted.renderer.render(tokens, untrusted.options, env), summary: textOf(tokens) };
}

/** The markdown's text with no markup, whitespace collapsed: for meta descriptions and exports. */
export function plainText(markdown: string): string {
  return textOf(untrusted.parse(markdown, {}));
}

function textOf(blocks: ReturnType<MarkdownIt["parse"]>): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.type === "inline") {
      for (const token of block.children ?? []) {
        if (token.type === "text" || token.type === "code_inline") parts.push(token.content);
        else if (token.type === "softbreak" || token.type === "hardbreak") parts.push(" ");
      }
      parts.push(" ");
    }
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function truncate(textValue: string, max = 160): string {
  if (textValue.length <= max) return textValue;
  const cut = textValue.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}
