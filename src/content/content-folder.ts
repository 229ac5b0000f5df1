import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import path from "node:path";
import { displayPath, type ProblemList } from "./errors.ts";
import { closestMatch } from "./suggest.ts";

/**
 * Everything a content folder may hold at its top level, one line each. Any other name is an
 * error (its files would silently be left out of the site). `aliases` are names organisers
 * reach for instead, answered with a "did you mean".
 */
export const CONTENT_ENTRIES = {
  "event.yaml": { kind: "file" },
  talks: { kind: "folder", aliases: ["keynotes", "sessions", "programme", "program"] },
  speakers: { kind: "folder", aliases: ["people"] },
  workshops: { kind: "folder", aliases: [] },
  blog: { kind: "folder", aliases: ["posts", "news"] },
  // A free page's address is its slug at the top of the site: /code-of-conduct/.
  pages: { kind: "folder", aliases: ["page", "info"] },
  sponsors: { kind: "folder", aliases: ["partners", "sponsor"] },
  // Recorded versions of the programme (`npm run release`), YAML files, not markdown.
  releases: { kind: "folder", aliases: ["release", "versions"] },
} as const satisfies Record<string, { kind: "file" } | { kind: "folder"; aliases: readonly string[] }>;

export type EntryName = keyof typeof CONTENT_ENTRIES;
/** The folders of markdown files (talks/, speakers/, …); releases/ holds YAML and is read on its own. */
export type Collection = Exclude<{ [K in EntryName]: (typeof CONTENT_ENTRIES)[K] extends { kind: "folder" } ? K : never }[EntryName], "releases">;

/**
 * Top-level addresses Lectern writes itself, besides the folders of its collections, with what
 * is there: a free page (`pages/<slug>.md`, at `/<slug>/`) may not take one.
 */
export const RESERVED_ADDRESSES: Readonly<Record<string, string>> = {
  schedule: "the schedule",
  talks: "the list of talks",
  speakers: "the list of speakers",
  workshops: "the list of workshops",
  blog: "the blog",
  sponsors: "the sponsors page",
  cards: "the share cards",
  img: "the resized images",
};

/** The largest content file read. Far above any real talk or event.yaml; keeps a mistaken or hostile file from filling memory. */
export const MAX_CONTENT_FILE_BYTES = 1024 * 1024;
const MAX_SIZE_TEXT = `1 MB (${MAX_CONTENT_FILE_BYTES} bytes)`;

/** The largest image beside a post: far above a photo straight from a camera, well below what would strain the resizer. */
export const MAX_IMAGE_FILE_BYTES = 20 * 1024 * 1024;
const MAX_IMAGE_SIZE_TEXT = `20 MB (${MAX_IMAGE_FILE_BYTES} bytes)`;

/** The collections whose folder may hold images beside its `.md` files (posts show them); they are not content entries. */
const IMAGES_BESIDE: ReadonlySet<Collection> = new Set(["blog"]);

/** The names of image files: what may sit beside the posts. */
export const IMAGE_FILE_NAME = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
export const IMAGE_TYPES_TEXT = "PNG, JPEG, GIF, WebP, AVIF or SVG";

/** A file or folder of the content folder, as found on disk. */
export interface ContentPath {
  /** The path under the content folder as given, for messages. */
  absolute: string;
  /** The path with symbolic links resolved, inside the content folder; undefined for a link not resolved yet. */
  real: string | undefined;
}

/** What the top of a content folder holds: each known entry found, or "refused" when it was reported as wrong. */
export interface ContentFolder {
  dir: string;
  root: string;
  entries: Map<EntryName, ContentPath | "refused">;
  /** Known entries an unknown name was taken for (`event.yml`): their absence is not reported again. */
  meant: Set<EntryName>;
}

/** One `.md` file of a collection, not read yet. */
export interface CollectionFile {
  name: string;
  path: ContentPath;
}

/** The result of listing a collection: its `.md` files and the slugs of files refused by name. */
export interface CollectionListing {
  files: CollectionFile[];
  /**
   * The image files beside the `.md` files (blog/ only), by name: the real path of each, checked
   * like any content file, or undefined for one refused (and reported) by that check.
   */
  images: Map<string, string | undefined>;
  /** Stems of markdown files under the wrong extension (`jane.MD`): they exist, so references to them are not "unknown". */
  misnamed: string[];
  /** False when the folder was refused, could not be listed, or is missing because it was misnamed. */
  complete: boolean;
}

/**
 * Dotfiles, editor leftovers (`.#x.md`, `x.md~`, `#x.md#`, `.x.md.swp`, `.DS_Store`, `Thumbs.db`) and
 * names set aside with a leading `_` (`_draft.md`, `_drafts/`) are not content.
 */
export function isIgnored(name: string): boolean {
  // `..x` is not hidden: such names are refused by name, as they look like an escape.
  if (/^\.[^.]/.test(name) || name.startsWith("_") || name.endsWith("~")) return true;
  // Emacs auto-saves, JetBrains' and Vim's short-lived files while saving, desktop litter.
  return (name.startsWith("#") && name.endsWith("#")) || /___jb_(tmp|old)___$/.test(name) || /^(4913|Thumbs\.db|desktop\.ini)$/i.test(name);
}

