import { existsSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Eleventy from "@11ty/eleventy";
import { loadConference } from "../content/load.ts";
import { displayPath } from "../content/errors.ts";
import { writeExports } from "../export/files.ts";
import { paths, provideConference } from "../eleventy/conference-data.ts";
import { BuildError, runCommand } from "./report.ts";

/**
 * Builds the site: validates all content first, renders into a fresh folder beside the
 * output folder, and only then swaps it in. On any failure the old site stays as it was.
 */
export async function build(): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  const { contentDir, outputDir, publicDir } = paths();
  const conference = await loadConference({ contentDir, publicDir, outputDir });
  provideConference(conference);

  await recoverInterruptedBuilds(outputDir);
  const staging = `${outputDir}.lectern-new-${process.pid}`;
  const retired = `${outputDir}.lectern-old-${process.pid}`;
  let written: unknown[];
  try {
    const eleventy = new Eleventy("src/pages", staging, { configPath: ".eleventy.ts", quietMode: true });
    written = (await eleventy.write()) as unknown as unknown[];
    await writeExports(conference, staging, process.env.SOURCE_DATE_EPOCH);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new BuildError("the site could not be rendered; the previous output was left as it was", { cause: error });
  }

  const hadOutput = existsSync(outputDir);
  if (hadOutput) await rename(outputDir, retired);
  await rename(staging, outputDir);
  if (hadOutput) await rm(retired, { recursive: true, force: true });
  return { pages: countPages(written), seconds: (performance.now() - started) / 1000 };
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
    if (!match || isRunning(Number(match[2]))) continue;
    const full = path.join(parent, name);
    if (match[1] === "old" && !existsSync(outputDir)) await rename(full, outputDir);
    else await rm(full, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function countPages(written: unknown[]): number {
  const flat = written.flat(2) as Array<{ outputPath?: string }>;
  return flat.filter((entry) => entry?.outputPath?.endsWith(".html")).length;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith(path.join("cli", "build.ts"))) {
  await runCommand("build", async () => {
    const { pages, seconds } = await build();
    process.stdout.write(`lectern build: wrote ${pages} pages to ${displayPath(paths().outputDir)} in ${seconds.toFixed(2)} s\n`);
  });
}
