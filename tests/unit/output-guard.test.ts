import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { checkOutputFolder, OUTPUT_MARKER, OutputFolderError } from "../../src/output/guard.ts";
import { lockOutputFolder } from "../../src/output/lock.ts";
import { tempDir } from "../helpers.ts";

/** A throwaway "machine": a home folder holding a Lectern project with its content and public folders. */
async function layout() {
  const home = await tempDir("lectern-home-");
  const project = path.join(home, "lectern");
  for (const dir of ["content/talks", "public", "src/pages", "node_modules", ".git"]) await mkdir(path.join(project, dir), { recursive: true });
  await writeFile(path.join(project, "README.md"), "readme\n");
  return {
    home,
    project,
    folders: (outputDir: string) => ({
      outputDir: path.resolve(project, outputDir),
      contentDir: path.join(project, "content"),
      publicDir: path.join(project, "public"),
      projectDir: project,
      homeDir: home,
    }),
  };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof OutputFolderError, `expected an OutputFolderError, got ${String(error)}`);
    return error.message.replace(/^OUTPUT_DIR "[^"]*" /, "");
  }
  assert.fail("the output folder was accepted");
}

test("output folders that would destroy the organiser's work are refused, each with its reason", async () => {
  const { project, home, folders } = await layout();
  const cases: Array<[string, RegExp]> = [
    ["content", /^is the content folder; building there would delete it/],
    ["content/talks", /^is inside the content folder/],
    ["public", /^is the public folder; building there would delete it/],
    ["public/out", /^is inside the public folder/],
    [".", /^contains the content folder/],
    ["..", /^contains the content folder/],
    ["README.md", /^is one of this project's own files/],
    ["src/pages", /^is inside this project's own "src"/],
    ["node_modules", /^is one of this project's own files/],
    [".git", /^is one of this project's own files/],
    [home, /^contains the content folder/],
    ["/", /^is the root of the file system/],
  ];
  for (const [outputDir, expected] of cases) {
    assert.match(refusal(() => checkOutputFolder(folders(outputDir))), expected, outputDir);
  }
  // The home folder itself, when the project lives elsewhere.
  const elsewhere = await tempDir("lectern-elsewhere-");
  assert.match(refusal(() => checkOutputFolder({ ...folders(home), projectDir: elsewhere, contentDir: path.join(elsewhere, "c"), publicDir: path.join(elsewhere, "p") })), /^is or contains your home folder/);
  // A content folder inside the output folder.
  const outer = path.join(home, "sites");
  assert.match(refusal(() => checkOutputFolder({ ...folders(outer), contentDir: path.join(outer, "boston") })), /^contains the content folder \(.*boston\); building there would delete it/);
  // A file, and a path under a file.
  assert.match(refusal(() => checkOutputFolder({ ...folders(path.join(project, "README.md")), projectDir: elsewhere })), /^is a file, not a folder/);
  assert.match(refusal(() => checkOutputFolder({ ...folders(path.join(project, "README.md", "site")), projectDir: elsewhere })), /^lies under a file/);
});

test("a symbolic link is judged by where it leads, and a folder of someone else's files is never taken", async () => {
  const { project, home, folders } = await layout();
  await symlink(path.join(project, "content"), path.join(home, "innocent-name"));
  assert.match(refusal(() => checkOutputFolder(folders(path.join(home, "innocent-name")))), /^is the content folder \(.*content\)/);
  await symlink(path.join(home, "nowhere"), path.join(home, "dangling"));
  assert.match(refusal(() => checkOutputFolder(folders(path.join(home, "dangling")))), /^is a symbolic link to nothing/);

  const theirs = path.join(home, "www");
  await mkdir(theirs);
  await writeFile(path.join(theirs, "index.html"), "their site");
  assert.match(refusal(() => checkOutputFolder(folders(theirs))), new RegExp(`^already holds files that Lectern did not write \\(it has no ${OUTPUT_MARKER} file\\)`));

  // Empty, new, or marked as Lectern's: accepted. Beside the project's files is fine too.
  const empty = path.join(home, "empty");
  await mkdir(empty);
  assert.deepEqual(checkOutputFolder(folders(empty)), { named: checkOutputFolder(folders(empty)).named, real: empty, exists: true, isMountPoint: false });
  assert.equal(checkOutputFolder(folders("dist/berlin")).exists, false);
  await writeFile(path.join(theirs, OUTPUT_MARKER), "");
  assert.equal(checkOutputFolder(folders(theirs)).real, theirs);
  const link = path.join(home, "site-link");
  await symlink(theirs, link);
  assert.equal(checkOutputFolder(folders(link)).real, theirs);
});

test("the output lock: a second build waits for the first; a running dev server refuses at once", async () => {
  const lockDir = await tempDir("lectern-locks-");
  const folder = path.join(await tempDir(), "site");
  const first = await lockOutputFolder(folder, "build", { lockDir });
  let waited = false;
  const second = lockOutputFolder(folder, "build", { lockDir, onWait: () => (waited = true) });
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(waited, true);
  first.release();
  (await second).release();

  // Another process, alive, holding the folder as a dev server.
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
  await writeFile(path.join(lockDir, await lockName(folder, lockDir)), JSON.stringify({ pid: child.pid, command: "dev" }));
  await assert.rejects(lockOutputFolder(folder, "build", { lockDir }), {
    message: `output folder is busy: a dev server (npm start, process ${child.pid}) is serving it; stop that one first, or choose another OUTPUT_DIR`,
  });
  child.kill();
  await new Promise((resolve) => child.once("exit", resolve));
  // Its process gone, the lock is stale and taken over.
  (await lockOutputFolder(folder, "build", { lockDir })).release();
});

/** The lock file's name for a folder, found by taking the lock once. */
async function lockName(folder: string, lockDir: string): Promise<string> {
  const { readdir } = await import("node:fs/promises");
  const lock = await lockOutputFolder(folder, "probe", { lockDir });
  const [name] = await readdir(lockDir);
  lock.release();
  return name!;
}
