import { performance } from "node:perf_hooks";
import { displayPath } from "../content/errors.ts";
import { paths } from "../eleventy/conference-data.ts";
import { loadSite } from "./load-site.ts";
import { runCommand } from "./report.ts";
import { escapeForTerminal } from "./terminal.ts";

await runCommand("check", async () => {
  const started = performance.now();
  const { contentDir, outputDir, publicDir } = paths();
  const { conference } = await loadSite({ contentDir, publicDir, outputDir, render: false });
  const ms = performance.now() - started;
  process.stdout.write(
    escapeForTerminal(
      `lectern check: ${displayPath(contentDir)} is valid: ${conference.talks.length} programme entries, ` +
        `${conference.speakers.length} speakers, ${conference.workshops.length} workshops, ` +
        `${conference.posts.length} posts (${Math.round(ms)} ms)`,
    ) + "\n",
  );
});
