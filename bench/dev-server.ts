import { spawn, type ChildProcess } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { median } from "./measure.ts";
import { npmScript } from "./tools.ts";

/** What the dev server prints once it serves: its address. */
const SERVING = /https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[[0-9a-f:]*\]):\d+/i;
/**
 * What it prints when a change has been rebuilt, used only when no live-reload stream can be
 * opened: Lectern's dev command says "reloading N open pages" (or "built N pages" when no page is
 * open); Eleventy's own `--serve` says "Watching…".
 */
export const RELOADED = /reloading|built \d+ pages|Watching…|Watching\.\.\./i;
/** Lectern's live-reload stream (server-sent events; src/cli/dev-server.ts). */
const EVENTS_PATH = "/__lectern/events";

export type DevResult =
  | { ok: true; seconds: number; samples: number; via: string; file: string; all: number[] }
  | { ok: false; reason: string };

/**
 * Opens the dev server's live-reload stream as a browser page would, and records when each
 * `reload` event arrives. Resolves undefined when the server has no such stream.
 */
function openReloadStream(base: string): Promise<{ events: number[]; close(): void } | undefined> {
  return new Promise((resolve) => {
    const events: number[] = [];
    const request = http.get(new URL(EVENTS_PATH, base), (response) => {
      if (response.statusCode !== 200 || !String(response.headers["content-type"]).includes("text/event-stream")) {
        response.resume();
        resolve(undefined);
        return;
      }
      // The stream stays quiet until a rebuild, which can take longer than the connect timeout.
      request.setTimeout(0);
      let buffer = "";
      response.on("data", (chunk: Buffer) => {
        const at = performance.now();
        buffer += chunk.toString("utf8");
        const blocks = buffer.split("\n\n");
        buffer = blocks.pop() ?? "";
        for (const block of blocks) if (/^event: ?reload$/m.test(block)) events.push(at);
      });
      response.on("error", () => undefined);
      resolve({ events, close: () => request.destroy() });
    });
    request.on("error", () => resolve(undefined));
    request.setTimeout(5000, () => request.destroy());
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Lines the process prints, with the time each arrived, and a way to wait for the next match. */
class OutputWatch {
  private lines: Array<{ at: number; text: string }> = [];
  private waiters: Array<() => void> = [];
  exited: string | undefined;

  constructor(child: ChildProcess) {
    let partial = "";
    const onData = (chunk: Buffer) => {
      const at = performance.now();
      const parts = (partial + chunk.toString("utf8")).split(/\r?\n/);
      partial = parts.pop() ?? "";
      for (const text of parts) this.lines.push({ at, text });
      this.wake();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code, signal) => {
      this.exited = `exited with ${code ?? signal}`;
      this.wake();
    });
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  tail(): string {
    return this.lines.slice(-15).map((line) => line.text).join("\n");
  }

  /** The first line after `since` matching `pattern`, or an error after `timeoutMs`. */
  async next(pattern: RegExp, since: number, timeoutMs: number): Promise<{ at: number; text: string }> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find((line) => line.at >= since && pattern.test(line.text));
      if (found) return found;
      if (this.exited) throw new Error(`the dev server ${this.exited}:\n${this.tail()}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no line matching ${pattern} within ${timeoutMs / 1000} s:\n${this.tail()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once nothing has been printed for `quietMs`. */
  async quiet(quietMs: number): Promise<void> {
    for (;;) {
      const last = this.lines.at(-1)?.at ?? 0;
      const idle = performance.now() - last;
      if (idle >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, quietMs - idle));
    }
  }
}

/** One kind of edit an organiser makes while the dev server runs. */
export interface DevEdit {
  /** "talk", "speaker" or "event.yaml". */
  kind: string;
  /** The file edited, relative to the content folder. */
  file: string;
  /** The file's new text for the `n`th edit (from 1): a real change to what a page shows. */
  change(text: string, n: number): string;
}

/**
 * The edits measured: a real talk (the first file in sort order that has speakers; the first file
 * is often a lunch or coffee row, which has no page of its own), a speaker's bio, and the event's
 * tagline in event.yaml, which every page shows.
 */
export async function devEdits(contentDir: string): Promise<DevEdit[]> {
  const edits: DevEdit[] = [];
  const appendSentence = (text: string, n: number) => `${text}\nEdited by the benchmark (${n}).\n`;
  for (const name of (await readdir(path.join(contentDir, "talks"))).filter((f) => f.endsWith(".md")).sort()) {
    const text = await readFile(path.join(contentDir, "talks", name), "utf8");
    if (/^speakers:/m.test(text.split(/^---$/m)[1] ?? "")) {
      edits.push({ kind: "talk", file: path.join("talks", name), change: appendSentence });
      break;
    }
  }
  const speaker = (await readdir(path.join(contentDir, "speakers"))).filter((f) => f.endsWith(".md")).sort()[0];
  if (speaker) edits.push({ kind: "speaker", file: path.join("speakers", speaker), change: appendSentence });
  edits.push({
    kind: "event.yaml",
    file: "event.yaml",
    change: (text, n) => {
      const line = `tagline: Edited by the benchmark (${n})`;
      return /^tagline:.*$/m.test(text) ? text.replace(/^tagline:.*$/m, line) : `${text.trimEnd()}\n${line}\n`;
    },
  });
  return edits;
}

/**
 * Starts `npm start` (the package.json script, without npm) on a content folder, waits until it
 * serves, then makes each edit of `devEdits` `times` times and measures the time from the write
 * to the reload event on the live-reload stream (or, without one, the reload line). Returns one
 * result per kind of edit, or one `ok: false` result under "all" when the server did not start.
 */
export async function measureDevReload(contentDir: string, outputDir: string, times: number, timeoutMs: number): Promise<Map<string, DevResult>> {
  const results = new Map<string, DevResult>();
  const port = await freePort();
  const env = { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, PORT: String(port), HOST: "127.0.0.1" };
  const probe = await npmScript("start", env);
  if (!probe) return results.set("all", { ok: false, reason: "skipped: no dev server (no start script in package.json)" });
  // Eleventy's own server takes its port as an argument; Lectern's dev command reads PORT.
  const command = probe.argv.join(" ").includes("eleventy") ? await npmScript("start", env, [`--port=${port}`]) : probe;
  if (!command) return results.set("all", { ok: false, reason: "skipped: no dev server" });
  const child = spawn(command.argv[0]!, command.argv.slice(1), {
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output = new OutputWatch(child);
  let stream: { events: number[]; close(): void } | undefined;
  try {
    const serving = await output.next(SERVING, 0, timeoutMs);
    await output.quiet(1000);
    stream = await openReloadStream(SERVING.exec(serving.text)![0]);
    await output.quiet(300);
    for (const edit of await devEdits(contentDir)) {
      const seconds: number[] = [];
      const file = path.join(contentDir, edit.file);
      try {
        for (let n = 1; n <= times; n++) {
          const seen = stream?.events.length ?? 0;
          const text = edit.change(await readFile(file, "utf8"), n);
          const saved = performance.now();
          await writeFile(file, text);
          const reloaded = await output.next(RELOADED, saved, timeoutMs);
          if (stream && stream.events.length === seen) await output.quiet(200);
          const at = stream?.events[seen] ?? reloaded.at;
          seconds.push((at - saved) / 1000);
          await output.quiet(1000);
        }
        const via = stream && stream.events.length > 0 ? "reload event received on the live-reload stream" : "reload line printed by the dev server";
        results.set(edit.kind, { ok: true, seconds: median(seconds), samples: seconds.length, via, file: edit.file, all: seconds });
      } catch (error) {
        results.set(edit.kind, { ok: false, reason: `failed: ${(error as Error).message.split("\n")[0]}` });
        if (output.exited) break;
      }
    }
    return results;
  } catch (error) {
    return results.set("all", { ok: false, reason: `failed: ${(error as Error).message.split("\n")[0]}` });
  } finally {
    stream?.close();
    if (child.pid !== undefined && output.exited === undefined) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      stop(child.pid, "SIGTERM");
      const timer = setTimeout(() => stop(child.pid!, "SIGKILL"), 5000);
      await gone;
      clearTimeout(timer);
    }
  }
}

/** Signals the dev server's whole process group (sh, tsx and node), which this module started. */
function stop(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
