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

/**
 * Checks one raw HTML `<img>` of a post, given its `src` and its `alt` (undefined when the tag has
 * none; an empty one marks a decorative image). The tag itself is left to the sanitiser.
 */
export type PostImageCheck = (src: string, alt: string | undefined) => void;

/** How a post's images and programme links are written. */
export interface PostOptions {
  writeImage?: PostImageWriter;
  checkImage?: PostImageCheck;
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
 * markdown image (the image pipeline's `<picture>`); `checkImage` checks each raw HTML `<img>`;
 * `links` resolves programme links.
 */
export function renderPost(markdown: string, { writeImage, checkImage, links }: PostOptions = {}): string {
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
  const tokens = organiser.parse(markdown, env);
  if (checkImage) for (const html of rawHtml(tokens)) readHtml(html, checkImage);
  return sanitizeHtml(organiser.renderer.render(tokens, organiser.options, env), { ...SANITIZE, transformTags });
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

/** A post's text with no markup (its raw HTML's tags dropped, their text kept), whitespace collapsed. */
export function postText(markdown: string): string {
  return textOf(organiser.parse(markdown, {}));
}

type Tokens = ReturnType<MarkdownIt["parse"]>;

/** The raw HTML a post's markdown holds, each block or inline tag as markdown-it read it. */
function* rawHtml(blocks: Tokens): Generator<string> {
  for (const block of blocks) {
    if (block.type === "html_block") yield block.content;
    for (const token of block.children ?? []) if (token.type === "html_inline") yield token.content;
  }
}

/** Tags that do not break a line of text: their neighbours join without a space. */
const PHRASING = new Set(["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"]);

/**
 * Reads raw HTML with the sanitiser's parser, allowing no tags: its text (script and style
 * contents left out), and each `<img>` handed to `checkImage`.
 */
function readHtml(html: string, checkImage?: PostImageCheck): string {
  const parts: string[] = [];
  const gap = (tag: string) => {
    if (!PHRASING.has(tag)) parts.push(" ");
  };
  sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    onOpenTag: (tag, attribs) => {
      if (tag === "img") checkImage?.(attribs.src ?? "", attribs.alt);
      gap(tag);
    },
    onCloseTag: gap,
    // The sanitiser hands text over escaped (&, <, >); the summary wants it as it reads.
    textFilter: (text) => {
      parts.push(text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
      return "";
    },
  });
  return parts.join("");
}

function textOf(blocks: Tokens): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.type === "html_block") parts.push(readHtml(block.content), " ");
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
