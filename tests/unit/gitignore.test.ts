import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { test } from "node:test";
import { promisify } from "node:util";
import { ROOT } from "../helpers.ts";

const run = promisify(execFile);

test("git ignores the output folders the README builds into, and not the sources", async () => {
  const paths = ["_site/index.html", "dist/berlin/index.html", "dist/index.html", "src/views/Layout.tsx", "content/event.yaml"];
  // check-ignore exits 1 when none of the paths is ignored; its output lists the ignored ones.
  const { stdout } = await run("git", ["check-ignore", "--no-index", ...paths], { cwd: ROOT }).catch((error: { stdout: string }) => error);
  assert.deepEqual(stdout.trim().split("\n"), ["_site/index.html", "dist/berlin/index.html", "dist/index.html"]);
});
