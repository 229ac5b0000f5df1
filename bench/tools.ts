import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "./measure.ts";

/** The repository's root (the folder holding package.json). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BENCH = path.join(ROOT, "bench");

/** The tools compared at each size, in the order of the table. */
export type ToolName = "lectern" | "eleventy" | "floor" | "hugo";

/** The `hugo` on the PATH, or undefined. */
export function findHugo(): { path: string; version: string } | undefined {
  try {
    const found = execFileSync("sh", ["-c", "command -v hugo"], { encoding: "utf8" }).trim();
    if (!found) return undefined;
    const version = execFileSync(found, ["version"], { encoding: "utf8" }).trim();
    return { path: found, version };
  } catch {
    return undefined;
  }
}

/**
 * A package.json script run the way `npm run` runs it (`sh -c`, node_modules/.bin first on the
 * PATH) but without npm itself, whose own start-up (≈ 0.3 s) is not Lectern's.
 * Reading the script each time keeps the benchmark measuring whatever the tree's build is now.
 */
export async function npmScript(name: string, env: Record<string, string>, extraArgs: string[] = []): Promise<Command | undefined> {
  const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.[name];
  if (!script) return undefined;
  const line = [script, ...extraArgs.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`)].join(" ");
  return {
    label: `npm run ${name}`,
    argv: ["sh", "-c", line],
    cwd: ROOT,
    env: { ...env, PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` },
  };
}

/** Lectern's full build of a content folder into `outputDir`. */
export async function lecternBuild(contentDir: string, outputDir: string): Promise<Command> {
  const command = await npmScript("build", { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir });
  if (!command) throw new Error("package.json has no build script");
  return command;
}

/** Lectern's validation of a content folder. */
export async function lecternCheck(contentDir: string): Promise<Command> {
  const command = await npmScript("check", { CONTENT_DIR: contentDir });
  if (!command) throw new Error("package.json has no check script");
  return command;
}

/** Plain Eleventy 3 (the installed one, run by plain node) over the talk files, one page each. */
export function eleventyBuild(talksDir: string, outputDir: string): Command {
  return {
    label: "plain Eleventy",
    argv: [
      process.execPath,
      path.join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs"),
      `--config=${path.join(BENCH, "eleventy", "eleventy.config.mjs")}`,
      `--input=${talksDir}`,
      `--output=${outputDir}`,
      "--quiet",
    ],
    cwd: ROOT,
  };
}

/** The gray-matter + markdown-it floor script over the talk files. */
export function floorBuild(talksDir: string, outputDir: string): Command {
  return { label: "floor script", argv: [process.execPath, path.join(BENCH, "floor.mjs"), talksDir, outputDir], cwd: ROOT };
}

/**
 * Writes a minimal Hugo site in `siteDir` whose content is the talk files (mounted, not copied):
 * one single-page layout, every other kind of page (home, sections, taxonomies, feeds, sitemap) off.
 */
export async function writeHugoSite(siteDir: string, talksDir: string): Promise<void> {
  await mkdir(path.join(siteDir, "layouts", "_default"), { recursive: true });
  await writeFile(
    path.join(siteDir, "config.toml"),
    [
      'baseURL = "https://bench.example.org/"',
      'disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
      "[[module.mounts]]",
      `source = ${JSON.stringify(talksDir)}`,
      'target = "content/talks"',
      "",
    ].join("\n"),
  );
  await writeFile(
    path.join(siteDir, "layouts", "_default", "single.html"),
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>' +
      "<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n",
  );
}

export function hugoBuild(hugo: string, siteDir: string, outputDir: string): Command {
  return { label: "hugo", argv: [hugo, "--quiet", "--source", siteDir, "--destination", outputDir], cwd: siteDir };
}
