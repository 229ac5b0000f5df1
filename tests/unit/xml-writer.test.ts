import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { create } from "xmlbuilder2";
import { XmlWriter } from "../../src/export/xml-writer.ts";
import { wholeBytes } from "../../src/export/bytes.ts";
import { textOf } from "../helpers.ts";

// xmlbuilder2 (a DOM builder) is the reference for the bytes. It writes tabs, newlines and
// carriage returns in attributes (and carriage returns in text) raw, which an XML parser
// turns into spaces and newlines; the writer escapes them, so those inputs are compared by
// reading the output back instead.
function reference(texts: string[], attribute: string): string {
  const root = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "" }).ele("root", { a: attribute });
  root.ele("empty");
  const list = root.ele("list");
  for (const text of texts) list.ele("item", { v: text }).txt(text);
  root.ele("blank").txt("");
  return `${root.end({ prettyPrint: true })}\n`;
}

function written(texts: string[], attribute: string): string {
  const xml = new XmlWriter().start("root", { a: attribute });
  xml.start("empty").end();
  xml.start("list");
  for (const text of texts) xml.leaf("item", text, { v: text });
  xml.end();
  xml.leaf("blank", "");
  return xml.end().toString();
}

/** What the document says: the root attribute, then each item's text and attribute. */
function readBack(xml: string): string[] {
  const root = create({ skipWhitespaceOnlyText: false }, xml).root().node as unknown as Element;
  const items = [...root.getElementsByTagName("item")];
  return [root.getAttribute("a") ?? "", ...items.flatMap((item) => [item.textContent ?? "", item.getAttribute("v") ?? ""])];
}

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyText = fc.oneof(fc.string({ unit }), fc.string({ unit: "binary" }), fc.string());
// xmlbuilder2 cannot be the reference for text that looks like an entity reference: it writes
// "&A;" unescaped (not well-formed XML) and its parser reads "&amp;#0;" back as U+0000. Such
// texts have their own test below.
const notEntityLike = anyText.map((text) => text.replace(/&(?=#?[\w.:-]*;)/g, "+"));

const HOSTILE = [
  `Tom & Jerry <b>"quoted"</b> 'single' > end`,
  "tab\there\nnewline\r\ncarriage",
  "control \u0000\u0001\u0008\u000B\u000C\u001F\u007F chars",
  "lone \uD800 high and \uDC00 low, \uFFFE \uFFFF",
  "emoji 😀 and accents éü and CJK 会議",
  "]]> and <![CDATA[ x ]]>",
  "",
];

test("hostile text: the same bytes as xmlbuilder2 where it escapes fully, and every text reads back", () => {
  const plain = HOSTILE.filter((text) => !/[\t\n\r]/.test(text));
  assert.equal(written(plain, `"<&>'`), reference(plain, `"<&>'`));
  const expected = [`"<&>\t\n`, ...HOSTILE.flatMap((text) => [text, text])].map((text) => text.replace(NOT_XML, ""));
  assert.deepEqual(readBack(written(HOSTILE, `"<&>\t\n`)), expected);
});

test("any UTF-16 text: xmlbuilder2's bytes, and it reads back without the characters XML cannot hold", () => {
  fc.assert(
    fc.property(fc.array(notEntityLike, { maxLength: 5 }), notEntityLike, (texts, attribute) => {
      const xml = written(texts, attribute);
      const expected = [attribute, ...texts.flatMap((text) => [text, text])].map((text) => text.replace(NOT_XML, ""));
      assert.deepEqual(readBack(xml), expected);
      const noWhitespaceEscapes = (text: string) => text.replace(/[\t\n\r]/g, "");
      const plainTexts = texts.map(noWhitespaceEscapes);
      assert.equal(written(plainTexts, noWhitespaceEscapes(attribute)), reference(plainTexts, noWhitespaceEscapes(attribute)));
    }),
    { numRuns: 500 },
  );
});

test("text that looks like an entity reference is written with its & escaped", () => {
  const xml = written(["&A;", "&#0;", "&amp;"], "&#x41;");
  assert.ok(xml.includes(`<root a="&amp;#x41;">`), xml);
  assert.ok(xml.includes(`<item v="&amp;A;">&amp;A;</item>`), xml);
  assert.ok(xml.includes(`<item v="&amp;#0;">&amp;#0;</item>`), xml);
  assert.ok(xml.includes(`<item v="&amp;amp;">&amp;amp;</item>`), xml);
});

test("the writer refuses to finish a document with open elements", () => {
  assert.throws(() => new XmlWriter().start("a").toString(), /<a> is still open/);
  assert.throws(() => new XmlWriter().end(), /no open element/);
});

test("a fragment put in as text or as bytes gives the same document, as text and as bytes", () => {
  const fragment = () => new XmlWriter(1).leaf("title", "Ünïcode & <tags> 🎉").toFragment();
  const documents = [fragment(), Buffer.from(fragment())].map((piece) => new XmlWriter().start("root").raw(piece).leaf("after", "x").end());
  for (const xml of documents) {
    assert.equal(textOf(xml.toBytes()), xml.toString());
    assert.match(xml.toString(), /<title>Ünïcode &amp; &lt;tags&gt; 🎉<\/title>\n  <after>x<\/after>\n<\/root>\n$/);
  }
  assert.deepEqual(wholeBytes(documents[0]!.toBytes()), wholeBytes(documents[1]!.toBytes()));
});
