import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

/** One timed run of a whole process. */
export interface Sample {
  /** Wall time from spawn to exit, measured here with `performance.now()`. */
  seconds: number;
  /** Peak resident set size in KiB (GNU time's `%M`: the largest single process of the tree), or undefined without /usr/bin/time. */
  peakKb: number | undefined;
}

export interface Command {
  /** Shown in errors. */
  label: string;
  argv: string[];
  cwd: string;
  env?: Record<string, string>;
}

const GNU_TIME = "/usr/bin/time";
export const hasGnuTime = existsSync(GNU_TIME);

/**
 * Runs a command to completion under GNU time and returns its wall time and peak RSS.
 * A non-zero exit throws with the tail of its output.
 */
export async function timeCommand(command: Command): Promise<Sample> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "lectern-bench-time-"));
  const rssFile = path.join(scratch, "rss");
  const argv = hasGnuTime ? [GNU_TIME, "-f", "%M", "-o", rssFile, ...command.argv] : command.argv;
  const started = performance.now();
  const { code, output } = await run(argv, command.cwd, command.env);
  const seconds = (performance.now() - started) / 1000;
  try {
    if (code !== 0) throw new Error(`${command.label} exited with ${code}:\n${output.slice(-2000)}`);
    const peakKb = hasGnuTime ? Number((await readFile(rssFile, "utf8")).trim().split("\n").pop()) : undefined;
    return { seconds, peakKb };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Runs a command, collecting stdout and stderr together. */
export function run(argv: string[], cwd: string, env?: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time and median peak RSS of some samples. */
export function summarise(samples: readonly Sample[]): { seconds: number; peakMb: number | undefined; runs: number } {
  const rss = samples.map((s) => s.peakKb).filter((kb): kb is number => kb !== undefined);
  return {
    seconds: median(samples.map((s) => s.seconds)),
    peakMb: rss.length ? median(rss) / 1024 : undefined,
    runs: samples.length,
  };
}
