import { bytePieces, type FileBytes } from "./bytes.ts";

/**
 * A small streaming XML writer for the exports: elements indented two spaces per level,
 * childless elements self-closed, every text and attribute escaped, and characters that
 * XML 1.0 cannot carry at all (most control characters, lone surrogates) dropped.
 *
 * Written here because xmlbuilder2, which the exports used first and the tests still use as
 * the reference, builds a DOM: seconds for a 10,000-talk schedule, and its streaming
 * builder was slower still. This writes the same bytes (tests/unit/xml-writer.test.ts).
 */
export class XmlWriter {
  private readonly out: (string | Buffer)[];
  private readonly open: string[] = [];
  /** True while the innermost open element has no children yet. */
  private empty = false;

  /**
   * A document; or with `depth`, a fragment (no XML declaration) whose first element sits that
   * many levels deep, to be put into a document with `raw`.
   */
  constructor(private readonly depth?: number) {
    this.out = depth === undefined ? ['<?xml version="1.0" encoding="UTF-8"?>'] : [];
  }

  /** Text another writer made as a fragment at this depth (`new XmlWriter(depth)`, `toFragment`), or its UTF-8 bytes. */
  raw(fragment: string | Buffer): this {
    this.closeStartTag();
    this.out.push(fragment);
    return this;
  }

  /** The fragment's text, to hand to `raw`. */
  toFragment(): string {
    this.checkClosed();
    return this.text();
  }

  private indent(): string {
    return "  ".repeat((this.depth ?? 0) + this.open.length);
  }

  /** Opens an element; children follow until `end()`. */
  start(name: string, attributes?: Record<string, string>): this {
    this.closeStartTag();
    this.out.push(`\n${this.indent()}<${name}${attributeText(attributes)}`);
    this.open.push(name);
    this.empty = true;
    return this;
  }

  /** Closes the innermost open element. */
  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error("XmlWriter.end() with no open element");
    if (this.empty) this.out.push("/>");
    else this.out.push(`\n${this.indent()}</${name}>`);
    this.empty = false;
    return this;
  }

  /** An element holding only text (self-closed when the text is empty). */
  leaf(name: string, text: string, attributes?: Record<string, string>): this {
    this.closeStartTag();
    const indent = this.indent();
    const body = escapeText(text);
    this.out.push(body === "" ? `\n${indent}<${name}${attributeText(attributes)}/>` : `\n${indent}<${name}${attributeText(attributes)}>${body}</${name}>`);
    return this;
  }

  /** The document, with a final newline. */
  toString(): string {
    this.checkClosed();
    return `${this.text()}\n`;
  }

  /** The document as UTF-8 bytes, with a final newline (see bytePieces). */
  toBytes(): FileBytes {
    this.checkClosed();
    return bytePieces([...this.out, "\n"]);
  }

  private text(): string {
    return this.out.map((piece) => (typeof piece === "string" ? piece : piece.toString("utf8"))).join("");
  }

  private checkClosed(): void {
    if (this.open.length > 0) throw new Error(`XmlWriter: <${this.open.at(-1)}> is still open`);
  }

  private closeStartTag(): void {
    if (this.empty) this.out.push(">");
    this.empty = false;
  }
}

/** Characters outside XML 1.0's `Char` production. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;" };

function escapeText(text: string): string {
  return text.replace(NOT_XML, "").replace(TEXT_SPECIAL, (ch) => ENTITIES[ch]!);
}

function attributeText(attributes: Record<string, string> | undefined): string {
  if (!attributes) return "";
  let text = "";
  for (const [name, value] of Object.entries(attributes)) {
    text += ` ${name}="${value.replace(NOT_XML, "").replace(ATTRIBUTE_SPECIAL, (ch) => ENTITIES[ch]!)}"`;
  }
  return text;
}