/**
 * Lists the top of a content folder: every known entry of the right kind is returned; an
 * unknown name, or a known one of the wrong kind, is reported.
 */
export function scanContentFolder(dir: string, root: string, problems: ProblemList): ContentFolder {
  const folder: ContentFolder = { dir, root, entries: new Map(), meant: new Set() };
  const names = Object.keys(CONTENT_ENTRIES) as EntryName[];
  const listed = listFolder(dir, root, problems);
  // Nothing inside can be told apart from missing: nothing more is reported.
  if (!listed) for (const name of names) folder.entries.set(name, "refused");
  if (!listed) return folder;
  for (const entry of listed) {
    if (isIgnored(entry.name)) continue;
    const absolute = path.join(dir, entry.name);
    const file = displayPath(absolute);
    if (Object.hasOwn(CONTENT_ENTRIES, entry.name)) {
      const name = entry.name as EntryName;
      const kind = CONTENT_ENTRIES[name].kind;
      const found = resolveEntry(root, absolute, entry, kind, file, problems);
      if (found && !isKind(found.type, kind, file, problems)) folder.entries.set(name, "refused");
      else folder.entries.set(name, found ? { absolute, real: found.real } : "refused");
      continue;
    }
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && typeAt(absolute) === "folder");
    const meant = meantEntry(entry.name, names);
    if (meant) folder.meant.add(meant);
    const noun = isFolder ? "folder" : "file";
    const hint = meant
      ? ` (did you mean "${shown(meant)}"?)`
      : `; a content folder holds only ${names.map(shown).join(", ").replace(/, ([^,]*)$/, " and $1")}`;
    problems.add(file, "", `unknown ${noun}, not read${hint}`);
  }
  return folder;
}

/**
 * Lists a collection folder (talks/, speakers/, …): its `.md` files, sorted by name. Anything
 * else that is not ignored is reported: only `.md` files are content.
 */
export function listCollection(folder: ContentFolder, collection: Collection, problems: ProblemList): CollectionListing {
  const found = folder.entries.get(collection);
  const listing: CollectionListing = { files: [], images: new Map(), misnamed: [], complete: found ? found !== "refused" : !folder.meant.has(collection) };
  if (!found || found === "refused") return listing;
  const listed = listFolder(found.absolute, found.real ?? found.absolute, problems);
  if (!listed) return { ...listing, complete: false };
  // A name from the folder's listing is one plain part: joined by hand, as path.join costs at 15,000 files.
  const realFolder = found.real ?? found.absolute;
  for (const entry of listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const { name } = entry;
    if (isIgnored(name)) continue;
    const absolute = `${found.absolute}${path.sep}${name}`;
    if (name.endsWith(".md")) {
      listing.files.push({ name, path: { absolute, real: entry.isSymbolicLink() ? undefined : `${realFolder}${path.sep}${name}` } });
      continue;
    }
    const file = displayPath(absolute);
    const images = IMAGES_BESIDE.has(collection);
    if (entry.isDirectory() || (entry.isSymbolicLink() && typeAt(absolute) === "folder")) {
      problems.add(file, "", `is a folder; sub-folders of ${collection}/ are not read${images ? ` (images go directly in ${collection}/, beside the posts)` : ""}`);
      continue;
    }
    if (images && IMAGE_FILE_NAME.test(name)) {
      const real = entry.isSymbolicLink() ? undefined : path.join(found.real ?? found.absolute, name);
      listing.images.set(name, checkImageFile(folder.root, { absolute, real }, problems));
      continue;
    }
    const markdown = /^(.+)\.(md|markdown|mdown|mkdn?|mkd)$/i.exec(name);
    if (markdown) {
      listing.misnamed.push(markdown[1]!);
      problems.add(file, "", `only .md files are content; rename it to ${markdown[1]}.md`);
    } else if (images) {
      problems.add(file, "", `only .md files and images (${IMAGE_TYPES_TEXT}) belong in ${collection}/`);
    } else {
      const image = IMAGE_FILE_NAME.test(name) ? " (put images in the public folder)" : "";
      problems.add(file, "", `only .md files are content${image}`);
    }
  }
  return listing;
}

/**
 * Reads one content file under the rule every content path follows: a regular file, inside the
 * content folder once symbolic links are resolved, at most `MAX_CONTENT_FILE_BYTES` long. A pipe
 * or device is refused without waiting on it. Returns undefined after reporting the problem.
 */
