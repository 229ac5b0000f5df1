import assert from "node:assert/strict";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildSite, listFiles, makeContent, readPage, ROOT, tempDir } from "../helpers.ts";
import type { ServiceWorkerConfig } from "../../src/output/search-offline.ts";

/** The config the build put at the top of sw.js. */
async function serviceWorkerConfig(site: string): Promise<ServiceWorkerConfig> {
  const script = await readFile(path.join(site, "sw.js"), "utf8");
  const match = /^const LECTERN_SW=(.*);\n/.exec(script);
  assert.ok(match, `sw.js starts with its config: ${script.slice(0, 80)}`);
  return JSON.parse(match[1]!) as ServiceWorkerConfig;
}

// 10 June 2016, 12:00 UTC: 14:00 in Berlin, the fixture's zone.
const EPOCH = "1465560000";

describe("offline and search: the small fixture (hosted under /conf/)", () => {
  let site: string;
  let files: string[];
  before(async () => {
    site = await buildSite(await makeContent("small"), { SOURCE_DATE_EPOCH: EPOCH });
    files = await listFiles(site);
  });

  test("sw.js precaches exactly the programme's pages, the styles and the scripts, each with a revision", async () => {
    const config = await serviceWorkerConfig(site);
    const scripts = files.filter((file) => /^assets\/[^/]+\.js$/.test(file));
    assert.ok(scripts.includes("assets/site.js") && scripts.some((file) => /^assets\/search-[A-Z0-9]+\.js$/.test(file)), scripts.join(", "));
    assert.deepEqual(
      config.precache.map(([address]) => address),
      [
        "",
        ...[...scripts, "assets/search-messages.json"].sort(),
        "blog.css",
        "home.css",
        "schedule.css",
        "schedule/",
        "schedule/2024-10-26/",
        "schedule/2024-10-27/",
        "schedule/mine/",
        "schedule/sessions.json",
        "schedule/tags/",
        "schedule/tags/hacking/",
        "schedule/tags/platforms/",
        "schedule/tags/time/",
        "search.css",
        "speakers/",
        "speakers/jana-novak/",
        "speakers/sam-lee/",
        "styles.css",
        "talks/",
        "talks/after-the-change/",
        "talks/late-night/",
        "talks/opening/",
        "workshops/",
        "workshops/hands-on/",
      ],
    );
    for (const [address, revision] of config.precache) assert.match(revision, /^[0-9a-f]{12}$/, address);
    assert.match(config.id, /^[0-9a-f]{12}$/);
    assert.equal(config.timeout, 3000);
  });

  test("the offline note gives the build's time in the event's zone", async () => {
    const config = await serviceWorkerConfig(site);
    assert.equal(
      config.note,
      '<p class="offline-note" data-offline-note>Offline — programme as of <time datetime="2016-06-10T14:00:00+02:00">10 June 2016, 14:00 CEST</time></p>',
    );
    // Every page has the empty placeholder the service worker fills.
    for (const file of files.filter((name) => name.endsWith(".html"))) {
      const html = await readFile(path.join(site, file), "utf8");
      assert.match(html, /<p class="offline-note" data-offline-note hidden><\/p>/, file);
    }
  });

  test("the search box's texts are one file in the site's language, plural forms with {count}", async () => {
    assert.deepEqual(JSON.parse(await readFile(path.join(site, "assets", "search-messages.json"), "utf8")), {
      results: { one: "{count} result", other: "{count} results" },
      none: "No results",
      failed: "Search is not available right now",
      kinds: { talks: "Talk", speakers: "Speaker", workshops: "Workshop", blog: "Post", page: "Page" },
    });
  });

  test("the search index is under /pagefind/, with Pagefind's script and WebAssembly but not its own UI", () => {
    const search = files.filter((file) => file.startsWith("pagefind/"));
    for (const expected of ["pagefind/pagefind.js", "pagefind/pagefind-entry.json", "pagefind/wasm.en.pagefind"]) {
      assert.ok(search.includes(expected), `${expected} in ${search.join(", ")}`);
    }
    assert.ok(search.some((file) => file.startsWith("pagefind/index/")), "index files");
    assert.deepEqual(search.filter((file) => /pagefind-(ui|modular-ui|component-ui|highlight)/.test(file)), []);
  });

  test("the index holds the talks, speakers, workshops, posts and pages, not the overviews", async () => {
    const entry = JSON.parse(await readFile(path.join(site, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    // 3 talks with pages (lunch has none), 2 speakers, 1 workshop, 1 post.
    assert.equal(entry.languages.en?.page_count, 7);
    for (const [page, searchable] of [
      ["/talks/opening/", true],
      ["/speakers/jana-novak/", true],
      ["/workshops/hands-on/", true],
      ["/blog/hello/", true],
      ["/talks/", false],
      ["/schedule/", false],
      ["/schedule/tags/time/", false],
      ["/blog/", false],
      ["/", false],
    ] as const) {
      const main = /<main[^>]*>/.exec(await readPage(site, page))![0];
      assert.equal(main.includes("data-pagefind-body"), searchable, `${page}: ${main}`);
    }
  });

  test("every page has the search form, which leads to the talk index, and loads its script under /conf/", async () => {
    for (const file of files.filter((name) => name.endsWith(".html"))) {
      const html = await readFile(path.join(site, file), "utf8");
      assert.match(html, /<form role="search" class="site-search" action="\/conf\/talks\/" data-search>/, file);
      assert.match(html, /<label for="site_search" class="visually-hidden">Search talks, speakers and pages<\/label><input id="site_search"[^>]* type="search" name="q"/, file);
      assert.match(html, /<script type="module" src="\/conf\/assets\/site\.js">/, file);
    }
  });

  test("site.js registers the worker and imports the search only on demand, as a chunk beside it", async () => {
    const script = await readFile(path.join(site, "assets", "site.js"), "utf8");
    const staticImports = [...script.matchAll(/\bimport\s*[{*\w][^(;]*?\bfrom\s*"([^"]+)"/g)].map((match) => match[1]);
    assert.ok(!staticImports.some((name) => /search|pagefind/.test(name!)), `no static import of the search: ${staticImports.join(", ")}`);
    const chunk = /import\("\.\/(search-[A-Z0-9]+\.js)"\)/.exec(script)?.[1];
    assert.ok(chunk && files.includes(`assets/${chunk}`), script);
    assert.match(script, /new URL\("sw\.js",\w+\)/);
  });
});

test("a page in public/ marked for search is indexed too, though it is copied after the pages the index is begun with", async () => {
  const publicDir = path.join(await tempDir(), "public");
  await cp(path.join(ROOT, "public"), publicDir, { recursive: true });
  await writeFile(
    path.join(publicDir, "handwritten.html"),
    '<!doctype html><html lang="en"><head><title>Hand-written</title></head><body><main data-pagefind-body><h1>Quokkaphone</h1><p>A page written by hand.</p></main></body></html>',
  );
  const site = await buildSite(await makeContent("small"), { PUBLIC_DIR: publicDir });
  const entry = JSON.parse(await readFile(path.join(site, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  // The fixture's 7 searchable pages and the hand-written one.
  assert.equal(entry.languages.en?.page_count, 8);
});
