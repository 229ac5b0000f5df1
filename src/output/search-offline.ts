import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import * as pagefind from "pagefind";
import type { Conference } from "../content/model.ts";
import { escapeHtml } from "../content/escape-html.ts";
import { buildClock } from "../eleventy/build-clock.ts";
import { paths } from "../eleventy/conference-data.ts";
import { clientFiles, serviceWorkerScript } from "../client/bundle.ts";
import { translatorFor, type MessageKey, type Translator } from "../i18n/index.ts";
import { formatClock, formatDate, zoneAbbreviation } from "../schedule/time.ts";
import { SITE_PATHS } from "../site/urls.ts";

/** One rendered page: its path in the output folder (`talks/x/index.html`) and its HTML. */
export interface RenderedPage {
  file: string;
  html: string;
}

/** What a build made, as the search index and the service worker need it. */
export interface BuiltSite {
  /** Every HTML page. */
  pages: Iterable<RenderedPage>;
  /** The bytes of another file of the site (`styles.css`), undefined when the build did not make it. */
  read(file: string): Promise<Buffer | string | undefined> | Buffer | string | undefined;
}

/** Where the search index goes (Pagefind's bundle: its script, its WebAssembly and the index). */
export const SEARCH_FOLDER = SITE_PATHS.search.slice(1);
/** The service worker, at the site's root so that its scope is the whole site. */
export const SERVICE_WORKER_FILE = SITE_PATHS.serviceWorker.slice(1);
/** The search box's texts in the site's language, read by src/client/search.ts (one file, not a copy in every page). */
export const SEARCH_MESSAGES_FILE = SITE_PATHS.searchMessages.slice(1);
/** How long the service worker waits for the network before it answers from its cache. */
const NETWORK_TIMEOUT_MS = 3000;

/**
 * The files a build adds once every page exists: the Pagefind search index under `/pagefind/`
 * (of the pages whose `<main>` is marked `data-pagefind-body`: talks, speakers, workshops,
 * posts and free pages) and the service worker `/sw.js` with the build's precache list. Output
 * paths (`pagefind/pagefind.js`, `sw.js`) to bytes.
 */
