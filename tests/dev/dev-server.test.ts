import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, rename, rm, writeFile } from "node:fs/promises";
import { networkInterfaces } from "node:os";
import net from "node:net";
import path from "node:path";
import { after, before, test } from "node:test";
import { makeContent, ROOT, tempDir } from "../helpers.ts";
import { get, rawGet, rawRequest, startDev, waitForPage, type RunningDev } from "./dev-helpers.ts";

const TALK = `---
title: After the clocks change
speakers: [sam-lee]
start: 2024-10-27 10:00
duration: 30
room: main
tags: [time]
---
Sunday, one hour later in UTC terms.
`;

let dev: RunningDev;
let contentDir: string;
let outputDir: string;
let publicDir: string;

before(async () => {
  contentDir = await makeContent("small");
  outputDir = path.join(await tempDir("lectern-dev-"), "site");
  publicDir = path.join(path.dirname(outputDir), "public");
  await cp(path.join(ROOT, "public"), publicDir, { recursive: true });
  dev = await startDev({ CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, PUBLIC_DIR: publicDir });
});

after(async () => {
  const { stray } = await dev.stop();
  assert.deepEqual(stray, [], "no process of the dev server's group is left running");
  await rm(path.dirname(contentDir), { recursive: true, force: true });
  await rm(path.dirname(outputDir), { recursive: true, force: true });
});

test("serves the built site on 127.0.0.1 only, with the live-reload script in pages", async () => {
  // The small fixture's url has the path /conf/: the dev server serves the site under it.
  assert.match(dev.url, /^http:\/\/127\.0\.0\.1:\d+\/conf\/$/);
  assert.match(dev.output(), /only this computer can connect/);
  const page = await get(new URL("talks/after-the-change/", dev.url).href);
  assert.equal(page.status, 200);
  assert.match(page.body, /<h1>After the clocks change<\/h1>/);
  assert.match(page.body, /new EventSource\("\/conf\/__lectern\/events"\)/);

  const outside = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === "IPv4");
  if (outside) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: outside.address, port: dev.port });
      socket.once("connect", () => (socket.destroy(), resolve(false)));
      socket.once("error", () => resolve(true));
    });
    assert.equal(refused, true, `the dev server must not answer on ${outside.address}`);
  }
});

test("a talk edit shows after the rebuild", async () => {
  await writeFile(path.join(contentDir, "talks", "after-the-change.md"), TALK.replace("After the clocks change", "After the clocks changed again"));
  const page = await waitForPage(new URL("talks/after-the-change/", dev.url).href, (p) => p.body.includes("After the clocks changed again"));
  assert.equal(page.status, 200);
});

test("broken content: the terminal prints check's lines and every page shows them; fixing it brings the site back", async () => {
  const file = path.join(contentDir, "talks", "after-the-change.md");
  const shown = `${path.join(contentDir, "talks", "after-the-change.md").split(path.sep).join("/")}: duration: expected a number, got text "forty"`;
  const printed = dev.waitForOutput(`lectern dev: 1 content problem:\n  ${shown}\n`);
  await writeFile(file, TALK.replace("duration: 30", "duration: forty"));
  await printed;

  for (const address of ["talks/after-the-change/", "", "speakers/sam-lee/", "no-such-page/"]) {
    const page = await waitForPage(new URL(address, dev.url).href, (p) => p.status === 500);
    assert.match(page.body, /<title>Lectern: 1 content problem<\/title>/);
    assert.ok(page.body.includes(`<li>${shown.replaceAll('"', "&quot;")}</li>`), page.body);
    assert.match(page.body, /new EventSource/, "the error page reloads itself when the file is fixed");
  }
  const css = await get(new URL("styles.css", dev.url).href);
  assert.equal(css.status, 200, "static files are still served");

  await writeFile(file, TALK.replace("After the clocks change", "Fixed and back"));
  const page = await waitForPage(new URL("talks/after-the-change/", dev.url).href, (p) => p.status === 200).catch((error: Error) => {
    throw new Error(`${error.message.slice(0, 200)}\ndev server output:\n${dev.output()}`);
  });
  assert.match(page.body, /<h1>Fixed and back<\/h1>/);
  assert.match(dev.output(), /fixed; built \d+ pages in \d+ ms/);
});

