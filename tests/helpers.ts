import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { wholeBytes, type FileBytes } from "../src/export/bytes.ts";

/** An export's content as text (UTF-8): a file in pieces (FileBytes) is joined. */
export function textOf(content: string | FileBytes): string {
  return typeof content === "string" ? content : wholeBytes(content).toString("utf8");
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURES = path.join(ROOT, "tests", "fixtures");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = "lectern-test-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/**
 * Copies a fixture conference (or the sample `content/`) into a temporary folder,
 * then applies `changes`: a path inside the content folder mapped to new text, or null to delete it.
 */
export async function makeContent(
  from: string,
  changes: Record<string, string | Buffer | null> = {},
): Promise<string> {
  const dir = path.join(await tempDir(), "content");
  const source = from === "sample" ? path.join(ROOT, "content") : path.join(FIXTURES, from);
  await cp(source, dir, { recursive: true });
  for (const [file, text] of Object.entries(changes)) {
    const target = path.join(dir, file);
    if (text === null) await rm(target, { force: true });
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
    }
  }
  return dir;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a Lectern command (`build`, `check`, `new <kind> <title>`, `import <file>`) as an organiser would, in the project folder. */
export function runLectern(
  command: "build" | "check" | "new" | "import" | "release",
  env: { CONTENT_DIR: string; OUTPUT_DIR?: string; PUBLIC_DIR?: string; TZ?: string; LECTERN_CACHE_DIR?: string; LECTERN_NOW?: string; SOURCE_DATE_EPOCH?: string },
  args: readonly string[] = [],
  /** The Lectern project to run it in: this one, or a copy a test may change. */
  project = ROOT,
): Promise<RunResult> {
  return runProcess(TSX, [path.join(project, "src", "cli", `${command}.ts`), ...args], project, env);
}

/** Runs `executable` with `args` in `cwd`, with `env` over this process's environment, collecting its output. */
export function runProcess(executable: string, args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Builds a content folder into a new temporary output folder; fails the test on a non-zero exit. */
export async function buildSite(
  contentDir: string,
  extraEnv: { TZ?: string; PUBLIC_DIR?: string; LECTERN_CACHE_DIR?: string; LECTERN_NOW?: string; SOURCE_DATE_EPOCH?: string } = {},
): Promise<string> {
  const outputDir = path.join(await tempDir("lectern-site-"), "site");
  const result = await runLectern("build", { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, ...extraEnv });
  if (result.code !== 0) throw new Error(`build failed (${result.code}):\n${result.stderr}`);
  return outputDir;
}

/** Every file under `dir`, as sorted relative paths. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(current: string) {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  }
  await walk(dir);
  return out.sort();
}

/** A map of relative path to contents and modification time: to prove a folder was left alone. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    const full = path.join(dir, file);
    result.set(file, `${(await stat(full)).mtimeMs}:${await readFile(full, "utf8")}`);
  }
  return result;
}

export function readPage(siteDir: string, urlPath: string): Promise<string> {
  const file = urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath;
  return readFile(path.join(siteDir, file), "utf8");
}

/** The schedule's day pages (`/schedule/<YYYY-MM-DD>/`) of a built site, one after the other in date order: every grid of the programme. */
export async function readScheduleDays(siteDir: string): Promise<string> {
  const days = (await readdir(path.join(siteDir, "schedule"))).filter((name) => /^\d{4}-\d\d-\d\d$/.test(name)).sort();
  return (await Promise.all(days.map((day) => readPage(siteDir, `/schedule/${day}/`)))).join("\n");
}

/**
 * Every problem line the loader reports for the `small` fixture with `changes`, paths relative
 * to the content folder; fails the test when the content loads.
 */
export async function problemsWith(changes: Record<string, string | Buffer | null>): Promise<string[]> {
  const { ContentError, formatProblem } = await import("../src/content/errors.ts");
  const { loadConference } = await import("../src/content/load.ts");
  const dir = await makeContent("small", changes);
  try {
    await loadConference({ contentDir: dir });
  } catch (error) {
    if (!(error instanceof ContentError)) throw new Error(`expected a ContentError, got ${String(error)}`);
    return error.problems.map((p) => formatProblem(p).split(`${dir}/`).join(""));
  }
  throw new Error("expected the content to be rejected");
}

/** ../shared/schemas, beside the checkout (absent on a clone without it: schema tests skip). */
export const SHARED_SCHEMAS = path.join(ROOT, "..", "shared", "schemas");

/**
 * What the c3voc schedule.json schema (compiled with ajv, the way c3voc's own tooling reads it)
 * finds wrong with `data`: one `<path> <message>` line an error, none when it is valid.
 */
export async function c3vocScheduleErrors(data: unknown): Promise<string[]> {
  const { createRequire } = await import("node:module");
  const { default: Ajv } = await import("ajv");
  const { default: addFormats } = await import("ajv-formats");
  const require = createRequire(import.meta.url);
  const ajv = new Ajv.default({ allErrors: true, allowUnionTypes: true });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  addFormats.default(ajv);
  ajv.addFormat("color", /^#[0-9a-fA-F]{6}$/);
  ajv.addKeyword("$oneOf");
  ajv.addKeyword("$todo");
  const validate = ajv.compile(JSON.parse(await readFile(path.join(SHARED_SCHEMAS, "schedule.schema.json"), "utf8")));
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/**
 * How to run a command as a user who cannot read what its mode forbids: as is when the tests
 * run unprivileged; as "nobody" (setpriv) when they run as root, who reads everything. The
 * reason to skip instead when that user cannot reach this checkout (a clone in a private
 * temporary folder) or setpriv is missing.
 */
export async function unprivileged(): Promise<{ prefix: string[] } | { skip: string }> {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];
  const probe = await new Promise<number | null>((resolve) => {
    const child = spawn(prefix[0]!, [...prefix.slice(1), process.execPath, "-e", `require("fs").accessSync(${JSON.stringify(TSX)})`], { stdio: "ignore" });
    child.on("error", () => resolve(null));
    child.on("close", resolve);
  });
  if (probe === 0) return { prefix };
  return { skip: `running as root: the unprivileged user "nobody" ${probe === null ? "cannot be switched to (no setpriv)" : `cannot reach ${ROOT}`}` };
}
