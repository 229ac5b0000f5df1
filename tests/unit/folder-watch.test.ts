import assert from "node:assert/strict";
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { FolderWatch } from "../../src/cli/folder-watch.ts";

/** Runs `body` with a FolderWatch over a fresh folder (not yet watching it), closed and removed after. */
async function withWatch(body: (w: Awaited<ReturnType<typeof watched>>) => Promise<void>): Promise<void> {
  const w = await watched();
  try {
    await body(w);
  } finally {
    w.watch.close();
    await rm(w.root, { recursive: true, force: true });
  }
}

/** A FolderWatch over a fresh folder, and what it reported. */
async function watched() {
  const root = await mkdtemp(path.join(os.tmpdir(), "lectern-watch-"));
  const seen: string[] = [];
  const errors: Error[] = [];
  const watch = new FolderWatch((file) => seen.push(file), (error) => errors.push(error));
  return {
    root,
    watch,
    errors,
    /** Waits until `file` is reported (or two seconds pass), then returns and forgets what was reported. */
    async until(file: string): Promise<string[]> {
      for (let waited = 0; !seen.includes(file) && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      return seen.splice(0);
    },
    async quiet(ms = 150): Promise<string[]> {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return seen.splice(0);
    },
  };
}

test("an edit deep in a watched folder is reported by its own path, at once", async () => {
  await withWatch(async (w) => {
    const file = path.join(w.root, "talks", "day-1", "keynote.md");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, "one");
    w.watch.add(w.root);
    await w.quiet(50);
    const started = performance.now();
    await writeFile(file, "two");
    const reported = await w.until(file);
    assert.ok(reported.includes(file), `reported: ${reported.join(", ")}`);
    assert.ok(performance.now() - started < 1000);
    assert.deepEqual(reported.filter((at) => at !== file), [], "nothing else is reported");
    assert.deepEqual(w.errors, []);
  });
});

test("a folder made after the watch began is watched too, with what it held when it came", async () => {
  await withWatch(async (w) => {
    w.watch.add(w.root);
    const folder = path.join(w.root, "speakers");
    await mkdir(folder);
    assert.ok((await w.until(folder)).includes(folder));
    const file = path.join(folder, "ada.md");
    await writeFile(file, "one");
    assert.ok((await w.until(file)).includes(file));
    await writeFile(file, "two");
    assert.ok((await w.until(file)).includes(file), "an edit in the new folder is reported");

    // A folder moved in with a folder inside it: the inner one is watched as well.
    const outside = await mkdtemp(path.join(os.tmpdir(), "lectern-watch-outside-"));
    await mkdir(path.join(outside, "inner"));
    await writeFile(path.join(outside, "inner", "post.md"), "one");
    const moved = path.join(w.root, "blog");
    await rename(outside, moved);
    assert.ok((await w.until(moved)).includes(moved));
    const inner = path.join(moved, "inner", "post.md");
    await writeFile(inner, "two");
    assert.ok((await w.until(inner)).includes(inner));
    assert.deepEqual(w.errors, []);
  });
});

test("a removed folder is reported and forgotten; made again, it is watched again", async () => {
  await withWatch(async (w) => {
    const folder = path.join(w.root, "talks");
    await mkdir(folder);
    w.watch.add(w.root);
    await rm(folder, { recursive: true });
    assert.ok((await w.until(folder)).includes(folder));
    await mkdir(folder);
    await w.until(folder);
    const file = path.join(folder, "new.md");
    await writeFile(file, "x");
    assert.ok((await w.until(file)).includes(file));
    assert.deepEqual(w.errors, []);
  });
});

test("node_modules and .git are neither watched nor reported", async () => {
  await withWatch(async (w) => {
    await mkdir(path.join(w.root, "node_modules", "pkg"), { recursive: true });
    await mkdir(path.join(w.root, ".git"));
    w.watch.add(w.root);
    await writeFile(path.join(w.root, "node_modules", "pkg", "index.js"), "x");
    await writeFile(path.join(w.root, ".git", "HEAD"), "x");
    await mkdir(path.join(w.root, "sub", "node_modules"), { recursive: true });
    await w.quiet();
    await writeFile(path.join(w.root, "sub", "node_modules", "a.js"), "x");
    const reported = await w.quiet();
    assert.deepEqual(reported, []);
  });
});

test("a single file is watched through its folder, and still after an editor replaces it", async () => {
  await withWatch(async (w) => {
    const config = path.join(w.root, ".eleventy.ts");
    await writeFile(config, "one");
    w.watch.add(config);
    await writeFile(path.join(w.root, "other.ts"), "x");
    assert.deepEqual(await w.quiet(), [], "its neighbours are not reported");
    await writeFile(config, "two");
    assert.deepEqual([...new Set(await w.until(config))], [config]);
    // Saved as editors do: a new file renamed over the old one.
    await writeFile(`${config}.tmp`, "three");
    await rename(`${config}.tmp`, config);
    assert.ok((await w.until(config)).includes(config));
    await writeFile(config, "four");
    assert.ok((await w.until(config)).includes(config));
  });
});

test("a linked folder is followed, a link back into the tree is not followed again, a missing target is nothing", async () => {
  await withWatch(async (w) => {
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), "lectern-watch-target-"));
    try {
      await writeFile(path.join(elsewhere, "shared.md"), "one");
      await symlink(elsewhere, path.join(w.root, "linked"));
      await symlink(w.root, path.join(w.root, "loop"));
      w.watch.add(w.root);
      w.watch.add(path.join(w.root, "not-there"));
      const file = path.join(w.root, "linked", "shared.md");
      await writeFile(path.join(elsewhere, "shared.md"), "two");
      assert.ok((await w.until(file)).includes(file));
      assert.deepEqual(w.errors, []);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

test("after close, nothing is reported", async () => {
  await withWatch(async (w) => {
    w.watch.add(w.root);
    w.watch.close();
    await writeFile(path.join(w.root, "late.md"), "x");
    assert.deepEqual(await w.quiet(), []);
  });
});
