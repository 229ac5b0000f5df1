import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../content/errors.ts";
import { releaseText } from "../content/releases.ts";
import { toSlug } from "../content/slug.ts";
import { buildClock } from "../eleventy/build-clock.ts";
import { paths } from "../eleventy/conference-data.ts";
import { currentProgramme, historyOf } from "../export/changes.ts";
import { loadSite } from "./load-site.ts";
import { BuildError, runCommand } from "./report.ts";
import { escapeForTerminal } from "./terminal.ts";

const USAGE = 'usage: npm run release -- "v2: room swap on Saturday"';

/**
 * `npm run release -- "name"`: records the programme as it is now in `releases/<n>-<name>.yaml`,
 * after checking the whole content folder. The moment recorded is `LECTERN_NOW` or
 * `SOURCE_DATE_EPOCH` when set, else the clock. Never writes over a file.
 */
await runCommand("release", async () => {
  const name = process.argv.slice(2).join(" ").trim();
  if (!name) throw new BuildError(USAGE);
  if (/[\n\r\v\f\u0085\u2028\u2029]/.test(name)) throw new BuildError("the release's name must be one line; it has a line break");
  const { contentDir, outputDir, publicDir } = paths();
  const { conference } = await loadSite({ contentDir, publicDir, outputDir, render: false });
  const { releases, steps } = historyOf(conference);
  const same = releases.find((release) => release.name === name);
  if (same) throw new BuildError(`${same.file} already has the name "${name}"; choose another`);
  const newest = releases.at(-1);
  if (newest && steps[0]?.release) throw new BuildError(`the programme has not changed since "${newest.name}" (${newest.file}); nothing to release`);
  const recorded = buildClock();
  const { event } = conference;
  if (recorded > event.end.endOf("day")) {
    throw new BuildError(`${recorded.toISO()} is after the event's last day (${event.end.toISODate()}); set LECTERN_NOW to record the release for another moment`);
  }
  if (newest && recorded <= newest.recorded) {
    throw new BuildError(`${recorded.toISO()} is not after the newest release, "${newest.name}" (${newest.recorded.toISO()}); releases are ordered by when they were recorded`);
  }
  const sessions = currentProgramme(conference);
  const folder = path.join(contentDir, "releases");
  const file = path.join(folder, `${String(releases.length + 1).padStart(2, "0")}-${toSlug(name).slice(0, 60) || "release"}.yaml`);
  await mkdir(folder, { recursive: true });
  try {
    await writeFile(file, releaseText({ name, recorded, sessions }), { flag: "wx" });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new BuildError(code === "EEXIST" ? `${displayPath(file)} already exists; choose another name` : `cannot write ${displayPath(file)}: ${message}`);
  }
  const changes = steps[0] && !steps[0].release ? steps[0].changes.length : 0;
  const what = newest ? `${changes} ${changes === 1 ? "change" : "changes"} since "${newest.name}"` : `the first release, ${sessions.length} sessions`;
  process.stdout.write(escapeForTerminal(`lectern release: wrote ${displayPath(file)} (${what}); commit it with the content`) + "\n");
});
