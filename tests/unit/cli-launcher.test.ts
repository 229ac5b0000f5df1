import assert from "node:assert/strict";
import { cp, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { makeContent, ROOT, runLectern, runProcess, tempDir, type RunResult } from "../helpers.ts";

/** `node src/cli/run.mjs …` in `project`, as `npm run check` runs it. */
function launch(project: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return runProcess(process.execPath, [path.join(project, "src", "cli", "run.mjs"), ...args], project, env);
}

const timeless = (text: string) => text.replace(/\(\d+ ms\)/, "(… ms)");

test("npm run check runs from a bundle that says and exits exactly what the TypeScript does", async () => {
  const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts.check, "node src/cli/run.mjs check");
  const broken: Record<string, string> = { "talks/docker-for-the-developer.md": "---\ntitle: 3\nspeakers: [nobody-here]\n---\n" };
  for (const changes of [{}, broken]) {
    const content = await makeContent("sample", changes);
    const bundled = await launch(ROOT, ["check"], { CONTENT_DIR: content });
    const direct = await runLectern("check", { CONTENT_DIR: content });
    assert.equal(bundled.code, direct.code);
    assert.equal(timeless(bundled.stdout), timeless(direct.stdout));
    assert.equal(bundled.stderr, direct.stderr);
  }
  const unknown = await launch(ROOT, ["chek"]);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr, 'lectern: no command "chek"; try check, build, start, new, import or release\n');
});

test("an edit to a source file is in the next run: the bundle is made again", async () => {
  // A copy of the project, so that editing its sources leaves the real ones alone.
  const project = await tempDir("lectern-project-");
  for (const entry of ["src", "package.json", "tsconfig.json"]) await cp(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  await symlink(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
  const content = path.join(ROOT, "content");
  const env = { CONTENT_DIR: content, PUBLIC_DIR: path.join(ROOT, "public") };
  const before = await launch(project, ["check"], env);
  assert.equal(before.code, 0, before.stderr);
  assert.match(before.stdout, /^lectern check: .* is valid: 24 programme entries/);

  const check = path.join(project, "src", "cli", "check.ts");
  await writeFile(check, (await readFile(check, "utf8")).replace("is valid:", "is in good order:"));
  const after = await launch(project, ["check"], env);
  assert.equal(after.code, 0, after.stderr);
  assert.match(after.stdout, /^lectern check: .* is in good order: 24 programme entries/);
  const bundles = (await readdir(path.join(ROOT, "node_modules", ".cache", "lectern", "cli"))).filter((name) => name.startsWith("check-"));
  assert.ok(bundles.length >= 2 && bundles.length <= 4, bundles.join(", "));
});

test("the bundled check loads the markdown renderer and the sanitiser only when a body needs them, as the sources do", async () => {
  // A module hook that writes down every package the process loads.
  const dir = await tempDir("lectern-loaded-");
  const record = path.join(dir, "loaded.txt");
  const hooks = path.join(dir, "hooks.mjs");
  await writeFile(hooks, `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(record)}, url + "\\n");\n  return next(url, context);\n}\n`);
  const register = path.join(dir, "register.mjs");
  await writeFile(register, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const packages = async () => new Set([...(await readFile(record, "utf8")).matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\//g)].map((match) => match[1]!));

  // Bodies without a programme link or an image: neither markdown-it nor sanitize-html is loaded.
  const plain = await makeContent("small");
  const run = await runProcess(process.execPath, ["--import", pathToFileURL(register).href, path.join(ROOT, "src", "cli", "run.mjs"), "check"], ROOT, { CONTENT_DIR: plain });
  assert.equal(run.code, 0, run.stderr);
  const loaded = await packages();
  assert.ok(loaded.has("zod") && loaded.has("luxon"), [...loaded].join(", "));
  assert.ok(!loaded.has("markdown-it") && !loaded.has("sanitize-html"), `loaded: ${[...loaded].join(", ")}`);
});
