import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { loadConference } from "../../src/content/load.ts";
import { buildDayGrid, type DayGrid } from "../../src/schedule/grid.ts";
import { groupByTag, sessionAnchors } from "../../src/schedule/tags.ts";
import { FIXTURES, makeContent, ROOT } from "../helpers.ts";

/** One line a row: its start, then each cell that begins there ("·" is a free room, ↓n a row span, →n a room span). */
function layout(grid: DayGrid): string[] {
  return grid.rows.map((row) => {
    const cells = row.cells.map((cell) =>
      cell.kind === "empty"
        ? "·"
        : `${cell.session.slug}${cell.rowspan > 1 ? `↓${cell.rowspan}` : ""}${cell.colspan > 1 ? `→${cell.colspan}` : ""}`,
    );
    return `${row.start.toFormat("HH:mm ZZ")}${row.isGap ? " (gap)" : ""} ${cells.join(" ")}`;
  });
}

async function grids(contentDir: string): Promise<DayGrid[]> {
  const conference = await loadConference({ contentDir });
  return conference.days.map(({ date, sessions }) => buildDayGrid(date, sessions, conference.event.rooms));
}

describe("schedule grid", () => {
  test("places sessions by room and time, spans every room for a session without one, and keeps empty slots", async () => {
    const [saturday, sunday] = await grids(path.join(FIXTURES, "berlin-dst"));
    assert.deepEqual(
      saturday!.rooms.map((room) => room.id),
      ["main", "side"],
    );
    assert.deepEqual(layout(saturday!), [
      "09:00 +02:00 welcome→2",
      "09:30 +02:00 rust-in-anger↓2 go-fast",
      "10:00 +02:00 ·",
      "10:15 +02:00 (gap) · ·",
      "12:00 +02:00 lunch→2",
      "13:00 +02:00 · cluster-lab",
      "15:00 +02:00 (gap) · ·",
      "23:30 +02:00 night-owls ·",
    ]);
    assert.deepEqual(saturday!.zones, ["CEST"]);
    assert.equal(saturday!.rows.at(-1)!.end.toISO(), "2024-10-27T01:00:00.000+02:00", "the session past midnight stays on its starting day");

    assert.deepEqual(layout(sunday!), [
      "01:30 +02:00 · before-dawn",
      "02:30 +02:00 (gap) · ·",
      "02:30 +01:00 the-hour-again ·",
      "03:00 +01:00 (gap) · ·",
      "10:00 +01:00 after-the-change ·",
    ]);
    assert.deepEqual(sunday!.zones, ["CEST", "CET"]);
  });

  test("a long workshop beside short talks spans the rows of its length (sample)", async () => {
    const [friday] = await grids(path.join(ROOT, "content"));
    const row = friday!.rows.find((r) => r.start.toFormat("HH:mm") === "13:15")!;
    assert.deepEqual(
      row.cells.map((cell) => (cell.kind === "session" ? [cell.session.slug, cell.column, cell.rowspan, cell.colspan] : ["empty", cell.column])),
      [
        ["understanding-cluster-schedulers", 0, 1, 1],
        ["multi-machine-docker", 1, 4, 1],
      ],
    );
    const placed = friday!.rows.flatMap((r) => r.cells.flatMap((c) => (c.kind === "session" ? [c.session.slug] : [])));
    assert.equal(placed.length, 16);
    assert.equal(new Set(placed).size, 16, "every session and break of the day is in the grid once");
  });

  test("a two-day workshop runs beside the breaks, which span only the free rooms", async () => {
    const [monday, tuesday] = await grids(path.join(FIXTURES, "workshop-days"));
    assert.deepEqual(
      monday!.rooms.map((room) => room.id),
      ["hall", "lab", "studio"],
    );
    // "+" marks the second cell of a break shown in rooms that are not side by side.
    const marked = (grid: DayGrid) =>
      layout(grid).map((line, r) => {
        const repeats = grid.rows[r]!.cells.filter((cell) => cell.kind === "session" && cell.isRepeat).length;
        return repeats > 0 ? `${line} +${repeats}` : line;
      });
    assert.deepEqual(marked(monday!), [
      "09:00 +02:00 keynote→3",
      "09:45 +02:00 (gap) · · ·",
      "10:00 +02:00 mesh build-a-platform↓6 ·",
      "10:30 +02:00 coffee coffee +1",
      "11:00 +02:00 · storage",
      "11:45 +02:00 · ·",
      "12:30 +02:00 lunch lunch +1",
      "13:30 +02:00 · ·",
    ]);
    assert.deepEqual(marked(tuesday!), [
      "09:00 +02:00 · build-a-platform↓3 ·",
      "10:30 +02:00 coffee-tuesday coffee-tuesday +1",
      "11:00 +02:00 · ·",
      "13:00 +02:00 (gap) · · ·",
      "14:00 +02:00 closing→3",
    ]);
    const lunch = monday!.rows[6]!.cells;
    assert.deepEqual(
      lunch.map((cell) => [cell.column, cell.colspan]),
      [
        [0, 1],
        [2, 1],
      ],
      "the lunch's cells are in the hall and the studio; the lab's cell comes from the workshop's row",
    );
    const width = (grid: DayGrid) => {
      // Every row, counting the cells that reach down into it, fills every room once.
      const filled = grid.rows.map(() => 0);
      grid.rows.forEach((row, r) => {
        for (const cell of row.cells) for (let k = 0; k < cell.rowspan; k++) filled[r + k]! += cell.colspan;
      });
      return filled;
    };
    assert.deepEqual(width(monday!), monday!.rows.map(() => 3));
    assert.deepEqual(width(tuesday!), tuesday!.rows.map(() => 3));
  });

  test("a break without a room is one cell across neighbouring free rooms, and keeps out of a room taken during it", async () => {
    const storage = "---\ntitle: Storage that stays\nspeakers: [lea-fox]\nstart: 2025-05-12 10:45\nduration: 45\nroom: studio\n---\nVolumes.\n";
    for (const [changes, expected] of [
      [{}, ["10:00 +02:00 build-a-platform↓6 mesh ·", "10:30 +02:00 coffee→2", "11:00 +02:00 · storage"]],
      [{ "talks/storage.md": storage }, ["10:00 +02:00 build-a-platform↓7 mesh ·", "10:30 +02:00 coffee↓2 ·", "10:45 +02:00 storage↓2"]],
    ] as const) {
      const conference = await loadConference({ contentDir: await makeContent("workshop-days", changes) });
      const [hall, lab, studio] = conference.event.rooms;
      const [monday] = conference.days.map(({ date, sessions }) => buildDayGrid(date, sessions, [lab!, hall!, studio!]));
      assert.deepEqual(layout(monday!).slice(2, 5), expected);
    }
  });

  test("a day with nothing on it has no rows", () => {
    assert.deepEqual(buildDayGrid(DateTimeOf("2024-10-26"), [], [{ id: "main", name: "Main" }]).rows, []);
  });
});

