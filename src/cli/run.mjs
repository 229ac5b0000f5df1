// Plain JavaScript on purpose: this file is what runs before any TypeScript can.
/**
 * `node src/cli/run.mjs <command> [args]` runs src/cli/<command>.ts from ES modules that esbuild
 * bundles from our sources (packages stay in node_modules; see `bundleFor`), kept in
 * node_modules/.cache/lectern/cli/ until a file under src/, package.json or the lock file changes.
 *
 * Why by hand, beside tsx: tsx compiles each module through a loader thread, and a command loads
 * about 260 of them (zod alone is 95), one round trip each; that was most of a `npm run check`
 * on the sample (about 0.6 of 1 s). No package does this job: bundlers write files but do not
 * decide when a bundle is stale or run it, and runners like tsx are the per-module cost itself.
 *
 * The bundle is keyed by every source file's path, size and modification time, so an edit is
 * picked up on the next run; `import.meta.url` in our modules keeps meaning the source file's
 * own address (paths beside it still resolve). When the cache cannot be written, the command
 * runs through tsx as before.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SOURCES = path.join(ROOT, "src");
/** Bundles kept per command: enough for a few checkouts sharing node_modules, not a growing pile. */
const KEEP = 4;

/** Every file under `dir`, as `path size mtime` lines: what a bundle's key is made of. */
function listing(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listing(full, out);
    else if (entry.isFile()) {
      const info = statSync(full);
      out.push(`${full} ${info.size} ${info.mtimeMs}`);
    }
  }
  return out;
}

/** The key of the sources as they are now: the same sources, the same bundle. */
function sourceKey() {
  const lines = listing(SOURCES);
  for (const name of ["package.json", "package-lock.json", "tsconfig.json"]) {
    const info = statSync(path.join(ROOT, name), { throwIfNoEntry: false });
    if (info) lines.push(`${name} ${info.size} ${info.mtimeMs}`);
  }
  lines.push(process.version);
  return createHash("sha256").update(lines.sort().join("\n")).digest("hex").slice(0, 16);
}

/**
 * The bundle of the command's `entry` for the sources as they are now, made when missing: a folder
 * holding `<command>.mjs` and the chunks of the modules our sources import on demand (`import()`),
 * so that the packages only those import (the markdown renderer and the sanitiser, for `check`)
 * load only when wanted, as they do from the sources; in one file, every package import would be
 * hoisted to its top. Written under a temporary name and renamed, so that two commands started
 * together never read half a bundle.
 */
async function bundleFor(command, entry, cacheDir = path.join(ROOT, "node_modules", ".cache", "lectern", "cli")) {
  const folder = path.join(cacheDir, `${command}-${sourceKey()}`);
  const bundle = path.join(folder, `${command}.mjs`);
  if (existsSync(bundle)) return bundle;
  mkdirSync(cacheDir, { recursive: true });
  const { build } = await import("esbuild");
  const temporary = `${folder}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await build({
    entryPoints: { [command]: entry },
    outdir: temporary,
    outExtension: { ".js": ".mjs" },
    splitting: true,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "silent",
    plugins: [
      {
        name: "source-addresses",
        setup(builder) {
          // Each of our modules keeps its own address, as it has when run from its file.
          builder.onLoad({ filter: /\.[cm]?tsx?$/ }, async ({ path: file }) => ({
            contents: (await readFile(file, "utf8")).replaceAll("import.meta.url", JSON.stringify(pathToFileURL(file).href)),
            loader: file.endsWith("x") ? "tsx" : "ts",
            resolveDir: path.dirname(file),
          }));
        },
      },
    ],
  });
  try {
    renameSync(temporary, folder);
  } catch (error) {
    // Another command made the same bundle first: use theirs.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(bundle)) throw error;
  }
  const older = readdirSync(cacheDir)
    .filter((name) => name.startsWith(`${command}-`) && !name.endsWith(".tmp"))
    .map((name) => ({ name, time: statSync(path.join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time)
    .slice(KEEP);
  for (const { name } of older) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  return bundle;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command = "", ...rest] = process.argv.slice(2);
  const entry = path.join(SOURCES, "cli", `${command}.ts`);
  if (!/^[a-z][a-z-]*$/.test(command) || !existsSync(entry)) {
    process.stderr.write(`lectern: no command "${command.replace(/[^\x20-\x7e]/g, "?")}"; try check, build, start, new, import or release\n`);
    process.exit(2);
  }
  // The command sees the arguments as it would when run from its own file.
  process.argv = [process.argv[0], entry, ...rest];
  let bundle;
  try {
    bundle = await bundleFor(command, entry);
  } catch {
    bundle = undefined;
  }
  if (bundle) await import(pathToFileURL(bundle).href);
  else {
    // No cache (a read-only checkout, say): compile as it loads, module by module.
    const { register } = await import("tsx/esm/api");
    register();
    await import(pathToFileURL(entry).href);
  }
}
