import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ContentError, displayPath, formatProblem } from "../content/errors.ts";
import { paths } from "../eleventy/conference-data.ts";
import { readProgramme } from "../import/detect.ts";
import { ImportError, importFormats, type ImportFormat } from "../import/programme.ts";
import { planImport, STATE_FILE, type ImportPlan } from "../import/write.ts";
import { loadSite } from "./load-site.ts";
import { BuildError, runCommand } from "./report.ts";
import { escapeForTerminal } from "./terminal.ts";

const USAGE = `usage: npm run import -- <schedule file> [--format ${importFormats.join("|")}] [--timezone Area/City] [--prune] [--dry-run]`;

interface Arguments {
  file: string;
  format?: ImportFormat;
  timezone?: string;
  prune: boolean;
  dryRun: boolean;
}

function parseArguments(args: string[]): Arguments {
  const result: Partial<Arguments> = { prune: false, dryRun: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i] ?? "";
    if (name === "--prune") result.prune = true;
    else if (name === "--dry-run") result.dryRun = true;
    else if (name === "--timezone") result.timezone = value();
    else if (name === "--format") {
      const format = value();
      if (!(importFormats as readonly string[]).includes(format)) throw new BuildError(`--format: unknown format "${format}"; use one of ${importFormats.join(", ")}`);
      result.format = format as ImportFormat;
    } else if (name.startsWith("--") || result.file !== undefined) throw new BuildError(`unknown argument "${arg}"\n${USAGE}`);
    else result.file = arg;
  }
  if (!result.file) throw new BuildError(USAGE);
  if (result.timezone === "") throw new BuildError("--timezone: give an IANA zone such as Europe/Berlin");
  return result as Arguments;
}

/** The files an import reads and may change: event.yaml, talks, workshops, speakers and the state file. */
function readContent(contentDir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of ["event.yaml", STATE_FILE]) {
    const file = path.join(contentDir, name);
    if (existsSync(file)) files.set(name, readFileSync(file, "utf8"));
  }
  for (const folder of ["talks", "workshops", "speakers"]) {
    const dir = path.join(contentDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (name.endsWith(".md")) files.set(`${folder}/${name}`, readFileSync(path.join(dir, name), "utf8"));
    }
  }
  return files;
}

/**
 * Writes the plan into `dir`, many files at a time. With `atomic`, each file goes to a
 * temporary name first and is renamed over the old one, so no reader sees half a file.
 */
async function apply(plan: ImportPlan, dir: string, atomic: boolean): Promise<void> {
  const folders = new Set([...plan.writes.keys()].map((relative) => path.dirname(path.join(dir, relative))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const write = async ([relative, text]: [string, string]) => {
    const target = path.join(dir, relative);
    if (!atomic) return writeFile(target, text);
    const temporary = `${path.join(path.dirname(target), `.${path.basename(target)}`)}.import-${process.pid}`;
    await writeFile(temporary, text);
    await rename(temporary, target);
  };
  const entries = [...plan.writes];
  for (let i = 0; i < entries.length; i += 32) await Promise.all(entries.slice(i, i + 32).map(write));
  for (const relative of plan.deletes) await rm(path.join(dir, relative), { force: true });
}

/**
 * Applies the plan to a copy of the content folder and validates the copy as `npm run check`
 * would, so that nothing reaches the real folder unless the whole result is valid.
 */
async function validateInStaging(plan: ImportPlan, contentDir: string, publicDir: string, outputDir: string): Promise<void> {
  const staging = await mkdtemp(path.join(tmpdir(), "lectern-import-"));
  const copy = path.join(staging, "content");
  try {
    if (existsSync(contentDir)) await cp(contentDir, copy, { recursive: true });
    else await mkdir(copy);
    await apply(plan, copy, false);
    await loadSite({ contentDir: copy, publicDir, outputDir, render: false });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    const from = displayPath(copy);
    const to = displayPath(contentDir);
    const lines = error.problems.map((problem) => formatProblem({ ...problem, file: problem.file.startsWith(from) ? to + problem.file.slice(from.length) : problem.file }));
    throw new BuildError(`the imported content would not pass npm run check, so nothing was written:\n${lines.map((line) => `  ${line}`).join("\n")}`);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

await runCommand("import", async () => {
  const started = performance.now();
  const options = parseArguments(process.argv.slice(2));
  const { contentDir, outputDir, publicDir } = paths();
  const shown = displayPath(path.resolve(options.file));
  let text: string;
  try {
    text = await readFile(options.file, "utf8");
  } catch (error) {
    throw new BuildError(`${shown}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let plan: ImportPlan;
  try {
    const programme = readProgramme(text, shown, options.format);
    plan = planImport(programme, readContent(contentDir), { file: shown, timezone: options.timezone, prune: options.prune, contentLabel: displayPath(contentDir) });
  } catch (error) {
    if (error instanceof ImportError) {
      throw new BuildError(error.lines.length === 1 ? error.lines[0]! : `${error.lines.length} problems, nothing was written:\n${error.lines.map((line) => `  ${line}`).join("\n")}`);
    }
    throw error;
  }
  // Nothing to write (an import of an unchanged source) needs no staging copy.
  if (!options.dryRun && (plan.writes.size > 0 || plan.deletes.length > 0)) {
    await validateInStaging(plan, contentDir, publicDir, outputDir);
    await mkdir(contentDir, { recursive: true });
    await apply(plan, contentDir, true);
  }
  const count = (list: string[]) => list.filter((file) => file !== STATE_FILE).length;
  const lines = [
    `${options.dryRun ? "would import" : "imported"} ${shown} into ${displayPath(contentDir)}: ${count(plan.added)} added, ${count(plan.changed)} changed, ${count(plan.unchanged)} unchanged, ${count(plan.removed)} removed (${Math.round(performance.now() - started)} ms)`,
    ...plan.notes,
  ];
  process.stdout.write(lines.map((line) => `lectern import: ${escapeForTerminal(line)}\n`).join(""));
});
