import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { applyChanges, syncFolder, writeAll } from "../../src/output/sync.ts";
import { listFiles, tempDir } from "../helpers.ts";

test("the dev build's sync writes only what changed and removes files of deleted content", async () => {
  const dir = await tempDir();
  const first = await syncFolder(dir, new Map<string, string | Buffer>([
    ["index.html", "home"],
    [path.join("talks", "a", "index.html"), "talk a"],
    [path.join("talks", "b", "index.html"), "talk b"],
    ["schedule.ics", Buffer.from("BEGIN:VCALENDAR")],
  ]));
  assert.equal(first.changed, 4);
  const before = await stat(path.join(dir, "talks", "a", "index.html"));

  // Talk b deleted, the home page changed, talk a unchanged; a stray file from an old build goes too.
  await mkdir(path.join(dir, "old"), { recursive: true });
  await writeFile(path.join(dir, "old", "page.html"), "stale");
  await new Promise((resolve) => setTimeout(resolve, 20));
  const second = await syncFolder(dir, new Map<string, string | Buffer>([
    ["index.html", "home, edited"],
    [path.join("talks", "a", "index.html"), "talk a"],
    ["schedule.ics", Buffer.from("BEGIN:VCALENDAR")],
  ]), first.files);
  assert.equal(second.changed, 3, "home written, talk b and the stray file removed");
  assert.deepEqual((await listFiles(dir)).sort(), ["index.html", "schedule.ics", "talks/a/index.html"]);
  assert.equal(await readFile(path.join(dir, "index.html"), "utf8"), "home, edited");
  assert.equal(existsSync(path.join(dir, "old")), false, "emptied folders are removed");
  assert.equal(existsSync(path.join(dir, "talks", "b")), false, "emptied folders are removed");
  const after = await stat(path.join(dir, "talks", "a", "index.html"));
  assert.equal(after.mtimeMs, before.mtimeMs, "an unchanged page is not rewritten");

  // Without a record of the last build, files are compared with what is on disk.
  await writeFile(path.join(dir, "schedule.ics"), "edited by hand");
  const third = await syncFolder(dir, second.files);
  assert.equal(third.changed, 1);
  assert.equal(await readFile(path.join(dir, "schedule.ics"), "utf8"), "BEGIN:VCALENDAR");
});

test("the sync replaces each file whole: a reader during a rewrite gets the old bytes or the new, never part", async () => {
  const dir = await tempDir();
  const size = 16 * 1024 * 1024;
  const old = Buffer.alloc(size, "a");
  const next = Buffer.alloc(size, "b");
  await syncFolder(dir, new Map([["big.bin", old]]));
  let reading = true;
  const reads: Array<"old" | "new" | "torn"> = [];
  const reader = (async () => {
    const { readFile } = await import("node:fs/promises");
    while (reading) {
      const bytes = await readFile(path.join(dir, "big.bin"));
      reads.push(bytes.equals(old) ? "old" : bytes.equals(next) ? "new" : "torn");
    }
  })();
  for (let i = 0; i < 6; i++) await syncFolder(dir, new Map([["big.bin", i % 2 === 0 ? next : old]]));
  reading = false;
  await reader;
  assert.ok(reads.length > 0);
  assert.deepEqual(reads.filter((r) => r === "torn"), []);
  const { readdir } = await import("node:fs/promises");
  assert.deepEqual(await readdir(dir), ["big.bin"], "no temporary file is left behind");
});

test("a file in pieces is written whole, in order, however little each write takes", async () => {
  const pieces = [Buffer.from("héllo "), Buffer.alloc(0), Buffer.from("wörld"), ...Array.from({ length: 3000 }, (_, i) => Buffer.from(`,${i}`))];
  const expected = Buffer.concat(pieces);
  for (const most of [1, 7, 4096, Infinity]) {
    const taken: Buffer[] = [];
    // A writev that takes at most `most` bytes of what it is given, as a file system may.
    await writeAll(pieces, async (given) => {
      const all = Buffer.concat(given);
      const part = all.subarray(0, Math.min(most, all.length));
      taken.push(part);
      return part.length;
    });
    assert.deepEqual(Buffer.concat(taken), expected, `at most ${most} bytes a call`);
  }
  await assert.rejects(writeAll([Buffer.from("x")], async () => 0), /took none/);
  // On disk, atomically.
  const dir = await tempDir();
  await applyChanges(dir, new Map([["a/atomic.txt", pieces]]), []);
  assert.deepEqual(await readFile(path.join(dir, "a", "atomic.txt")), expected);
});
