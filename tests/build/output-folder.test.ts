import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, cp, lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, test } from "node:test";
import { OUTPUT_MARKER } from "../../src/output/guard.ts";
import { listFiles, makeContent, ROOT, runLectern, snapshot, tempDir, unprivileged } from "../helpers.ts";

const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

/** A throwaway conference: the sample's content and public folders side by side in a temporary folder. */
async function workspace() {
  const contentDir = await makeContent("sample");
  const base = path.dirname(contentDir);
  const publicDir = path.join(base, "public");
  await cp(path.join(ROOT, "public"), publicDir, { recursive: true });
  return { base, contentDir, publicDir };
}

function build(env: { CONTENT_DIR: string; OUTPUT_DIR: string; PUBLIC_DIR: string }) {
  return runLectern("build", env);
}

test("build refuses an output folder that is, holds or lies inside the organiser's folders, and touches nothing", async () => {
  const { base, contentDir, publicDir } = await workspace();
  const theirs = path.join(base, "www");
  await mkdir(theirs);
  await writeFile(path.join(theirs, "index.html"), "<p>their own site</p>");
  const aFile = path.join(base, "notes.txt");
  await writeFile(aFile, "keep me\n");
  const before = await snapshot(base);

  const cases: Array<[string, string, string]> = [
    [contentDir, contentDir, "is the content folder; building there would delete it"],
    [publicDir, contentDir, "is the public folder; building there would delete it"],
    [path.join(publicDir, "out"), contentDir, "is inside the public folder"],
    [base, contentDir, "contains the content folder"],
    [aFile, contentDir, "is a file, not a folder"],
    [theirs, contentDir, `already holds files that Lectern did not write (it has no ${OUTPUT_MARKER} file)`],
  ];
  for (const [outputDir, content, reason] of cases) {
    const result = await build({ CONTENT_DIR: content, OUTPUT_DIR: outputDir, PUBLIC_DIR: publicDir });
    assert.equal(result.code, 1, `${outputDir}: ${result.stderr}`);
    const lines = result.stderr.trim().split("\n");
    assert.equal(lines.length, 1, result.stderr);
    assert.ok(lines[0]!.startsWith("lectern build: OUTPUT_DIR "), lines[0]);
    assert.ok(lines[0]!.includes(reason), `${lines[0]} should say: ${reason}`);
    assert.deepEqual(await snapshot(base), before, `${outputDir} changed the workspace`);
  }
});

test("npm start refuses the content folder as its output too, and deletes nothing", async () => {
  const { contentDir, publicDir } = await workspace();
  const before = await snapshot(contentDir);
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(TSX, [path.join(ROOT, "src", "cli", "dev.ts")], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir, OUTPUT_DIR: contentDir, PUBLIC_DIR: publicDir, PORT: "0" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^lectern dev: OUTPUT_DIR ".*content" is the content folder; building there would delete it/);
  assert.deepEqual(await snapshot(contentDir), before);
});

test("the output is marked as Lectern's, rebuilt in place of itself, and a symbolic link to a web root stays a link", async () => {
  const { base, contentDir, publicDir } = await workspace();
  const webRoot = path.join(base, "var", "www");
  await mkdir(webRoot, { recursive: true });
  const link = path.join(base, "site");
  await symlink(webRoot, link);
  for (let i = 0; i < 2; i++) {
    const result = await build({ CONTENT_DIR: contentDir, OUTPUT_DIR: link, PUBLIC_DIR: publicDir });
    assert.equal(result.code, 0, result.stderr);
    assert.ok((await lstat(link)).isSymbolicLink(), "the link was replaced by a folder");
    assert.equal(await readlink(link), webRoot);
    assert.ok(existsSync(path.join(webRoot, "index.html")));
    assert.ok(existsSync(path.join(webRoot, OUTPUT_MARKER)));
  }
  assert.deepEqual(await readdir(path.dirname(webRoot)), ["www"], "no staging folder is left beside the web root");
});

test("a mount point is updated in place, file by file", async (t) => {
  const { base, contentDir, publicDir } = await workspace();
  const mount = path.join(base, "mnt");
  await mkdir(mount);
  try {
    execFileSync("mount", ["-t", "tmpfs", "tmpfs", mount], { stdio: "ignore" });
  } catch {
    t.skip("cannot mount a tmpfs here (needs root)");
    return;
  }
  after(() => execFileSync("umount", [mount]));
  const first = await build({ CONTENT_DIR: contentDir, OUTPUT_DIR: mount, PUBLIC_DIR: publicDir });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /\(a mount point, updated in place\)/);
  const pages = await listFiles(mount);
  assert.ok(pages.includes("talks/autopilot/index.html") && pages.includes(OUTPUT_MARKER) && pages.includes("styles.css"));

  // A talk removed: its page goes, the rest stays; the mount point itself is still mounted.
  await writeFile(path.join(contentDir, "talks", "autopilot.md"), "");
  const { rm } = await import("node:fs/promises");
  await rm(path.join(contentDir, "talks", "autopilot.md"));
  const second = await build({ CONTENT_DIR: contentDir, OUTPUT_DIR: mount, PUBLIC_DIR: publicDir });
  assert.equal(second.code, 0, second.stderr);
  assert.ok(!existsSync(path.join(mount, "talks", "autopilot", "index.html")));
  assert.ok(existsSync(path.join(mount, "index.html")));
  assert.match(execFileSync("findmnt", ["-n", "-o", "FSTYPE", mount]).toString(), /tmpfs/);
});

