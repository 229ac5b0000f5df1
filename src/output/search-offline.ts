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

/** What the service worker needs of a page: not its HTML, only its size and a revision of it. */
export interface PageSummary {
  /** Its path in the output folder, with forward slashes. */
  file: string;
  bytes: number;
  revision: string;
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
 * posts and free pages) and the service worker `/sw.js` with the build's precache list.
 *
 * The pages are handed over one by one as the build makes them (`add`), not kept: Pagefind runs
 * in its own process, so at archive scale it indexes on the second core while the build renders,
 * and the build never holds every page in memory (at 10,000 talks that alone took the build's
 * peak from 0.9 to 1.5 GB). The index's bytes depend on the order pages reach it: the build
 * gives them in the order it renders them, every time the same.
 */
export class SearchAndOffline {
  private readonly search: SearchIndex;
  private readonly pages: PageSummary[] = [];
  private readonly freePages: ReadonlySet<string>;
  private indexWritten: Promise<void> | undefined;

  /** `pace`: see `SearchIndex`. */
  constructor(
    private readonly conference: Conference,
    pace: Pace = BUILD_PACE,
  ) {
    this.search = new SearchIndex(pace);
    this.freePages = new Set(conference.pages.map((page) => page.url));
  }

  /**
   * A page of the site (output path, HTML, and its UTF-8 bytes when the caller has them: hashing
   * those spares encoding the text again). Returns a promise when Pagefind has fallen behind by
   * more than a few batches: the caller waits for it before making more pages.
   */
  add(file: string, html: string, bytes?: Buffer): Promise<void> | undefined {
    const forward = file.split(path.sep).join("/");
    if (precacheRank(sitePathOf(forward), this.freePages) !== "never") {
      const encoded = bytes ?? html;
      this.pages.push({ file: forward, bytes: Buffer.byteLength(encoded), revision: revision(encoded) });
    }
    return this.search.add(forward, html);
  }

  /** Stops: `files` will make nothing (a newer build's index replaces this one). */
  cancel(): void {
    this.search.cancel();
  }

  get isCancelled(): boolean {
    return this.search.isCancelled;
  }

  /**
   * Writes the search index, the service worker and the search box's texts into `dir` (the
   * output folder), once every page was added. Pagefind writes its index itself: handing 15,000
   * pages' index back to this process, as `files` does, doubled Pagefind's memory at 10,000
   * talks (0.5 to 1.4 GB). `read` gives the bytes of another file of the site (`styles.css`).
   */
  async writeTo(dir: string, read: ReadFile, clock?: DateTime): Promise<void> {
    await this.writeIndexTo(dir);
    await writeInto(dir, await this.ownFiles(read, clock));
  }

  /**
   * Begins writing the search index into `dir` now, when every page that can be indexed was added
   * and other files are still to come: Pagefind builds and writes it on the other core (about 9 s
   * at 10,000 talks) while the build writes the exports and share cards. `writeTo` waits for it.
   * A page added after this is refused.
   */
  writeIndexTo(dir: string): Promise<void> {
    if (!this.indexWritten) {
      this.indexWritten = this.search.writeTo(path.join(dir, ...SEARCH_FOLDER.split("/")));
      // Awaited by writeTo, or by the build's clean-up when it failed first.
      this.indexWritten.catch(() => undefined);
    }
    return this.indexWritten;
  }

  /** Settles when the index begun by `writeIndexTo` is written or has failed (at once when none was begun). */
  async indexSettled(): Promise<void> {
    await this.indexWritten?.catch(() => undefined);
  }

  /**
   * The search index and the service worker, as output paths (`pagefind/pagefind.js`, `sw.js`)
   * to bytes, once every page was added; undefined when cancelled. `read` gives the bytes of
   * another file of the site (`styles.css`).
   */
  async files(read: ReadFile, clock?: DateTime): Promise<Map<string, Buffer | string> | undefined> {
    const out = await this.search.files();
    if (!out) return undefined;
    for (const [file, content] of await this.ownFiles(read, clock)) out.set(file, content);
    return out;
  }

  /** The service worker and the search box's texts. */
  private async ownFiles(read: ReadFile, clock?: DateTime): Promise<Map<string, string>> {
    const worker = await serviceWorkerFile(this.pages, this.freePages, read, this.conference, clock ?? (await programmeTime()));
    return new Map([
      [SERVICE_WORKER_FILE, worker],
      [SEARCH_MESSAGES_FILE, searchMessages(this.conference)],
    ]);
  }
}

/** The bytes of another file of the site (`styles.css`), undefined when the build did not make it. */
type ReadFile = (file: string) => Promise<Buffer | string | undefined> | Buffer | string | undefined;

/**
 * The Pagefind bundle (its script, its WebAssembly, the index) of the pages marked
 * `data-pagefind-body`, fed one page at a time, as output paths under `pagefind/`.
 */
