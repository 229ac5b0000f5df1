import { readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Conference } from "../content/model.ts";
import { exportFiles } from "../export/files.ts";
import { wholeBytes, type FileBytes } from "../export/bytes.ts";
import { mediaFiles, newMediaStats, type MediaStats } from "../media/files.ts";
import { digestOf, Fingerprinter, sameInputs } from "./fingerprint.ts";
import { outputMarkerFile } from "./guard.ts";
import type { PublicFile } from "./public-files.ts";
import { pageJobs } from "./routes.ts";
import { publicFileBytes } from "./stylesheet.ts";

/**
 * What a build made: each file of the output folder (forward slashes) with the fingerprint of its
 * inputs (when they are known before it is made) and a digest of its bytes.
 */
export type SiteFingerprints = ReadonlyMap<string, FileFingerprint>;

export interface FileFingerprint {
  inputs: string | undefined;
  bytes: string;
  /** The inputs value `inputs` was worked out from (see `sameInputs`). */
  made?: unknown;
}

export interface RenderOptions {
  /** `SOURCE_DATE_EPOCH`, for the iCalendar DTSTAMP. */
  sourceDateEpoch: string | undefined;
  /** Counts the images resized and the share cards drawn or taken from the cache. */
  media?: MediaStats;
  /**
   * The fingerprints of the previous build into the same folder (the dev server's): a file whose
   * fingerprint is the same is neither made nor written again. Without them, everything is made.
   */
  previous?: SiteFingerprints;
  /**
   * The fingerprinter of the previous builds, whose digests of objects the loader kept unchanged
   * (`LoadCache.intern`) still hold; default a new one.
   */
  fingerprinter?: Fingerprinter;
  /** Work out the fingerprints (default true); a build that is not followed by another need not. */
  track?: boolean;
  /**
   * Called once the last HTML file has been handed to `write`: after the pages, before the
   * exports, share cards and public files, unless a public file is HTML (then after those).
   */
  htmlDone?: () => void;
  /**
   * Writes a file that has the bytes of the file `source` (a share card or an image in the cache)
   * by copying it. Without it, or when tracking, the bytes are read and handed to `write`.
   */
  copy?: (file: string, source: string) => void;
}

export interface RenderedSite {
  /** Every file of the site, made or kept, with its fingerprint: the `previous` of the next build. */
  fingerprints: Map<string, FileFingerprint>;
  /** HTML pages in the site. */
  pages: number;
  /** Files handed to `write`. */
  written: number;
}

/**
 * Renders the site: every page of the route files in src/pages, every export, the resized images
 * and share cards, the public files and the output marker, handing each file to `write` (relative
 * path with forward slashes, bytes, and the text they encode when it was made as text). `npm run
 * build` and the dev server both render through it.
 *
 * Each file gets a fingerprint: for a page whose route declares its `inputs`, a session's `.ics`
 * and a share card, a digest of everything it shows, taken before it is made; and a digest of its
 * bytes. With `previous`, a file whose inputs are unchanged is not even made, and one whose bytes
 * are unchanged not written: an edit to one talk renders its page, its speakers' pages, the pages
 * that list it, and the exports it is in.
 */
