import { ContentError } from "../content/errors.ts";
import { devBuild } from "./dev-build.ts";
import { BuildError, describeCause } from "./report.ts";

/** What the dev command asks of its builder process. */
export type BuilderRequest = {
  type: "build";
  /** Every path the watcher reported changed since the last request (absolute), or undefined when not known. */
  reported?: string[];
};

/** What the builder answers after each build (and `ready` once, when it has started). */
export type BuilderReply =
  | { type: "built"; pages: number; ms: number; basePath: string }
  | { type: "content-error"; summary: string; problems: Array<{ file: string; field: string; message: string }> }
  | { type: "build-error"; summary: string; detail: string };

/**
 * The builder: a child process of `npm start` that renders the site whenever it is asked.
 * It keeps its modules loaded between builds, so a content edit costs only the build; the
 * dev command starts a new one when templates or code change, because Node never reloads an
 * ES module it has already imported.
 */
async function run(reported: string[] | undefined): Promise<BuilderReply> {
  try {
    const { pages, seconds, basePath, full } = await devBuild(reported);
    // A full build leaves the whole site's bytes as garbage (over 1 GB at 10,000 talks): collected
    // now, while the organiser reads the first page, rather than by the first edit's build. The
    // dev command starts this process with --expose-gc for it.
    if (full) setTimeout(() => (globalThis as { gc?: () => void }).gc?.(), 0);
    return { type: "built", pages, ms: Math.round(seconds * 1000), basePath };
  } catch (error) {
    if (error instanceof ContentError) {
      return { type: "content-error", summary: error.message, problems: error.problems.map((p) => ({ ...p })) };
    }
    if (error instanceof BuildError) {
      return { type: "build-error", summary: error.message, detail: error.cause ? describeCause(error.cause) : "" };
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { type: "build-error", summary: "internal error (please report it)", detail };
  }
}

if (!process.send) {
  process.stderr.write("dev-builder.ts is started by `npm start`, not on its own\n");
  process.exit(2);
}

let queue = Promise.resolve();
process.on("message", (request: BuilderRequest) => {
  if (request.type !== "build") return;
  queue = queue.then(async () => {
    const reply = await run(request.reported);
    process.send?.(reply);
  });
});
process.on("disconnect", () => process.exit(0));
process.send({ type: "ready" });