test("an output folder whose parent cannot be written: one line, and nothing left behind", async (t) => {
  const { base, contentDir, publicDir } = await workspace();
  const parent = path.join(base, "locked");
  await mkdir(parent);
  if (process.getuid?.() === 0) {
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "ro", "tmpfs", parent], { stdio: "ignore" });
    } catch {
      t.skip("running as root without mount: cannot make a folder unwritable");
      return;
    }
    after(() => execFileSync("umount", [parent]));
  } else {
    await chmod(parent, 0o555);
  }
  const result = await build({ CONTENT_DIR: contentDir, OUTPUT_DIR: path.join(parent, "site"), PUBLIC_DIR: publicDir });
  assert.equal(result.code, 1);
  const lines = result.stderr.trim().split("\n");
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0]!, /^lectern build: cannot create a folder beside the output folder \(.*site\.lectern-new-\d+\): (permission denied|read-only file system)/);
  assert.deepEqual(await readdir(parent), []);
});

test("two builds into one folder at once: the second waits, both succeed, the site is whole", async () => {
  const { base, contentDir, publicDir } = await workspace();
  const outputDir = path.join(base, "site");
  const env = { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, PUBLIC_DIR: publicDir };
  const [a, b] = await Promise.all([build(env), build(env)]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  assert.match(a.stdout + b.stdout, /waiting for another build \(process \d+\) of the same output folder/);
  assert.ok((await readFile(path.join(outputDir, "index.html"), "utf8")).includes("</html>"));
  assert.deepEqual((await readdir(base)).sort(), ["content", "public", "site"]);
});

test("public files: links leading out of the folder and non-files are refused; links inside are copied as files", async () => {
  const { base, contentDir, publicDir } = await workspace();
  await symlink("/etc/passwd", path.join(publicDir, "passwd.txt"));
  await symlink("..", path.join(publicDir, "up"));
  await symlink("styles.css", path.join(publicDir, "alias.css"));
  execFileSync("mkfifo", [path.join(publicDir, "pipe")]);
  const outputDir = path.join(base, "site");
  const refused = await build({ CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, PUBLIC_DIR: publicDir });
  assert.equal(refused.code, 1);
  const shown = (name: string) => path.relative(ROOT, path.join(publicDir, name)).split(path.sep).join("/");
  const lines = refused.stderr.trim().split("\n").slice(1).map((line) => line.trim());
  const expected = [
    `${shown("passwd.txt")}: is a symbolic link to a file outside the public folder; copy the file in instead`,
    `${shown("pipe")}: is not a regular file (a pipe, socket or device); only files are published`,
    `${shown("up")}: is a symbolic link to a file outside the public folder; copy the file in instead`,
  ];
  for (const line of expected) assert.ok(lines.some((l) => l.endsWith(line.replace(/^(\.\.\/)+/, ""))), `missing: ${line}\n${refused.stderr}`);
  assert.equal(lines.length, 3, refused.stderr);
  assert.ok(!existsSync(outputDir));

  const { rm } = await import("node:fs/promises");
  for (const name of ["passwd.txt", "up", "pipe"]) await rm(path.join(publicDir, name));
  const built = await build({ CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, PUBLIC_DIR: publicDir });
  assert.equal(built.code, 0, built.stderr);
  const copied = await lstat(path.join(outputDir, "alias.css"));
  assert.ok(copied.isFile() && !copied.isSymbolicLink());
  // Both minified on the way, the same way.
  assert.equal(await readFile(path.join(outputDir, "alias.css"), "utf8"), await readFile(path.join(outputDir, "styles.css"), "utf8"));
});

test("a public file that cannot be read: check and build report it in one line instead of failing half-way", async (t) => {
  const as = await unprivileged();
  if ("skip" in as) return t.skip(as.skip);
  const { base, contentDir, publicDir } = await workspace();
  await writeFile(path.join(publicDir, "secret.txt"), "no\n");
  await chmod(path.join(publicDir, "secret.txt"), 0o000);
  // Root reads every file, so the check runs as the unprivileged user "nobody" then.
  await chmod(base, 0o755);
  const node = [process.execPath, "--import", "tsx", path.join(ROOT, "src", "cli", "check.ts")];
  const [command, ...args] = [...as.prefix, ...node];
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(command!, args, { cwd: ROOT, env: { ...process.env, CONTENT_DIR: contentDir, PUBLIC_DIR: publicDir }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /^lectern check: 1 content problem:\n {2}\S*public\/secret\.txt: cannot be read \(EACCES\)\n$/);
});

test("a build that fails after its pages, while the search index is being written, leaves the previous site and no staging folder", async () => {
  const { base, contentDir, publicDir } = await workspace();
  const site = path.join(base, "site");
  const first = await build({ CONTENT_DIR: contentDir, OUTPUT_DIR: site, PUBLIC_DIR: publicDir });
  assert.equal(first.code, 0, first.stderr);
  const home = await readFile(path.join(site, "index.html"));
  // The share cards come after the pages: with a file where the cache folder should be, they fail.
  const notAFolder = path.join(base, "cache-is-a-file");
  await writeFile(notAFolder, "");
  await writeFile(path.join(contentDir, "talks", "autopilot.md"), (await readFile(path.join(contentDir, "talks", "autopilot.md"), "utf8")).replace(/^title: .*$/m, "title: Autopilot, renamed"));
  const failed = await runLectern("build", { CONTENT_DIR: contentDir, OUTPUT_DIR: site, PUBLIC_DIR: publicDir, LECTERN_CACHE_DIR: notAFolder });
  assert.notEqual(failed.code, 0);
  assert.match(failed.stderr, /the previous output was left as it was/);
  assert.doesNotMatch(failed.stderr, /^\s+at /m, "no stack trace");
  assert.ok(home.equals(await readFile(path.join(site, "index.html"))), "the previous home page is still there");
  assert.deepEqual((await readdir(base)).filter((name) => name.includes(".lectern-")), [], "no staging folder is left");
});
