import { spawn, type ChildProcess } from "node:child_process";
import { appendFile, readdir } from "node:fs/promises";
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

export type DevResult = { ok: true; seconds: number; samples: number; via: string } | { ok: false; reason: string };

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

/**
 * Starts `npm start` (the package.json script, without npm) on a content folder, waits until it
 * serves, then appends a sentence to one talk `edits` times and measures the time from the write
 * to the next reload line. Returns `ok: false` with the reason when there is no dev command.
 */
export async function measureDevReload(contentDir: string, outputDir: string, edits: number, timeoutMs: number): Promise<DevResult> {
  const port = await freePort();
  const env = { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, PORT: String(port), HOST: "127.0.0.1" };
  const probe = await npmScript("start", env);
  if (!probe) return { ok: false, reason: "skipped: no dev server (no start script in package.json)" };
  // Eleventy's own server takes its port as an argument; Lectern's dev command reads PORT.
  const command = probe.argv.join(" ").includes("eleventy") ? await npmScript("start", env, [`--port=${port}`]) : probe;
  if (!command) return { ok: false, reason: "skipped: no dev server" };
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
    const talksDir = path.join(contentDir, "talks");
    const talk = (await readdir(talksDir)).filter((name) => name.endsWith(".md")).sort()[0];
    if (!talk) return { ok: false, reason: "no talk to edit" };
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const seen = stream?.events.length ?? 0;
      const saved = performance.now();
      await appendFile(path.join(talksDir, talk), `\nEdited by the benchmark (${i + 1}).\n`);
      const reloaded = await output.next(RELOADED, saved, timeoutMs);
      if (stream && stream.events.length === seen) await output.quiet(200);
      const at = stream?.events[seen] ?? reloaded.at;
      times.push((at - saved) / 1000);
      await output.quiet(1000);
    }
    const via = stream && stream.events.length >= edits ? "reload event received on the live-reload stream" : "reload line printed by the dev server";
    return { ok: true, seconds: median(times), samples: times.length, via };
  } catch (error) {
    return { ok: false, reason: `failed: ${(error as Error).message.split("\n")[0]}` };
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
