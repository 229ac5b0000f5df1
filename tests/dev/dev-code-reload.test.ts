import assert from "node:assert/strict";
import { cp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { makeContent, ROOT, tempDir } from "../helpers.ts";
import { startDev, waitForPage } from "./dev-helpers.ts";

// Node never reloads an ES module it has imported, so an edit to a view (imported by a route
// file) cannot show in a long-lived process: the dev command starts a new builder instead.
// This runs a copy of the project, so that editing its views leaves the real ones alone.
test("editing a view in a copy of the project restarts the builder and shows the change", async () => {
  const project = await tempDir("lectern-project-");
  for (const entry of ["src", "_data", "public", ".eleventy.ts", "tsconfig.json", "package.json"]) {
    await cp(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  }
  await symlink(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
  const contentDir = await makeContent("small");
  const outputDir = path.join(project, "_site");
  const dev = await startDev(
    { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir },
    path.join(project, "src", "cli", "dev.ts"),
  );
  try {
    const view = path.join(project, "src", "views", "TalkPage.tsx");
    const source = await readFile(view, "utf8");
    assert.ok(source.includes("<h1>{talk.title}</h1>"), "TalkPage renders the title in an <h1>");
    const built = dev.waitForOutput(/src\/views\/TalkPage\.tsx changed; built \d+ pages/, 30_000);
    await writeFile(view, source.replace("<h1>{talk.title}</h1>", "<h1>{talk.title} (edited view)</h1>"));
    await waitForPage(new URL("talks/after-the-change/", dev.url).href, (p) =>
      p.body.includes("<h1>After the clocks change (edited view)</h1>"),
    );
    // The page changes when the new site is swapped in; the builder's reply is printed just after.
    await built;
  } finally {
    const { stray } = await dev.stop();
    assert.deepEqual(stray, []);
    await rm(project, { recursive: true, force: true });
    await rm(path.dirname(contentDir), { recursive: true, force: true });
  }
});
