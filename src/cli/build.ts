import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Eleventy from "@11ty/eleventy";
import { loadConference } from "../content/load.ts";
import { displayPath } from "../content/errors.ts";
import { paths, provideConference } from "../eleventy/conference-data.ts";
import { BuildError, runCommand } from "./report.ts";

/**
 * Builds the site: validates all content first, renders into a fresh folder beside the
 * output folder, and only then swaps it in. On any failure the old site stays as it was.
 */
export async function build(): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  const { contentDir, outputDir, publicDir } = paths();
  const conference = await loadConference({ contentDir, publicDir });
  provideConference(conference);

  const staging = `${outputDir}.lectern-new-${process.pid}`;
  const retired = `${outputDir}.lectern-old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  let written: unknown[];
  try {
    const eleventy = new Eleventy("src/pages", staging, { configPath: ".eleventy.ts", quietMode: true });
    written = (await eleventy.write()) as unknown as unknown[];
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
