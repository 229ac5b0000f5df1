import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderPost, renderUntrusted } from "../../src/content/markdown.ts";

describe("markdown rendering writes void elements self-closed", () => {
  test("a post's <picture><source>, <br>, <wbr> and <hr> stay void", () => {
    const html = renderPost(
      [
        '<picture><source srcset="https://example.org/a.webp" type="image/webp"><img src="https://example.org/a.jpg" alt="A"></picture>',
        "",
        "one<br>two <wbr>three",
        "",
        "<hr>",
        "",
        "---",
      ].join("\n"),
    );
    assert.equal(
      html,
      [
        '<p><picture><source srcset="https://example.org/a.webp" type="image/webp" /><img src="https://example.org/a.jpg" alt="A" /></picture></p>',
        "<p>one<br />two <wbr />three</p>",
        "<hr />",
        "<hr />",
        "",
      ].join("\n"),
    );
  });

  test("markdown images, hard breaks and rules from speakers are self-closed", () => {
    assert.equal(
      renderUntrusted("![A diagram](https://example.org/d.png)\n\none  \ntwo\n\n---\n"),
      '<p><img src="https://example.org/d.png" alt="A diagram" /></p>\n<p>one<br />\ntwo</p>\n<hr />\n',
    );
  });

  test("a table keeps its column alignment in both renderers", () => {
    const table = "| a | b |\n|:--|--:|\n| 1 | 2 |\n";
    for (const html of [renderPost(table), renderUntrusted(table)]) {
      assert.match(html, /<th style="text-align:left">a<\/th>/);
      assert.match(html, /<td style="text-align:right">2<\/td>/);
    }
    assert.equal(renderPost('<p style="color:red">x</p>'), "<p>x</p>");
  });
});

describe("ids in posts cannot collide with the page's own ids", () => {
  test("underscores in a post's ids and same-page links become hyphens", () => {
    assert.equal(
      renderPost('<h2 id="main_content">Top</h2>\n\n[back](#main_content) <a href="#a_b">x</a> <a href="/talks/x/#a_b">there</a>'),
      '<h2 id="main-content">Top</h2>\n<p><a href="#main-content">back</a> <a href="#a-b">x</a> <a href="/talks/x/#a_b">there</a></p>\n',
    );
  });

  test("a repeated or empty id is dropped; white space in an id becomes a hyphen", () => {
    assert.equal(renderPost('<h2 id="faq">A</h2>\n<h2 id="faq">B</h2>\n<p id="faq_">C</p>\n<p id=" ">D</p>\n<p id="f a q">E</p>'), '<h2 id="faq">A</h2>\n<h2>B</h2>\n<p id="faq-">C</p>\n<p>D</p>\n<p id="f-a-q">E</p>');
  });
});