export function readContentBytes(root: string, found: ContentPath, problems: ProblemList): Buffer | undefined {
  const file = displayPath(found.absolute);
  const opened = openContentFile(root, found, file, problems);
  if (!opened) return undefined;
  const { fd } = opened;
  try {
    const stats = fstatSync(fd);
    if (!isKind(typeOf(stats), "file", file, problems)) return undefined;
    if (stats.size > MAX_CONTENT_FILE_BYTES) {
      problems.add(file, "", `is ${stats.size} bytes, over the limit of ${MAX_SIZE_TEXT} for a content file`);
      return undefined;
    }
    // The size can change between fstat and read: read at most one byte past the limit.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size + 1, MAX_CONTENT_FILE_BYTES + 1));
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) {
        if (length > MAX_CONTENT_FILE_BYTES) {
          problems.add(file, "", `is over the limit of ${MAX_SIZE_TEXT} for a content file`);
          return undefined;
        }
        break;
      }
    }
    return buffer.subarray(0, length);
  } catch (error) {
    problems.add(file, "", `cannot be read (${errorCode(error)})`);
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks an image beside the posts under the rule of every content path (a regular file that can
 * be read, inside the content folder once symbolic links are resolved), with a limit of
 * `MAX_IMAGE_FILE_BYTES`. Returns its real path, or undefined after reporting the problem.
 */
function checkImageFile(root: string, found: ContentPath, problems: ProblemList): string | undefined {
  const file = displayPath(found.absolute);
  const opened = openContentFile(root, found, file, problems);
  if (!opened) return undefined;
  try {
    const stats = fstatSync(opened.fd);
    if (!isKind(typeOf(stats), "file", file, problems)) return undefined;
    if (stats.size > MAX_IMAGE_FILE_BYTES) {
      problems.add(file, "", `is ${stats.size} bytes, over the limit of ${MAX_IMAGE_SIZE_TEXT} for an image`);
      return undefined;
    }
    return opened.target;
  } catch (error) {
    problems.add(file, "", `cannot be read (${errorCode(error)})`);
    return undefined;
  } finally {
    closeSync(opened.fd);
  }
}

/** Opens a content file where its symbolic links lead, if that is inside the content folder; a pipe opens without waiting. */
function openContentFile(root: string, found: ContentPath, file: string, problems: ProblemList): { fd: number; target: string } | undefined {
  const target = found.real ?? resolveLink(root, found.absolute, "file", file, problems);
  if (target === undefined) return undefined;
  try {
    return { fd: openSync(target, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)), target };
  } catch (error) {
    problems.add(file, "", `cannot be read (${errorCode(error)})`);
    return undefined;
  }
}

type EntryType = "file" | "folder" | "other";

function listFolder(absolute: string, realPath: string, problems: ProblemList): Dirent[] | undefined {
  try {
    return readdirSync(realPath, { withFileTypes: true });
  } catch (error) {
    problems.add(displayPath(absolute), "", `cannot be read (${errorCode(error)})`);
    return undefined;
  }
}

/** An entry's type and real path, following a symbolic link only to a place inside the content folder. */
function resolveEntry(
  root: string,
  absolute: string,
  entry: Dirent,
  expected: "file" | "folder",
  file: string,
  problems: ProblemList,
): { type: EntryType; real: string } | undefined {
  if (!entry.isSymbolicLink()) {
    return { type: entry.isDirectory() ? "folder" : entry.isFile() ? "file" : "other", real: path.join(root, entry.name) };
  }
  const target = resolveLink(root, absolute, expected, file, problems);
  if (!target) return undefined;
  return { type: typeAt(target), real: target };
}

/** Where a symbolic link leads, if that is inside the content folder; reports it otherwise. */
function resolveLink(root: string, absolute: string, expected: "file" | "folder", file: string, problems: ProblemList): string | undefined {
  let target: string;
  try {
    target = realpathSync.native(absolute);
  } catch (error) {
    problems.add(file, "", errorCode(error) === "ENOENT" ? "is a symbolic link to nothing" : `cannot be read (${errorCode(error)})`);
    return undefined;
  }
  if (!target.startsWith(root + path.sep)) {
    problems.add(file, "", `is a symbolic link to a ${expected} outside the content folder`);
    return undefined;
  }
  return target;
}

function isKind(type: EntryType, expected: "file" | "folder", file: string, problems: ProblemList): boolean {
  if (type === expected) return true;
  if (type === "other") problems.add(file, "", "is not a regular file (a pipe, socket or device); content must be plain files");
  else if (expected === "file") problems.add(file, "", "is a folder; it must be a file");
  else problems.add(file, "", "is a file; it must be a folder of .md files");
  return false;
}

function typeOf(stats: Stats): EntryType {
  return stats.isDirectory() ? "folder" : stats.isFile() ? "file" : "other";
}

/** The type of what a path leads to (stat does not wait on a pipe); "other" when it cannot be told. */
function typeAt(absolute: string): EntryType {
  try {
    return typeOf(statSync(absolute));
  } catch {
    return "other";
  }
}

/** The known entry an unknown name was probably meant to be: same name in another case, an alias, or a close spelling. */
function meantEntry(name: string, names: readonly EntryName[]): EntryName | undefined {
  const lower = name.toLowerCase();
  for (const known of names) {
    const entry: { kind: string; aliases?: readonly string[] } = CONTENT_ENTRIES[known];
    if (entry.aliases?.includes(lower)) return known;
  }
  return closestMatch(name, names) as EntryName | undefined;
}

function shown(name: EntryName): string {
  return CONTENT_ENTRIES[name].kind === "folder" ? `${name}/` : name;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? "unknown error";
}
