import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The file at the root of every folder Lectern writes. A non-empty folder without it holds
 * someone else's files, which Lectern never removes or replaces.
 */
export const OUTPUT_MARKER = ".lectern-site";

const MARKER_TEXT =
  "This folder is written by Lectern (npm run build / npm start). Every build replaces all of it;\n" +
  "keep nothing here that Lectern did not write.\n";

/**
 * The project's own top-level entries: an output folder may not be, or lie inside, any of
 * them. Output folders such as `_site/` or `dist/` beside them are fine.
 */
const PROJECT_ENTRIES = new Set([
  ".eleventy.ts",
  ".gitignore",
  ".htmlvalidate.mjs",
  "README.md",
  "_data",
  "bench",
  "content",
  "node_modules",
  "package-lock.json",
  "package.json",
  "public",
  "schemas",
  "src",
  "tests",
  "tsconfig.json",
]);

export interface OutputFolders {
  /** The output folder as the organiser named it (resolved to an absolute path). */
  outputDir: string;
  contentDir: string;
  publicDir: string;
  /** The Lectern checkout: package.json, src/, … */
  projectDir: string;
  /** The organiser's home folder (default: the current user's). */
  homeDir?: string;
}

/** Where an output folder really is, and how it can be replaced. */
export interface OutputTarget {
  /** The folder as named, for messages. */
  named: string;
  /** The real folder that receives the site: symbolic links resolved, so a link to a web root stays a link. */
  real: string;
  /** Whether the folder exists already (with Lectern's marker, or empty). */
  exists: boolean;
  /**
   * A mount point (a CI volume, a tmpfs) cannot be renamed: such a folder is updated in place,
   * file by file, instead of being swapped whole.
   */
  isMountPoint: boolean;
}

/** Why an output folder is refused: one line for the organiser. */
export class OutputFolderError extends Error {
  override name = "OutputFolderError";
}

/**
 * Decides whether Lectern may write the site into `outputDir`, and where that really is.
 * Throws an `OutputFolderError` for a folder that is, contains or lies inside the content
 * folder, the public folder, the project's own files, the home folder or `/`; for a file; and
 * for a non-empty folder that Lectern did not write.
 */
export function checkOutputFolder(folders: OutputFolders): OutputTarget {
  const named = shownPath(folders.outputDir);
  const refuse = (why: string, advice = "set OUTPUT_DIR to a new folder such as _site or dist/site"): never => {
    throw new OutputFolderError(`OUTPUT_DIR ${quoted(named)} ${why}; ${advice}`);
  };

  if (isDanglingLink(folders.outputDir)) refuse("is a symbolic link to nothing", "point it at a folder, or remove the link");
  const real = realPathOf(folders.outputDir);
  const content = realPathOf(folders.contentDir);
  const publicDir = realPathOf(folders.publicDir);
  const project = realPathOf(folders.projectDir);
  const home = realPathOf(folders.homeDir ?? os.homedir());

  if (real === path.parse(real).root) refuse("is the root of the file system");
  for (const [folder, noun] of [
    [content, "the content folder"],
    [publicDir, "the public folder"],
  ] as const) {
    const which = shownPath(folder) === named ? noun : `${noun} (${shownPath(folder)})`;
    if (real === folder) refuse(`is ${which}; building there would delete it`);
    if (isInside(folder, real)) refuse(`is inside ${which}`);
    if (isInside(real, folder)) refuse(`contains ${which}; building there would delete it`);
  }
  if (real === project || isInside(real, project)) refuse(`contains this Lectern project (${shownPath(project)}); building there would delete it`);
  if (isInside(project, real)) {
    const parts = path.relative(project, real).split(path.sep);
    const first = parts[0]!;
    if (PROJECT_ENTRIES.has(first) || first.startsWith(".")) {
      refuse(parts.length === 1 ? "is one of this project's own files" : `is inside this project's own ${JSON.stringify(first)}`);
    }
  }
  if (real === home || isInside(real, home)) refuse("is or contains your home folder");

  let info;
  try {
    info = statSync(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { named, real, exists: false, isMountPoint: false };
    if (code === "ENOTDIR") return refuse("lies under a file, not a folder");
    return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`, "check its permissions");
  }
  if (!info.isDirectory()) refuse("is a file, not a folder");

  const entries = readdirSync(real);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    refuse(
      `already holds files that Lectern did not write (it has no ${OUTPUT_MARKER} file), and a build replaces the whole folder`,
      "choose an empty or new folder, or delete this one yourself if it is an old build",
    );
  }
  if (entries.includes(OUTPUT_MARKER) && !lstatSync(path.join(real, OUTPUT_MARKER)).isFile()) {
    refuse(`has a ${OUTPUT_MARKER} that is not a plain file`, "delete it, or choose another folder");
  }
  const parentDevice = statSync(path.dirname(real)).dev;
  return { named, real, exists: true, isMountPoint: parentDevice !== info.dev };
}

/** The marker's file as the site's relative path and bytes, for writers that sync a folder. */
export function outputMarkerFile(): [string, Buffer] {
  return [OUTPUT_MARKER, Buffer.from(MARKER_TEXT)];
}

/**
 * The real path of a file that may not exist yet: the longest existing ancestor is resolved
 * (following symbolic links), and the rest appended.
 */
export function realPathOf(file: string): string {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

function isDanglingLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink() && !existsSync(file);
  } catch {
    return false;
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

function quoted(name: string): string {
  return JSON.stringify(name);
}

/** A path as the organiser would write it: relative to the working directory where that is shorter. */
function shownPath(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute) || ".";
  return (relative.length < absolute.length ? relative : absolute).split(path.sep).join("/");
}
