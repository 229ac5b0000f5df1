import assert from "node:assert/strict";
import { cp, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { makeContent, ROOT, runLectern, tempDir } from "../helpers.ts";

test("adding a language is one file: a catalogue beside the others is found, and a missing key fails the build naming it", async () => {
  const project = await tempDir("lectern-project-");
  for (const entry of ["src", "_data", "public", ".eleventy.ts", "tsconfig.json", "package.json"]) {
    await cp(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  }
  await symlink(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
  // Dutch, made from the German file with one key left out and one text changed to prove it is used.
  const german = await readFile(path.join(ROOT, "src", "i18n", "de.ts"), "utf8");
  const dutch = german
    .replace("export const de: Catalogue = {", "export const nl: Catalogue = {")
    .replace('"nav.home": "Start",', '"nav.home": "Begin",');
  assert.notEqual(dutch, german);
  const contentDir = await makeContent("small");
  const event = path.join(contentDir, "event.yaml");
  await writeFile(event, (await readFile(event, "utf8")).replace(/^language: .*$/m, "").replace(/^name: /m, "language: nl\nname: "));
  const env = { CONTENT_DIR: contentDir, OUTPUT_DIR: path.join(project, "_site") };

  await writeFile(path.join(project, "src", "i18n", "nl.ts"), dutch.replace(/^ {2}"nav\.schedule": .*\n/m, ""));
  const broken = await runLectern("build", env, [], project);
  assert.equal(broken.code, 1, broken.stderr);
  assert.match(broken.stderr, /src\/i18n\/nl\.ts: nav\.schedule: missing \(English: "Schedule"\)/);

  await writeFile(path.join(project, "src", "i18n", "nl.ts"), dutch);
  const built = await runLectern("build", env, [], project);
  assert.equal(built.code, 0, built.stderr);
  const home = await readFile(path.join(project, "_site", "index.html"), "utf8");
  assert.match(home, /<html lang="nl"/);
  assert.match(home, />Begin<\/a>/);
});
