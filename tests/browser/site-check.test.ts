import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildSite, FIXTURES, listFiles, makeContent, ROOT, tempDir } from "../helpers.ts";
import { checkBuiltSite, checkLinks, formatProblems, listPages, validateHtml } from "./site-check.ts";

describe("the built sample site, file by file", () => {
  let site: string;
  before(async () => {
    site = await buildSite(await makeContent("sample"));
  });

  test("the checker walks every built HTML page", async () => {
    const pages = await listPages(site);
    const htmlFiles = (await listFiles(site)).filter((file) => file.endsWith(".html"));
    assert.equal(pages.length, htmlFiles.length);
    for (const page of ["/", "/404.html", "/talks/", "/talks/autopilot/", "/speakers/tim-gross/", "/workshops/", "/blog/"]) {
      assert.ok(pages.includes(page), `${page} is among the pages checked`);
    }
  });

  test("every link, image, stylesheet, feed, export, #fragment and absolute self-link resolves to a built file", async () => {
    const siteUrl = /^url: (.*)$/m.exec(await readFile(path.join(ROOT, "content", "event.yaml"), "utf8"))![1]!.trim();
    const problems = await checkLinks(site, { siteUrl });
    assert.equal(formatProblems(problems), "", "broken references");
  });

  test("every HTML file passes html-validate with .htmlvalidate.mjs", async () => {
    const problems = await validateHtml(site);
    assert.equal(formatProblems(problems), "", "invalid HTML");
  });
});

describe("the checker on a broken site", () => {
  test("names the page for a broken link, a missing fragment, a missing stylesheet, a missing alt and an unlabelled control", async () => {
    const problems = await checkBuiltSite(path.join(FIXTURES, "broken-site"));
    assert.equal(
      formatProblems(problems),
      [
        '/broken-link/: <a href> "/#no-such-section" points at #no-such-section, but / has no element with that id',
        '/broken-link/: <a href> "/talks/nowhere/" does not resolve to a built file (no /talks/nowhere/ in the site)',
        '/broken-link/: <link href> "/missing.css" does not resolve to a built file (no /missing.css in the site)',
        '/missing-alt/: html-validate wcag/h37 (line 1:651): <img> is missing required "alt" attribute',
        "/unlabelled/: html-validate input-missing-label (line 1:657): <input> element does not have a <label>",
      ].join("\n"),
    );
  });

  test("treats exports as files, checks srcset and CSS url(), and only the form of external links", async () => {
    const site = await tempDir("lectern-links-");
    const files: Record<string, string> = {
      "index.html": page(
        [
          '<a href="/schedule.ics">calendar</a> <a href="/schedule/">schedule</a> <a href="/schedule">no slash</a>',
          '<a href="schedule/#friday">relative, with fragment</a> <a href="#top">top</a> <a href="/?from=home">query</a>',
          '<a href="https://example.org/a%20b">external</a> <a href="mailto:team@example.org">mail</a>',
          '<a href="https://exa mple.org/">space</a> <a href="http://">no host</a> <a href="javascript:void(0)">script</a>',
          '<a href="mailto:">nobody</a> <a href="/feed.xml">feed</a>',
          '<img src="/a.png" srcset="/a.png 1x, /b.png 2x" alt="A" width="1" height="1"/>',
        ].join(" "),
      ),
      "schedule/index.html": page('<h2 id="friday">Friday</h2><a href="../#main">home</a> <a href="/schedule.ics#x">calendar</a>'),
      "schedule.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
      "a.png": "",
      "styles.css": 'body { background: url("/a.png"); } h1 { background: url(/missing.svg); } p { background: url(data:image/png;base64,AA==); }',
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(site, file)), { recursive: true });
      await writeFile(path.join(site, file), text);
    }
    assert.equal(
      formatProblems(await checkLinks(site)),
      [
        '/: <a href> "/feed.xml" does not resolve to a built file (no /feed.xml in the site)',
        '/: <a href> "http://" is not a well-formed URL',
        '/: <a href> "https://exa mple.org/" contains white space (encode it as %20)',
        '/: <a href> "javascript:void(0)" uses the scheme javascript:, which is not allowed',
        '/: <a href> "mailto:" has no address after mailto:',
        '/: <img srcset> "/b.png" does not resolve to a built file (no /b.png in the site)',
        '/styles.css: CSS url() "/missing.svg" does not resolve to a built file (no /missing.svg in the site)',
      ].join("\n"),
    );
  });
});

function page(body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>T</title><link rel="stylesheet" href="/styles.css"/></head><body><main id="main"><h1>T</h1>${body}</main></body></html>`;
}
