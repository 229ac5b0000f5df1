import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { makeContent, tempDir } from "../helpers.ts";
import { get, reloadListener, startDev, waitForPage, type RunningDev } from "./dev-helpers.ts";

let dev: RunningDev;
let contentDir: string;

before(async () => {
  contentDir = await makeContent("small");
  dev = await startDev({ CONTENT_DIR: contentDir, OUTPUT_DIR: path.join(await tempDir(), "site") });
});
after(async () => {
  await dev?.stop();
});

test("npm start writes sw.js and the search index under the base path, and indexes an edit after the reload", async () => {
  const base = dev.url;
  assert.match(base, /\/conf\/$/);
  // The worker, its texts and the index are made in the background after each build (the reload does not wait).
  const worker = await waitForPage(`${base}sw.js`, (page) => page.status === 200);
  assert.match(worker.body, /^const LECTERN_SW=\{"id":"[0-9a-f]{12}","precache":\[\["",/);
  assert.equal((await get(`${base}assets/search-messages.json`)).status, 200);
  const entry = await waitForPage(`${base}pagefind/pagefind-entry.json`, (page) => page.status === 200);
  assert.equal((await get(`${base}pagefind/pagefind.js`)).status, 200);

  const reloads = await reloadListener(base);
  const file = path.join(contentDir, "talks", "opening.md");
  await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, "title: Opening keynote, revised"));
  await reloads.next();
  reloads.close();
  await waitForPage(`${base}talks/opening/`, (page) => page.body.includes("Opening keynote, revised"));
  const newWorker = await waitForPage(`${base}sw.js`, (page) => page.body !== worker.body);
  assert.notEqual(/"id":"([0-9a-f]+)"/.exec(newWorker.body)![1], /"id":"([0-9a-f]+)"/.exec(worker.body)![1], "a new build id");
  // A new index replaces the old one: its entry names new index files.
  await waitForPage(`${base}pagefind/pagefind-entry.json`, (page) => page.status === 200 && page.body !== entry.body);
});
