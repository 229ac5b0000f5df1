import { readdir, readFile, mkdir, rmdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Eleventy from "@11ty/eleventy";
import { loadConference } from "../content/load.ts";
import { paths, provideConference } from "../eleventy/conference-data.ts";
import { exportFiles } from "../export/files.ts";
import { BuildError } from "./report.ts";

/**
 * The dev server's build: the same validation, pages and exports as `npm run build`, but
 * rendered in memory and written into the output folder only where a file changed, and
 * files of deleted content removed. An edit to one talk rewrites a few dozen files instead
 * of creating a whole new site and deleting the old one, which on a slow disk cost more
 * than the rendering. (The published build keeps its all-or-nothing swap.)
 */
export async function devBuild(): Promise<{ pages: number; seconds: number; changed: number }> {
  const started = performance.now();
  const { contentDir, outputDir, publicDir } = paths();
  const conference = await loadConference({ contentDir, publicDir, outputDir });
  provideConference(conference);

  const wanted = new Map<string, Buffer | string>();
  let pages = 0;
  try {
    const eleventy = new Eleventy("src/pages", outputDir, { configPath: ".eleventy.ts", quietMode: true });
    const rendered = (await eleventy.toJSON()) as unknown as Array<{ outputPath: string | false; content: Buffer | string }>;
    for (const page of rendered) {
      if (!page.outputPath) continue;
      wanted.set(path.relative(outputDir, path.resolve(page.outputPath)), page.content);
      if (page.outputPath.endsWith(".html")) pages++;
    }
    for (const file of exportFiles(conference, process.env.SOURCE_DATE_EPOCH)) {
      wanted.set(path.join(...file.path.split("/").filter(Boolean)), file.content);
    }
  } catch (error) {
    throw new BuildError("the site could not be rendered; the previous output was left as it was", { cause: error });
  }
  for (const relative of await listFiles(publicDir)) {
    if (!wanted.has(relative)) wanted.set(relative, await readFile(path.join(publicDir, relative)));
  }
  for (const relative of wanted.keys()) {
    if (relative.startsWith("..") || path.isAbsolute(relative)) throw new BuildError(`refusing to write ${relative} outside the output folder`);
  }

  const previous = lastBuild?.dir === outputDir ? lastBuild.files : undefined;
  lastBuild = undefined;
  const { changed, files } = await syncFolder(outputDir, wanted, previous);
  lastBuild = { dir: outputDir, files };
  return { pages, seconds: (performance.now() - started) / 1000, changed };
}

/** What the previous build in this process wrote, so an unchanged file is known without reading it. */
let lastBuild: { dir: string; files: ReadonlyMap<string, Buffer> } | undefined;

/**
 * Makes `dir` hold exactly `wanted` (relative path → bytes). A file is compared with what
 * `previous` says it holds when it is still there, else with its bytes on disk. Returns how
 * many files were written or removed, and what the folder now holds.
 */
export async function syncFolder(
  dir: string,
  wanted: ReadonlyMap<string, Buffer | string>,
  previous?: ReadonlyMap<string, Buffer>,
): Promise<{ changed: number; files: Map<string, Buffer> }> {
  const files = new Map<string, Buffer>();
  await mkdir(dir, { recursive: true });
  const existing = new Set(await listFiles(dir));
  let changed = 0;
  const made = new Set<string>();
  for (const [relative, content] of wanted) {
    const target = path.join(dir, relative);
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    files.set(relative, bytes);
    if (existing.has(relative)) {
      const current = previous?.get(relative) ?? (await readFile(target));
      if (current.equals(bytes)) continue;
    } else {
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        await mkdir(parent, { recursive: true });
        made.add(parent);
      }
    }
    await writeFile(target, bytes);
    changed++;
  }
  for (const relative of existing) {
    if (wanted.has(relative)) continue;
    await unlink(path.join(dir, relative));
    changed++;
    await removeEmptyParents(dir, path.dirname(path.join(dir, relative)));
  }
  return { changed, files };
}

/** Every file under `dir`, as paths relative to it (none when it does not exist). */
async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

async function removeEmptyParents(root: string, dir: string): Promise<void> {
  while (dir !== root && dir.startsWith(root + path.sep)) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}
