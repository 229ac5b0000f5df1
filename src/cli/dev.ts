import { spawn, type ChildProcess } from "node:child_process";
import { lookup } from "node:dns/promises";
import { statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { displayPath, formatProblem } from "../content/errors.ts";
import { paths } from "../eleventy/conference-data.ts";
import { checkOutputFolder, OutputFolderError } from "../output/guard.ts";
import { lockOutputFolder, type OutputLock } from "../output/lock.ts";
import { DevErrorPage } from "../views/DevErrorPage.tsx";
import type { BuilderReply, BuilderRequest } from "./dev-builder.ts";
import { startDevServer, type DevServer } from "./dev-server.ts";
import { FolderWatch } from "./folder-watch.ts";
import { escapeForTerminal } from "./terminal.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const BUILDER = path.join(ROOT, "src", "cli", "dev-builder.ts");
/** Code the builder has loaded: a change here needs a new builder process. */
const CODE = ["src", "_data", ".eleventy.ts"].map((p) => path.join(ROOT, p));
/** Editors often write a file in several steps; changes this close together make one rebuild. */
const SETTLE_MS = 15;
/** How often the content and public folders are checked for having been deleted or replaced. */
const ROOT_CHECK_MS = 250;
/** How often the dev command checks that the process that started it (npm's shell) is still there. */
const PARENT_CHECK_MS = 300;

/** `npm start`: builds the site, serves it with live reload, and rebuilds on every change. */
async function dev(): Promise<void> {
  const folders = paths();
  const { contentDir, outputDir, publicDir } = folders;
  const lock = await holdOutputFolder(folders);
  const host = process.env.HOST || "127.0.0.1";
  const port = parsePort(process.env.PORT);
  await requireHost(host);
  const say = (line: string) => process.stdout.write(`lectern dev: ${escapeForTerminal(line)}\n`);
  const complain = (text: string) => process.stderr.write(`lectern dev: ${escapeForTerminal(text)}\n`);

  let errorPage: string | undefined;
  /** The base path of the site's `url` (`/boston-2016/`), from the last good build. */
  let basePath = "/";
  let server: DevServer | undefined;
  let builder: ChildProcess | undefined;
  let busy = false;
  let wantBuild = true;
  let wantRestart = true;
  let changed = new Set<string>();
  /** The same, absolute, for the builder: the content files it need not look at again are those not named. */
  let reported = new Set<string>();
  /** When the watcher last became ready, and when the last build was asked for (`performance.now()`). */
  let watchingSince: number | undefined;
  let lastBuildAt: number | undefined;
  let firstChangeAt = 0;

  function startBuilder(): Promise<void> {
    // A larger young generation: rendering makes many short-lived strings (see bench/results.md).
    // Its least size too: after a few idle seconds V8 shrinks it, and the next edit's build then
    // spent its first part in extra collections (at 10,000 talks about 0.4 s of a 1 s build).
    // --expose-gc: see dev-builder.ts.
    const child = spawn(process.execPath, ["--max-semi-space-size=64", "--min-semi-space-size=64", "--expose-gc", "--import", "tsx", BUILDER], {
      cwd: ROOT,
      env: process.env,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    builder = child;
    return new Promise((resolve) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== "ready") return;
        child.off("message", onMessage);
        resolve();
      };
      child.on("message", onMessage);
      child.once("exit", () => resolve());
    });
  }

  async function stopBuilder(): Promise<void> {
    const child = builder;
    builder = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }

  function runBuild(files: string[] | undefined): Promise<BuilderReply> {
    const child = builder;
    if (!child?.connected) {
      return Promise.resolve({ type: "build-error", summary: "the builder stopped; see the lines above", detail: "" });
    }
    return new Promise((resolve) => {
      const onMessage = (message: BuilderReply | { type: "ready" }) => {
        if (message.type === "ready") return;
        done(message);
      };
      const onExit = (code: number | null, signal: string | null) =>
        done({ type: "build-error", summary: `the builder stopped (${signal ?? `exit code ${code}`}); see the lines above`, detail: "" });
      const done = (reply: BuilderReply) => {
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(reply);
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send({ type: "build", reported: files } satisfies BuilderRequest);
    });
  }

  function report(reply: BuilderReply, files: string[], since: number): void {
    const cause = files.length === 0 ? "" : `${files.length === 1 ? files[0] : `${files.length} files`} changed; `;
    const wasBroken = errorPage !== undefined;
    if (reply.type === "built") {
      errorPage = undefined;
      basePath = reply.basePath;
      const ms = Math.round(performance.now() - since);
      say(`${cause}${wasBroken ? "fixed; " : ""}built ${reply.pages} pages in ${ms} ms`);
    } else if (reply.type === "content-error") {
      complain(reply.summary);
      const lines = reply.problems.map(formatProblem);
      const heading = reply.summary.split("\n", 1)[0]!.replace(/:$/, "");
      errorPage = `<!DOCTYPE html>${renderToString(h(DevErrorPage, { heading, lines }))}`;
    } else {
      complain(reply.summary);
      if (reply.detail) process.stderr.write(`${escapeForTerminal(reply.detail)}\n`);
      errorPage = `<!DOCTYPE html>${renderToString(h(DevErrorPage, { heading: reply.summary, lines: [], detail: reply.detail }))}`;
    }
    if (server) {
      const pages = server.reload();
      if (pages > 0) say(`reloading ${pages} open ${pages === 1 ? "page" : "pages"}`);
    }
  }

  async function pump(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      while (wantBuild) {
        const restart = wantRestart;
        const files = [...changed];
        // The reports are complete only if the watcher was ready before the last build looked at the files.
        const complete = watchingSince !== undefined && lastBuildAt !== undefined && watchingSince <= lastBuildAt;
        const paths = complete ? [...reported] : undefined;
        const since = firstChangeAt || performance.now();
        wantBuild = wantRestart = false;
        changed = new Set();
        reported = new Set();
        firstChangeAt = 0;
        if (restart || !builder?.connected) {
          await stopBuilder();
          await startBuilder();
        }
        lastBuildAt = performance.now();
        report(await runBuild(paths), files, since);
      }
    } finally {
      busy = false;
    }
  }

  let settle: NodeJS.Timeout | undefined;
  function onChange(file: string): void {
    const absolute = path.resolve(file);
    if (isInside(outputDir, absolute) || absolute.startsWith(`${outputDir}.lectern-`)) return;
    firstChangeAt ||= performance.now();
    changed.add(displayPath(absolute));
    reported.add(absolute);
    wantBuild = true;
    if (CODE.some((code) => isInside(code, absolute))) wantRestart = true;
    clearTimeout(settle);
    settle = setTimeout(() => void pump(), SETTLE_MS);
  }

  const roots = [contentDir, publicDir];
  let watcher = startWatching();
  let rootIds = roots.map(folderId);
  // A root folder deleted and made again (a `git checkout`, a restore from backup) is a new
  // folder that the old watches no longer see: when one appears or is replaced, watch again.
  const rootCheck = setInterval(() => {
    const ids = roots.map(folderId);
    if (stopping || ids.every((id, i) => id === rootIds[i])) return;
    const back = roots.filter((_root, i) => ids[i] !== undefined && ids[i] !== rootIds[i]);
    rootIds = ids;
    watcher.close();
    watcher = startWatching();
    back.forEach(onChange);
  }, ROOT_CHECK_MS);
  rootCheck.unref();

  /** Watches the roots and the code; what is there now is watched when this returns. */
  function startWatching(): FolderWatch {
    const next = new FolderWatch(onChange, (error) => complain(`cannot watch files: ${error.message}`));
    for (const target of [...roots, ...CODE]) next.add(target);
    watchingSince = performance.now();
    return next;
  }

  let stopping = false;
  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    clearTimeout(settle);
    clearInterval(rootCheck);
    watcher.close();
    await Promise.allSettled([stopBuilder(), server?.close()]);
    lock.release();
    process.exit(0);
  }
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop());
  // npm runs the script through `sh -c`, and forwards SIGTERM to the shell only: the shell
  // dies without passing it on, and this process is handed to another parent. Stop then too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop();
  }, PARENT_CHECK_MS).unref();

  await pump();
  server = await startDevServer({ root: outputDir, host, port, errorPage: () => errorPage, basePath: () => basePath });
  say(`serving ${displayPath(outputDir)} at ${server.url}${basePath.slice(1)}`);
  say(
    `watching ${[contentDir, publicDir].map(displayPath).join(", ")} (rebuild) and src/ (restart); ` +
      (host === "127.0.0.1" || host === "localhost" || host === "::1"
        ? "only this computer can connect (HOST=0.0.0.0 to share)"
        : `listening on ${host}: other computers can connect`),
  );
  say("press Ctrl+C to stop");
  void pump();
}

