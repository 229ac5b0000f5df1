import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { ROOT } from "../helpers.ts";

export interface RunningDev {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the dev command printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when the output, after the call, contains `text`. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Stops the whole process group and checks nothing of it is left running. */
  stop(): Promise<{ stray: number[] }>;
}

/**
 * Starts `npm start`'s command (or, with `viaNpm`, `npm start` itself) as its own process
 * group, on a free port chosen by the system.
 */
export async function startDev(
  env: { CONTENT_DIR: string; OUTPUT_DIR: string; PUBLIC_DIR?: string },
  script = path.join(ROOT, "src", "cli", "dev.ts"),
  { viaNpm = false } = {},
): Promise<RunningDev> {
  const [command, args] = viaNpm ? ["npm", ["start"]] : [process.execPath, ["--import", "tsx", script]];
  const child = spawn(command, args, {
    cwd: path.resolve(path.dirname(script), "..", ".."),
    env: { ...process.env, ...env, PORT: "0", HOST: "" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let text = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  function waitFrom(start: number, pattern: string | RegExp, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const test = () => {
        const rest = text.slice(start);
        if (typeof pattern === "string" ? rest.includes(pattern) : pattern.test(rest)) {
          listeners.delete(test);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(test);
        reject(new Error(`timed out waiting for ${String(pattern)}; output so far:\n${text}`));
      }, timeoutMs);
      listeners.add(test);
      test();
    });
  }

  await waitFrom(0, "press Ctrl+C to stop", 60_000);
  const url = /serving .* at (http:\/\/\S+\/)/.exec(text)![1]!;
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => text,
    waitForOutput(pattern, timeoutMs = 30_000) {
      return waitFrom(text.length, pattern, timeoutMs);
    },
    async stop() {
      const group = child.pid!;
      try {
        process.kill(-group, "SIGTERM");
      } catch {
        /* already gone */
      }
      await exited;
      const deadline = Date.now() + 5000;
      let stray = processesInGroup(group);
      while (stray.length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        stray = processesInGroup(group);
      }
      if (stray.length > 0) process.kill(-group, "SIGKILL");
      return { stray };
    },
  };
}

/** Live processes (not zombies) whose process group is `group`, from /proc. */
export function processesInGroup(group: number): number[] {
  return processes().filter((p) => p.group === group).map((p) => p.pid);
}

/** Live processes (not zombies), with their group and command line, from /proc. */
export function processes(): Array<{ pid: number; group: number; command: string }> {
  const found: Array<{ pid: number; group: number; command: string }> = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] === "Z") continue;
    let command = "";
    try {
      command = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    } catch {
      continue;
    }
    found.push({ pid: Number(entry), group: Number(fields[2]), command });
  }
  return found;
}

/** Fetches a page; returns status and body. */
export async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

/** Polls `url` until `accept` holds (the dev server rebuilds in the background). */
export async function waitForPage(
  url: string,
  accept: (page: { status: number; body: string }) => boolean,
  timeoutMs = 30_000,
): Promise<{ status: number; body: string }> {
  const deadline = Date.now() + timeoutMs;
  let last: { status: number; body: string } | undefined;
  while (Date.now() < deadline) {
    last = await get(url);
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${url}; last answer ${last?.status}:\n${last?.body.slice(0, 2000)}`);
}

/** Listens to the live-reload stream as a browser would; `next()` resolves at the next reload. */
export function reloadListener(baseUrl: string): Promise<{ next(): Promise<number>; close(): void }> {
  return new Promise((resolve, reject) => {
    const waiting: Array<(at: number) => void> = [];
    const req = http.get(new URL("__lectern/events", baseUrl), (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (chunk.includes("event: reload")) {
          const at = performance.now();
          for (const done of waiting.splice(0)) done(at);
        }
      });
      resolve({
        next: () => new Promise<number>((done) => waiting.push(done)),
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
  });
}

/** Sends `request` as raw bytes and returns the raw answer; fails after `timeoutMs` (a hang). */
export function rawRequest(port: number, request: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    let answer = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(request)}`));
    }, timeoutMs);
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on("end", () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.write(request, "latin1");
  });
}

/** A GET of `target` exactly as written (no normalisation), closing the connection after. */
export function rawGet(port: number, target: string): Promise<string> {
  return rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
}
