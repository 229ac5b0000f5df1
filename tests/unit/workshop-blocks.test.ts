import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { ContentError, formatProblem } from "../../src/content/errors.ts";
import { loadConference } from "../../src/content/load.ts";
import { shareCards } from "../../src/media/files.ts";
import { FIXTURES, makeContent } from "../helpers.ts";

const HEAD = "title: W\nleaders: [sam-lee]\nroom: side\nlevel: beginner";
const workshop = (fields: string) => `---\n${HEAD}\n${fields}\n---\nBody.\n`;

/** The problem lines of the `small` fixture with hands-on.md's times replaced by `fields`. */
async function problems(fields: string): Promise<string[]> {
  const dir = await makeContent("small", { "workshops/hands-on.md": workshop(fields) });
  try {
    await loadConference({ contentDir: dir });
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    return error.problems.map((p) => formatProblem(p).split(`${dir}/`).join(""));
  }
  return [];
}

describe("a workshop's times: start and duration, or blocks", () => {
  test("blocks give one workshop, first start to last end, and one programme entry a block", async () => {
    const dir = await makeContent("small", {
      "workshops/hands-on.md": workshop("blocks:\n  - {start: 2024-10-27 11:00, duration: 240}\n  - {start: 2024-10-26 13:00, duration: 480}"),
    });
    const conference = await loadConference({ contentDir: dir });
    const w = conference.workshops[0]!;
    assert.deepEqual(
      w.blocks.map((b) => [b.start.toISO(), b.end.toISO(), b.duration]),
      [
        ["2024-10-26T13:00:00.000+02:00", "2024-10-26T21:00:00.000+02:00", 480],
        ["2024-10-27T11:00:00.000+01:00", "2024-10-27T15:00:00.000+01:00", 240],
      ],
      "in time order, whatever the order written",
    );
    assert.equal(w.start.toISO(), "2024-10-26T13:00:00.000+02:00");
    assert.equal(w.end.toISO(), "2024-10-27T15:00:00.000+01:00");
    assert.equal(w.duration, 720);
    assert.equal("part" in w, false);
    const entries = conference.sessions.filter((s) => s.slug === "hands-on");
    assert.deepEqual(
      entries.map((s) => [s.start.toISO(), s.duration, s.type === "workshop" ? s.part : undefined]),
      [
        ["2024-10-26T13:00:00.000+02:00", 480, { index: 0, count: 2 }],
        ["2024-10-27T11:00:00.000+01:00", 240, { index: 1, count: 2 }],
      ],
    );
    assert.deepEqual(
      conference.days.map((day) => day.sessions.filter((s) => s.slug === "hands-on").length),
      [1, 1],
      "shown on each of its days",
    );
    const sam = conference.speakers.find((s) => s.slug === "sam-lee")!;
    assert.equal(conference.sessionsOf(sam).filter((s) => s.slug === "hands-on").length, 1, "listed once on the speaker's page");
    assert.deepEqual(conference.entriesOf(w), entries);
  });

  test("start and duration give one block", async () => {
    const conference = await loadConference({ contentDir: await makeContent("small") });
    const w = conference.workshops[0]!;
    assert.deepEqual(
      w.blocks.map((b) => [b.start.toISO(), b.duration]),
      [["2024-10-26T14:00:00.000+02:00", 120]],
    );
    assert.equal(conference.sessions.find((s) => s.slug === "hands-on"), w, "the workshop itself is its programme entry");
  });

  test("exactly one of the two forms", async () => {
    assert.deepEqual(await problems("start: 2024-10-26 14:00\nduration: 60\nblocks: [{start: 2024-10-27 09:00, duration: 60}]"), [
      "workshops/hands-on.md: blocks: write either start and duration or blocks, not both",
    ]);
    assert.deepEqual(await problems(""), [
      "workshops/hands-on.md: start: required field is missing (or write blocks, a list of {start, duration}, for a workshop in several parts)",
      "workshops/hands-on.md: duration: required field is missing",
    ]);
    assert.deepEqual(await problems("start: 2024-10-26 14:00"), ["workshops/hands-on.md: duration: required field is missing"]);
    assert.deepEqual(await problems("blocks: []"), ["workshops/hands-on.md: blocks: must list at least one entry"]);
  });

  test("each block is checked like a start and duration, with its own field named", async () => {
    assert.deepEqual(
      await problems("blocks:\n  - {start: 2024-10-26 09:00, duration: 1500}\n  - {start: 2024-10-27 09:00}\n  - {start: 2024-10-27 14:00, duration: 60, room: main}"),
      [
        "workshops/hands-on.md: blocks[0].duration: must be at most 1440 minutes (one day)",
        "workshops/hands-on.md: blocks[1].duration: required field is missing",
        "workshops/hands-on.md: blocks[2].room: unknown field",
      ],
    );
    assert.deepEqual(await problems("blocks:\n  - {start: 2024-10-26 09:00, duration: 60}\n  - {start: 2024-10-29 09:00, duration: 60}"), [
      "workshops/hands-on.md: blocks[1].start: 2024-10-29 is outside the event's dates (2024-10-26 to 2024-10-27 in event.yaml)",
    ]);
  });

  test("blocks must not overlap one another", async () => {
    assert.deepEqual(await problems("blocks:\n  - {start: 2024-10-26 13:00, duration: 120}\n  - {start: 2024-10-26 14:00, duration: 60}"), [
      "workshops/hands-on.md: blocks[1].start: overlaps blocks[0] (2024-10-26 14:00–15:00 CEST and 2024-10-26 13:00–15:00 CEST)",
    ]);
    assert.deepEqual(await problems("blocks:\n  - {start: 2024-10-26 14:00, duration: 60}\n  - {start: 2024-10-26 13:00, duration: 120}"), [
      "workshops/hands-on.md: blocks[1].start: overlaps blocks[0] (2024-10-26 13:00–15:00 CEST and 2024-10-26 14:00–15:00 CEST)",
    ]);
  });

  test("the share card of a workshop in several blocks names its first block and counts the rest", async () => {
    const conference = await loadConference({ contentDir: path.join(FIXTURES, "workshop-days") });
    const cards = [...shareCards(conference)];
    assert.deepEqual(cards.find((c) => c.path.includes("workshops/build-a-platform"))!.card.facts, ["Monday 12 May 2025", "10:00–17:00 CEST and 1 more part", "Lab"]);
    assert.deepEqual(cards.find((c) => c.path.includes("speakers/ola-nowak"))!.card.facts, ["Monday 12 May 2025", "10:00–17:00 CEST and 1 more part", "Lab"]);
  });
});
