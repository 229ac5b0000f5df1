import type MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { organiser, untrusted, type LinkEnv } from "./markdown-parsers.ts";
import type { LinkResolver } from "./programme-links.ts";

export { checkProgrammeLinks } from "./markdown-parsers.ts";

const ALIGN = [/^(left|right|center)$/];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "figure", "figcaption", "picture", "source", "details", "summary"],
  allowedAttributes: {
    ...sanitizeHtml.defaults.allowedAttributes,
    a: ["href", "title", "id"],
    img: ["src", "srcset", "sizes", "alt", "title", "width", "height", "loading", "decoding"],
    source: ["srcset", "sizes", "type", "media"],
    th: ["style"],
    td: ["style"],
    "*": ["id", "lang", "dir"],
  },
  // A markdown table's column alignment, which markdown-it writes as an inline style.
  allowedStyles: { th: { "text-align": ALIGN }, td: { "text-align": ALIGN } },
  // Every void element that may survive, so none is written with an end tag (`<source></source>`).
  selfClosing: [...sanitizeHtml.defaults.selfClosing, "source", "wbr", "col", "track"],
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
};

/** Markdown from a speaker (abstracts, bios, workshop descriptions) to safe HTML; `links` resolves programme links. */
export function renderUntrusted(markdown: string, links?: LinkResolver): string {
  const env: LinkEnv = { links };
  return untrusted.render(markdown, env);
}

/**
 * Writes one markdown image of a post (`![alt](src)`) as HTML, given its address as written, its
 * alt text and its place among the post's images (0 for the first); undefined leaves it to
 * markdown-it. The HTML is sanitised with the rest of the post.
 */
export type PostImageWriter = (src: string, alt: string, index: number) => string | undefined;

/** How a post's images and programme links are written. */
export interface PostOptions {
  writeImage?: PostImageWriter;
  links?: LinkResolver;
}

interface PostEnv extends LinkEnv {
  writeImage?: PostImageWriter;
  images: number;
}

const defaultImageRule = organiser.renderer.rules.image!;
organiser.renderer.rules.image = (tokens, idx, options, env: PostEnv, self) => {
  const token = tokens[idx]!;
  const html = env.writeImage?.(token.attrGet("src") ?? "", self.renderInlineAsText(token.children ?? [], options, env), env.images++);
  return html ?? defaultImageRule(tokens, idx, options, env, self);
};

/**
 * Markdown with HTML from an organiser (blog posts) to sanitised HTML. The page's own ids
 * all hold an underscore, so a post's ids (and its links to them) get hyphens instead,
 * and an id used twice (or empty) is dropped after its first use. `writeImage` writes each
 * markdown image (the image pipeline's `<picture>`); `links` resolves programme links.
 */
export function renderPost(markdown: string, { writeImage, links }: PostOptions = {}): string {
  const seen = new Set<string>();
  const allowed = new Set(SANITIZE.allowedTags || []);
  const transformTags: sanitizeHtml.IOptions["transformTags"] = {
    "*": (tagName, attribs) => {
      const attributes = { ...attribs };
      if (attributes.id !== undefined) {
        const id = postId(attributes.id);
        if (!id || seen.has(id) || !allowed.has(tagName)) delete attributes.id;
        else {
          seen.add(id);
          attributes.id = id;
        }
      }
      if (tagName === "a" && attributes.href?.startsWith("#")) attributes.href = `#${postId(attributes.href.slice(1))}`;
      return { tagName, attribs: attributes };
    },
  };
  const env: PostEnv = { writeImage, links, images: 0 };
  return sanitizeHtml(organiser.render(markdown, env), { ...SANITIZE, transformTags });
}

/** An id from a post: underscores (and white space, which no id may hold) become hyphens. */
function postId(id: string): string {
  return id.trim().replace(/[_\s]+/g, "-");
}

/** A speaker's markdown as safe HTML and as plain text, from one parse; `links` resolves programme links. */
export function untrustedBody(markdown: string, links?: LinkResolver): { html: string; summary: string } {
  const env: LinkEnv = { links };
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