export class SearchIndex {
  /** Indexes not yet finished in this process: Pagefind's process is stopped when none is left. */
  private static open = 0;
  /** Made when the first page comes (see `indexNow`). */
  private index: Promise<pagefind.PagefindIndex> | undefined;
  /** Batches of pages sent to Pagefind and not yet answered, oldest first. */
  private readonly batches: Array<Promise<void>> = [];
  private batch: Array<Promise<void>> = [];
  private readonly errors: string[] = [];
  private cancelled = false;
  /** Set when the index is being written: no page may come after. */
  private sealed = false;
  /** Pages sent to Pagefind. */
  indexed = 0;

  /**
   * `pace`: how many pages go to Pagefind in one message, and how many such batches may be
   * unanswered before `add` asks the caller to wait. Pagefind indexes whatever it was sent even
   * after a cancel, on a core the next build needs, so the dev server's job keeps fewer in flight.
   */
  constructor(private readonly pace: Pace = BUILD_PACE) {
    SearchIndex.open++;
  }

  /**
   * Pagefind's index, made on first use: starting Pagefind's process takes about a tenth of a
   * second, which is then spent when there is a page to index (for the dev server, after the
   * build has answered), and not at all by a job cancelled before its first page.
   */
  private indexNow(): Promise<pagefind.PagefindIndex> {
    if (!this.index) {
      // The way back to the index ("← Talks") would start every excerpt.
      this.index = pagefind.createIndex({ excludeSelectors: [".breadcrumb"] }).then((created) => {
        if (!created.index) throw new Error(`Pagefind: ${created.errors.join("; ")}`);
        return created.index;
      });
      // Reported by `files`; not an unhandled rejection in between.
      this.index.catch(() => undefined);
    }
    return this.index;
  }

  /** A page (output path with forward slashes, HTML); see `SearchAndOffline.add`. */
  add(file: string, html: string): Promise<void> | undefined {
    if (this.cancelled || !html.includes("data-pagefind-body")) return undefined;
    if (this.sealed) throw new Error(`${file} came after the search index was begun`);
    // Only the main content goes to Pagefind's process: a third of each page's bytes.
    const content = mainOf(html);
    const url = sitePathOf(file);
    this.indexed++;
    this.batch.push(
      this.indexNow()
        .then((index) => index.addHTMLFile({ url, content }))
        .then(
          (response) => void this.errors.push(...response.errors),
          (error: unknown) => void this.errors.push(error instanceof Error ? error.message : String(error)),
        ),
    );
    if (this.batch.length < this.pace.batch) return undefined;
    this.batches.push(Promise.all(this.batch).then(() => undefined));
    this.batch = [];
    return this.batches.length > this.pace.ahead ? this.batches.shift() : undefined;
  }

