import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "./measure.ts";

/** The repository's root (the folder holding package.json). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BENCH = path.join(ROOT, "bench");

/** The tools compared at each size, in the order of the table. */
export type ToolName = "lectern" | "eleventy" | "floor" | "hugo" | "hugo-site" | "hugo-search";

/** The `hugo` on the PATH, or undefined. */
export function findHugo(): { path: string; version: string } | undefined {
  try {
    const found = execFileSync("sh", ["-c", "command -v hugo"], { encoding: "utf8" }).trim();
    if (!found) return undefined;
    const version = execFileSync(found, ["version"], { encoding: "utf8" }).trim();
    return { path: found, version };
  } catch {
    return undefined;
  }
}

/**
 * A package.json script run the way `npm run` runs it (`sh -c`, node_modules/.bin first on the
 * PATH) but without npm itself, whose own start-up (≈ 0.3 s) is not Lectern's.
 * Reading the script each time keeps the benchmark measuring whatever the tree's build is now.
 */
export async function npmScript(name: string, env: Record<string, string>, extraArgs: string[] = []): Promise<Command | undefined> {
  const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.[name];
  if (!script) return undefined;
  const line = [script, ...extraArgs.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`)].join(" ");
  return {
    label: `npm run ${name}`,
    argv: ["sh", "-c", line],
    cwd: ROOT,
    env: { ...env, PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` },
  };
}

/** Lectern's full build of a content folder into `outputDir`. */
export async function lecternBuild(contentDir: string, outputDir: string): Promise<Command> {
  const command = await npmScript("build", { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir });
  if (!command) throw new Error("package.json has no build script");
  return command;
}

/** Lectern's validation of a content folder. */
export async function lecternCheck(contentDir: string): Promise<Command> {
  const command = await npmScript("check", { CONTENT_DIR: contentDir });
  if (!command) throw new Error("package.json has no check script");
  return command;
}

/** Plain Eleventy 3 (the installed one, run by plain node) over the talk files, one page each. */
export function eleventyBuild(talksDir: string, outputDir: string): Command {
  return {
    label: "plain Eleventy",
    argv: [
      process.execPath,
      path.join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs"),
      `--config=${path.join(BENCH, "eleventy", "eleventy.config.mjs")}`,
      `--input=${talksDir}`,
      `--output=${outputDir}`,
      "--quiet",
    ],
    cwd: ROOT,
  };
}

/** The gray-matter + markdown-it floor script over the talk files. */
export function floorBuild(talksDir: string, outputDir: string): Command {
  return { label: "floor script", argv: [process.execPath, path.join(BENCH, "floor.mjs"), talksDir, outputDir], cwd: ROOT };
}

/**
 * Writes a minimal Hugo site in `siteDir` whose content is the talk files (mounted, not copied):
 * one single-page layout, every other kind of page (home, sections, taxonomies, feeds, sitemap) off.
 */
export async function writeHugoSite(siteDir: string, talksDir: string): Promise<void> {
  await writeFiles(siteDir, {
    "config.toml": [
      'baseURL = "https://bench.example.org/"',
      'disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
      "[[module.mounts]]",
      `source = ${JSON.stringify(talksDir)}`,
      'target = "content/talks"',
      "",
    ].join("\n"),
    "layouts/_default/single.html":
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>' +
      "<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n",
  });
}

/**
 * Writes a Hugo site that does a job comparable to Lectern's over the same content folder
 * (talks/ and speakers/ mounted, not copied; the lunch rows, which get no page in Lectern, left out):
 * - a page per talk (title, day and time, length, room, speakers linked by name, tags linked,
 *   the markdown body, a link to its calendar file) and a per-talk `.ics` beside it;
 * - a page per speaker (name, company and role, the markdown bio, their talks with times),
 *   as the term page of a `speakers` taxonomy whose names and bios come from speakers/*.md;
 * - a page per tag listing its talks, and the index of tags;
 * - index pages: every talk (/talks/), every speaker (/speakers/) and the home page, which is
 *   the whole schedule grouped by day (time, room, title, speakers);
 * - `schedule.json` (every talk: title, start, duration, room, speakers, tags, address) and
 *   `schedule.ics` (one VEVENT per talk, TEXT values escaped; lines are not folded).
 * Not done: share cards, the c3voc/frab XML export, the sitemap, feeds, CSS and scripts.
 */