describe("tags and anchors", () => {
  test("group sessions by tag in time order, with unique URL slugs", async () => {
    const conference = await loadConference({ contentDir: path.join(FIXTURES, "berlin-dst") });
    const tags = groupByTag(conference.sessions);
    assert.deepEqual(
      tags.map((tag) => [tag.name, tag.url, tag.sessions.map((s) => s.slug)]),
      [
        ["community", "/schedule/tags/community/", ["welcome", "night-owls"]],
        ["go", "/schedule/tags/go/", ["go-fast"]],
        ["kubernetes", "/schedule/tags/kubernetes/", ["cluster-lab"]],
        ["rust", "/schedule/tags/rust/", ["rust-in-anger"]],
        ["systems", "/schedule/tags/systems/", ["rust-in-anger", "go-fast"]],
        ["time", "/schedule/tags/time/", ["before-dawn", "the-hour-again", "after-the-change"]],
      ],
    );
    assert.deepEqual([...sessionAnchors(conference.sessions).values()].sort(), conference.sessions.map((s) => s.slug).sort());
  });

  test("a workshop of several blocks has one anchor a block and is listed once under its tags", async () => {
    const conference = await loadConference({ contentDir: path.join(FIXTURES, "workshop-days") });
    const anchors = sessionAnchors(conference.sessions);
    assert.deepEqual(
      conference.sessions.filter((s) => s.slug === "build-a-platform").map((s) => anchors.get(s)),
      ["build-a-platform", "build-a-platform-part-2"],
    );
    assert.equal(new Set(anchors.values()).size, conference.sessions.length);
    assert.deepEqual(
      conference.tags.map((tag) => [tag.name, tag.sessions.map((s) => s.slug)]),
      [
        ["networking", ["mesh"]],
        ["platforms", ["build-a-platform"]],
        ["storage", ["storage"]],
      ],
    );
  });

  test("tags that differ only in case are one tag; tags whose slugs clash get numbered", () => {
    const at = (slug: string, tags: string[]) => ({ slug, tags }) as unknown as Parameters<typeof groupByTag>[0][number];
    const tags = groupByTag([at("a", ["Rust", "C++"]), at("b", ["rust", "C#"])]);
    assert.deepEqual(
      tags.map((tag) => [tag.name, tag.slug, tag.sessions.map((s) => s.slug)]),
      [
        ["C#", "c", ["b"]],
        ["C++", "c-2", ["a"]],
        ["Rust", "rust", ["a", "b"]],
      ],
    );
  });
});

function DateTimeOf(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: "Europe/Berlin" });
}
