import { createHash } from "node:crypto";
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { OutputFolderError } from "./guard.ts";

/** Who holds an output folder's lock. */
interface LockOwner {
  pid: number;
  /** `build` or `dev`: a dev server holds its folder for as long as it runs. */
  command: string;
}

export interface OutputLock {
  release(): void;
}

export interface LockOptions {
  /** How long a build waits for another build of the same folder (default 10 minutes). */
  waitMs?: number;
  /** Called once when the lock is busy and this process starts waiting. */
  onWait?: (owner: LockOwner) => void;
  /** Where lock files live (default: a folder in the system's temporary folder). */
  lockDir?: string;
}

/**
 * Takes the lock of one output folder, so two Lectern processes never write into it at once.
 * The lock is a file named after the folder's real path, kept in the system's temporary folder
 * (not beside the output, whose parent may be read-only, as for a mount point). A lock whose
 * process has gone is taken over. A build waits for another build; a running dev server holds
 * its folder until it stops, so waiting for it would be pointless and is refused at once.
 */
export async function lockOutputFolder(realOutputDir: string, command: string, options: LockOptions = {}): Promise<OutputLock> {
  const dir = options.lockDir ?? path.join(os.tmpdir(), `lectern-locks-${userTag()}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${createHash("sha256").update(realOutputDir).digest("hex").slice(0, 32)}.lock`);
  const deadline = Date.now() + (options.waitMs ?? 10 * 60_000);
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, command } satisfies LockOwner));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
      };
      process.once("exit", release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(file);
    if (!owner || !isRunning(owner.pid)) {
      // Written half-way, or left by a process that was killed: take it over.
      if (!owner) await sleep(50);
      if (!owner && readOwner(file)) continue;
      rmSync(file, { force: true });
      continue;
    }
    if (owner.command === "dev" || Date.now() > deadline) {
      const who = owner.command === "dev" ? `a dev server (npm start, process ${owner.pid}) is serving it` : `another build (process ${owner.pid}) is still writing it`;
      throw new OutputFolderError(`output folder is busy: ${who}; stop that one first, or choose another OUTPUT_DIR`);
    }
    if (!told) options.onWait?.(owner);
    told = true;
    await sleep(200);
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockOwner>;
    return typeof parsed.pid === "number" && typeof parsed.command === "string" ? { pid: parsed.pid, command: parsed.command } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id exists (one of another user counts: it cannot be signalled, but it runs). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function userTag(): string {
  try {
    return String(os.userInfo().uid);
  } catch {
    return "user";
  }
}