  cancel(): void {
    this.cancelled = true;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /**
   * Writes the bundle into `folder` (the output's `pagefind/`, which must not hold anything else),
   * once every page was added, without Pagefind's own UIs. Pagefind's index is deleted after.
   */
  async writeTo(folder: string): Promise<void> {
    this.sealed = true;
    try {
      const index = await this.finished();
      const { errors } = await index.writeFiles({ outputPath: folder });
      if (errors.length > 0) throw new Error(`Pagefind: ${errors.join("; ")}`);
      const unused = (await readdir(folder)).filter((name) => UNUSED_PAGEFIND_FILES.test(name));
      await Promise.all(unused.map((name) => rm(path.join(folder, name), { force: true })));
    } finally {
      await this.close();
    }
  }

  /** Every page's answer from Pagefind; its errors thrown. */
  private async finished(): Promise<pagefind.PagefindIndex> {
    await Promise.all([...this.batches, ...this.batch]);
    const index = await this.indexNow();
    if (this.errors.length > 0 && !this.cancelled) throw new Error(`Pagefind: ${this.errors.join("; ")}`);
    return index;
  }

  private async close(): Promise<void> {
    await this.index?.then((index) => index.deleteIndex()).catch(() => undefined);
    // Pagefind runs as a child process: when no index is being made, it is stopped, so a command can exit.
    if (--SearchIndex.open === 0) await pagefind.close();
  }

  /** The bundle, once every page was added; undefined when cancelled. Pagefind's index is deleted either way. */
  async files(): Promise<Map<string, Buffer | string> | undefined> {
    try {
      if (this.cancelled) return undefined;
      const index = await this.finished();
      if (this.cancelled) return undefined;
      const { files, errors } = await index.getFiles();
      if (errors.length > 0) throw new Error(`Pagefind: ${errors.join("; ")}`);
      if (this.cancelled) return undefined;
      const out = new Map<string, Buffer | string>();
      for (const file of files) {
        if (UNUSED_PAGEFIND_FILES.test(file.path)) continue;
        out.set(`${SEARCH_FOLDER}${file.path}`, Buffer.from(file.content));
      }
      return out;
    } finally {
      await this.close();
    }
  }
}

/** Stops Pagefind's process whatever is under way (a build that failed), so that the command can exit. */
export async function closeSearch(): Promise<void> {
  await pagefind.close();
}

/** Writes the files `SearchAndOffline.files` made into `dir`. */
export async function writeInto(dir: string, files: ReadonlyMap<string, Buffer | string>): Promise<void> {
  for (const [file, content] of files) {
    const target = path.join(dir, ...file.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/**
 * The dev server's step, after the reload: the dev build writes only the pages that changed, so
 * the search index and the service worker are made again from the pages in the output folder, in
 * the background (Pagefind takes seconds on a large programme; the reload does not wait for it).
 * `files`: every file of the site, in the order the build made them.
 * A newer build's job cancels the one still running (`cancelSearchRefresh`), so that indexing
 * never slows the next edit's build; the returned promise ends when this one is written or
 * cancelled.
 */
export function refreshSearchAndOffline(dir: string, conference: Conference, files: Iterable<string>): Promise<void> {
  cancelSearchRefresh(dir);
  const previous = devJobs.get(dir)?.done ?? Promise.resolve();
  // Pagefind's process starts with the first page read, after the build has answered.
  const indexer = new SearchAndOffline(conference, DEV_PACE);
  // In the order the build made them, as `npm run build` hands them over: the index depends on it.
  const pages = [...files].filter((file) => file.endsWith(".html"));
  const done = previous
    .then(async () => {
      for (const file of pages) {
        if (indexer.isCancelled) break;
        await indexer.add(file, await readFile(path.join(dir, ...file.split("/")), "utf8"));
      }
      const files = await indexer.files((file) => readFile(path.join(dir, file)).catch(() => undefined));
      if (!files) return;
      const stale = (await filesIn(path.join(dir, SEARCH_FOLDER))).map((file) => `${SEARCH_FOLDER}${file}`).filter((file) => !files.has(file));
      await writeInto(dir, files);
      await Promise.all(stale.map((file) => rm(path.join(dir, ...file.split("/")), { force: true })));
    })
    .catch((error: unknown) => {
      process.stderr.write(`lectern dev: the search index could not be made: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  devJobs.set(dir, { indexer, done });
  return done;
}

/** Cancels the dev server's search job still running for `dir`, if any (a new build is starting). */
export function cancelSearchRefresh(dir: string): void {
  devJobs.get(dir)?.indexer.cancel();
}

const devJobs = new Map<string, { indexer: SearchAndOffline; done: Promise<void> }>();

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")).sort();
}

/** Pagefind's own UIs, which the site does not use (its search box is its own, src/client/search.ts). */
const UNUSED_PAGEFIND_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\b/;

/** Pages sent to Pagefind's process in one message, and batches sent ahead of its answers before the sender waits. */
type Pace = { batch: number; ahead: number };
/** For a build (Pagefind's speed hardly depends on it: batches of 16 to 1,024 gave the same time at 1,000 talks). */
const BUILD_PACE: Pace = { batch: 64, ahead: 4 };
/**
 * For the dev server's job, cancelled by the next edit: at most 32 pages still to index after a
 * cancel, against 320. At 10,000 talks, edits a second apart, the next edit's reload came
 * about 0.1 s sooner (bench/analysis.md).
 */
const DEV_PACE: Pace = { batch: 16, ahead: 1 };
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
export function precachedPages<Page extends { file: string; bytes: number }>(pages: readonly Page[], freePages: ReadonlySet<string>, budget = PRECACHE_BUDGET): Page[] {
  const chosen: Page[] = [];
  const budgeted: Array<{ page: Page; sitePath: string; order: number }> = [];
  let bytes = 0;
  for (const page of pages) {
    const sitePath = sitePathOf(page.file);
    const rank = precacheRank(sitePath, freePages);
    if (rank === "never") continue;
    if (rank.group === "budget") budgeted.push({ page, sitePath, order: rank.order });
    else {
      chosen.push(page);
      bytes += page.bytes;
    }
  }
  budgeted.sort((a, b) => a.order - b.order || (a.sitePath < b.sitePath ? -1 : 1));
  for (const { page } of budgeted) {
    bytes += page.bytes;
    if (bytes > budget) break;
    chosen.push(page);
  }
  return chosen;
}

/** The other files the precache holds when the build made them: the styles, the scripts and the sessions for the browser. */
function precachedFiles(): string[] {
  const assets: string[] = [SITE_PATHS.styles, SITE_PATHS.scheduleStyles, SITE_PATHS.homeStyles, SITE_PATHS.blogStyles, SITE_PATHS.searchStyles, SITE_PATHS.theme, SITE_PATHS.searchMessages];
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

async function serviceWorkerFile(pages: readonly PageSummary[], freePages: ReadonlySet<string>, read: ReadFile, conference: Conference, clock: DateTime): Promise<string> {
  const entries: Array<[string, string]> = precachedPages(pages, freePages).map((page) => [sitePathOf(page.file), page.revision]);
  for (const sitePath of precachedFiles()) {
    // The search's texts are made beside sw.js, so not yet in the output.
    const content = sitePath === SITE_PATHS.searchMessages ? searchMessages(conference) : await read(sitePath.slice(1));
    if (content !== undefined) entries.push([sitePath, revision(content)]);
  }
  for (const file of clientFiles()) entries.push([file.path, revision(file.content)]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const precache = entries.map(([sitePath, rev]): [string, string] => [sitePath.slice(1), rev]);
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
