import { constants, copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { displayPath } from "../content/errors.ts";
import { describeMediaStats, newMediaStats, type MediaStats } from "../media/files.ts";
import { paths } from "../eleventy/conference-data.ts";
import { checkOutputFolder, OutputFolderError, type OutputTarget } from "../output/guard.ts";
import { isRunning, lockOutputFolder } from "../output/lock.ts";
import type { PublicFile } from "../output/public-files.ts";
import { renderSite, renderSiteInMemory } from "../output/render.ts";
import { closeSearch, SearchAndOffline } from "../output/search-offline.ts";
import { syncFolder } from "../output/sync.ts";
import { wholeBytes } from "../export/bytes.ts";
import type { Conference } from "../content/model.ts";
import { loadSite } from "./load-site.ts";
import { BuildError, runCommand } from "./report.ts";
import { escapeForTerminal } from "./terminal.ts";

/**
 * Builds the site. The output folder is checked first (never the content, the public folder,
 * the project or a folder of someone else's files) and locked against a second build; all
 * content is validated; the site is rendered into a fresh folder beside the output folder and
 * only then swapped in. On any failure the old site stays as it was and nothing is left behind.
 * An output folder that is a mount point cannot be swapped, so it is updated file by file.
 */
export async function build(
  options: { onWait?: (pid: number) => void } = {},
): Promise<{ pages: number; seconds: number; inPlace: boolean; media: MediaStats }> {
  const started = performance.now();
  const folders = paths();
  const lock = await refusing(() =>
    lockOutputFolder(checkOutputFolder(folders).real, "build", { onWait: (owner) => options.onWait?.(owner.pid) }),
  );
  try {
    // Checked again under the lock: the build that held it may have changed the folder.
    const target = await refusing(async () => checkOutputFolder(folders));
    const { conference, publicFiles } = await loadSite(folders);
    const built = target.isMountPoint ? await buildInPlace(target, conference, publicFiles) : await buildAndSwap(target, conference, publicFiles);
    return { ...built, seconds: (performance.now() - started) / 1000, inPlace: target.isMountPoint };
  } finally {
    lock.release();
  }
}

/** Turns a refused output folder into the one-line error the command prints. */
export async function refusing<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof OutputFolderError) throw new BuildError(error.message);
    throw error;
  }
}

async function buildAndSwap(
  target: OutputTarget,
  conference: Conference,
  publicFiles: readonly PublicFile[],
): Promise<{ pages: number; media: MediaStats }> {
  const outputDir = target.real;
  await recoverInterruptedBuilds(outputDir);
  const staging = `${outputDir}.lectern-new-${process.pid}`;
  const retired = `${outputDir}.lectern-old-${process.pid}`;
  try {
    await mkdir(path.dirname(staging), { recursive: true });
    await mkdir(staging);
  } catch (error) {
    throw new BuildError(`cannot create a folder beside the output folder (${displayPath(staging)}): ${codeOf(error)}; the previous output was left as it was`);
  }
  let pages: number;
  const media = newMediaStats();
  const search = new SearchAndOffline(conference);
  // Once the last page is written, Pagefind writes the index while the exports and cards are written.
  const htmlDone = () => void search.writeIndexTo(staging);
  try {
    const folders = new Set<string>();
    /** The file's place in the staging folder, its folder made. */
    const targetOf = (file: string): string => {
      const target = path.join(staging, ...file.split("/"));
      const dir = path.dirname(target);
      if (!folders.has(dir)) {
        mkdirSync(dir, { recursive: true });
        folders.add(dir);
      }
      return target;
    };
    // A card or image from the cache is copied by the kernel (a clone where the file system can).
    const copy = (file: string, source: string) => copyFileSync(source, targetOf(file), constants.COPYFILE_FICLONE);
    // Written one after another with synchronous calls: faster than thousands of small writes through libuv's pool.
    const rendered = await renderSite(conference, publicFiles, { sourceDateEpoch: process.env.SOURCE_DATE_EPOCH, media, track: false, htmlDone, copy }, (file, bytes, text) => {
      const target = targetOf(file);
      // A file in pieces (a schedule file) is joined once here: a build writes it once.
      const whole = wholeBytes(bytes);
      writeFileSync(target, whole);
      // Pagefind indexes each page on the other core while the next ones render (the page's text
      // as it was made, not decoded again from its bytes).
      return file.endsWith(".html") ? search.add(file, text ?? whole.toString(), whole) : undefined;
    });
    pages = rendered.pages;
    await search.writeTo(staging, (file) => readFile(path.join(staging, file)).catch(() => undefined));
  } catch (error) {
    await closeSearch();
    // Pagefind may have been writing the index into the staging folder: stopped, its last write can
    // still land while the folder is removed, which the retries take care of.
    await search.indexSettled();
    await rm(staging, { recursive: true, force: true, maxRetries: 3 });
    throw new BuildError("the site could not be rendered; the previous output was left as it was", { cause: error });
  }

  try {
    if (target.exists) await rename(outputDir, retired);
    await rename(staging, outputDir);
  } catch (error) {
    if (!existsSync(outputDir) && existsSync(retired)) await rename(retired, outputDir).catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw new BuildError(`cannot replace the output folder: ${codeOf(error)}; the previous output was left as it was`);
  }
  if (target.exists) await rm(retired, { recursive: true, force: true });
  return { pages, media };
}

