import assert from "node:assert/strict";
import { symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { ContentError } from "../../src/content/errors.ts";
import { loadConference } from "../../src/content/load.ts";
import { makeContent, tempDir, problemsWith } from "../helpers.ts";

const talk = (fields: string, body = "Abstract.") => `---\n${fields}\n---\n${body}\n`;
const GOOD = "title: A talk\nspeakers: [sam-lee]\nstart: 2024-10-26 16:00\nduration: 30\nroom: main";

describe("loading the small fixture", () => {
  test("gives typed, linked objects", async () => {
    const conference = await loadConference({ contentDir: await makeContent("small") });
    assert.deepEqual(
      conference.talks.map((t) => [t.slug, t.start.toISO(), t.room?.id ?? "all", t.url]),
      [
        ["opening", "2024-10-26T09:00:00.000+02:00", "main", "/talks/opening/"],
        ["lunch", "2024-10-26T12:00:00.000+02:00", "all", undefined],
        ["late-night", "2024-10-26T23:30:00.000+02:00", "side", "/talks/late-night/"],
        ["after-the-change", "2024-10-27T10:00:00.000+01:00", "main", "/talks/after-the-change/"],
      ],
    );
    const late = conference.talks.find((t) => t.slug === "late-night")!;
    assert.deepEqual(late.speakers.map((s) => s.name), ["Jana Novák", "Sam Lee"]);
    assert.equal(late.end.toISO(), "2024-10-27T00:30:00.000+02:00");
    const jana = conference.speakers.find((s) => s.slug === "jana-novak")!;
    assert.equal(jana.twitter, "jananovak");
    assert.equal(jana.initials, "JN");
    assert.equal(jana.html, "<p>Jana runs <strong>platforms</strong>.</p>\n");
    assert.deepEqual(conference.sessionsOf(jana).map((s) => s.slug), ["opening", "late-night"]);
    assert.deepEqual(conference.workshops.map((w) => [w.slug, w.level, w.leaders.map((l) => l.slug)]), [
      ["hands-on", "beginner", ["sam-lee"]],
    ]);
    assert.equal(conference.posts[0]?.date.toISODate(), "2024-09-01");
    assert.deepEqual(conference.days.map((d) => [d.date.toISODate(), d.sessions.length]), [
      ["2024-10-26", 4],
      ["2024-10-27", 1],
    ]);
  });

  test("a session past midnight stays on its starting day", async () => {
    const conference = await loadConference({ contentDir: await makeContent("small") });
    const saturday = conference.days[0]!.sessions.map((s) => s.slug);
    assert.ok(saturday.includes("late-night"));
  });
});

describe("bad input", () => {
  test("unknown speaker, with a close match", async () => {
    assert.deepEqual(await problemsWith({ "talks/t.md": talk(GOOD.replace("sam-lee", "sam-le")) }), [
      'talks/t.md: speakers[0]: unknown speaker "sam-le" (did you mean "sam-lee"?)',
    ]);
  });

  test("unknown speaker with nothing close, and unknown workshop leader", async () => {
    assert.deepEqual(
      await problemsWith({
        "talks/t.md": talk(GOOD.replace("[sam-lee]", "[sam-lee, zelda-q]")),
        "workshops/hands-on.md": talk("title: W\nleaders: [jana-novac]\nstart: 2024-10-26 14:00\nduration: 60\nroom: side\nlevel: beginner"),
      }),
      ['talks/t.md: speakers[1]: unknown speaker "zelda-q"', 'workshops/hands-on.md: leaders[0]: unknown speaker "jana-novac" (did you mean "jana-novak"?)'],
    );
  });

  test("unknown room", async () => {
    assert.deepEqual(await problemsWith({ "talks/t.md": talk(GOOD.replace("room: main", "room: mian")) }), [
      'talks/t.md: room: unknown room "mian" (did you mean "main"?)',
    ]);
    assert.deepEqual(await problemsWith({ "talks/t.md": talk(GOOD.replace("room: main", "room: attic")) }), [
      'talks/t.md: room: unknown room "attic" (rooms in event.yaml: "main", "side")',
    ]);
  });

  test("missing required fields", async () => {
    assert.deepEqual(await problemsWith({ "talks/t.md": talk(GOOD.replace("title: A talk\n", "").replace("duration: 30\n", "")) }), [
      "talks/t.md: title: required field is missing",
      "talks/t.md: duration: required field is missing",
    ]);
  });

  test("wrong types", async () => {
    assert.deepEqual(
      await problemsWith({ "talks/t.md": talk(GOOD.replace("speakers: [sam-lee]", "speakers: sam-lee").replace("duration: 30", "duration: forty")) }),
      ['talks/t.md: speakers: expected a list, got text "sam-lee" (write a list: [sam-lee])', 'talks/t.md: duration: expected a number, got text "forty"'],
    );
  });

  test("an enum field left empty, or misspelled", async () => {
    const workshop = "title: W\nleaders: [sam-lee]\nstart: 2024-10-26 14:00\nduration: 60\nroom: side\nlevel:";
    assert.deepEqual(await problemsWith({ "workshops/hands-on.md": talk(workshop) }), [
      'workshops/hands-on.md: level: expected one of "beginner", "intermediate", "advanced", got an empty value',
    ]);
    assert.deepEqual(await problemsWith({ "workshops/hands-on.md": talk(`${workshop} advanced-ish`) }), [
      'workshops/hands-on.md: level: expected one of "beginner", "intermediate", "advanced", got "advanced-ish" (did you mean "advanced"?)',
    ]);
  });

  test("a misspelled field", async () => {
    assert.deepEqual(await problemsWith({ "talks/t.md": talk(`${GOOD}\nspeeker: x`) }), [
      'talks/t.md: speeker: unknown field (did you mean "speakers"?)',
    ]);
  });

  test("malformed YAML, with its line number", async () => {
    assert.deepEqual(await problemsWith({ "talks/t.md": talk(`${GOOD}\ntags: [a, b\nkind: talk`) }), [
      "talks/t.md: line 8: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  test("dates that do not exist", async () => {
    assert.deepEqual(
      await problemsWith({
        "talks/t.md": talk(GOOD.replace("2024-10-26 16:00", "2024-02-30 16:00")),
        "blog/hello.md": talk("title: x\ndate: 2016-02-30\nauthor: a"),
      }),
      ['blog/hello.md: date: "2016-02-30" is not a real date', 'talks/t.md: start: "2024-02-30 16:00" is not a real date and time'],
    );
  });

  test("an unknown time zone", async () => {
    const event = "name: a\ntagline: b\nurl: https://x.org\ntimezone: Europe/Berln\nstart: 2024-10-26\nend: 2024-10-27\nvenue: {name: a, address: b}\nrooms: [{id: main, name: M}]\n";
    assert.deepEqual(await problemsWith({ "event.yaml": event }), [
      'event.yaml: timezone: unknown time zone "Europe/Berln" (did you mean "Europe/Berlin"?)',
    ]);
  });

  test("an empty file", async () => {
    assert.deepEqual(await problemsWith({ "talks/t.md": "" }), ["talks/t.md: file is empty; it needs front matter between `---` lines"]);
    assert.deepEqual(await problemsWith({ "event.yaml": "\n" }), ["event.yaml: file is empty"]);
  });

  test("two files whose slugs collide after slugifying", async () => {
    assert.deepEqual(await problemsWith({ "talks/Opening.md": talk(GOOD) }), [
      "talks/opening.md: gives the address /talks/opening/, which talks/Opening.md also has; rename one of them",
    ]);
  });

  test("file names that would escape the output folder", async () => {
    assert.deepEqual(
      await problemsWith({ "talks/..%2f..%2fevil.md": talk(GOOD), "talks/a\\..\\b.md": talk(GOOD) }),
      [
        'talks/..%2f..%2fevil.md: file name "..%2f..%2fevil" could write outside the output folder; use letters, digits and hyphens (e.g. my-talk.md)',
        'talks/a\\..\\b.md: file name "a\\..\\b" could write outside the output folder; use letters, digits and hyphens (e.g. my-talk.md)',
      ],
    );
  });

  test("a session outside the event's dates", async () => {
    assert.deepEqual(await problemsWith({ "talks/t.md": talk(GOOD.replace("2024-10-26 16:00", "2024-10-28 09:00")) }), [
      "talks/t.md: start: 2024-10-28 is outside the event's dates (2024-10-26 to 2024-10-27 in event.yaml)",
    ]);
  });

  test("a talk without speakers", async () => {
    assert.deepEqual(await problemsWith({ "talks/t.md": talk(GOOD.replace("speakers: [sam-lee]\n", "")) }), [
      "talks/t.md: speakers: a talk needs at least one speaker (rows such as lunch take kind: break or kind: meal)",
    ]);
  });

  test("URL fields take only http and https", async () => {
    assert.deepEqual(await problemsWith({ "talks/t.md": talk(`${GOOD}\nslides: javascript:alert(1)\nvideo: data:text/html,x`) }), [
      'talks/t.md: slides: must be a full http:// or https:// address, got "javascript:alert(1)"',
      'talks/t.md: video: must be a full http:// or https:// address, got "data:text/html,x"',
    ]);
  });

  test("every problem in every file is reported at once", async () => {
    const lines = await problemsWith({
      "talks/a.md": talk(GOOD.replace("sam-lee", "nobody")),
      "talks/b.md": talk(GOOD.replace("duration: 30", "duration: forty")),
      "speakers/sam-lee.md": talk("name: Sam Lee\ncompany: Acme"),
    });
    // Talks naming sam-lee do not also report him: his own file's problem is the one to fix.
    assert.deepEqual(lines, [
      "speakers/sam-lee.md: role: required field is missing",
      'talks/a.md: speakers[0]: unknown speaker "nobody"',
      'talks/b.md: duration: expected a number, got text "forty"',
    ]);
  });

  test("a symbolic link to a file outside the content folder is refused", async () => {
    const dir = await makeContent("small");
    const outside = path.join(await tempDir(), "secret.md");
    await writeFile(outside, talk(GOOD));
    await symlink(outside, path.join(dir, "talks", "linked.md"));
    await assert.rejects(loadConference({ contentDir: dir }), (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.deepEqual(error.problems.map((p) => p.message), ["is a symbolic link to a file outside the content folder"]);
      return true;
    });
  });
});
