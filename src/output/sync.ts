import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, rmdir, unlink } from "node:fs/promises";
import path from "node:path";
import { wholeBytes, type FileBytes } from "../export/bytes.ts";

/**
 * Makes `dir` hold exactly `wanted` (relative path → bytes). A file is compared with what
 * `previous` says it holds when it is still there, else with its bytes on disk; only files
 * that differ are written, each to a temporary name beside it and then renamed over the old
 * one, so a web server reading the folder meanwhile gets the old file or the new one, never
 * half of one. Files not wanted are removed. Returns how many files were written or removed,
 * and what the folder now holds.
 */
export async function syncFolder(
  dir: string,
  wanted: ReadonlyMap<string, FileBytes | string>,
  previous?: ReadonlyMap<string, Buffer>,
): Promise<{ changed: number; files: Map<string, Buffer> }> {
  const files = new Map<string, Buffer>();
  await mkdir(dir, { recursive: true });
  const existing = await listEntries(dir);
  let changed = 0;
  const made = new Set<string>();
  const tag = `${process.pid}-${randomBytes(3).toString("hex")}`;
  for (const [relative, content] of wanted) {
    const target = path.join(dir, relative);
    const bytes = typeof content === "string" ? Buffer.from(content) : wholeBytes(content);
    files.set(relative, bytes);
    const kind = existing.get(relative);
    if (kind === "file") {
      const current = previous?.get(relative) ?? (await readFile(target));
      if (current.equals(bytes)) continue;
    } else {
      // A folder (or link) where a file now goes, or a file where a folder now goes, is replaced.
      if (kind !== undefined) await rm(target, { recursive: true, force: true });
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        await makeFolder(dir, parent, existing);
        made.add(parent);
      }
    }
    await writeAtomically(target, bytes, tag);
    changed++;
  }
  for (const [relative, kind] of existing) {
    if (kind === "folder" || wanted.has(relative)) continue;
    await unlink(path.join(dir, relative)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    changed++;
    await removeEmptyParents(dir, path.dirname(path.join(dir, relative)));
  }
  return { changed, files };
}

type EntryKind = "file" | "folder" | "other";

/** Every entry under `dir` by relative path (none when it does not exist). Links are not followed. */
async function listEntries(dir: string): Promise<Map<string, EntryKind>> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return new Map();
  }
  const result = new Map<string, EntryKind>();
  for (const entry of entries) {
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
    result.set(relative, entry.isFile() ? "file" : entry.isDirectory() ? "folder" : "other");
  }
  return result;
}

/** Creates `folder` under `root`, first removing a file that stands where one of its folders goes. */
async function makeFolder(root: string, folder: string, existing: ReadonlyMap<string, EntryKind>): Promise<void> {
  const parts = path.relative(root, folder).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const relative = path.join(...parts.slice(0, i));
    const kind = existing.get(relative);
    if (kind === "file" || kind === "other") await rm(path.join(root, relative), { force: true });
  }
  await mkdir(folder, { recursive: true });
}

async function removeEmptyParents(root: string, dir: string): Promise<void> {
  while (dir !== root && dir.startsWith(root + path.sep)) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}

/**
 * Writes `written` (relative path with forward slashes → bytes) into `dir` and removes `removed`,
 * as `syncFolder` does but without looking at the rest of the folder: for a build that knows
 * what changed since the last one it made there. Returns how many files were written or removed.
 */
export async function applyChanges(dir: string, written: ReadonlyMap<string, FileBytes>, removed: Iterable<string>): Promise<number> {
  const tag = `${process.pid}-${randomBytes(3).toString("hex")}`;
  let changed = 0;
  for (const [relative, bytes] of written) {
    const target = path.join(dir, ...relative.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeAtomically(target, bytes, tag);
    changed++;
  }
  for (const relative of removed) {
    const target = path.join(dir, ...relative.split("/"));
    await unlink(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    changed++;
    await removeEmptyParents(dir, path.dirname(target));
  }
  return changed;
}

/** Writes `bytes` under a temporary name beside `target`, then renames it: a reader sees the old file or the new one, never half. */
async function writeAtomically(target: string, bytes: FileBytes, tag: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.lectern-tmp-${tag}`);
  try {
    const file = await open(temporary, "w");
    try {
      await writeAll(bytes, (pieces) => file.writev(pieces).then((result) => result.bytesWritten));
    } finally {
      await file.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Pieces handed to one writev call: at most what a system call takes (IOV_MAX is 1,024 on Linux). */
const PIECES_PER_CALL = 1024;

/**
 * Writes every byte of `bytes` with `writev` (the pieces in order), going on after a call that
 * wrote only part of them. Written here because Node's `writev` makes one system call and says
 * how much it took, and its `writeFile` of many pieces makes a call a piece (30,000 for the
 * schedule files at 10,000 talks).
 */
export async function writeAll(bytes: FileBytes, writev: (pieces: Buffer[]) => Promise<number>): Promise<void> {
  const pieces = (Buffer.isBuffer(bytes) ? [bytes] : bytes).filter((piece) => piece.length > 0);
  let next = 0;
  /** What is left of `pieces[next]` after a partial write. */
  let partial: Buffer | undefined;
  while (next < pieces.length) {
    const end = Math.min(pieces.length, next + PIECES_PER_CALL);
    const batch = partial ? [partial, ...pieces.slice(next + 1, end)] : pieces.slice(next, end);
    let written = await writev(batch);
    if (written <= 0) throw new Error("the file system took none of the bytes written");
    // Drop what was written: whole pieces, then the start of the next one.
    while (written > 0) {
      const current = partial ?? pieces[next]!;
      if (written >= current.length) {
        written -= current.length;
        partial = undefined;
        next++;
      } else {
        partial = current.subarray(written);
        written = 0;
      }
    }
  }
}
