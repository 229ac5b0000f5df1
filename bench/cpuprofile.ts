import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface CostRow {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  /** Sampled time in ms (the profile's whole length). */
  totalMs: number;
  /** Self time grouped by module: a repository file, an npm package, node internals or a V8 category. */
  byModule: CostRow[];
  /** Self time by function. */
  byFunction: CostRow[];
  /** Time (self and callees) charged to the innermost repository function on the stack: where Lectern's own code spends. */
  byRepoFunction: CostRow[];
  /** The heaviest call paths, from the function doing the work up to (and including) the first Lectern frame. */
  hotPaths: CostRow[];
}

/** Names the module of a script URL: `src/content/load.ts`, `zod`, `@11ty/eleventy`, `node:internal`, or a V8 category. */
export function moduleOf(url: string, functionName: string, root: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node:internal";
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  // `npm run check` runs from an esbuild bundle of src/ (src/cli/run.mjs): its functions are Lectern's.
  if (file.split(path.sep).join("/").includes("node_modules/.cache/lectern/")) return BUNDLED;
  const innermostPackage = [...file.split(path.sep).join("/").matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1);
  if (innermostPackage) return innermostPackage[1]!;
  return file.startsWith(root + path.sep) ? path.relative(root, file) : file;
}

/** The module name of every function in a bundle of src/. */
const BUNDLED = "src/ (bundled)";

function isRepoFile(module: string): boolean {
  return module === BUNDLED || !module.startsWith("(") && !module.startsWith("/") && module !== "node:internal" && /\.[cm]?[jt]sx?$/.test(module) && !module.includes("node_modules");
}

function rows(totals: Map<string, number>, totalMs: number, top: number): CostRow[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
}

/** Reads a `.cpuprofile` (from `node --cpu-prof`) and aggregates its samples. */
export async function summariseProfile(file: string, root: string, top = 15): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const totalMs = (profile.endTime - profile.startTime) / 1000;

  const moduleName = (node: ProfileNode) => moduleOf(node.callFrame.url, node.callFrame.functionName, root);
  const functionName = (node: ProfileNode) => {
    const module = moduleName(node);
    if (module.startsWith("(")) return module;
    // Repository files reach V8 transformed by tsx, so their line numbers say nothing.
    const line = isRepoFile(module) || module === "node:internal" ? "" : `:${node.callFrame.lineNumber + 1}`;
    return `${node.callFrame.functionName || "(anonymous)"} (${module}${line})`;
  };
  const owner = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = owner.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const module = moduleName(node);
    const up = parent.get(id);
    const result = isRepoFile(module) ? functionName(node) : up === undefined ? `(outside Lectern's code: ${module})` : ownerOf(up);
    owner.set(id, result);
    return result;
  };

  // A call path, collapsed: the module doing the work, the function through which Lectern's code
  // entered that module, and up to three Lectern frames above it (innermost first).
  const pathOf = (id: number): string => {
    const leaf = byId.get(id)!;
    const parts: string[] = [`[${moduleName(leaf)}]`];
    let entry: string | undefined;
    let repoFrames = 0;
    for (let at: number | undefined = id; at !== undefined && repoFrames < 3; at = parent.get(at)) {
      const node = byId.get(at)!;
      const name = functionName(node);
      if (isRepoFile(moduleName(node))) {
        if (entry !== undefined) parts.push(entry);
        entry = undefined;
        if (parts.at(-1) !== name) parts.push(name);
        repoFrames++;
      } else if (repoFrames === 0) {
        entry = name;
      }
    }
    if (repoFrames === 0) return `${parts[0]} ${functionName(leaf)} (no Lectern frame)`;
    return parts.join(" ← ");
  };

  const paths = new Map<string, number>();
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  const repo = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + ms);
    add(modules, moduleName(node));
    add(functions, functionName(node));
    if (!moduleName(node).startsWith("(")) add(paths, pathOf(id));
    const own = ownerOf(id);
    add(repo, own.startsWith("(outside") ? "(no Lectern frame on the stack: start-up, Eleventy's own work, GC, idle)" : own);
  }
  return {
    totalMs,
    byModule: rows(modules, totalMs, top),
    byFunction: rows(functions, totalMs, top),
    byRepoFunction: rows(repo, totalMs, top),
    hotPaths: rows(paths, totalMs, 10),
  };
}

/** A markdown table of cost rows. */
export function costTable(title: string, costs: readonly CostRow[], column = "self ms"): string {
  const lines = [`| ${title} | ${column} | share |`, "| --- | ---: | ---: |"];
  for (const row of costs) lines.push(`| \`${row.name.replace(/\|/g, "\\|")}\` | ${Math.round(row.ms)} | ${(row.share * 100).toFixed(1)} % |`);
  return lines.join("\n");
}

if (process.argv[1]?.endsWith(path.join("bench", "cpuprofile.ts"))) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: tsx bench/cpuprofile.ts <file.cpuprofile>");
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const summary = await summariseProfile(file, root);
  process.stdout.write(`sampled ${(summary.totalMs / 1000).toFixed(2)} s\n\n`);
  process.stdout.write(`${costTable("module", summary.byModule)}\n\n${costTable("function", summary.byFunction)}\n\n`);
  process.stdout.write(`${costTable("innermost Lectern function", summary.byRepoFunction, "ms incl. callees")}\n\n`);
  process.stdout.write(`${costTable("hot path: [module doing the work] ← where Lectern entered it ← Lectern callers", summary.hotPaths)}\n`);
}
