import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, cp, readdir, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { recoverInterruptedBuilds } from "../../src/cli/build.ts";
import { listFiles, makeContent, ROOT, runLectern, snapshot, tempDir, unprivileged } from "../helpers.ts";

const talk = (fields: string) => `---\n${fields}\n---\nAbstract.\n`;
const GOOD = "title: A talk\nspeakers: [sam-lee]\nstart: 2024-10-26 16:00\nduration: 30\nroom: main";

describe("files and paths", () => {
  test("nothing is written outside the output folder, even for file names that try", async () => {
    const content = await makeContent("small", {
      "talks/..%2e%2e%2fescape.md": talk(GOOD),
      "speakers/..\\..\\evil.md": talk("name: E\ncompany: C\nrole: R"),
    });
    const workspace = await tempDir();
    const output = path.join(workspace, "site");
    const result = await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: output });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /talks\/\.\.%2e%2e%2fescape\.md: file name "\.\.%2e%2e%2fescape" could write outside the output folder/);
    assert.match(result.stderr, /speakers\/\.\.\\\.\.\\evil\.md: file name "\.\.\\\.\.\\evil" could write outside the output folder/);
    assert.deepEqual(await readdir(workspace), [], "something was written");
  });

  test("names that differ only in Unicode normalisation collide", async () => {
    const content = await makeContent("small", {
      "speakers/café.md": talk("name: A\ncompany: C\nrole: R"),
      "speakers/cafe\u0301.md": talk("name: B\ncompany: C\nrole: R"),
    });
    const result = await runLectern("check", { CONTENT_DIR: content });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /speakers\/caf.+\.md: gives the address \/speakers\/cafe\/, which .*speakers\/caf.+\.md also has; rename one of them/);
  });
});

/**
 * Runs `npm run check` on `content` in one Node process (no tsx wrapper, so a kill reaches
 * it), killed after 30 s; behind `prefix` (see `unprivileged`) when given.
 */
function checkWithin(content: string, prefix: readonly string[] = []): Promise<{ code: number | null; stderr: string; ms: number }> {
  const node = [process.execPath, "--import", "tsx", path.join(ROOT, "src", "cli", "check.ts")];
  const [command, ...args] = [...prefix, ...node];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { cwd: ROOT, env: { ...process.env, CONTENT_DIR: content }, stdio: ["ignore", "ignore", "pipe"], timeout: 30_000, killSignal: "SIGKILL" });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr: stderr.split(`${content}/`).join(""), ms: Date.now() - started }));
  });
}

describe("content that is not plain files", () => {
  const NOT_PLAIN = "is not a regular file (a pipe, socket or device); content must be plain files";
  const cases: Array<[string, (content: string) => Promise<unknown>, string]> = [
    ["event.yaml as a named pipe", async (c) => { await rm(path.join(c, "event.yaml")); execFileSync("mkfifo", [path.join(c, "event.yaml")]); }, `event.yaml: ${NOT_PLAIN}`],
    ["a talk as a named pipe", async (c) => execFileSync("mkfifo", [path.join(c, "talks", "pipe.md")]), `talks/pipe.md: ${NOT_PLAIN}`],
    ["event.yaml linked to /dev/zero", async (c) => { await rm(path.join(c, "event.yaml")); await symlink("/dev/zero", path.join(c, "event.yaml")); }, "event.yaml: is a symbolic link to a file outside the content folder"],
    ["a talk linked to /dev/zero", (c) => symlink("/dev/zero", path.join(c, "talks", "zero.md")), "talks/zero.md: is a symbolic link to a file outside the content folder"],
  ];
  for (const [name, setup, line] of cases) {
    test(`${name}: check ends at once with one line`, async () => {
      const content = await makeContent("small");
      await setup(content);
      const result = await checkWithin(content);
      assert.equal(result.stderr, `lectern check: 1 content problem:\n  ${line}\n`, `after ${result.ms} ms`);
      assert.equal(result.code, 1);
    });
  }

  test("a folder that cannot be read is an error, not an empty folder", async (t) => {
    const as = await unprivileged();
    if ("skip" in as) return t.skip(as.skip);
    const content = await makeContent("small");
    await chmod(path.dirname(content), 0o755);
    await chmod(path.join(content, "talks"), 0);
    const result = await checkWithin(content, as.prefix);
    assert.equal(result.stderr, "lectern check: 1 content problem:\n  talks: cannot be read (EACCES)\n");
    assert.equal(result.code, 1);
  });
});

describe("the output folder is always a whole site", () => {
  test("a build killed halfway leaves the previous site, and the next build cleans up", async () => {
    const content = await makeContent("sample");
    const output = path.join(await tempDir(), "site");
    assert.equal((await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: output })).code, 0);
    const before = await snapshot(output);

    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "src", "cli", "build.ts")], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: output },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const staging = `${output}.lectern-new-`;
    const deadline = Date.now() + 20_000;
    let sawStaging = false;
    while (Date.now() < deadline) {
      const names = await readdir(path.dirname(output));
      if (names.some((name) => path.join(path.dirname(output), name).startsWith(staging))) {
        sawStaging = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill("SIGKILL");
    await exited;
    assert.ok(sawStaging, "the build never started writing");
    assert.deepEqual(await snapshot(output), before, "the previous site changed");

    assert.equal((await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: output })).code, 0);
    assert.deepEqual(await readdir(path.dirname(output)), ["site"], "leftover staging folders");
  });

  test("a build killed between its two renames gets the previous site back", async () => {
    const workspace = await tempDir();
    const output = path.join(workspace, "site");
    const retired = `${output}.lectern-old-999999`;
    await cp(path.join(ROOT, "public"), retired, { recursive: true });
    await cp(path.join(ROOT, "public"), `${output}.lectern-new-999998`, { recursive: true });
    await recoverInterruptedBuilds(output);
    assert.deepEqual(await readdir(workspace), ["site"]);
    assert.deepEqual(await listFiles(output), await listFiles(path.join(ROOT, "public")));
  });

  test("a deleted talk leaves no stale page", async () => {
    const content = await makeContent("small");
    const output = path.join(await tempDir(), "site");
    assert.equal((await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: output })).code, 0);
    assert.ok(existsSync(path.join(output, "talks", "after-the-change", "index.html")));
    await rm(path.join(content, "talks", "after-the-change.md"));
    assert.equal((await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: output })).code, 0);
    assert.ok(!existsSync(path.join(output, "talks", "after-the-change")), "stale page");
    assert.ok(existsSync(path.join(output, "talks", "opening", "index.html")));
  });
});
