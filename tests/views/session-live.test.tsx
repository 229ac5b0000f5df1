import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { DateTime } from "luxon";
import { renderToString } from "preact-render-to-string";
import { loadConference } from "../../src/content/load.ts";
import type { Conference } from "../../src/content/model.ts";
import { ScheduleEntry } from "../../src/views/ScheduleEntry.tsx";
import { TalkPage } from "../../src/views/TalkPage.tsx";
import { WorkshopPage } from "../../src/views/WorkshopPage.tsx";
import { makeContent } from "../helpers.ts";

const EVENT_ROOMS = "rooms:\n  - id: main\n    name: Main Stage\n  - id: side\n    name: Side Room\n";
const STREAMED_ROOMS = "rooms:\n  - id: main\n    name: Main Stage\n    stream: https://stream.example.org/main\n  - id: side\n    name: Side Room\n    stream: https://stream.example.org/side\n";

let conference: Conference;
const talk = (slug: string) => {
  const found = conference.talks.find((t) => t.slug === slug);
  assert.ok(found?.url, slug);
  return found as typeof found & { url: string };
};
/** The live block's variants as "shown/hidden text → link" lines. */
function liveVariants(html: string): string[] {
  const block = /<div class="session-live" data-cta>(.*?)<\/div>/.exec(html)?.[1];
  if (block === undefined) return [];
  return [...block.matchAll(/<p( data-from="[^"]*")?( data-until="[^"]*")?( hidden)?>(.*?)<\/p>/g)].map(
    (m) => `${m[3] ? "hidden" : "shown"}:${m[1] ?? ""}${m[2] ?? ""}: ${m[4]!.replace(/<a class="([^"]*)" href="([^"]*)">([^<]*)<\/a>/, "$3 ($1) → $2")}`,
  );
}

describe("live and after on a session's page, for the build's clock", () => {
  before(async () => {
    const dir = await makeContent("small", {});
    const { readFile, writeFile } = await import("node:fs/promises");
    const event = await readFile(`${dir}/event.yaml`, "utf8");
    assert.ok(event.includes(EVENT_ROOMS));
    await writeFile(`${dir}/event.yaml`, event.replace(EVENT_ROOMS, STREAMED_ROOMS));
    const opening = await readFile(`${dir}/talks/opening.md`, "utf8");
    await writeFile(`${dir}/talks/opening.md`, opening.replace("slides:", "video: https://video.example.org/opening\nslides:"));
    conference = await loadConference({ contentDir: dir });
  });

  const render = (slug: string, now: string | undefined) =>
    renderToString(<TalkPage event={conference.event} talk={talk(slug)} tagUrls={conference.tagUrls} now={now ? DateTime.fromISO(now) : undefined} />);

  test("the page's session carries its start, end and room for the scripts", () => {
    assert.match(render("opening", undefined), /<article class="session"(?: data-session="[\d ]+")? data-start="2024-10-26T09:00:00\+02:00" data-end="2024-10-26T09:45:00\+02:00" data-room="main">/);
  });

  test("before the talk, nothing shows; during it, the room's stream; after it, the recording", () => {
    const variants = (now: string) => liveVariants(render("opening", now));
    const live = ' data-from="2024-10-26T09:00:00+02:00" data-until="2024-10-26T09:45:00+02:00": Watch live (button button--live) → https://stream.example.org/main';
    const after = ' data-from="2024-10-26T09:45:00+02:00": Watch the recording (button) → https://video.example.org/opening';
    assert.deepEqual(variants("2024-10-26T08:59:00+02:00"), [`hidden:${live}`, `hidden:${after}`]);
    assert.deepEqual(variants("2024-10-26T09:10:00+02:00"), [`shown:${live}`, `hidden:${after}`]);
    assert.deepEqual(variants("2024-10-26T09:45:00+02:00"), [`hidden:${live}`, `shown:${after}`]);
  });

  test("after a streamed talk without a recording, the page says one is coming", () => {
    assert.deepEqual(liveVariants(render("late-night", "2024-10-27T01:00:00+02:00")), [
      'hidden: data-from="2024-10-26T23:30:00+02:00" data-until="2024-10-27T00:30:00+02:00": Watch live (button button--live) → https://stream.example.org/side',
      'shown: data-from="2024-10-27T00:30:00+02:00": The recording will be published here.',
    ]);
  });

  test("a workshop in a streamed room links the stream while it runs, and promises no recording", () => {
    const workshop = conference.workshops[0]!;
    const html = renderToString(<WorkshopPage event={conference.event} workshop={workshop} tagUrls={conference.tagUrls} now={DateTime.fromISO("2024-10-26T15:00:00+02:00")} />);
    assert.deepEqual(liveVariants(html), ['shown: data-from="2024-10-26T14:00:00+02:00" data-until="2024-10-26T16:00:00+02:00": Watch live (button button--live) → https://stream.example.org/side']);
    assert.match(html, /<article class="session"(?: data-session="[\d ]+")? data-start="2024-10-26T14:00:00\+02:00" data-end="2024-10-26T16:00:00\+02:00" data-room="side">/);
  });

  test("a programme entry carries its times and room; a row for every room has no room", () => {
    const entry = (slug: string) => renderToString(<ScheduleEntry session={conference.talks.find((t) => t.slug === slug)!} tagUrls={conference.tagUrls} />);
    assert.match(entry("opening"), /^<div class="entry" data-start="2024-10-26T09:00:00\+02:00" data-end="2024-10-26T09:45:00\+02:00" data-room="main">/);
    assert.match(entry("lunch"), /^<div class="entry" data-start="[^"]+" data-end="[^"]+">/);
  });
});

describe("without a stream or a recording", () => {
  test("a talk page has no live block at all", async () => {
    const plain = await loadConference({ contentDir: await makeContent("small") });
    const opening = plain.talks.find((t) => t.slug === "opening") as Conference["talks"][number] & { url: string };
    const html = renderToString(<TalkPage event={plain.event} talk={opening} tagUrls={plain.tagUrls} now={DateTime.fromISO("2024-10-26T09:10:00+02:00")} />);
    assert.doesNotMatch(html, /session-live|data-cta/);
  });
});

describe("a cancelled session", () => {
  test("carries data-cancelled for the scripts and links no stream", async () => {
    const dir = await makeContent("small");
    const { readFile, writeFile } = await import("node:fs/promises");
    await writeFile(`${dir}/event.yaml`, (await readFile(`${dir}/event.yaml`, "utf8")).replace(EVENT_ROOMS, STREAMED_ROOMS));
    await writeFile(`${dir}/talks/opening.md`, (await readFile(`${dir}/talks/opening.md`, "utf8")).replace("kind: keynote", "kind: keynote\ncancelled: true"));
    const called = await loadConference({ contentDir: dir });
    const opening = called.talks.find((t) => t.slug === "opening") as Conference["talks"][number] & { url: string };
    const html = renderToString(<TalkPage event={called.event} talk={opening} tagUrls={called.tagUrls} now={DateTime.fromISO("2024-10-26T09:10:00+02:00")} />);
    assert.match(html, /<article class="session"(?: data-session="[\d ]+")? data-start="2024-10-26T09:00:00\+02:00" data-end="2024-10-26T09:45:00\+02:00" data-room="main" data-cancelled>/);
    assert.doesNotMatch(html, /session-live/);
  });
});
