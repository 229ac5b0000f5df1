import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { makeContent, ROOT, tempDir } from "../helpers.ts";
import { get, reloadListener, startDev, waitForPage, type RunningDev } from "./dev-helpers.ts";

let dev: RunningDev;
let contentDir: string;

before(async () => {
  const event = (await readFile(path.join(ROOT, "content", "event.yaml"), "utf8")).replace(/^url: .*$/m, "url: https://example.org/boston-2016/");
  contentDir = await makeContent("sample", { "event.yaml": event });
  dev = await startDev({ CONTENT_DIR: contentDir, OUTPUT_DIR: path.join(await tempDir(), "site") });
});
after(async () => {
  await dev?.stop();
});

test("npm start serves a site whose url has a path under that path, and live reload works there", async () => {
  assert.match(dev.url, /^http:\/\/127\.0\.0\.1:\d+\/boston-2016\/$/, "the printed address is the site's own");
  const origin = new URL(dev.url).origin;
  const root = await get(`${origin}/`);
  assert.equal(root.status, 302);
  const talk = await get(`${dev.url}talks/autopilot/`);
  assert.equal(talk.status, 200);
  assert.match(talk.body, /<link rel="stylesheet" href="\/boston-2016\/styles\.css"\/>/);
  assert.match(talk.body, /new EventSource\("\/boston-2016\/__lectern\/events"\)/);
  assert.equal((await get(`${origin}/talks/autopilot/`)).status, 404, "nothing is served outside the base path");
  assert.equal((await get(`${dev.url}styles.css`)).status, 200);

  const reloads = await reloadListener(dev.url);
  const file = path.join(contentDir, "talks", "autopilot.md");
  await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, "title: Autopilot under a sub-path"));
  await reloads.next();
  reloads.close();
  await waitForPage(`${dev.url}talks/autopilot/`, (page) => page.body.includes("Autopilot under a sub-path"));
});
