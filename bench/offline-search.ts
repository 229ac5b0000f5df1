import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { SearchIndex, type ServiceWorkerConfig } from "../src/output/search-offline.ts";
import { findChromium } from "../tests/browser/chromium.ts";
import { serveSite } from "../tests/browser/static-server.ts";
import type { GeneratedConference } from "./generate.ts";
import { median, run } from "./measure.ts";
import { lecternBuild } from "./tools.ts";

/** What the service worker precaches: files, bytes as stored and gzipped (each file on its own, as a server sends it). */
export interface PrecacheSize {
  files: number;
  pages: number;
  raw: number;
  gzip: number;
}

/** Indexing the built pages with Pagefind, in memory, as the build does. */
export interface IndexTiming {
  ms: number;
  pages: number;
  /** The /pagefind/ folder's bytes. */
  bytes: number;
}

/** From the input event with the whole query to the results shown, in Chromium. */
export interface SearchTiming {
  /** The first query of a visit: the search script, Pagefind's WebAssembly and the index's first chunks load. */
  firstMs: number;
  /** The median of the following queries. */
  warmMs: number;
  queries: string[];
}

export interface OfflineSearchResult {
  label: string;
  precache: PrecacheSize;
  index: IndexTiming;
  search: SearchTiming | string;
}

/** The precache list of a built site's sw.js, weighed. */
export async function precacheSize(siteDir: string): Promise<PrecacheSize> {
  const script = await readFile(path.join(siteDir, "sw.js"), "utf8");
  const config = JSON.parse(/^const LECTERN_SW=(.*);\n/.exec(script)![1]!) as ServiceWorkerConfig;
  const size: PrecacheSize = { files: 1, pages: 0, raw: script.length, gzip: gzipSync(script).length };
  for (const [address] of config.precache) {
    const bytes = await readFile(path.join(siteDir, address.endsWith("/") || address === "" ? `${address}index.html` : address));
    size.files++;
    if (address === "" || address.endsWith("/")) size.pages++;
    size.raw += bytes.length;
    size.gzip += gzipSync(bytes).length;
  }
  return size;
}

/** Indexes a built site's pages again, the way the build does (page by page, in memory), and times it. */
export async function indexingTime(siteDir: string): Promise<IndexTiming> {
  const files = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith(".html") && !file.startsWith("pagefind"));
  const pages = await Promise.all(files.map(async (file) => ({ file, html: await readFile(path.join(siteDir, file), "utf8") })));
  const started = performance.now();
  const search = new SearchIndex();
  for (const page of pages) await search.add(page.file, page.html);
  const index = (await search.files())!;
  const ms = performance.now() - started;
  let bytes = 0;
  for (const content of index.values()) bytes += content.length;
  return { ms, pages: search.indexed, bytes };
}

