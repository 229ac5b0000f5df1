import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { buildSite, FIXTURES, listFiles, makeContent, readPage, readScheduleDays, runLectern } from "../helpers.ts";

const EVENT = await readFile(path.join(FIXTURES, "small", "event.yaml"), "utf8");
const withStream = (stream: string) => EVENT.replace("    name: Main Stage\n", `    name: Main Stage\n    stream: ${stream}\n`);

describe("a room's live stream", () => {
  test("an https:// stream: built during a talk in that room, its page shows Watch live, and the programme carries times and rooms", async () => {
    const site = await buildSite(await makeContent("small", { "event.yaml": withStream("https://stream.example.org/main") }), {
      LECTERN_NOW: "2024-10-26T09:10:00+02:00",
    });
    const opening = await readPage(site, "/talks/opening/");
    assert.match(
      opening,
      /<div class="session-live" data-cta><p data-from="2024-10-26T09:00:00\+02:00" data-until="2024-10-26T09:45:00\+02:00"><a class="button button--live" href="https:\/\/stream.example.org\/main">Watch live<\/a><\/p><p data-from="2024-10-26T09:45:00\+02:00" hidden>The recording will be published here.<\/p><\/div><script>/,
    );
    assert.match(opening, /<article class="session"(?: data-session="[\d ]+")? data-start="2024-10-26T09:00:00\+02:00" data-end="2024-10-26T09:45:00\+02:00" data-room="main">/);
    const schedule = await readScheduleDays(site);
    assert.match(schedule, /<div class="entry"(?: data-session="[\d ]+")? data-start="2024-10-26T09:00:00\+02:00" data-end="2024-10-26T09:45:00\+02:00" data-room="main">/);
    assert.match(schedule, /<script type="application\/json" id="_lectern_strings">\{"locale":"en","messages":\{"now.on":"On now",/);
    for (const page of (await listFiles(site)).filter((file) => file.endsWith(".html"))) {
      const html = await readFile(path.join(site, page), "utf8");
      assert.equal(html.split('<script type="application/json" id="_lectern_strings">').length, 2, `${page} carries the client's strings once`);
    }
    // A room without a stream: its talks' pages have no live block.
    assert.doesNotMatch(await readPage(site, "/talks/late-night/"), /session-live/);
  });

  for (const [stream, message] of [
    ["http://stream.example.org/main", 'must be an https:// address (browsers block or flag http:// content on an https site), got "http://stream.example.org/main"'],
    ["stream.example.org/main", 'must be a full http:// or https:// address, got "stream.example.org/main"'],
  ] as const) {
    test(`"${stream}" is refused with the field named`, async () => {
      const content = await makeContent("small", { "event.yaml": withStream(stream) });
      const result = await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: path.join(path.dirname(content), "site") });
      assert.equal(result.code, 1, result.stderr);
      assert.deepEqual(result.stderr.trimEnd().split("\n"), ["lectern build: 1 content problem:", `  ${content}/event.yaml: rooms[0].stream: ${message}`]);
    });
  }
});
