import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { costTable, summariseProfile, type ProfileSummary } from "./cpuprofile.ts";
import { measureDevReload, type DevResult } from "./dev-server.ts";
import { generateConference, type GeneratedConference } from "./generate.ts";
import { formatOfflineAndSearch, measureOfflineAndSearch } from "./offline-search.ts";
import { hasGnuTime, run, summarise, timeCommand, type Command, type Sample } from "./measure.ts";
import { largestPage, weighPage, type PageWeight } from "./page-weight.ts";
import {
  eleventyBuild,
  findHugo,
  floorBuild,
  hugoBuild,
  lecternBuild,
  lecternCheck,
  npmScript,
  ROOT,
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
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? "n/a" : `${(a / b).toFixed(2)} ×`);

async function countHtml(dir: string): Promise<number> {
  try {
    return (await readdir(dir, { recursive: true })).filter((name) => name.endsWith(".html")).length;
  } catch {
    return 0;
  }
}

type Measured = { seconds: number; peakMb: number | undefined; runs: number; pages: number };
type Target = { what: string; target: string; value: string; met: boolean | undefined; info?: boolean };

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

    // Timings: per size, each round runs every tool once, in a rotating order.
    const results = new Map<number, Map<string, Measured>>();
    for (const conference of conferences) {
      const talksDir = path.join(conference.contentDir, "talks");
      const outputs = path.join(work, `out-${conference.talks}`);
      const hugoSite = path.join(work, `hugo-${conference.talks}`);
      if (hugo) await writeHugoSite(hugoSite, talksDir);
      const tools: Array<[ToolName | "check", (out: string) => Promise<Command>]> = [
        ["lectern", (out) => lecternBuild(conference.contentDir, out)],
        ["eleventy", async (out) => eleventyBuild(talksDir, out)],
        ["floor", async (out) => floorBuild(talksDir, out)],
        ...(hugo ? [["hugo", async (out: string) => hugoBuild(hugo.path, hugoSite, out)] as [ToolName, (out: string) => Promise<Command>]] : []),
        ["check", () => lecternCheck(conference.contentDir)],
      ];
      // Warm the page cache so that the first timed tool is not charged for the disk.
      await timeCommand(floorBuild(talksDir, path.join(outputs, "warm-up")));
      const samples = new Map<string, Sample[]>(tools.map(([name]) => [name, []]));
      for (let round = 0; round < options.runs; round++) {
        for (let i = 0; i < tools.length; i++) {
          const [name, command] = tools[(i + round) % tools.length]!;
          const out = path.join(outputs, name);
          await rm(out, { recursive: true, force: true });
          const sample = await timeCommand(await command(out));
          // Flush what this tool wrote, so that the next one is not charged for its write-back.
          await run(["sync"], ROOT);
          samples.get(name)!.push(sample);
          say(`${conference.talks} talks, run ${round + 1}/${options.runs}: ${name} ${secs(sample.seconds)} s, ${mb(sample.peakKb && sample.peakKb / 1024)}`);
        }
      }
      const measured = new Map<string, Measured>();
      for (const [name] of tools) measured.set(name, { ...summarise(samples.get(name)!), pages: await countHtml(path.join(outputs, name)) });
      results.set(conference.talks, measured);
      await rm(outputs, { recursive: true, force: true });
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

    // The dev server: one saved talk to the reload, on copies (the edits change the files).
    const dev = new Map<string, DevResult>();
    if (options.dev) {
      const thousand = conferences.find((c) => c.talks === 1000);
      const targets: Array<[string, string | undefined]> = [
        ["sample", path.join(ROOT, "content")],
        ["1,000 talks", thousand?.contentDir],
      ];
      for (const [label, source] of targets) {
        if (!source) {
          dev.set(label, { ok: false, reason: "not measured: 1,000 is not among --sizes" });
          continue;
        }
        const copy = path.join(work, `dev-${label.replace(/\W+/g, "")}`, "content");
        await cp(source, copy, { recursive: true });
        const result = await measureDevReload(copy, path.join(work, `dev-out-${label.replace(/\W+/g, "")}`), 3, 180_000);
        dev.set(label, result);
        say(`dev server, ${label}: ${result.ok ? `${secs(result.seconds)} s` : result.reason}`);
      }
    } else {
      dev.set("sample", { ok: false, reason: "skipped (--no-dev)" });
      dev.set("1,000 talks", { ok: false, reason: "skipped (--no-dev)" });
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
    else await rm(work, { recursive: true, force: true });
  }
}

/**
 * Runs a package.json script of the form `tsx <file>` or `node [flags] --import tsx <file>` under
 * `node --cpu-prof` (Node refuses --cpu-prof in NODE_OPTIONS) and summarises the main thread.
 */