/**
 * Checks the output folder as `npm run build` does (the dev server also removes every file
 * there that the build did not produce) and holds its lock while serving. A refusal ends the
 * command with one line.
 */
async function holdOutputFolder(folders: ReturnType<typeof paths>): Promise<OutputLock> {
  try {
    const onWait = () => process.stdout.write("lectern dev: waiting for a build of the same output folder to finish\n");
    return await lockOutputFolder(checkOutputFolder(folders).real, "dev", { onWait });
  } catch (error) {
    if (!(error instanceof OutputFolderError)) throw error;
    process.stderr.write(`lectern dev: ${escapeForTerminal(error.message)}\n`);
    process.exit(1);
  }
}

/**
 * The identity of a folder, or undefined when there is none at `dir`. The creation time is
 * part of it because a folder deleted and made again often gets the same inode number.
 */
function folderId(dir: string): string | undefined {
  try {
    const info = statSync(dir);
    return info.isDirectory() ? `${info.dev}:${info.ino}:${info.birthtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

function isInside(dir: string, file: string): boolean {
  return file === dir || file.startsWith(dir + path.sep);
}

/** Exits with one line when HOST is neither an IP address nor a name that resolves. */
async function requireHost(host: string): Promise<void> {
  try {
    await lookup(host);
  } catch {
    process.stderr.write(`lectern dev: HOST "${escapeForTerminal(host)}" is neither an IP address nor a host name this computer can look up\n`);
    process.exit(1);
  }
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === "") return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`lectern dev: PORT must be a number from 0 to 65535, got "${escapeForTerminal(value)}"\n`);
    process.exit(1);
  }
  return port;
}

await dev().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") {
    process.stderr.write(`lectern dev: cannot listen: ${escapeForTerminal((error as Error).message)}\n`);
  } else {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`lectern dev: internal error (please report it)\n${escapeForTerminal(detail)}\n`);
  }
  process.exit(1);
});
