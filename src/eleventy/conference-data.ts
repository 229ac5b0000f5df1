import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConference } from "../content/load.ts";
import type { Conference } from "../content/model.ts";

/** The Lectern project: package.json, src/, the sample content. */
const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Where content and output live for this run: `CONTENT_DIR`, `OUTPUT_DIR`, `PUBLIC_DIR`
 * (relative to the working directory), and the project's own folder.
 */
export function paths() {
  return {
    projectDir: PROJECT_DIR,
    contentDir: path.resolve(process.env.CONTENT_DIR || "content"),
    outputDir: path.resolve(process.env.OUTPUT_DIR || "_site"),
    publicDir: path.resolve(process.env.PUBLIC_DIR || "public"),
  };
}

let current: Promise<Conference> | undefined;

/**
 * The validated conference. `npm run build` and the dev server load it first and hand it over
 * with `provideConference`; Eleventy run on its own loads it here, once.
 */
export function conferenceData(): Promise<Conference> {
  const { contentDir, outputDir, publicDir } = paths();
  current ??= loadConference({ contentDir, publicDir, outputDir });
  return current;
}

/** Hands an already loaded conference to the next build, so it is not read twice. */
export function provideConference(conference: Conference): void {
  current = Promise.resolve(conference);
}