/** A mount point: render in memory, then replace changed files one by one (each atomically). */
async function buildInPlace(
  target: OutputTarget,
  conference: Conference,
  publicFiles: readonly PublicFile[],
): Promise<{ pages: number; media: MediaStats }> {
  const media = newMediaStats();
  let rendered: { files: Map<string, Buffer | string>; pages: number };
  try {
    rendered = await renderSiteInMemory(conference, publicFiles, target.real, process.env.SOURCE_DATE_EPOCH, media);
    // The pages in the order they were rendered (the map's), as the swapped build hands them to Pagefind.
    const search = new SearchAndOffline(conference);
    for (const [file, content] of rendered.files) if (file.endsWith(".html")) await search.add(file, content.toString());
    for (const [file, content] of (await search.files((file) => rendered.files.get(path.join(...file.split("/")))))!) rendered.files.set(path.join(...file.split("/")), content);
  } catch (error) {
    await closeSearch();
    throw new BuildError("the site could not be rendered; the previous output was left as it was", { cause: error });
  }
  try {
    await syncFolder(target.real, rendered.files);
  } catch (error) {
    throw new BuildError(`cannot write into the output folder (a mount point, updated in place): ${codeOf(error)}`);
  }
  return { pages: rendered.pages, media };
}

/**
 * Cleans up after builds that were killed: their half-written staging folders go, and if one
 * was killed between its two renames (output moved aside, new site not yet in place), the
 * previous site is put back.
 */
export async function recoverInterruptedBuilds(outputDir: string): Promise<void> {
  const parent = path.dirname(outputDir);
  const base = path.basename(outputDir);
  const leftovers = existsSync(parent) ? await readdir(parent) : [];
  for (const name of leftovers) {
    const match = new RegExp(`^${escapeRegExp(base)}\\.lectern-(new|old)-(\\d+)$`).exec(name);
    const pid = Number(match?.[2]);
    if (!match || (pid !== process.pid && isRunning(pid))) continue;
    const full = path.join(parent, name);
    if (match[1] === "old" && !existsSync(outputDir)) await rename(full, outputDir);
    else await rm(full, { recursive: true, force: true });
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return `permission denied (${code})`;
  if (code === "EROFS") return "read-only file system (EROFS)";
  if (code === "ENOSPC") return "no space left on the disk (ENOSPC)";
  return code ?? String(error);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith(path.join("cli", "build.ts"))) {
  await runCommand("build", async () => {
    const { pages, seconds, inPlace, media } = await build({
      onWait: (pid) => process.stdout.write(`lectern build: waiting for another build (process ${pid}) of the same output folder\n`),
    });
    const how = inPlace ? " (a mount point, updated in place)" : "";
    process.stdout.write(`lectern build: wrote ${pages} pages to ${escapeForTerminal(displayPath(paths().outputDir))}${how} in ${seconds.toFixed(2)} s\n`);
    process.stdout.write(`lectern build: ${describeMediaStats(media)}\n`);
  });
}