/** Queries for a built site: two speakers' names and a word from three talks' titles, picked evenly. */
async function queriesFor(siteDir: string): Promise<string[]> {
  const pick = async (folder: string, count: number) => {
    const slugs = (await readdir(path.join(siteDir, folder), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const chosen = Array.from({ length: count }, (_, i) => slugs[Math.floor(((i + 0.5) * slugs.length) / count)]!);
    return Promise.all(chosen.map(async (slug) => /<h1[^>]*>([^<]+)</.exec(await readFile(path.join(siteDir, folder, slug, "index.html"), "utf8"))![1]!));
  };
  const words = (await pick("talks", 3)).map((title) => title.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 5)[0] ?? title);
  return [...(await pick("speakers", 2)), ...words];
}

/** Puts the whole query in the box (one input event) and resolves with the ms until its results are shown. */
const TYPE_AND_WAIT = `new Promise((resolve) => {
  const query = QUERY;
  const input = document.querySelector("#site_search");
  const started = performance.now();
  const check = () => {
    const panel = document.querySelector(".site-search__results");
    if (panel && !panel.hidden && panel.dataset.query === query) resolve(performance.now() - started);
    else requestAnimationFrame(check);
  };
  input.value = query;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  check();
})`;

/** Time to results in headless Chromium: each query typed into the header's box on the home page. */
export async function timeToResults(siteDir: string, rounds = 3): Promise<SearchTiming | string> {
  const found = await findChromium();
  if ("missing" in found) return `not measured: ${found.missing}`;
  const queries = await queriesFor(siteDir);
  const server = await serveSite(siteDir);
  const browser = await chromium.launch({ executablePath: found.path, args: ["--no-sandbox", "--headless", "--disable-gpu"] });
  try {
    const firsts: number[] = [];
    const warm: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // A fresh context each round: nothing cached, so the first query pays for loading the search.
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`${server.origin}/`, { waitUntil: "load" });
      await tab.locator("#site_search").focus();
      for (const [i, query] of queries.entries()) {
        // As a string: tsx would wrap named functions in a helper the page does not have.
        const ms = (await tab.evaluate(TYPE_AND_WAIT.replace("QUERY", JSON.stringify(query)))) as number;
        (i === 0 ? firsts : warm).push(ms);
      }
      await context.close();
    }
    return { firstMs: median(firsts), warmMs: median(warm), queries };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The sample site (already built) and the 1,000-talk conference (built here): precache, indexing time, time to results. */
export async function measureOfflineAndSearch(sampleSite: string, conferences: readonly GeneratedConference[], work: string): Promise<OfflineSearchResult[]> {
  const results: OfflineSearchResult[] = [];
  const measure = async (label: string, site: string, browser: boolean) => {
    results.push({
      label,
      precache: await precacheSize(site),
      index: await indexingTime(site),
      search: browser ? await timeToResults(site) : "not measured at this size",
    });
    process.stderr.write(`bench: offline and search, ${label}: done\n`);
  };
  await measure("sample", sampleSite, true);
  for (const conference of conferences) {
    const site = path.join(work, `search-${conference.talks}`);
    const build = await lecternBuild(conference.contentDir, site);
    const built = await run(build.argv, build.cwd, build.env);
    if (built.code !== 0) throw new Error(`building ${conference.talks} talks failed:\n${built.output.slice(-2000)}`);
    await measure(`${conference.talks.toLocaleString("en")} talks`, site, conference.talks === 1000);
  }
  return results;
}

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`);

/** The report's section. */
export function formatOfflineAndSearch(results: readonly OfflineSearchResult[]): string {
  const lines = [
    "",
    "## Offline and search",
    "",
    "The service worker's precache (sw.js and every file it lists: the programme's pages, styles.css, the scripts), " +
      "each file gzipped on its own as a server would send it; Pagefind indexing the searchable pages in memory " +
      "(talks, speakers, workshops, posts, free pages: src/output/search-offline.ts `SearchIndex`, fed each page as the build renders it); " +
      "time to results in headless Chromium, from the input event with the whole query to the results shown (150 ms debounce included), " +
      "median of 3 fresh visits (bench/offline-search.ts).",
    "",
    "| site | precache files | precache (raw) | precache (gzip) | pages indexed | indexing | /pagefind/ | first query | later queries |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of results) {
    const search = typeof r.search === "string" ? [r.search, ""] : [`${Math.round(r.search.firstMs)} ms`, `${Math.round(r.search.warmMs)} ms`];
    lines.push(
      `| ${r.label} | ${r.precache.files} (${r.precache.pages} pages) | ${kb(r.precache.raw)} | ${kb(r.precache.gzip)} | ${r.index.pages.toLocaleString("en")} | ${(r.index.ms / 1000).toFixed(2)} s | ${kb(r.index.bytes)} | ${search.join(" | ")} |`,
    );
  }
  const queries = results.find((r) => typeof r.search !== "string")?.search as SearchTiming | undefined;
  if (queries) lines.push("", `Queries (sample): ${queries.queries.map((q) => `"${q}"`).join(", ")}.`);
  return lines.join("\n") + "\n";
}

if (process.argv[1]?.endsWith(path.join("bench", "offline-search.ts"))) {
  // tsx bench/offline-search.ts <built site> [<label> <built site>…]: the section for sites already built.
  const results: OfflineSearchResult[] = [];
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i += 2) {
    const site = args[i + 1] ?? args[i]!;
    const label = args[i + 1] ? args[i]! : site;
    results.push({ label, precache: await precacheSize(site), index: await indexingTime(site), search: process.env.NO_BROWSER ? "not measured" : await timeToResults(site) });
  }
  process.stdout.write(formatOfflineAndSearch(results));
}