export async function searchAndOfflineFiles(site: BuiltSite, conference: Conference, clock?: DateTime): Promise<Map<string, Buffer | string>> {
  clock ??= await programmeTime();
  // In file order, whichever order the build made them: the index's files are named by its content.
  const pages = [...site.pages].map((page) => ({ file: page.file.split(path.sep).join("/"), html: page.html })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const [index, worker] = await Promise.all([
    // Pagefind runs as a child process; a build that has its index stops it, so the command can exit.
    searchIndexFiles(pages).finally(() => pagefind.close()),
    serviceWorkerFile(pages, site, conference, clock),
  ]);
  index.set(SERVICE_WORKER_FILE, worker);
  index.set(SEARCH_MESSAGES_FILE, searchMessages(conference));
  return index;
}

/**
 * The published build's step after every page is written into `dir`: writes the search index
 * and the service worker beside them. `pages` are the HTML pages the build wrote.
 */
export async function writeSearchAndOffline(dir: string, pages: readonly RenderedPage[], conference: Conference): Promise<void> {
  const files = await searchAndOfflineFiles({ pages, read: (file) => readFile(path.join(dir, file)).catch(() => undefined) }, conference);
  await writeInto(dir, files);
}

async function writeInto(dir: string, files: ReadonlyMap<string, Buffer | string>): Promise<void> {
  for (const [file, content] of files) {
    const target = path.join(dir, ...file.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** The in-memory builds' step: adds the search index and the service worker to `files` (output path → bytes). */
export async function indexAndServiceWorker(files: Map<string, Buffer | string>, conference: Conference): Promise<void> {
  for (const [file, content] of await searchAndOfflineFiles(inMemory(files), conference)) files.set(file, content);
}

/** The last search index the dev server wrote, by output folder, kept in the next builds until a newer one is ready. */

/**
 * The dev server's step, after the reload: the dev build writes only the pages that changed, so
 * the search index and the service worker are made again from the pages in the output folder, in
 * the background (Pagefind takes seconds on a large programme; the reload does not wait for it).
 * One job per folder at a time; the returned promise ends when this one is written.
 */
export function refreshSearchAndOffline(dir: string, conference: Conference): Promise<void> {
  const previous = devJobs.get(dir) ?? Promise.resolve();
  const job = previous.then(async () => {
    const pages: RenderedPage[] = [];
    for (const file of await htmlFilesIn(dir)) pages.push({ file, html: await readFile(path.join(dir, ...file.split("/")), "utf8") });
    const files = await searchAndOfflineFiles({ pages, read: (file) => readFile(path.join(dir, file)).catch(() => undefined) }, conference);
    const stale = (await filesIn(path.join(dir, SEARCH_FOLDER))).map((file) => `${SEARCH_FOLDER}${file}`).filter((file) => !files.has(file));
    await writeInto(dir, files);
    await Promise.all(stale.map((file) => rm(path.join(dir, ...file.split("/")), { force: true })));
  });
  const quiet = job.catch((error: unknown) => {
    process.stderr.write(`lectern dev: the search index could not be made: ${error instanceof Error ? error.message : String(error)}\n`);
  });
  devJobs.set(dir, quiet);
  return quiet;
}

const devJobs = new Map<string, Promise<void>>();

/** Every HTML page under `dir`, as forward-slash paths, leaving out the search index. */
async function htmlFilesIn(dir: string): Promise<string[]> {
  return (await filesIn(dir)).filter((file) => file.endsWith(".html") && !file.startsWith(SEARCH_FOLDER));
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")).sort();
}

function inMemory(files: ReadonlyMap<string, Buffer | string>): BuiltSite {
  return {
    pages: [...files].filter(([file]) => file.endsWith(".html")).map(([file, content]) => ({ file, html: content.toString() })),
    read: (file) => files.get(file.split("/").join(path.sep)),
  };
}

/** Pages handed to Pagefind's process at once (its speed hardly depends on it: 16 to 1,024 gave the same time at 1,000 talks). */
const BATCH = 64;
/** Pagefind's own UIs, which the site does not use (its search box is its own, src/client/search.ts). */
const UNUSED_PAGEFIND_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\b/;

/** The Pagefind bundle for the pages marked `data-pagefind-body`, as output paths under `pagefind/`. */
export async function searchIndexFiles(pages: readonly RenderedPage[]): Promise<Map<string, Buffer | string>> {
  // The way back to the index ("← Talks") would start every excerpt.
  const created = await pagefind.createIndex({ excludeSelectors: [".breadcrumb"] });
  if (!created.index) throw new Error(`Pagefind: ${created.errors.join("; ")}`);
  const { index } = created;
  try {
    const searchable = pages.filter((page) => page.html.includes("data-pagefind-body"));
    const errors: string[] = [];
    // Only the main content goes to Pagefind's process: a third of each page's bytes.
    for (let i = 0; i < searchable.length; i += BATCH) {
      const added = await Promise.all(searchable.slice(i, i + BATCH).map((page) => index.addHTMLFile({ url: sitePathOf(page.file), content: mainOf(page.html) })));
      for (const response of added) errors.push(...response.errors);
    }
    if (errors.length > 0) throw new Error(`Pagefind: ${errors.join("; ")}`);
    const { files, errors: failed } = await index.getFiles();
    if (failed.length > 0) throw new Error(`Pagefind: ${failed.join("; ")}`);
    const out = new Map<string, Buffer | string>();
    for (const file of files) {
      if (UNUSED_PAGEFIND_FILES.test(file.path)) continue;
      out.set(`${SEARCH_FOLDER}${file.path}`, Buffer.from(file.content));
    }
    return out;
  } finally {
    await index.deleteIndex();
  }
}

/** The page reduced to its language and its `<main>`, which holds all that Pagefind indexes (`data-pagefind-body`). */
function mainOf(html: string): string {
  const start = html.indexOf("<main");
  const end = html.indexOf("</main>", start);
  if (start < 0 || end < 0) return html;
  const lang = /<html[^>]*\slang="([^"]*)"/.exec(html.slice(0, start))?.[1] ?? "";
  return `<html lang="${lang}"><body>${html.slice(start, end + "</main>".length)}</body></html>`;
}

/** `talks/x/index.html` → `/talks/x/`; `404.html` → `/404.html`. */
function sitePathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

/**
 * How the service worker treats a page: `always` precached (the home page with the venue, the
 * schedule and its day pages, the free pages such as the venue and travel page), `budget`
 * precached while the precache stays under PRECACHE_BUDGET (the talks, workshops and speakers
 * with their indexes, then the schedule's topic pages), else cached when visited (`visited`,
 * the same kinds past the budget) or `never` (the blog, the sponsors, the 404 page).
 */
export function precacheRank(sitePath: string, freePages: ReadonlySet<string>): { group: "always" | "budget"; order: number } | "never" {
  if (sitePath === SITE_PATHS.home || freePages.has(sitePath)) return { group: "always", order: 0 };
  if (sitePath.startsWith(SITE_PATHS.scheduleTags)) return { group: "budget", order: RUNTIME_FOLDERS.length + 1 };
  if (sitePath.startsWith(SITE_PATHS.schedule)) return { group: "always", order: 0 };
  const folder = RUNTIME_FOLDERS.findIndex((prefix) => sitePath.startsWith(prefix));
  if (folder >= 0 && /^\/[^/]+\/(?:[^/]+\/)?$/.test(sitePath)) return { group: "budget", order: folder + 1 };
  return "never";
}

/** The folders whose pages the service worker keeps: precached while the budget lasts, else when visited. */
const RUNTIME_FOLDERS = [SITE_PATHS.talks, SITE_PATHS.workshops, SITE_PATHS.speakers];

/**
 * The most the precache holds, in bytes as written (about a quarter of that gzipped, as servers
 * send HTML): a 1,000-talk programme fits whole (17 MB, 4.2 MB gzipped); at 10,000 talks the
 * schedule stays and the session and speaker pages past the budget are kept as they are visited.
 */
export const PRECACHE_BUDGET = 20 * 1024 * 1024;

/**
 * The pages the service worker precaches: every `always` page, then `budget` pages in their
 * order (talks, workshops, speakers, topics) while the total stays within `budget` bytes.
 */
export function precachedPages(pages: readonly RenderedPage[], freePages: ReadonlySet<string>, budget = PRECACHE_BUDGET): RenderedPage[] {
  const chosen: RenderedPage[] = [];
  const budgeted: Array<{ page: RenderedPage; sitePath: string; order: number }> = [];
  let bytes = 0;
  for (const page of pages) {
    const sitePath = sitePathOf(page.file);
    const rank = precacheRank(sitePath, freePages);
    if (rank === "never") continue;
    if (rank.group === "budget") budgeted.push({ page, sitePath, order: rank.order });
    else {
      chosen.push(page);
      bytes += Buffer.byteLength(page.html);
    }
  }
  budgeted.sort((a, b) => a.order - b.order || (a.sitePath < b.sitePath ? -1 : 1));
  for (const { page } of budgeted) {
    bytes += Buffer.byteLength(page.html);
    if (bytes > budget) break;
    chosen.push(page);
  }
  return chosen;
}

/** The other files the precache holds when the build made them: the styles, the scripts and the sessions for the browser. */
function precachedFiles(): string[] {
  const assets: string[] = [SITE_PATHS.styles, SITE_PATHS.theme, SITE_PATHS.searchMessages];
  const sessions = (SITE_PATHS as Record<string, string>).sessionsJson;
  if (sessions) assets.push(sessions);
  return assets;
}

/** What sw.js is told at build time. */
export interface ServiceWorkerConfig {
  /** Changes whenever a precached file does: a new cache, the old ones deleted. */
  id: string;
  /** Addresses relative to the site's root (`""`, `schedule/`, `styles.css`) and each one's revision. */
  precache: Array<[string, string]>;
  /** Folders (`talks/`) whose pages not precached are kept in the cache when visited. */
  runtime: string[];
  /** The note the cached pages show: "Offline — programme as of …", in the site's language. */
  note: string;
  timeout: number;
}

async function serviceWorkerFile(pages: readonly RenderedPage[], site: BuiltSite, conference: Conference, clock: DateTime): Promise<string> {
  const freePages = new Set(conference.pages.map((page) => page.url));
  const entries: Array<[string, Buffer | string]> = precachedPages(pages, freePages).map((page) => [sitePathOf(page.file), page.html]);
  for (const sitePath of precachedFiles()) {
    // The search's texts are made beside sw.js, so not yet in the output.
    const content = sitePath === SITE_PATHS.searchMessages ? searchMessages(conference) : await site.read(sitePath.slice(1));
    if (content !== undefined) entries.push([sitePath, content]);
  }
  for (const file of clientFiles()) entries.push([file.path, file.content]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const precache = entries.map(([sitePath, content]): [string, string] => [sitePath.slice(1), revision(content)]);
  const config: ServiceWorkerConfig = {
    id: revision(JSON.stringify(precache)),
    precache,
    runtime: RUNTIME_FOLDERS.map((folder) => folder.slice(1)),
    note: offlineNote(conference, clock),
    timeout: NETWORK_TIMEOUT_MS,
  };
  return `const LECTERN_SW=${JSON.stringify(config)};\n${serviceWorkerScript()}`;
}

function revision(content: Buffer | string): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 12);
}

/** What src/client/search.ts needs to say, as JSON: plural forms keep `{count}` for the browser to fill. */
export function searchMessages(conference: Conference): string {
  const tr = translatorFor(conference.event.language);
  const kinds = { talks: tr.t("search.talk"), speakers: tr.t("search.speaker"), workshops: tr.t("search.workshop"), blog: tr.t("search.post"), page: tr.t("search.page") };
  return JSON.stringify({ results: pluralForms(tr, "search.results"), none: tr.t("search.none"), failed: tr.t("search.failed"), kinds });
}

/** Each form of a plural message the language uses, with `{count}` left in, so a script picks the form with Intl.PluralRules as the build does. */
function pluralForms(tr: Translator, key: MessageKey): Record<string, string> {
  const rules = new Intl.PluralRules(tr.locale);
  const forms: Record<string, string> = {};
  for (const form of rules.resolvedOptions().pluralCategories) {
    const count = Array.from({ length: 1000 }, (_, n) => n).find((n) => rules.select(n) === form);
    if (count === undefined) continue;
    forms[form] = tr.parts(key, { count }).map((part) => (part === count ? "{count}" : String(part))).join("");
  }
  return forms;
}

/**
 * The time the offline note gives ("programme as of …"): the build's clock when it is set
 * (`SOURCE_DATE_EPOCH`, `LECTERN_NOW`: src/eleventy/build-clock.ts), else when the content was
 * last changed (the newest file in the content folder), which a rebuild of the same content
 * does not move: two builds of the same content stay byte-for-byte the same.
 */
export async function programmeTime(env: NodeJS.ProcessEnv = process.env, contentDir = paths().contentDir): Promise<DateTime> {
  if (env.SOURCE_DATE_EPOCH?.trim() || env.LECTERN_NOW?.trim()) return buildClock(env);
  let newest = 0;
  try {
    for (const entry of await readdir(contentDir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
    }
  } catch {
    return buildClock(env);
  }
  return newest > 0 ? DateTime.fromMillis(Math.floor(newest / 1000) * 1000, { zone: "utc" }) : buildClock(env);
}

/** The note a page served from the service worker's cache shows, with the build's time in the event's zone. */
export function offlineNote(conference: Conference, clock: DateTime): string {
  const { event } = conference;
  const tr = translatorFor(event.language);
  const local = clock.setZone(event.timezone);
  const when = `${formatDate(local, tr.locale)}, ${formatClock(local, tr.locale)} ${zoneAbbreviation(local)}`;
  const time = `<time datetime="${escapeHtml(local.toISO({ suppressMilliseconds: true }) ?? "")}">${escapeHtml(when)}</time>`;
  return `<p class="offline-note" data-offline-note>${tr.parts("offline.note", { time: "\u0000" }).map((part) => (part === "\u0000" ? time : escapeHtml(String(part)))).join("")}</p>`;
}
