import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { buildSite, FIXTURES, makeContent, runLectern, snapshot, tempDir } from "../helpers.ts";

const fixture = (name: string) => path.join(FIXTURES, "import", name);

/** Every event of a c3voc schedule.json as one comparable line: instant, length, room, title and people. */
async function eventsOf(file: string): Promise<string[]> {
  type Event = { date: string; duration: string; room: string; title: string; persons: Array<{ public_name?: string; name?: string }> };
  const data = JSON.parse(await readFile(file, "utf8")) as { schedule: { conference: { days: Array<{ rooms: Record<string, Event[]> }> } } };
  return data.schedule.conference.days
    .flatMap((day) => Object.values(day.rooms).flat())
    .map((e) => [new Date(e.date).toISOString(), e.duration, e.room, e.title, e.persons.map((p) => p.public_name ?? p.name).join(" + ")].join(" | "))
    .sort();
}

async function importInto(contentDir: string, args: string[]) {
  return runLectern("import", { CONTENT_DIR: contentDir }, args);
}

describe("npm run import", () => {
  test("round trip: Lectern's own schedule.json and schedule.xml, imported into an empty folder and built, give the same events", async () => {
    const sample = await buildSite(path.join(FIXTURES, "..", "..", "content"));
    const original = await eventsOf(path.join(sample, "schedule.json"));
    assert.equal(original.length, 20);
    for (const file of ["schedule.json", "schedule.xml"]) {
      const content = path.join(await tempDir(), "content");
      const result = await importInto(content, [path.join(sample, file)]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /: 41 added, 0 changed, 0 unchanged, 0 removed \(\d+ ms\)\n/);
      const check = await runLectern("check", { CONTENT_DIR: content });
      assert.equal(check.code, 0, check.stderr);
      const site = await buildSite(content);
      assert.deepEqual(await eventsOf(path.join(site, "schedule.json")), original, file);
    }
  });

  test("each format's fixture imports into content that check accepts; the built export keeps the source's instants", async () => {
    const cases: Array<[string, string[]]> = [
      ["pretalx-schedule.json", []],
      ["frab-schedule.xml", []],
      ["pentabarf-schedule.xml", ["--timezone", "Europe/Brussels"]],
      ["sessionize-all.json", ["--timezone", "America/New_York"]],
    ];
    for (const [name, args] of cases) {
      const content = path.join(await tempDir(), "content");
      const result = await importInto(content, [fixture(name), ...args]);
      assert.equal(result.code, 0, `${name}: ${result.stderr}`);
      const check = await runLectern("check", { CONTENT_DIR: content });
      assert.equal(check.code, 0, `${name}: ${check.stderr}`);
    }
    const content = path.join(await tempDir(), "content");
    await importInto(content, [fixture("pretalx-schedule.json")]);
    const site = await buildSite(content);
    // The source without its break (exports leave rows out), with the people deduplicated by name.
    assert.deepEqual(await eventsOf(path.join(site, "schedule.json")), [
      "2024-10-26T08:00:00.000Z | 00:45 | Saal 1 | Opening keynote | Ada Lovelace",
      "2024-10-26T12:00:00.000Z | 02:00 | Lab & Workshop | Hands-on with time zones | Ben Okafor",
      "2024-10-26T18:00:00.000Z | 01:00 | Lab & Workshop | Modular synth set | Carmen Ruiz",
      "2024-10-27T00:30:00.000Z | 00:20 | Saal 1 | The first half past two | Ben Okafor",
      "2024-10-27T01:30:00.000Z | 00:20 | Saal 1 | The second half past two | Ada Lovelace + Ben Okafor",
    ]);
  });

  test("re-import keeps a hand edit, applies a change from the source, and prunes only when asked", async () => {
    const work = await tempDir();
    const content = path.join(work, "content");
    const source = path.join(work, "schedule.json");
    const original = await readFile(fixture("pretalx-schedule.json"), "utf8");
    await writeFile(source, original);
    assert.equal((await importInto(content, [source])).code, 0);

    const keynote = path.join(content, "talks", "opening-keynote.md");
    await writeFile(keynote, (await readFile(keynote, "utf8")).replace("title: Opening keynote", "title: The opening keynote"));
    const ada = path.join(content, "speakers", "ada-lovelace.md");
    await writeFile(ada, (await readFile(ada, "utf8")).replace("role: Speaker", "role: Analyst\npronouns: she/her"));
    await writeFile(source, original.replace('"date": "2024-10-26T20:00:00+02:00"', '"date": "2024-10-26T21:00:00+02:00"').replace('"title": "Opening keynote"', '"title": "Opening keynote!"'));

    const again = await importInto(content, [source]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /: 0 added, 1 changed, 9 unchanged, 0 removed /);
    assert.ok(again.stdout.includes(`lectern import: ${content}/talks/opening-keynote.md: kept as edited by hand: title\n`), again.stdout);
    assert.match(await readFile(keynote, "utf8"), /^title: The opening keynote$/m);
    assert.match(await readFile(path.join(content, "talks", "modular-synth-set.md"), "utf8"), /^start: 2024-10-26 21:00$/m);
    assert.match(await readFile(ada, "utf8"), /^role: Analyst\npronouns: she\/her$/m);

    const withoutSynth = JSON.parse(original) as { schedule: { conference: { days: Array<{ rooms: Record<string, unknown[]> }> } } };
    withoutSynth.schedule.conference.days[0]!.rooms["Lab & Workshop"]!.pop();
    await writeFile(source, JSON.stringify(withoutSynth));
    const kept = await importInto(content, [source]);
    assert.equal(kept.code, 0, kept.stderr);
    assert.match(kept.stdout, /: 0 added, \d+ changed, \d+ unchanged, 0 removed /);
    assert.ok(kept.stdout.includes(`left in place (--prune removes them): ${content}/speakers/carmen-ruiz.md, ${content}/talks/modular-synth-set.md`), kept.stdout);
    const pruned = await importInto(content, [source, "--prune"]);
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.match(pruned.stdout, /: 0 added, 0 changed, \d+ unchanged, 2 removed /);
    assert.equal((await runLectern("check", { CONTENT_DIR: content })).code, 0);
  });

  test("every bad input ends with one clear line and leaves the content folder byte for byte as it was", async () => {
    const work = await tempDir();
    const write = async (name: string, text: string) => {
      await writeFile(path.join(work, name), text);
      return path.join(work, name);
    };
    const json = await readFile(fixture("pretalx-schedule.json"), "utf8");
    const cases: Array<[string, string[], string]> = [
      ["not JSON or XML", [await write("a.txt", "title,start\n")], "a.txt: unknown format: the file is neither JSON nor XML; name one with --format c3voc-json|frab-xml|sessionize"],
      ["unknown format", [await write("b.json", '{"talks": []}')], "b.json: unknown format: the file is JSON, but neither a c3voc schedule.json nor a Sessionize export; name one with --format c3voc-json|frab-xml|sessionize"],
      ["a required field missing", [await write("c.json", json.replace('"title": "Lunch"', '"title": ""'))], 'c.json: schedule.conference.days[1].rooms["Saal 1"][0].title: missing; every event needs a title'],
      ["no time zone", [fixture("pentabarf-schedule.xml")], "pentabarf-schedule.xml: names no time zone; pass --timezone with the event's IANA zone (e.g. --timezone Europe/Berlin), or import into a content folder whose event.yaml has one"],
      ["a time zone it cannot resolve", [await write("d.json", json.replace('"Europe/Berlin"', '"Europe/Berln"'))], 'd.json: time zone (from the source): unknown time zone "Europe/Berln" (did you mean "Europe/Berlin"?)'],
      ["two events with one id", [await write("e.json", json.replaceAll("0f6e1c8e-1111-5e3b-8a55-000000000003", "0f6e1c8e-1111-5e3b-8a55-000000000002"))], 'e.json: schedule.conference.days[0].rooms["Saal 1"][2]: guid "0f6e1c8e-1111-5e3b-8a55-000000000002" is also the id of schedule.conference.days[0].rooms["Saal 1"][1] ("The first half past two"); each event needs its own'],
      ["an unknown --format", [fixture("frab-schedule.xml"), "--format", "csv"], '--format: unknown format "csv"; use one of c3voc-json, frab-xml, sessionize'],
      ["a programme check refuses", [await write("f.json", json.replace('"date": "2024-10-26T20:00:00+02:00"', '"date": "2024-10-26T14:30:00+02:00"'))], "the imported content would not pass npm run check, so nothing was written:"],
    ];
    const small = await makeContent("small");
    const empty = path.join(await tempDir(), "content");
    await mkdir(empty);
    for (const [name, args, line] of cases) {
      // event.yaml would give the zone: the folder without a zone is an empty one.
      const content = name === "no time zone" ? empty : small;
      const before = await snapshot(content);
      const result = await importInto(content, args);
      assert.equal(result.code, 1, `${name}: ${result.stdout}${result.stderr}`);
      const first = result.stderr.split("\n")[0]!;
      assert.equal(first.replace(`${work}/`, "").replace("tests/fixtures/import/", ""), `lectern import: ${line}`, name);
      assert.deepEqual(await snapshot(content), before, `${name}: the content folder changed`);
    }
  });
});
