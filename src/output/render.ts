import { readFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { Conference } from "../content/model.ts";
import { exportFiles } from "../export/files.ts";
import { mediaFiles, newMediaStats, type MediaStats } from "../media/files.ts";
import { outputMarkerFile } from "./guard.ts";
import type { PublicFile } from "./public-files.ts";

/**
 * Renders the whole site in memory: every page (through Eleventy's `toJSON`), every export,
 * the resized images and share cards (counted in `media`), the public files and the output
 * marker, as relative path → bytes. The conference must
 * already have been handed to Eleventy's data (`provideConference`). `outputDir` only sets
 * where Eleventy thinks the pages go; nothing is written.
 */
export async function renderSiteInMemory(
  conference: Conference,
  publicFiles: readonly PublicFile[],
  outputDir: string,
  sourceDateEpoch: string | undefined,
  media: MediaStats = newMediaStats(),
): Promise<{ files: Map<string, Buffer | string>; pages: number }> {
  const files = new Map<string, Buffer | string>();
  let pages = 0;
  const eleventy = new Eleventy("src/pages", outputDir, { configPath: ".eleventy.ts", quietMode: true });
  const rendered = (await eleventy.toJSON()) as unknown as Array<{ outputPath: string | false; content: Buffer | string }>;
  for (const page of rendered) {
    if (!page.outputPath) continue;
    files.set(path.relative(outputDir, path.resolve(page.outputPath)), page.content);
    if (page.outputPath.endsWith(".html")) pages++;
  }
  for (const file of exportFiles(conference, sourceDateEpoch)) {
    files.set(path.join(...file.path.split("/").filter(Boolean)), file.content);
  }
  for await (const file of mediaFiles(conference, media)) {
    files.set(path.join(...file.path.split("/").filter(Boolean)), file.content);
  }
  for (const file of publicFiles) {
    const relative = path.join(...file.sitePath.split("/"));
    if (!files.has(relative)) files.set(relative, await readFile(file.source));
  }
  const [marker, bytes] = outputMarkerFile();
  files.set(marker, bytes);
  for (const relative of files.keys()) {
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
      throw new Error(`refusing to write ${relative} outside the output folder`);
    }
  }
  return { files, pages };
}
