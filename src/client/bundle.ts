import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";
import { SITE_PATHS } from "../site/urls.ts";

/**
 * The browser entries, each bundled into `/assets/<name>.js`. `site` is loaded by every page;
 * the others are imported by it on demand. Code they share goes into chunks beside them.
 */
const ENTRIES = ["site"] as const;

/** One bundled file: its site path and its text. */
export interface ClientFile {
  path: string;
  content: string;
}

let bundled: ClientFile[] | undefined;

const CLIENT_DIR = fileURLToPath(new URL(".", import.meta.url));

/**
 * The browser scripts, bundled and minified by esbuild from src/client/ (TypeScript, ES modules).
 * They depend on nothing in the content, so one bundle serves every build of the process.
 */
export function clientFiles(): readonly ClientFile[] {
  if (bundled) return bundled;
  const result = buildSync({
    entryPoints: Object.fromEntries(ENTRIES.map((name) => [name, fileURLToPath(new URL(`./${name}.ts`, import.meta.url))])),
    bundle: true,
    splitting: true,
    format: "esm",
    minify: true,
    target: "es2020",
    // Paths relative to src/client, and packages by their path under node_modules even when that
    // is a link, so that the chunks' names (hashes of their paths and text) are the same wherever
    // the project is checked out: with the defaults they changed with the checkout's place, and
    // with them sw.js and every reader's offline cache.
    absWorkingDir: CLIENT_DIR,
    preserveSymlinks: true,
    outdir: "assets",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  const prefix = SITE_PATHS.assets;
  bundled = result.outputFiles.map((file) => ({ path: `${prefix}${file.path.replace(/^.*\/assets\//, "")}`, content: file.text }));
  return bundled;
}

let worker: string | undefined;

/**
 * The service worker's script (src/client/sw.ts), bundled on its own as a classic script: no
 * chunks, since a worker imports nothing. The build puts its precache list before it
 * (src/output/search-offline.ts) and writes it to `/sw.js`.
 */
export function serviceWorkerScript(): string {
  if (worker !== undefined) return worker;
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL("./sw.ts", import.meta.url))],
    absWorkingDir: CLIENT_DIR,
    bundle: true,
    format: "iife",
    minify: true,
    target: "es2020",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  worker = result.outputFiles[0]!.text;
  return worker;
}