async function profileScript(script: string, contentDir: string, dir: string): Promise<ProfileSummary | string> {
  const command = await npmScript(script, {});
  const line = command?.argv.at(-1) ?? "";
  const match = /^(?:tsx|node((?:\s+--[\w-]+(?:=\S+)?)*?)\s+--import tsx)\s+(\S+)\s*$/.exec(line);
  const file = match?.[2];
  const nodeFlags = match?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (!file) return `not profiled: the ${script} script (\`${line}\`) is not \`node [flags] --import tsx <file>\``;
  const outputDir = path.join(dir, "site");
  const result = await run(
    [process.execPath, ...nodeFlags, "--cpu-prof", `--cpu-prof-dir=${dir}`, "--import", "tsx", file],
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
  results: Map<number, Map<string, Measured>>;
  sample: { build: ReturnType<typeof summarise>; check: ReturnType<typeof summarise>; pages: number };
  weights: Map<string, PageWeight | undefined>;
  dev: Map<string, DevResult>;
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
      `seed ${options.seed} · ${options.runs} run(s) per cell, median · load average ${input.load[0][0]!.toFixed(2)} before, ${input.load[1][0]!.toFixed(2)} after · ` +
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
      "tags, a few workshops and posts. Lectern builds every page and export; the other three turn the talk files " +
      "into one minimal HTML page each (plain Eleventy 3.1.7 run by node with bench/eleventy/; the gray-matter + " +
      "markdown-it floor, bench/floor.mjs; Hugo with a one-template site written at run time).",
    "",
    "| talks | tool | wall (median) | peak RSS | HTML pages written | Lectern ÷ this |",
    "| ---: | --- | ---: | ---: | ---: | ---: |",
  );
  const toolLabel: Record<string, string> = {
    lectern: "Lectern full build",
    eleventy: "plain Eleventy 3",
    floor: "floor (gray-matter + markdown-it)",
    hugo: "Hugo",
    check: "Lectern `npm run check`",
  };
  for (const [talks, measured] of results) {
    const lectern = measured.get("lectern");
    for (const name of ["lectern", "eleventy", "floor", "hugo", "check"]) {
      const m = measured.get(name);
      if (!m) {
        if (name === "hugo") lines.push(`| ${talks.toLocaleString("en")} | Hugo | skipped: hugo not on PATH | | | |`);
        continue;
      }
      const versus = name === "lectern" || name === "check" ? "" : ratio(lectern?.seconds, m.seconds);
      lines.push(`| ${talks.toLocaleString("en")} | ${toolLabel[name]} | ${secs(m.seconds)} s | ${mb(m.peakMb)} | ${name === "check" ? "" : m.pages.toLocaleString("en")} | ${versus} |`);
    }
  }

  const at = (talks: number, tool: string) => results.get(talks)?.get(tool);
  const big = at(10000, "lectern");
  const targets: Target[] = [];
  const target = (what: string, limit: string, value: number | undefined, show: (v: number) => string, ok: (v: number) => boolean) =>
    targets.push({ what, target: limit, value: value === undefined ? "not measured" : show(value), met: value === undefined ? undefined : ok(value) });
  const r = (a: Measured | undefined, b: Measured | undefined) => (a && b ? a.seconds / b.seconds : undefined);
  target("10,000 talks: Lectern ÷ Hugo", "≤ 1.0 ×", r(big, at(10000, "hugo")), (v) => `${v.toFixed(2)} ×`, (v) => v <= 1);
  if (!hugo) targets.at(-1)!.value = "skipped: hugo not on PATH";
  target("10,000 talks: Lectern ÷ floor", "≤ 2.5 ×", r(big, at(10000, "floor")), (v) => `${v.toFixed(2)} ×`, (v) => v <= 2.5);
  target("10,000 talks: Lectern ÷ plain Eleventy (for information)", "—", r(big, at(10000, "eleventy")), (v) => `${v.toFixed(2)} ×`, () => true);
  targets.at(-1)!.info = true;
  target("10,000 talks: Lectern peak RSS", "< 1 GB", big?.peakMb, mb, (v) => v < GB);
  target("scaling: Lectern 10,000 ÷ 1,000", "≤ 12 ×", r(big, at(1000, "lectern")), (v) => `${v.toFixed(2)} ×`, (v) => v <= 12);
  target("sample site: full build", "< 2 s", input.sample.build.seconds, (v) => `${secs(v)} s`, (v) => v < 2);
  target("sample site: `npm run check`", "< 1 s", input.sample.check.seconds, (v) => `${secs(v)} s`, (v) => v < 1);
  // The issue measures check at 10,000 talks but sets its 1 s limit on the sample only.
  target("10,000 talks: `npm run check` (for information)", "—", at(10000, "check")?.seconds, (v) => `${secs(v)} s`, () => true);
  targets.at(-1)!.info = true;
  for (const [label, limit, seconds] of [
    ["sample", "< 0.3 s", 0.3],
    ["1,000 talks", "< 2 s", 2],
  ] as const) {
    const result = input.dev.get(label);
    targets.push({
      what: `dev server, ${label}: save one talk → reload`,
      target: limit,
      value: !result ? "not measured" : result.ok ? `${secs(result.seconds)} s` : result.reason,
      met: result?.ok ? result.seconds < seconds : undefined,
    });
  }
  const talkPage = input.weights.get("talk page (largest)");
  const schedule = input.weights.get("schedule page");
  target("sample talk page, uncompressed (HTML + CSS + JS)", "< 30 KB", talkPage?.raw, kb, (v) => v < 30 * 1024);
  target("sample schedule page, uncompressed (HTML + CSS + JS)", "< 100 KB", schedule?.raw, kb, (v) => v < 100 * 1024);
  const scripted = [...input.weights.values()].filter((w) => w && w.scripts > 0).map((w) => w!.page);
  targets.push({
    what: "no JavaScript on the measured pages",
    target: "none",
    value: scripted.length ? `scripts on ${scripted.join(", ")}` : "none",
    met: scripted.length === 0,
  });

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
  lines.push("", "Each file gzipped on its own (default level), as a server would send it.");

  lines.push("", "## Dev server", "");
  for (const [label, result] of input.dev) {
    lines.push(`- ${label}: ${result.ok ? `${secs(result.seconds)} s from writing one talk to the reload (median of ${result.samples} edits; ${result.via})` : result.reason}`);
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
