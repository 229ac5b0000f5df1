import { readdirSync, realpathSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

/**
 * Watches folders, with every folder inside them, and single files, and reports the path of each
 * entry created, changed or removed as soon as the operating system tells of it: one `fs.watch`
 * per folder (one inotify watch on Linux), which names the entry that changed.
 *
 * Written here because the libraries tried each cost the dev server at scale. chokidar 4 read a
 * folder's whole listing again, with an lstat per entry, on every change in it: at 10,000 talks,
 * 0.7 s of CPU an edit, beside the build on the same cores. @parcel/watcher holds its events back
 * until 50 ms pass without one, so one save arrived as two batches 50 ms apart (two rebuilds, or
 * every rebuild started later). Node 20's own recursive `fs.watch` watches every file on Linux.
 */
export class FolderWatch {
  /** Folders watched, by the path they were reached at. */
  private readonly folders = new Map<string, FSWatcher>();
  /** Their real paths: a link back to a folder already watched is not followed again. */
  private readonly real = new Map<string, string>();
  /** Watchers of single files (on their folders). */
  private readonly files: FSWatcher[] = [];
  private closed = false;

  constructor(
    private readonly onPath: (file: string) => void,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Watches `target` from now on: a folder with all it holds, or a file. Nothing when it does not exist. */
  add(target: string): void {
    const info = statOf(target);
    if (info?.isDirectory()) this.addFolder(target);
    else if (info) this.addFile(target);
  }

  close(): void {
    this.closed = true;
    for (const watcher of [...this.folders.values(), ...this.files]) watcher.close();
    this.folders.clear();
    this.files.length = 0;
    this.real.clear();
  }

  private addFolder(folder: string): void {
    if (this.closed || this.folders.has(folder) || IGNORED.has(path.basename(folder))) return;
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    if ([...this.real.values()].includes(real)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: true }, (event, name) => this.changed(folder, event, name));
    } catch (error) {
      this.failed(error);
      return;
    }
    watcher.on("error", (error) => {
      this.forget(folder);
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.failed(error);
    });
    this.folders.set(folder, watcher);
    this.real.set(folder, real);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() || (entry.isSymbolicLink() && statOf(path.join(folder, entry.name))?.isDirectory())) {
        this.addFolder(path.join(folder, entry.name));
      }
    }
  }

  /** A file alone: its folder is watched for its name only, which goes on working after an editor replaces the file. */
  private addFile(file: string): void {
    const name = path.basename(file);
    try {
      const watcher = watch(path.dirname(file), { persistent: true }, (_event, changed) => {
        if (changed === name) this.onPath(file);
      });
      watcher.on("error", (error) => this.failed(error));
      this.files.push(watcher);
    } catch (error) {
      this.failed(error);
    }
  }

  private changed(folder: string, event: string, name: string | Buffer | null): void {
    if (this.closed) return;
    // Without a name (some systems, or too many events at once), anything in the folder may have changed.
    if (name === null || name === "") return this.onPath(folder);
    const entry = path.join(folder, name.toString());
    if (IGNORED.has(path.basename(entry))) return;
    if (event === "rename") {
      // Created, removed or renamed: a new folder is watched with what it already holds, a gone one forgotten.
      if (statOf(entry)?.isDirectory()) this.addFolder(entry);
      else this.forget(entry);
    }
    this.onPath(entry);
  }

  /** Stops watching `folder` and every folder under it. */
  private forget(folder: string): void {
    const inside = `${folder}${path.sep}`;
    for (const [watched, watcher] of this.folders) {
      if (watched !== folder && !watched.startsWith(inside)) continue;
      watcher.close();
      this.folders.delete(watched);
      this.real.delete(watched);
    }
  }

  private failed(error: unknown): void {
    this.onError(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Folders never watched (nor reported) inside a watched folder. */
const IGNORED = new Set(["node_modules", ".git"]);

function statOf(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