test("a deleted talk disappears and a renamed one moves", async () => {
  await rm(path.join(contentDir, "talks", "late-night.md"));
  const gone = await waitForPage(new URL("talks/late-night/", dev.url).href, (p) => p.status === 404);
  assert.match(gone.body, /Page not found/);
  assert.equal(existsSync(path.join(outputDir, "talks", "late-night")), false);

  await rename(path.join(contentDir, "talks", "opening.md"), path.join(contentDir, "talks", "welcome.md"));
  await waitForPage(new URL("talks/welcome/", dev.url).href, (p) => p.status === 200);
  // A rename reaches the watcher as two events, which may make two builds: wait for the last.
  await waitForPage(new URL("talks/opening/", dev.url).href, (p) => p.status === 404).catch((error: Error) => {
    throw new Error(`${error.message}\ndev server output:\n${dev.output()}`);
  });
});

test("a stylesheet edit (minified on the way) or a new file in public/ is copied to the site", async () => {
  await writeFile(path.join(publicDir, "styles.css"), "/* a comment */\nbody { color: rebeccapurple; }\n");
  await waitForPage(new URL("styles.css", dev.url).href, (p) => p.body === "body{color:#639}\n");
  await writeFile(path.join(publicDir, "extra.txt"), "new file\n");
  await waitForPage(new URL("extra.txt", dev.url).href, (p) => p.status === 200 && p.body === "new file\n");
});

test("raw requests that try to leave the output folder get 404, not a file, a crash or a hang", async () => {
  const sibling = `${path.basename(outputDir)}-secret`;
  await writeFile(path.join(path.dirname(outputDir), `${sibling}.txt`), "SECRET");
  for (const target of [
    "/%2e%2e%2fpackage.json",
    "/..%2f..%2fpackage.json",
    "/..%5c..%5cpackage.json",
    "/%2e%2e/%2e%2e/package.json",
    `/../${sibling}.txt`,
    `/%2e%2e/${sibling}.txt`,
    "/%00",
    "/%ff",
  ]) {
    const answer = await rawGet(dev.port, target);
    assert.match(answer, /^HTTP\/1\.1 404 /, `${target} → ${answer.split("\r\n")[0]}`);
    assert.doesNotMatch(answer, /SECRET|"name": "lectern"/);
  }
  const still = await get(new URL("talks/after-the-change/", dev.url).href);
  assert.equal(still.status, 200, "the server still answers after them");
});

test("a request addressed to another name (DNS rebinding) gets 403 and one line of text, not the site", async () => {
  const forbidden =
    `lectern dev: forbidden: this dev server answers only to localhost, 127.0.0.1, [::1] and the HOST it was started with, on port ${dev.port} (a guard against DNS rebinding)\n`;
  for (const [host, target] of [
    ["evil.example:8080", "/"],
    [`evil.example:${dev.port}`, "/talks/after-the-change/"],
    [`evil.example:${dev.port}`, "/__lectern/events"],
    [`127.0.0.1.evil.example:${dev.port}`, "/"],
    [`localhost.evil.example:${dev.port}`, "/"],
    [`127.0.0.1:${dev.port + 1}`, "/"],
    ["127.0.0.1", "/"],
  ] as const) {
    const answer = await rawRequest(dev.port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 403 /, `Host: ${host} → ${answer.split("\r\n")[0]}`);
    assert.ok(answer.endsWith(`\r\n\r\n${forbidden}`), answer);
  }
  for (const host of [`127.0.0.1:${dev.port}`, `localhost:${dev.port}`, `LocalHost:${dev.port}`, `[::1]:${dev.port}`, `talks.localhost:${dev.port}`]) {
    const answer = await rawRequest(dev.port, `GET /conf/talks/after-the-change/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 200 /, `Host: ${host} → ${answer.split("\r\n")[0]}`);
  }
});

test("the content folder deleted and put back (a git checkout): the site comes back and edits show again", async () => {
  const saved = path.join(path.dirname(outputDir), "content-saved");
  await cp(contentDir, saved, { recursive: true });
  const talk = new URL("talks/after-the-change/", dev.url).href;
  await rm(contentDir, { recursive: true, force: true });
  await waitForPage(talk, (p) => p.status === 500);

  await cp(saved, contentDir, { recursive: true });
  await waitForPage(talk, (p) => p.status === 200).catch((error: Error) => {
    throw new Error(`${error.message.slice(0, 300)}\ndev server output:\n${dev.output()}`);
  });
  const file = path.join(contentDir, "talks", "after-the-change.md");
  await writeFile(file, TALK.replace("After the clocks change", "Edited after the restore"));
  const page = await waitForPage(talk, (p) => p.body.includes("<h1>Edited after the restore</h1>")).catch((error: Error) => {
    throw new Error(`${error.message.slice(0, 300)}\ndev server output:\n${dev.output()}`);
  });
  assert.equal(page.status, 200);
});
