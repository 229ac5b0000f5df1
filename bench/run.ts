import { statfsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { costTable, summariseProfile, type ProfileSummary } from "./cpuprofile.ts";
import { measureDevReload, type DevResult } from "./dev-server.ts";
import { generateConference, type GeneratedConference } from "./generate.ts";
import { formatOfflineAndSearch, measureOfflineAndSearch } from "./offline-search.ts";
import { hasGnuTime, median, run, summarise, timeCommand, type Command, type Sample } from "./measure.ts";
import { largestPage, weighPage, type PageWeight } from "./page-weight.ts";
import {
  eleventyBuild,
  findHugo,
  floorBuild,
  hugoBuild,
  hugoWithSearchBuild,
  lecternBuild,
  lecternCheck,
  npmScript,
  ROOT,
  writeComparableHugoSite,
  writeHugoSite,
  type ToolName,
} from "./tools.ts";

interface Options {
  sizes: number[];
  runs: number;
  seed: number;
  dev: boolean;
  profile: boolean;
  /** Where the report goes; bench/results.md only for a full run unless --out says otherwise. */
  out: string;
  keep: boolean;
}

const DEFAULT_SIZES = [100, 1000, 10000];
const DEFAULT_RUNS = 3;
const GB = 1024;

function parseOptions(argv: string[]): Options {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument "${arg}" (try --sizes=100,1000 --runs=1 --no-dev --no-profile --seed=1 --out=file --keep)`);
    flags.set(match[1]!, match[2] ?? "true");
  }
  const known = new Set(["sizes", "runs", "seed", "no-dev", "no-profile", "out", "keep"]);
  for (const flag of flags.keys()) if (!known.has(flag)) throw new Error(`unknown option --${flag}`);
  const sizes = flags.has("sizes") ? flags.get("sizes")!.split(",").map(Number) : DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 16 || n % 2)) throw new Error("--sizes: even whole numbers of talks, at least 16");
  const runs = Number(flags.get("runs") ?? DEFAULT_RUNS);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs: a whole number ≥ 1");
  const full = sizes.join() === DEFAULT_SIZES.join() && runs >= DEFAULT_RUNS;
  return {
    sizes: [...sizes].sort((a, b) => a - b),
    runs,
    seed: Number(flags.get("seed") ?? 1),
    dev: !flags.has("no-dev"),
    profile: !flags.has("no-profile"),
    out: path.resolve(flags.get("out") ?? (full ? path.join(ROOT, "bench", "results.md") : path.join(os.tmpdir(), "lectern-bench-results.md"))),
    keep: flags.has("keep"),
  };
}

const say = (line: string) => process.stderr.write(`bench: ${line}\n`);
const secs = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1));
const mb = (m: number | undefined) => (m === undefined ? "n/a" : m >= GB ? `${(m / GB).toFixed(2)} GB` : `${Math.round(m)} MB`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function countHtml(dir: string): Promise<number> {
  try {
    return (await readdir(dir, { recursive: true })).filter((name) => name.endsWith(".html")).length;
  } catch {
    return 0;
  }
}

type Target = { what: string; target: string; value: string; met: boolean | undefined; info?: boolean };

/** Where the builds write: a folder on the disk, and one in memory (tmpfs) when there is one. */
interface OutputFileSystem {
  name: "disk" | "tmpfs";
  dir: string;
}

/** One tool's runs at one size on one file system, in round order (so that rounds pair up). */
interface Cell {
  samples: Sample[];
  /** HTML pages and all files in the output of its last run. */
  pages: number;
  files: number;
}
/** file system → tool → cell. */
type SizeResults = Map<string, Map<string, Cell>>;

const TMPFS_MAGIC = 0x01021994;
const isTmpfs = (dir: string) => {
  try {
    return statfsSync(dir).type === TMPFS_MAGIC;
  } catch {
    return false;
  }
};

/**
 * The disk: the work folder (or, when the system's temporary folder is itself in memory, a
 * folder beside the project). Memory: /dev/shm, when it is a tmpfs.
 */
function outputFileSystems(work: string): OutputFileSystem[] {
  const disk = isTmpfs(work) ? path.join(ROOT, "node_modules", ".cache", "lectern-bench-out") : path.join(work, "disk");
  const found: OutputFileSystem[] = [{ name: "disk", dir: disk }];
  if (isTmpfs("/dev/shm")) found.push({ name: "tmpfs", dir: path.join("/dev/shm", path.basename(work)) });
  else say("/dev/shm is not a tmpfs: builds are timed on the disk only");
  return found;
}

/**
 * Times every tool at one size. Lectern builds once first, untimed: that warms the page cache
 * and draws any share card missing from the card cache (a build with every card cached is what
 * is timed: the comparison tools make no images). Each round then runs every tool once on each
 * file system in a rotating order, from an empty output folder, with a `sync` after each run.
 * `npm run check` writes nothing, so it runs once per round, with the disk's turn.
 */
async function timeSize(conference: GeneratedConference, work: string, fileSystems: OutputFileSystem[], runs: number, hugo: string | undefined): Promise<SizeResults> {
  const talksDir = path.join(conference.contentDir, "talks");
  const hugoSite = path.join(work, `hugo-${conference.talks}`);
  const comparableSite = path.join(work, `hugo-site-${conference.talks}`);
  if (hugo) {
    await writeHugoSite(hugoSite, talksDir);
    await writeComparableHugoSite(comparableSite, conference.contentDir);
  }
  type Tool = [ToolName | "check", (out: string) => Promise<Command>];
  const builds: Tool[] = [
    ["lectern", (out) => lecternBuild(conference.contentDir, out)],
    ...(hugo
      ? ([
          ["hugo-site", async (out) => hugoBuild(hugo, comparableSite, out)],
          ["hugo-search", async (out) => hugoWithSearchBuild(hugo, comparableSite, out)],
          ["hugo", async (out) => hugoBuild(hugo, hugoSite, out)],
        ] as Tool[])
      : []),
    ["floor", async (out) => floorBuild(talksDir, out)],
    ["eleventy", async (out) => eleventyBuild(talksDir, out)],
  ];
  const warmUp = path.join(fileSystems[0]!.dir, `warm-up-${conference.talks}`);
  await timeCommand(await lecternBuild(conference.contentDir, warmUp));
  await rm(warmUp, { recursive: true, force: true });

  const results: SizeResults = new Map();
  for (const fs of fileSystems) results.set(fs.name, new Map());
  for (let round = 0; round < runs; round++) {
    for (const fs of fileSystems) {
      const tools: Tool[] = fs === fileSystems[0] ? [...builds, ["check", () => lecternCheck(conference.contentDir)]] : builds;
      for (let i = 0; i < tools.length; i++) {
        const [name, command] = tools[(i + round) % tools.length]!;
        const out = path.join(fs.dir, `out-${conference.talks}`, name);
        await rm(out, { recursive: true, force: true });
        await mkdir(path.dirname(out), { recursive: true });
        const sample = await timeCommand(await command(out));
        // Flush what this tool wrote, so that the next one is not charged for its write-back.
        await run(["sync"], ROOT);
        const cell = results.get(fs.name)!.get(name) ?? { samples: [], pages: 0, files: 0 };
        cell.samples.push(sample);
        if (round === runs - 1) Object.assign(cell, await countFiles(out));
        results.get(fs.name)!.set(name, cell);
        say(`${conference.talks} talks, ${fs.name}, run ${round + 1}/${runs}: ${name} ${secs(sample.seconds)} s, ${mb(sample.peakKb && sample.peakKb / 1024)}`);
      }
    }
  }
  for (const fs of fileSystems) await rm(path.join(fs.dir, `out-${conference.talks}`), { recursive: true, force: true });
  return results;
}

async function countFiles(dir: string): Promise<{ pages: number; files: number }> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile());
    return { pages: files.filter((entry) => entry.name.endsWith(".html")).length, files: files.length };
  } catch {
    return { pages: 0, files: 0 };
  }
}

/**
 * Lectern's time over a tool's in each round (both ran in the same round, on the same file
 * system): the median ratio and its spread. Pairing keeps a slow moment of a shared machine
 * from landing on one tool only.
 */
function pairedRatios(lectern: Cell | undefined, tool: Cell | undefined): { median: number; min: number; max: number; all: number[] } | undefined {
  if (!lectern || !tool) return undefined;
  const all = lectern.samples.map((sample, round) => sample.seconds / tool.samples[round]!.seconds).filter(Number.isFinite);
  if (all.length === 0) return undefined;
  return { median: median(all), min: Math.min(...all), max: Math.max(...all), all };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const work = await mkdtemp(path.join(os.tmpdir(), "lectern-bench-"));
  const hugo = findHugo();
  const loadBefore = os.loadavg();
  say(`working in ${work}; sizes ${options.sizes.join(", ")}; ${options.runs} run(s) each`);
  if (!hugo) say("hugo is not on the PATH: the Hugo comparison is SKIPPED (as root: apt-get install -y hugo)");
  if (!hasGnuTime) say("/usr/bin/time is missing: peak RSS is not measured (as root: apt-get install -y time)");

  try {
    // Generate, then check every size once: a benchmark of invalid content would measure nothing.
    const conferences: GeneratedConference[] = [];
    for (const talks of options.sizes) {
      const conference = await generateConference({ talks, seed: options.seed, dir: path.join(work, `conf-${talks}`) });
      const check = await lecternCheck(conference.contentDir);
      const result = await run(check.argv, check.cwd, check.env);
      if (result.code !== 0) throw new Error(`the generated ${talks}-talk conference does not pass check:\n${result.output.slice(-3000)}`);
      say(`generated and checked ${talks} talks (${conference.speakers} speakers, ${conference.days} days)`);
      conferences.push(conference);
    }

    // Timings: per size, each round runs every tool once on each file system, in a rotating order.
    const fileSystems = outputFileSystems(work);
    say(`outputs on ${fileSystems.map((fs) => `${fs.name} (${fs.dir})`).join(" and ")}`);
    const results = new Map<number, SizeResults>();
    for (const conference of conferences) {
      results.set(conference.talks, await timeSize(conference, work, fileSystems, options.runs, hugo?.path));
    }

    // The sample site: build and check times, and what its pages weigh.
    const sampleOut = path.join(work, "sample-site");
    const sampleBuild: Sample[] = [];
    const sampleCheck: Sample[] = [];
    for (let round = 0; round < options.runs; round++) {
      await rm(sampleOut, { recursive: true, force: true });
      sampleBuild.push(await timeCommand(await lecternBuild(path.join(ROOT, "content"), sampleOut)));
      sampleCheck.push(await timeCommand(await lecternCheck(path.join(ROOT, "content"))));
    }
    say(`sample site: build ${secs(summarise(sampleBuild).seconds)} s, check ${secs(summarise(sampleCheck).seconds)} s`);
    const weights = new Map<string, PageWeight | undefined>();
    for (const [label, page] of [
      ["talk page (largest)", await largestPage(sampleOut, "talks")],
      ["speaker page (largest)", await largestPage(sampleOut, "speakers")],
      ["schedule page", "/schedule/"],
      ["home page", "/"],
    ] as const) {
      weights.set(label, page ? await weighPage(sampleOut, page) : undefined);
    }

    // The dev server: a talk, a speaker and event.yaml saved, to the reload, on copies (the edits change the files).
    const dev = new Map<string, Map<string, DevResult>>();
    for (const [label, source] of [
      ["sample", path.join(ROOT, "content")],
      ["1,000 talks", conferences.find((c) => c.talks === 1000)?.contentDir],
      ["10,000 talks", conferences.find((c) => c.talks === 10000)?.contentDir],
    ] as const) {
      if (!options.dev) dev.set(label, new Map([["all", { ok: false, reason: "skipped (--no-dev)" }]]));
      else if (!source) dev.set(label, new Map([["all", { ok: false, reason: "not measured: not among --sizes" }]]));
      else {
        const slug = label.replace(/\W+/g, "");
        const copy = path.join(work, `dev-${slug}`, "content");
        await cp(source, copy, { recursive: true });
        const result = await measureDevReload(copy, path.join(work, `dev-out-${slug}`), 3, 600_000);
        dev.set(label, result);
        for (const [kind, r] of result) say(`dev server, ${label}, ${kind}: ${r.ok ? `${secs(r.seconds)} s` : r.reason}`);
        await rm(path.dirname(copy), { recursive: true, force: true });
      }
    }

    // Profiles of the largest size's build and check.
    const largest = conferences.at(-1)!;
    const profiles = new Map<string, ProfileSummary | string>();
    if (options.profile) {
      for (const script of ["build", "check"] as const) {
        profiles.set(script, await profileScript(script, largest.contentDir, path.join(work, `profile-${script}`)));
        say(`profiled ${script} at ${largest.talks} talks`);
      }
    }

    const offlineSearch = await measureOfflineAndSearch(sampleOut, conferences, work);
    const report = formatReport({
      options,
      hugo,
      conferences,
      fileSystems,
      results,
      sample: { build: summarise(sampleBuild), check: summarise(sampleCheck), pages: await countHtml(sampleOut) },
      weights,
      dev,
      profiles,
      largest: largest.talks,
      load: [loadBefore, os.loadavg()],
      minutes: (performance.now() - started) / 60000,
    }) + formatOfflineAndSearch(offlineSearch);
    await mkdir(path.dirname(options.out), { recursive: true });
    await writeFile(options.out, report + (await measuredByHand()) + (await readingOfProfile()));
    process.stdout.write(`${report}\n`);
    say(`wrote ${options.out}`);
  } finally {
    if (options.keep) say(`kept ${work}`);
    else {
      await rm(work, { recursive: true, force: true });
      for (const fs of outputFileSystems(work)) await rm(fs.dir, { recursive: true, force: true });
    }
  }
}

/**
 * Runs a package.json script of the form `tsx <file>` or `node [flags] [--import tsx] <file> [words]`
 * under `node --cpu-prof` (Node refuses --cpu-prof in NODE_OPTIONS) and summarises the main thread.
 */
async function profileScript(script: string, contentDir: string, dir: string): Promise<ProfileSummary | string> {
  const command = await npmScript(script, {});
  const line = command?.argv.at(-1) ?? "";
  const match = /^(?:(tsx)|node((?:\s+--[\w-]+(?:=\S+)?)*?)(\s+--import tsx)?)\s+(\S+)((?:\s+[\w-]+)*)\s*$/.exec(line);
  const file = match?.[4];
  if (!match || !file) return `not profiled: the ${script} script (\`${line}\`) is not \`node [flags] [--import tsx] <file> [words]\``;
  const nodeFlags = match[2]?.trim().split(/\s+/).filter(Boolean) ?? [];
  const loader = match[1] || match[3] ? ["--import", "tsx"] : [];
  const words = match[5]?.trim().split(/\s+/).filter(Boolean) ?? [];
  const outputDir = path.join(dir, "site");
  const result = await run(
    [process.execPath, ...nodeFlags, "--cpu-prof", `--cpu-prof-dir=${dir}`, ...loader, file, ...words],
    ROOT,
    { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir },
  );
  if (result.code !== 0) return `profile failed: ${result.output.slice(-500)}`;
  const profiles = (await readdir(dir)).filter((name) => name.endsWith(".cpuprofile"));
  let best: { name: string; size: number } | undefined;
  for (const name of profiles) {
    const size = (await readFile(path.join(dir, name))).length;
    if (!best || size > best.size) best = { name, size };
  }
  if (!best) return "no profile written";
  return summariseProfile(path.join(dir, best.name), ROOT, 12);
}

/**
 * bench/by-hand.md: figures measured by hand for parts the runs above do not time yet (share
 * cards, imports), kept across runs by appending them to every report.
 */
async function measuredByHand(): Promise<string> {
  try {
    return `\n${(await readFile(path.join(ROOT, "bench", "by-hand.md"), "utf8")).trim()}\n`;
  } catch {
    return "";
  }
}

/**
 * bench/analysis.md: what a person made of the last full run's profile (causes, files, shares).
 * It is appended to the report under its own heading, since no script can write it.
 */
async function readingOfProfile(): Promise<string> {
  try {
    const text = await readFile(path.join(ROOT, "bench", "analysis.md"), "utf8");
    return `\n## Reading of the profile (hand-written: bench/analysis.md, from the run it names)\n\n${text.trim()}\n`;
  } catch {
    return "";
  }
}

interface ReportInput {
  options: Options;
  hugo: { version: string } | undefined;
  conferences: GeneratedConference[];
  fileSystems: OutputFileSystem[];
  results: Map<number, SizeResults>;
  sample: { build: ReturnType<typeof summarise>; check: ReturnType<typeof summarise>; pages: number };
  weights: Map<string, PageWeight | undefined>;
  dev: Map<string, Map<string, DevResult>>;
  profiles: Map<string, ProfileSummary | string>;
  largest: number;
  load: [number[], number[]];
  minutes: number;
}

function formatReport(input: ReportInput): string {
  const { options, hugo, results } = input;
  const lines: string[] = [];
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  lines.push(
    "# Lectern benchmark results",
    "",
    `Run on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${os.cpus().length} cores (${cpu}) · ` +
      `${Math.round(os.totalmem() / 1024 ** 3)} GB RAM · Node ${process.version} · ${hugo ? hugo.version.split(" ").slice(0, 2).join(" ") : "Hugo not installed"} · ` +
      `seed ${options.seed} · ${options.runs} run(s) per cell, median ` +
      `· load average (1 min) ${input.load[0][0]!.toFixed(2)} before, ${input.load[1][0]!.toFixed(2)} after, on a machine shared with other work · ` +
      `the whole benchmark took ${input.minutes.toFixed(1)} min.`,
    "",
    "Produced by `npm run bench` (bench/run.ts). Wall time is measured around each whole process (spawn to exit, " +
      "`performance.now()`); peak RSS is GNU time's `%M` (`/usr/bin/time -f %M`): the largest resident set of any " +
      "single process in the tree (for Lectern, the node process its script starts), not a sum. Lectern runs its package.json " +
      "script as `npm run` would, without npm's own start-up. Every build starts from an empty output folder, and " +
      "`sync` runs after each one; the tools take turns in a rotating order within each round.",
    "",
    "## Full builds",
    "",
    "Each size: N talks (+ one lunch row per day, also in talks/), N/2 speakers with bios, 8 rooms, 3 days per 1,000 talks, " +
      "tags, a few workshops and posts. Lectern builds every page and export, with its share cards from the card cache " +
      "(an untimed Lectern build per size draws any missing card first). The comparable Hugo site renders a page per talk " +
      "(title, time, room, speakers and tags linked, body, a link to its calendar file) with a `.ics` beside it, a page per " +
      "speaker (name, role, bio, talks), a page per tag, the talk, speaker and tag indexes, a home page with the whole " +
      "schedule by day, `schedule.json` and `schedule.ics` (templates written at run time: bench/tools.ts " +
      "`writeComparableHugoSite`; no share cards, frab XML, sitemap, feeds, CSS or scripts). \"+ Pagefind\" is the same site " +
      "followed by the Pagefind CLI over every page it wrote (Lectern's search index, since issue #14, is part of its build). " +
      "The minimal Hugo site, plain " +
      "Eleventy 3.1.7 (bench/eleventy/) and the gray-matter + markdown-it floor (bench/floor.mjs) turn the talk files into " +
      "one minimal HTML page each.",
    "",
    `Every build runs on each file system in every round: **disk** (${input.fileSystems[0]?.dir ?? "?"}) and, when the machine has one, ` +
      "**tmpfs** (/dev/shm). This disk's file creation slows down as writes accumulate, so the disk figures vary more. " +
      "The last column is Lectern's time over the tool's **in the same round on the same file system**, as the median of " +
      "the rounds with its range (min–max), not a ratio of two medians.",
    "",
    "| talks | file system | tool | wall, median (min–max) | peak RSS | HTML pages / files | Lectern ÷ this, per round: median (min–max) |",
    "| ---: | --- | --- | ---: | ---: | ---: | ---: |",
  );
  const toolLabel: Record<string, string> = {
    lectern: "Lectern full build",
    "hugo-site": "Hugo, comparable site",
    "hugo-search": "Hugo, comparable site + Pagefind",
    hugo: "Hugo, minimal (one template)",
    floor: "floor (gray-matter + markdown-it)",
    eleventy: "plain Eleventy 3",
    check: "Lectern `npm run check`",
  };
  const spread = (values: number[]) => `${secs(median(values))} s (${secs(Math.min(...values))}–${secs(Math.max(...values))})`;
  const paired = (p: ReturnType<typeof pairedRatios>) => (p ? `${p.median.toFixed(2)} × (${p.min.toFixed(2)}–${p.max.toFixed(2)})` : "n/a");
  for (const [talks, byFs] of results) {
    for (const [fsName, cells] of byFs) {
      const lectern = cells.get("lectern");
      for (const name of Object.keys(toolLabel)) {
        const cell = cells.get(name);
        if (!cell) {
          if (name.startsWith("hugo") && !hugo) lines.push(`| ${talks.toLocaleString("en")} | ${fsName} | ${toolLabel[name]} | skipped: hugo not on PATH | | | |`);
          continue;
        }
        const rss = summarise(cell.samples).peakMb;
        const versus = name === "lectern" || name === "check" ? "" : paired(pairedRatios(lectern, cell));
        const written = name === "check" ? "" : `${cell.pages.toLocaleString("en")} / ${cell.files.toLocaleString("en")}`;
        lines.push(`| ${talks.toLocaleString("en")} | ${fsName} | ${toolLabel[name]} | ${spread(cell.samples.map((x) => x.seconds))} | ${mb(rss)} | ${written} | ${versus} |`);
      }
    }
  }

  const cell = (talks: number, fsName: string, tool: string) => results.get(talks)?.get(fsName)?.get(tool);
  const targets: Target[] = [];
  const target = (what: string, limit: string, value: number | undefined, show: (v: number) => string, ok: (v: number) => boolean) =>
    targets.push({ what, target: limit, value: value === undefined ? "not measured" : show(value), met: value === undefined ? undefined : ok(value) });
  const ratioTarget = (what: string, limit: number, p: ReturnType<typeof pairedRatios>, info = false) => {
    targets.push({ what, target: info ? "—" : `≤ ${limit.toFixed(1)} ×`, value: p ? paired(p) : "not measured", met: p ? p.median <= limit : undefined, info });
  };
  for (const fs of input.fileSystems) {
    const big = cell(10000, fs.name, "lectern");
    ratioTarget(`10,000 talks, ${fs.name}: Lectern ÷ comparable Hugo site`, 1, pairedRatios(big, cell(10000, fs.name, "hugo-site")));
    if (!hugo) targets.at(-1)!.value = "skipped: hugo not on PATH";
    ratioTarget(`10,000 talks, ${fs.name}: Lectern ÷ comparable Hugo site + Pagefind (the same job, search index included)`, 1, pairedRatios(big, cell(10000, fs.name, "hugo-search")));
    if (!hugo) targets.at(-1)!.value = "skipped: hugo not on PATH";
    ratioTarget(`10,000 talks, ${fs.name}: Lectern ÷ minimal Hugo`, 4, pairedRatios(big, cell(10000, fs.name, "hugo")));
    if (!hugo) targets.at(-1)!.value = "skipped: hugo not on PATH";
    ratioTarget(`10,000 talks, ${fs.name}: Lectern ÷ floor (for information)`, 0, pairedRatios(big, cell(10000, fs.name, "floor")), true);
    ratioTarget(`10,000 talks, ${fs.name}: Lectern ÷ plain Eleventy (for information)`, 0, pairedRatios(big, cell(10000, fs.name, "eleventy")), true);
  }
  const allLectern = input.fileSystems.flatMap((fs) => cell(10000, fs.name, "lectern")?.samples ?? []);
  const peaks = allLectern.map((x) => x.peakKb).filter((kb): kb is number => kb !== undefined);
  target("10,000 talks: Lectern peak RSS (largest of all runs)", "< 1 GB", peaks.length ? Math.max(...peaks) / 1024 : undefined, mb, (v) => v < GB);
  // The sizes run minutes apart, so their rounds do not pair: a ratio of the two medians.
  const [big, small] = [cell(10000, "disk", "lectern"), cell(1000, "disk", "lectern")].map((c) => c && summarise(c.samples).seconds);
  target("scaling: Lectern 10,000 ÷ 1,000 (disk, ratio of medians)", "≤ 10 ×", big && small ? big / small : undefined, (v) => `${v.toFixed(2)} ×`, (v) => v <= 10);
  const check = cell(10000, "disk", "check");
  target("10,000 talks: `npm run check`", "≤ 1 s", check && summarise(check.samples).seconds, (v) => `${secs(v)} s`, (v) => v <= 1);
  target("sample site: full build", "< 2 s", input.sample.build.seconds, (v) => `${secs(v)} s`, (v) => v < 2);
  target("sample site: `npm run check`", "< 1 s", input.sample.check.seconds, (v) => `${secs(v)} s`, (v) => v < 1);
  for (const [label, byKind] of input.dev) {
    const limit = label === "sample" ? 0.15 : 1;
    for (const kind of ["talk", "speaker", "event.yaml"]) {
      const result = byKind.get(kind) ?? byKind.get("all");
      const hasTarget = kind === "talk" && label !== "1,000 talks";
      targets.push({
        what: `dev server, ${label}: save one ${kind === "event.yaml" ? "event.yaml" : kind} → reload event${hasTarget ? "" : " (for information)"}`,
        target: hasTarget ? `≤ ${limit < 1 ? `${limit * 1000} ms` : `${limit} s`}` : "—",
        value: !result ? "not measured" : result.ok ? `${secs(result.seconds)} s` : result.reason,
        met: result?.ok ? result.seconds <= limit : undefined,
        info: !hasTarget,
      });
    }
  }
  const talkPage = input.weights.get("talk page (largest)");
  const schedule = input.weights.get("schedule page");
  target("sample talk page, uncompressed (HTML + CSS + JS)", "< 30 KB", talkPage?.raw, kb, (v) => v < 30 * 1024);
  target("sample schedule page, uncompressed (HTML + CSS + JS)", "< 100 KB", schedule?.raw, kb, (v) => v < 100 * 1024);

  lines.push("", "## Targets", "", "| target | limit | measured | |", "| --- | --- | --- | --- |");
  for (const t of targets) lines.push(`| ${t.what} | ${t.target} | ${t.value} | ${t.info ? "(no target)" : t.met === undefined ? "not measured" : t.met ? "met" : "**missed**"} |`);

  lines.push("", "## Sample site (content/, ContainerDays Boston 2016)", "");
  lines.push(
    `Full build ${secs(input.sample.build.seconds)} s (${mb(input.sample.build.peakMb)} peak, ${input.sample.pages} HTML pages); ` +
      `\`npm run check\` ${secs(input.sample.check.seconds)} s (${mb(input.sample.check.peakMb)} peak). Medians of ${input.sample.build.runs}.`,
    "",
    "| page | HTML | CSS | JS | total | total gzip |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const [label, w] of input.weights) {
    if (!w) lines.push(`| ${label} | not in the site | | | | |`);
    else lines.push(`| ${label}: \`${w.page}\` | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.js)} | ${kb(w.raw)} | ${kb(w.gzip)} |`);
  }
  lines.push(
    "",
    "What the page loads before it is complete: the HTML, its stylesheets and its module scripts with their static imports " +
      "(the chunks they share). Scripts imported on demand are not counted: the schedule's (on the schedule's pages), the " +
      "viewer's times (only where the viewer's clock reads otherwise than the event's), search (on first use), My schedule. " +
      "Each file gzipped on its own (default level), as a server would send it.",
  );

  lines.push("", "## Dev server", "");
  lines.push(
    "`npm start` on a copy of the content; each edit is written 3 times (a sentence appended to a real talk's body or " +
      "a speaker's bio; event.yaml's tagline replaced), and timed from the write to the `reload` event on the " +
      "live-reload stream (bench/dev-server.ts). Medians, with each edit's time.",
    "",
  );
  for (const [label, byKind] of input.dev) {
    for (const [kind, r] of byKind) {
      lines.push(`- ${label}, ${kind}: ${r.ok ? `${secs(r.seconds)} s (${r.all.map(secs).join(", ")}; ${r.file}; ${r.via})` : r.reason}`);
    }
  }

  if (input.profiles.size) {
    lines.push("", `## Profiles (\`node --cpu-prof\`, ${input.largest.toLocaleString("en")} talks)`, "");
    lines.push(
      "Self time by module and by function, and the time (with callees) charged to the innermost Lectern " +
        "function on the stack. Summarised by bench/cpuprofile.ts; run it on any .cpuprofile.",
    );
    for (const [script, summary] of input.profiles) {
      lines.push("", `### \`${script}\``, "");
      if (typeof summary === "string") {
        lines.push(summary);
        continue;
      }
      lines.push(`${(summary.totalMs / 1000).toFixed(1)} s sampled (profiling slows the run).`, "");
      lines.push(costTable("module", summary.byModule), "", costTable("function", summary.byFunction), "");
      lines.push(costTable("innermost Lectern function", summary.byRepoFunction, "ms incl. callees"), "");
      lines.push(costTable("hot path: [module doing the work] ← where Lectern entered it ← Lectern callers", summary.hotPaths));
    }
  }
  return `${lines.join("\n")}\n`;
}

await main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
