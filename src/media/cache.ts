import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * The folder where resized images and share cards are kept between builds, so unchanged ones
 * are not made again: `LECTERN_CACHE_DIR`, else `node_modules/.cache/lectern/` in the project
 * (the system's temporary folder when the project has no node_modules). Never inside the
 * content or output folder; deleting it only makes the next build slower.
 */
export function cacheDir(kind: "images" | "cards"): string {
  const modules = path.join(PROJECT_DIR, "node_modules");
  const root =
    process.env.LECTERN_CACHE_DIR ||
    (existsSync(modules) ? path.join(modules, ".cache", "lectern") : path.join(os.tmpdir(), "lectern-cache"));
  return path.resolve(root, kind);
}
