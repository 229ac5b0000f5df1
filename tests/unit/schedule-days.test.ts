import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { ContentError, formatProblem } from "../../src/content/errors.ts";
import { loadConference } from "../../src/content/load.ts";
import type { Conference } from "../../src/content/model.ts";
import { FIXTURES, makeContent } from "../helpers.ts";

const talk = (start: string) => `---\ntitle: A talk\nspeakers: [sam-lee]\nstart: ${start}\nduration: 30\nroom: main\n---\nAbstract.\n`;
const EVENT = await readFile(path.join(FIXTURES, "small", "event.yaml"), "utf8");

async function load(changes: Record<string, string>): Promise<Conference> {
  return loadConference({ contentDir: await makeContent("small", changes) });
}

/** Each conference day's date and the slugs on it. */
function days(conference: Conference): Array<[string, string[]]> {
  return conference.days.map((day) => [day.date.toISODate()!, day.sessions.map((s) => s.slug)]);
}

describe("conference days and the day change", () => {
  test("by default a session before 04:00 belongs to the day before; one at 04:00 to its own day", async () => {
    const conference = await load({ "talks/owl.md": talk("2024-10-27 01:00"), "talks/lark.md": talk("2024-10-27 04:00") });
    assert.equal(conference.event.day_change, "04:00");
    assert.deepEqual(days(conference), [
      ["2024-10-26", ["opening", "lunch", "hands-on", "late-night", "owl"]],
      ["2024-10-27", ["lark", "after-the-change"]],
    ]);
  });

  test("day_change in event.yaml moves the boundary; 00:00 is midnight", async () => {
    const owl = { "talks/owl.md": talk("2024-10-27 01:00") };
    const midnight = await load({ ...owl, "event.yaml": `${EVENT}day_change: "00:00"\n` });
    assert.deepEqual(days(midnight)[1], ["2024-10-27", ["owl", "after-the-change"]]);
    const late = await load({ ...owl, "event.yaml": `${EVENT}day_change: "00:30"\n` });
    assert.deepEqual(days(late)[1], ["2024-10-27", ["owl", "after-the-change"]]);
    const early = await load({ ...owl, "event.yaml": `${EVENT}day_change: "01:30"\n` });
    assert.deepEqual(days(early)[0]![1].at(-1), "owl");
  });

  test("a session before the day change on the first day stays on the first day", async () => {
    const conference = await load({ "talks/early.md": talk("2024-10-26 02:00") });
    assert.deepEqual(days(conference)[0], ["2024-10-26", ["early", "opening", "lunch", "hands-on", "late-night"]]);
  });

  test("a day_change that is not HH:mm is refused, naming the field", async () => {
    const dir = await makeContent("small", { "event.yaml": `${EVENT}day_change: 4am\nacronym: Fixture-Conf\n` });
    const error = await loadConference({ contentDir: dir }).then(
      () => assert.fail("expected the content to be rejected"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ContentError);
    assert.deepEqual(
      error.problems.map((p) => formatProblem(p).split(`${dir}/`).join("")),
      [
        'event.yaml: acronym: use at least 4 lower-case letters, digits or underscores (e.g. cdboston_2016)',
        'event.yaml: day_change: expected a time written HH:mm (e.g. "04:00")',
      ],
    );
  });
});
