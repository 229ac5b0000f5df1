import path from "node:path";
import { performance } from "node:perf_hooks";
import { LoadCache } from "../content/load-cache.ts";
import type { FileBytes } from "../export/bytes.ts";
import { paths } from "../eleventy/conference-data.ts";
import { Fingerprinter } from "../output/fingerprint.ts";
import { renderSite, type SiteFingerprints } from "../output/render.ts";
import { basePath } from "../site/urls.ts";
import { applyChanges, syncFolder } from "../output/sync.ts";
import { cancelSearchRefresh, refreshSearchAndOffline } from "../output/search-offline.ts";
import { loadSite } from "./load-site.ts";
import { BuildError } from "./report.ts";

/**
 * The dev server's build: the same validation, pages and exports as `npm run build`, through
 * the same `renderSite`, but incremental. The content stays warm between builds: a file whose
 * bytes did not change is not parsed, validated or rendered to HTML again (`LoadCache`), though
 * every file is still checked against the others (clashing slugs, unknown speakers, rooms
 * double-booked) exactly as a full check does. Of the site, only the files whose fingerprint
 * changed are made and written, each atomically, and files of deleted content are removed.
 * The first build (and the one after a failed write) makes everything and makes the output
 * folder hold exactly the site. The published build keeps its all-or-nothing swap. The dev
 * command has checked and locked the output folder before starting this builder.
 *
 * `reported`: the paths the dev command's watcher reported changed since it asked for the last
 * build; the content files it did not name are not looked at on disk (`LoadCache.report`).
 * Without it, every file is.
 */
export async function devBuild(reported?: readonly string[]): Promise<{
  pages: number;
  seconds: number;
  changed: number;
  /** True when everything was made (the first build, or the one after a failed write). */
  full: boolean;
  basePath: string;
  /** Ends when the search index and the service worker of this build are written (tests wait for it; the server does not). */
  searchAndOffline: Promise<void>;
}> {
  const started = performance.now();
  const { contentDir, outputDir, publicDir } = paths();
  // The last build's search index is out of date: it stops making it, and does not slow this build.
  cancelSearchRefresh(outputDir);
  cache.report(reported);
  // Draft posts show in the dev server (marked as drafts), never in `npm run build`.
  const { conference, publicFiles } = await loadSite({ contentDir, publicDir, outputDir, drafts: true, cache });

  const previous = lastBuild?.dir === outputDir ? lastBuild.fingerprints : undefined;
  lastBuild = undefined;
  const made = new Map<string, FileBytes>();
  let rendered;
  try {
    rendered = await renderSite(conference, publicFiles, { sourceDateEpoch: process.env.SOURCE_DATE_EPOCH, previous, fingerprinter }, (file, bytes) => {
      made.set(file, bytes);
    });
  } catch (error) {
    throw new BuildError("the site could not be rendered; the previous output was left as it was", { cause: error });
  }
  let changed: number;
  if (previous) {
    const removed = [...previous.keys()].filter((file) => !rendered.fingerprints.has(file));
    changed = await applyChanges(outputDir, made, removed);
  } else {
    const wanted = new Map([...made].map(([file, bytes]) => [path.join(...file.split("/")), bytes]));
    made.clear();
    ({ changed } = await syncFolder(outputDir, wanted));
  }
  lastBuild = { dir: outputDir, fingerprints: rendered.fingerprints };
  // After the reload: the search index and the service worker, from every page now in the folder.
  const searchAndOffline = refreshSearchAndOffline(outputDir, conference, rendered.fingerprints.keys());
  return { pages: rendered.pages, seconds: (performance.now() - started) / 1000, changed, full: !previous, basePath: basePath(conference.event), searchAndOffline };
}

/** The content as last read, kept between builds of this process. */
const cache = new LoadCache();
/** Digests of the objects the cache keeps from build to build. */
const fingerprinter = new Fingerprinter();

/** What the previous build in this process made, by fingerprint, so an unchanged file is neither made nor written. */
let lastBuild: { dir: string; fingerprints: SiteFingerprints } | undefined;