export async function renderSite(
  conference: Conference,
  publicFiles: readonly PublicFile[],
  options: RenderOptions,
  write: (file: string, bytes: FileBytes, text?: string) => Promise<void> | void,
): Promise<RenderedSite> {
  const fingerprints = new Map<string, FileFingerprint>();
  const hasher = options.fingerprinter ?? new Fingerprinter();
  const previous = options.previous;
  const tracking = options.track ?? true;
  let pages = 0;
  let written = 0;
  /** Records a file made from known inputs; true when the last build made the same (then it keeps the last build's file). */
  const keep = (sitePath: string, inputs: unknown): boolean => {
    if (!tracking) return false;
    const file = relativeOf(sitePath);
    const before = previous?.get(file);
    // Made of the very objects the last build's file was (the loader keeps unchanged content's): no need to hash them.
    if (before?.made !== undefined && sameInputs(before.made, inputs)) {
      fingerprints.set(file, before);
      return true;
    }
    const print = `i${hasher.of(inputs)}`;
    if (before?.inputs === print) {
      fingerprints.set(file, { ...before, made: inputs });
      return true;
    }
    fingerprints.set(file, { inputs: print, bytes: "", made: inputs });
    return false;
  };
  /** A file made: written (or copied from `source`) unless the last build wrote the same bytes. */
  const made = async (sitePath: string, content: FileBytes | string | { source: string }) => {
    const file = relativeOf(sitePath);
    if (typeof content === "object" && "source" in content) {
      if (!tracking && options.copy) {
        fingerprints.set(file, { inputs: undefined, bytes: "" });
        written++;
        options.copy(file, content.source);
        return;
      }
      content = readFileSync(content.source);
    }
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    if (tracking) {
      const digest = digestOf(bytes);
      const known = fingerprints.get(file);
      fingerprints.set(file, { inputs: known?.inputs, bytes: digest, made: known?.made });
      if (previous?.get(file)?.bytes === digest) return;
    } else {
      fingerprints.set(file, { inputs: undefined, bytes: "" });
    }
    written++;
    await write(file, bytes, typeof content === "string" ? content : undefined);
  };

  for (const job of await pageJobs(conference)) {
    if (job.file.endsWith(".html")) pages++;
    if (job.hasInputs && keep(job.file, [job.route, job.inputs()])) continue;
    await made(job.file, job.render());
  }
  const publicHtml = publicFiles.some((file) => file.sitePath.endsWith(".html"));
  if (!publicHtml) options.htmlDone?.();
  for (const file of exportFiles(conference, options.sourceDateEpoch, keep)) await made(file.path, file.content);
  for await (const file of mediaFiles(conference, options.media ?? newMediaStats(), keep)) await made(file.path, "content" in file ? file.content : file);
  for (const file of publicFiles) {
    const relative = relativeOf(file.sitePath);
    // A page Lectern made wins over a public file at the same place.
    if (fingerprints.has(relative)) continue;
    const info = tracking ? statSync(file.source) : undefined;
    const print = info && `p${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
    const before = previous?.get(relative);
    if (print !== undefined && before?.inputs === print) {
      fingerprints.set(relative, before);
      continue;
    }
    fingerprints.set(relative, { inputs: print, bytes: "" });
    await made(relative, publicFileBytes(relative, await readFile(file.source)));
  }
  if (publicHtml) options.htmlDone?.();
  const [marker, bytes] = outputMarkerFile();
  await made(marker, bytes);
  return { fingerprints, pages, written };
}

/**
 * Renders the whole site in memory, as relative path → bytes (see `renderSite`); `outputDir`
 * is not read or written.
 */
export async function renderSiteInMemory(
  conference: Conference,
  publicFiles: readonly PublicFile[],
  _outputDir: string,
  sourceDateEpoch: string | undefined,
  media: MediaStats = newMediaStats(),
): Promise<{ files: Map<string, Buffer>; pages: number }> {
  const files = new Map<string, Buffer>();
  const { pages } = await renderSite(conference, publicFiles, { sourceDateEpoch, media, track: false }, (file, bytes) => {
    files.set(path.join(...file.split("/")), wholeBytes(bytes));
  });
  return { files, pages };
}

/** A site path (`/talks/x/index.html`) as a file of the output folder (`talks/x/index.html`); never outside it. */
function relativeOf(sitePath: string): string {
  const known = relativePaths.get(sitePath);
  if (known !== undefined) return known;
  const file = /^\/?[^/]/.test(sitePath) && !sitePath.includes("//") && !sitePath.endsWith("/") ? sitePath.replace(/^\//, "") : sitePath.split("/").filter(Boolean).join("/");
  if (file === "" || file.split("/").some((part) => part === "." || part === "..") || file.includes("\\") || file.includes("\0")) {
    throw new Error(`refusing to write ${sitePath} outside the output folder`);
  }
  relativePaths.set(sitePath, file);
  return file;
}

/** Site paths checked so far, each twice per file per build otherwise (55,000 files at 10,000 talks). */
const relativePaths = new Map<string, string>();