export async function writeComparableHugoSite(siteDir: string, contentDir: string): Promise<void> {
  const head = (title: string) =>
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${title} · {{ site.Title }}</title></head><body><header><a href="/">{{ site.Title }}</a> <a href="/talks/">Talks</a> ` +
    `<a href="/speakers/">Speakers</a> <a href="/tags/">Tags</a></header><main>`;
  const foot = "</main></body></html>\n";
  // A speaker's name from their file (mounted as /people/), the slug when there is none.
  const speakerLinks =
    '{{ range $i, $s := .Params.speakers }}{{ if $i }}, {{ end }}{{ with site.GetPage (printf "/people/%s" $s) }}' +
    '<a href="/speakers/{{ $s }}/">{{ .Params.name }}</a>{{ else }}{{ $s }}{{ end }}{{ end }}';
  const when = '{{ $t := time.AsTime (printf "%s:00" .Params.start) }}{{ $t.Format "Monday 2 January 2006, 15:04" }}';
  const row =
    '<li><time>{{ substr .Params.start 11 5 }}</time> {{ .Params.room }} <a href="{{ .RelPermalink }}">{{ .Title }}</a> ' + speakerLinks + "</li>";
  // RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n` (Go raw strings in the template).
  const raw = (value: string) => `\`${value}\``;
  const text = (value: string) => `${value} | replaceRE ${raw("([\\\\;,])")} ${raw("\\${1}")} | replaceRE ${raw("\\n")} ${raw("\\n")}`;
  const vevent = [
    "BEGIN:VEVENT",
    "UID:{{ .File.ContentBaseName }}@bench.example.org",
    '{{ $t := time.AsTime (printf "%s:00" .Params.start) }}DTSTART;TZID=Europe/Berlin:{{ $t.Format "20060102T150405" }}',
    'DTEND;TZID=Europe/Berlin:{{ ($t.Add (time.ParseDuration (printf "%dm" .Params.duration))).Format "20060102T150405" }}',
    `SUMMARY:{{ ${text(".Title")} }}`,
    "LOCATION:{{ .Params.room }}",
    `DESCRIPTION:{{ ${text(".Summary | plainify")} }}`,
    '{{ with .Params.tags }}CATEGORIES:{{ delimit . "," }}\r\n{{ end }}URL:{{ .Permalink }}',
    "END:VEVENT",
  ].join("\r\n");
  const calendar = (events: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//hugo//EN\r\n${events}END:VCALENDAR\r\n`;
  const talks = 'where site.RegularPages "Section" "talks"';
  await writeFiles(siteDir, {
    "config.toml": [
      'baseURL = "https://bench.example.org/"',
      'title = "Benchmark Conf"',
      'disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]',
      "[taxonomies]",
      'tag = "tags"',
      'speaker = "speakers"',
      "[outputFormats.ScheduleJSON]",
      'mediaType = "application/json"',
      'baseName = "schedule"',
      "isPlainText = true",
      "[outputFormats.ScheduleICS]",
      'mediaType = "text/calendar"',
      'baseName = "schedule"',
      "isPlainText = true",
      "[outputs]",
      'home = ["HTML", "ScheduleJSON", "ScheduleICS"]',
      "[[cascade]]",
      'outputs = ["HTML", "Calendar"]',
      "[cascade._target]",
      'path = "/talks/**"',
      'kind = "page"',
      "[[cascade]]",
      "[cascade._build]",
      'render = "never"',
      'list = "never"',
      "[cascade._target]",
      'path = "{/people,/people/**}"',
      "[[module.mounts]]",
      `source = ${JSON.stringify(path.join(contentDir, "talks"))}`,
      'target = "content/talks"',
      'excludeFiles = "lunch-*"',
      "[[module.mounts]]",
      `source = ${JSON.stringify(path.join(contentDir, "speakers"))}`,
      'target = "content/people"',
      "",
    ].join("\n"),
    "layouts/talks/single.html":
      head("{{ .Title }}") +
      `<article><h1>{{ .Title }}</h1><p>${when} · {{ .Params.duration }} min · {{ .Params.room }}</p><p>${speakerLinks}</p>` +
      '<p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a> {{ end }}</p>{{ .Content }}' +
      '<p><a href="{{ (.OutputFormats.Get "calendar").RelPermalink }}">Add to calendar</a></p></article>' +
      foot,
    "layouts/talks/single.calendar.ics": calendar(`${vevent}\r\n`),
    "layouts/talks/list.html": `${head("Talks")}<h1>Talks</h1><ul>{{ range sort (${talks}) "Title" }}${row}{{ end }}</ul>${foot}`,
    "layouts/speakers/term.html":
      '{{ $p := site.GetPage (printf "/people/%s" .Data.Term) }}' +
      head("{{ $p.Params.name }}") +
      "<article><h1>{{ $p.Params.name }}</h1><p>{{ $p.Params.role }}, {{ $p.Params.company }}</p>{{ $p.Content }}" +
      `<h2>Talks</h2><ul>{{ range sort .Pages "Params.start" }}<li>${when} <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></article>` +
      foot,
    "layouts/speakers/taxonomy.html":
      `${head("Speakers")}<h1>Speakers</h1><ul>{{ range .Data.Terms.Alphabetical }}` +
      '{{ $p := site.GetPage (printf "/people/%s" .Name) }}<li><a href="/speakers/{{ .Name }}/">{{ $p.Params.name }}</a> ({{ .Count }})</li>{{ end }}</ul>' +
      foot,
    "layouts/tags/term.html": `${head("#{{ .Title }}")}<h1>#{{ .Title }}</h1><ul>{{ range sort .Pages "Params.start" }}${row}{{ end }}</ul>${foot}`,
    "layouts/tags/taxonomy.html":
      `${head("Tags")}<h1>Tags</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">#{{ .Name }}</a> ({{ .Count }})</li>{{ end }}</ul>${foot}`,
    "layouts/index.html":
      `${head("Schedule")}<h1>Schedule</h1>{{ $day := "" }}{{ range sort (${talks}) "Params.start" }}` +
      '{{ $d := substr .Params.start 0 10 }}{{ if ne $d $day }}{{ if $day }}</ul>{{ end }}{{ $day = $d }}<h2>{{ (time.AsTime $d).Format "Monday 2 January" }}</h2><ul>{{ end }}' +
      `${row}{{ end }}</ul>${foot}`,
    "layouts/index.schedulejson.json":
      `[{{ range $i, $p := sort (${talks}) "Params.start" }}{{ if $i }},{{ end }}` +
      '{{ dict "title" .Title "start" .Params.start "duration" .Params.duration "room" .Params.room "speakers" .Params.speakers "tags" .Params.tags "url" .Permalink | jsonify }}{{ end }}]\n',
    "layouts/index.scheduleics.ics": calendar(`{{ range sort (${talks}) "Params.start" }}${vevent}\r\n{{ end }}`),
  });
}

async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
}

export function hugoBuild(hugo: string, siteDir: string, outputDir: string): Command {
  return { label: "hugo", argv: [hugo, "--quiet", "--source", siteDir, "--destination", outputDir], cwd: siteDir };
}

/**
 * The comparable Hugo site with a search index, as Hugo sites get one: Hugo, then the Pagefind
 * CLI (the same Pagefind as Lectern's, from node_modules) over every page it wrote. Lectern has
 * indexed its pages since issue #14, so this is the Hugo site doing Lectern's whole job.
 */
export function hugoWithSearchBuild(hugo: string, siteDir: string, outputDir: string): Command {
  const pagefind = path.join(ROOT, "node_modules", ".bin", "pagefind");
  return {
    label: "hugo + pagefind",
    argv: ["sh", "-c", '"$0" --quiet --source "$1" --destination "$2" && "$3" --site "$2" --silent', hugo, siteDir, outputDir, pagefind],
    cwd: siteDir,
  };
}
