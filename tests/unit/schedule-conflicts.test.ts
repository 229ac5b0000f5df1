import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { performance } from "node:perf_hooks";
import { ContentError } from "../../src/content/errors.ts";
import { loadConference } from "../../src/content/load.ts";
import { FIXTURES, makeContent } from "../helpers.ts";

/** The problem lines of loading the berlin-dst fixture with `changes`, paths shown from the content folder. */
async function problems(changes: Record<string, string | null>): Promise<string[]> {
  const dir = await makeContent("berlin-dst", changes);
  try {
    await loadConference({ contentDir: dir });
  } catch (error) {
    assert.ok(error instanceof ContentError, String(error));
    return error.message.split("\n").slice(1).map((line) => line.trim().replaceAll(dir, "content"));
  }
  return [];
}

function talk(fields: string): string {
  return `---\ntitle: Extra\n${fields}\n---\nBody.\n`;
}

describe("schedule conflicts", () => {
  test("the fixture as it is has none", async () => {
    assert.deepEqual(await problems({}), []);
  });

  test("two sessions in one room at once name both files and both times", async () => {
    assert.deepEqual(
      await problems({ "talks/clash.md": talk("speakers: [ben-okafor]\nstart: 2024-10-26 10:00\nduration: 30\nroom: main") }),
      ['content/talks/rust-in-anger.md: start: overlaps content/talks/clash.md in room "main" (09:30–10:15 CEST and 10:00–10:30 CEST)'],
    );
  });

  test("a workshop and a talk clash too, and back-to-back sessions do not", async () => {
    assert.deepEqual(
      await problems({
        "talks/right-after.md": talk("speakers: [ada-lovelace]\nstart: 2024-10-26 10:15\nduration: 30\nroom: main"),
        "talks/in-the-lab.md": talk("speakers: [ada-lovelace]\nstart: 2024-10-26 14:30\nduration: 15\nroom: side"),
      }),
      ['content/workshops/cluster-lab.md: start: overlaps content/talks/in-the-lab.md in room "side" (13:00–15:00 CEST and 14:30–14:45 CEST)'],
    );
  });

  test("a talk without a room takes every room; a break, meal or social without one only the free rooms", async () => {
    assert.deepEqual(
      await problems({ "talks/early.md": talk("speakers: [ben-okafor]\nstart: 2024-10-26 09:00\nduration: 20\nroom: side") }),
      ["content/talks/early.md: start: overlaps content/talks/welcome.md (09:00–09:20 CEST and 09:00–09:30 CEST): a session without a room spans every room"],
    );
    assert.deepEqual(
      await problems({ "talks/early.md": talk("speakers: [ben-okafor]\nstart: 2024-10-26 11:45\nduration: 30\nroom: side") }),
      [],
      "lunch (kind: meal, no room) runs beside a talk in a room",
    );
    assert.deepEqual(
      await problems({ "talks/coffee.md": talk("start: 2024-10-26 12:30\nduration: 60\nkind: break") }),
      ["content/talks/lunch.md: start: overlaps content/talks/coffee.md (12:00–13:00 CEST and 12:30–13:30 CEST): a session without a room spans every room"],
      "two rows without a room still clash",
    );
  });

  test("a speaker booked in two places at once", async () => {
    assert.deepEqual(
      await problems({ "talks/double.md": talk("speakers: [ada-lovelace]\nstart: 2024-10-26 13:30\nduration: 30\nroom: main") }),
      [],
      "different rooms, different people: no clash",
    );
    assert.deepEqual(
      await problems({ "talks/double.md": talk("speakers: [ada-lovelace, ben-okafor]\nstart: 2024-10-26 14:30\nduration: 30\nroom: main") }),
      ['content/workshops/cluster-lab.md: leaders[0]: "ben-okafor" is booked twice at once: also in content/talks/double.md (13:00–15:00 CEST and 14:30–15:00 CEST)'],
    );
  });

  test("a session that clashes with several gets one line naming them", async () => {
    const slot = (room: string) => talk(`speakers: [ben-okafor]\nstart: 2024-10-26 09:45\nduration: 15\nroom: ${room}`);
    assert.deepEqual(
      await problems({ "talks/c1.md": slot("main"), "talks/c2.md": slot("main"), "talks/c3.md": slot("main") }),
      [
        'content/talks/c1.md: start: overlaps 2 sessions in room "main" (09:45–10:00 CEST): content/talks/c2.md and content/talks/c3.md',
        'content/talks/c1.md: speakers[0]: "ben-okafor" is booked in 3 sessions at once (09:45–10:00 CEST): also in content/talks/c2.md and content/talks/c3.md',
        'content/talks/c2.md: start: overlaps content/talks/c3.md in room "main" (09:45–10:00 CEST and 09:45–10:00 CEST)',
        'content/talks/c2.md: speakers[0]: "ben-okafor" is booked twice at once: also in content/talks/c3.md (09:45–10:00 CEST and 09:45–10:00 CEST)',
        'content/talks/go-fast.md: speakers[0]: "ben-okafor" is booked in 4 sessions at once (09:30–10:00 CEST): also in content/talks/c1.md, content/talks/c2.md and content/talks/c3.md',
        'content/talks/rust-in-anger.md: start: overlaps 3 sessions in room "main" (09:30–10:15 CEST): content/talks/c1.md, content/talks/c2.md and content/talks/c3.md',
      ],
    );
  });

  test("1,500 sessions in one slot give a line or two a session, not one a pair", async (t) => {
    const changes: Record<string, string> = {};
    const count = 1500;
    for (let i = 0; i < count; i++) {
      changes[`talks/crowd-${String(i).padStart(4, "0")}.md`] = talk("speakers: [ben-okafor]\nstart: 2024-10-26 16:00\nduration: 30\nroom: main");
    }
    const started = performance.now();
    const lines = await problems(changes);
    t.diagnostic(`loaded and checked ${count} clashing sessions in ${Math.round(performance.now() - started)} ms`);
    const bytes = Buffer.byteLength(lines.join("\n"));
    t.diagnostic(`${lines.length} lines, ${bytes} bytes`);
    // Every session but the last clashes with the later ones in its room and through its speaker.
    assert.equal(lines.length, 2 * (count - 1));
    assert.ok(bytes < 2 * count * 250, `${bytes} bytes`);
    assert.equal(
      lines[0],
      'content/talks/crowd-0000.md: start: overlaps 1499 sessions in room "main" (16:00–16:30 CEST): content/talks/crowd-0001.md, content/talks/crowd-0002.md, content/talks/crowd-0003.md and 1496 more',
    );
    assert.equal(
      lines[1],
      'content/talks/crowd-0000.md: speakers[0]: "ben-okafor" is booked in 1500 sessions at once (16:00–16:30 CEST): also in content/talks/crowd-0001.md, content/talks/crowd-0002.md, content/talks/crowd-0003.md and 1496 more',
    );
  });

  test("times across midnight carry their dates", async () => {
    assert.deepEqual(
      await problems({ "talks/after-midnight.md": talk("speakers: [ada-lovelace]\nstart: 2024-10-27 00:30\nduration: 30\nroom: side") }),
      ['content/talks/night-owls.md: speakers[0]: "ada-lovelace" is booked twice at once: also in content/talks/after-midnight.md (2024-10-26 23:30–01:00 CEST (next day) and 2024-10-27 00:30–01:00 CEST)'],
    );
  });

  test("a day outside the event's dates", async () => {
    assert.deepEqual(await problems({ "talks/too-late.md": talk("speakers: [ada-lovelace]\nstart: 2024-10-28 10:00\nduration: 30\nroom: main") }), [
      "content/talks/too-late.md: start: 2024-10-28 is outside the event's dates (2024-10-26 to 2024-10-27 in event.yaml)",
    ]);
  });

  test("a start in the hour that happens twice must say which", async () => {
    assert.deepEqual(await problems({ "talks/the-hour-again.md": talk("speakers: [ada-lovelace]\nstart: 2024-10-27 02:30\nduration: 30\nroom: main") }), [
      'content/talks/the-hour-again.md: start: "2024-10-27 02:30" happens twice in Europe/Berlin (the clocks go back that night); add the UTC offset to say which: "2024-10-27 02:30 +02:00" (the first) or "2024-10-27 02:30 +01:00" (the second)',
    ]);
  });

  test("a start that does not exist (spring forward)", async () => {
    const event = (await readFile(path.join(FIXTURES, "berlin-dst", "event.yaml"), "utf8")).replace("start: 2024-10-26", "start: 2024-03-30").replace("end: 2024-10-27", "end: 2024-10-27\nmaxDays: 366");
    assert.deepEqual(
      await problems({ "event.yaml": event, "talks/spring.md": talk("speakers: [ada-lovelace]\nstart: 2024-03-31 02:30\nduration: 30\nroom: main") }),
      [
        'content/talks/spring.md: start: "2024-03-31 02:30" does not exist in Europe/Berlin: the clocks go forward that night and skip it; write the time on the clock after the change (e.g. "2024-03-31 03:30")',
      ],
    );
  });

  describe("a workshop in several blocks", () => {
    /** berlin-dst with a third room, "lab", and a speaker of its own for the workshop. */
    const withLab = async (workshop: string, more: Record<string, string> = {}) => {
      const event = (await readFile(path.join(FIXTURES, "berlin-dst", "event.yaml"), "utf8")).replace("rooms:\n", "rooms:\n  - id: lab\n    name: Lab\n");
      return problems({
        "event.yaml": event,
        "speakers/cleo-park.md": "---\nname: Cleo Park\ncompany: Lab Co\nrole: Trainer\n---\nTeaches.\n",
        "workshops/all-day.md": `---\ntitle: All day\nleaders: [cleo-park]\nroom: lab\nlevel: beginner\n${workshop}\n---\nBody.\n`,
        ...more,
      });
    };

    test("runs through the lunch without a room and beside talks in other rooms", async () => {
      assert.deepEqual(
        await withLab("blocks: [{start: 2024-10-26 10:00, duration: 480}, {start: 2024-10-27 09:00, duration: 240}]", {
          "talks/coffee.md": talk("start: 2024-10-27 10:30\nduration: 30\nkind: break"),
        }),
        [],
      );
    });

    test("clashes with a keynote without a room, naming the block's times", async () => {
      assert.deepEqual(await withLab("blocks: [{start: 2024-10-26 09:00, duration: 480}, {start: 2024-10-27 09:00, duration: 240}]"), [
        "content/talks/welcome.md: start: overlaps content/workshops/all-day.md (09:00–09:30 CEST and 09:00–17:00 CEST): a session without a room spans every room",
      ]);
    });

    test("its second block clashes in its room like any session", async () => {
      assert.deepEqual(
        await withLab("blocks: [{start: 2024-10-26 10:00, duration: 60}, {start: 2024-10-27 09:00, duration: 240}]", {
          "talks/in-the-lab.md": talk("speakers: [ben-okafor]\nstart: 2024-10-27 12:00\nduration: 30\nroom: lab"),
        }),
        ['content/workshops/all-day.md: start: overlaps content/talks/in-the-lab.md in room "lab" (09:00–13:00 CET and 12:00–12:30 CET)'],
      );
    });

    test("a break without a room needs a free room", async () => {
      assert.deepEqual(
        await withLab("blocks: [{start: 2024-10-26 10:00, duration: 480}, {start: 2024-10-27 09:00, duration: 240}]", {
          "talks/in-main.md": talk("speakers: [ben-okafor]\nstart: 2024-10-26 11:30\nduration: 60\nroom: main"),
          "talks/in-side.md": talk("speakers: [ada-lovelace]\nstart: 2024-10-26 12:30\nduration: 30\nroom: side"),
        }),
        [
          "content/talks/lunch.md: start: every room is taken during it (12:00–13:00 CEST), and a meal without a room is shown in the rooms that are free; give it a room or move it",
        ],
      );
    });

    test("its blocks must not overlap one another", async () => {
      assert.deepEqual(await withLab("blocks: [{start: 2024-10-26 10:00, duration: 480}, {start: 2024-10-26 17:00, duration: 60}]"), [
        "content/workshops/all-day.md: blocks[1].start: overlaps blocks[0] (2024-10-26 17:00–18:00 CEST and 2024-10-26 10:00–18:00 CEST)",
      ]);
    });
  });
});
