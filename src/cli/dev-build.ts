import { performance } from "node:perf_hooks";
import { paths, provideConference } from "../eleventy/conference-data.ts";
import { renderSiteInMemory } from "../output/render.ts";
import { basePath } from "../site/urls.ts";
import { syncFolder } from "../output/sync.ts";
import { writeWithIndexInBackground } from "../output/search-offline.ts";
import { loadSite } from "./load-site.ts";
import { BuildError } from "./report.ts";

/**
 * The dev server's build: the same validation, pages and exports as `npm run build`, but
 * rendered in memory and written into the output folder only where a file changed, and
 * files of deleted content removed. An edit to one talk rewrites a few dozen files instead
 * of creating a whole new site and deleting the old one, which on a slow disk cost more
 * than the rendering. (The published build keeps its all-or-nothing swap.) The dev command
 * has checked and locked the output folder before starting this builder.
 */
export async function devBuild(): Promise<{ pages: number; seconds: number; changed: number; basePath: string }> {
  const started = performance.now();
  const { contentDir, outputDir, publicDir } = paths();
  // Draft posts show in the dev server (marked as drafts), never in `npm run build`.
  const { conference, publicFiles } = await loadSite({ contentDir, publicDir, outputDir, drafts: true });
  provideConference(conference);

  let rendered;
  try {
    rendered = await renderSiteInMemory(conference, publicFiles, outputDir, process.env.SOURCE_DATE_EPOCH);
  } catch (error) {
    throw new BuildError("the site could not be rendered; the previous output was left as it was", { cause: error });
  }

  const previous = lastBuild?.dir === outputDir ? lastBuild.files : undefined;
  lastBuild = undefined;
  // The search index is made after the reload, in the background (src/output/search-offline.ts).
  const { changed, files } = await writeWithIndexInBackground(outputDir, rendered.files, conference, (all) => syncFolder(outputDir, all, previous));
  lastBuild = { dir: outputDir, files };
  return { pages: rendered.pages, seconds: (performance.now() - started) / 1000, changed, basePath: basePath(conference.event) };
}

/** What the previous build in this process wrote, so an unchanged file is known without reading it. */
let lastBuild: { dir: string; files: ReadonlyMap<string, Buffer> } | undefined;
