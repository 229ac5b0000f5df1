import assert from "node:assert/strict";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { makeContent, ROOT, runLectern } from "../helpers.ts";

const runNew = (contentDir: string, ...args: string[]) => runLectern("new", { CONTENT_DIR: contentDir }, args);

const shown = (file: string) => file.split(path.sep).join("/");

test("npm run new: a speaker and a talk; check names what to fill in, then passes once it is filled", async () => {
  const contentDir = await makeContent("small");
  try {
    const speakerFile = path.join(contentDir, "speakers", "ada-lovelace.md");
    const talkFile = path.join(contentDir, "talks", "observability-for-busy-people.md");
    const speaker = await runNew(contentDir, "speaker", "Ada Lovelace");
    assert.equal(speaker.code, 0, speaker.stderr);
    assert.equal(
      speaker.stdout,
      `lectern new: wrote ${shown(speakerFile)}\nlectern new: fill in the empty fields, then run npm run check\n`,
    );
    const talk = await runNew(contentDir, "talk", "Observability", "for", "Busy People");
    assert.equal(talk.code, 0, talk.stderr);
    assert.match(talk.stdout, new RegExp(`^lectern new: wrote ${shown(talkFile).replace(/[.]/g, "\\.")}\n`));

    const fresh = await runLectern("check", { CONTENT_DIR: contentDir });
    assert.equal(fresh.code, 1);
    assert.equal(
      fresh.stderr,
      [
        "lectern check: 4 content problems:",
        `  ${shown(speakerFile)}: company: expected text, got an empty value`,
        `  ${shown(speakerFile)}: role: expected text, got an empty value`,
        `  ${shown(talkFile)}: start: expected text, got an empty value`,
        `  ${shown(talkFile)}: room: expected text, got an empty value`,
        "",
      ].join("\n"),
    );

    const fill = async (file: string, edits: Record<string, string>) => {
      let text = await readFile(file, "utf8");
      for (const [key, value] of Object.entries(edits)) text = text.replace(new RegExp(`^${key}:.*$`, "m"), `${key}: ${value}`);
      await writeFile(file, text);
    };
    await fill(speakerFile, { company: "Analytical Engines", role: "Programmer" });
    await fill(talkFile, { start: "2024-10-27 11:00", room: "main" });
    const half = await runLectern("check", { CONTENT_DIR: contentDir });
    assert.equal(
      half.stderr,
      `lectern check: 1 content problem:\n  ${shown(talkFile)}: speakers: a talk needs at least one speaker (rows such as lunch take kind: break or kind: meal)\n`,
    );

    await fill(talkFile, { speakers: "[ada-lovelace]" });
    const filled = await runLectern("check", { CONTENT_DIR: contentDir });
    assert.equal(filled.stderr, "");
    assert.equal(filled.code, 0);
  } finally {
    await rm(path.dirname(contentDir), { recursive: true, force: true });
  }
});

test("npm run new refuses to overwrite an existing file and leaves it as it was", async () => {
  const contentDir = await makeContent("small");
  try {
    const file = path.join(contentDir, "speakers", "sam-lee.md");
    const before = await readFile(file, "utf8");
    const result = await runNew(contentDir, "speaker", "Sam Lee");
    assert.equal(result.code, 1);
    assert.equal(result.stderr, `lectern new: ${shown(file)} already exists; edit it, or choose another name\n`);
    assert.equal(result.stdout, "");
    assert.equal(await readFile(file, "utf8"), before);
  } finally {
    await rm(path.dirname(contentDir), { recursive: true, force: true });
  }
});

test("npm run new: an emoji title gets a numbered file name, and a wrong kind prints the usage", async () => {
  const contentDir = await makeContent("small");
  try {
    const party = await runNew(contentDir, "post", "🎉");
    assert.equal(party.code, 0, party.stderr);
    assert.match(party.stdout, /"🎉" gives no letters for an address, so the file is named post-1\.md; rename it to choose the address/);
    assert.match(await readFile(path.join(contentDir, "blog", "post-1.md"), "utf8"), /^title: 🎉$/m);

    const wrong = await runNew(contentDir, "keynote", "Hello");
    assert.equal(wrong.code, 1);
    assert.equal(wrong.stderr, 'lectern new: usage: npm run new -- <talk|speaker|workshop|post|page|sponsor> "Title or name"\n');
  } finally {
    await rm(path.dirname(contentDir), { recursive: true, force: true });
  }
});

test("npm run new: a 300-character title gives a short file name and keeps the whole title in the file", async () => {
  const contentDir = await makeContent("small");
  try {
    const title = Array.from({ length: 30 }, (_, i) => `Word${i} observability`).join(" ");
    const result = await runNew(contentDir, "talk", title);
    assert.equal(result.stderr, "");
    assert.equal(result.code, 0);
    const slug = "word0-observability-word1-observability-word2-observability-word3-observability";
    const file = path.join(contentDir, "talks", `${slug}.md`);
    assert.equal(result.stdout, `lectern new: wrote ${shown(file)}\nlectern new: fill in the empty fields, then run npm run check\n`);
    assert.match(await readFile(file, "utf8"), new RegExp(`^title: ${title}$`, "m"));
  } finally {
    await rm(path.dirname(contentDir), { recursive: true, force: true });
  }
});

test("npm run new refuses a title with a line break in one line, and writes nothing", async () => {
  const contentDir = await makeContent("small");
  try {
    const before = await readdir(path.join(contentDir, "talks"));
    const result = await runNew(contentDir, "talk", "Line one\nLine two");
    assert.equal(result.stderr, "lectern new: the title must be one line; it has a line break\n");
    assert.equal(result.code, 1);
    assert.equal(result.stdout, "");
    assert.deepEqual(await readdir(path.join(contentDir, "talks")), before);
  } finally {
    await rm(path.dirname(contentDir), { recursive: true, force: true });
  }
});

test("npm run new: a file whose name differs only in case counts as existing", async () => {
  const contentDir = await makeContent("small");
  try {
    const existing = path.join(contentDir, "talks", "Autopilot.md");
    await writeFile(existing, "---\ntitle: Autopilot\n---\n");
    const result = await runNew(contentDir, "talk", "autopilot");
    assert.equal(
      result.stderr,
      `lectern new: ${shown(existing)} already exists (its name differs from autopilot.md only in case); edit it, or choose another title\n`,
    );
    assert.equal(result.code, 1);
    assert.deepEqual((await readdir(path.join(contentDir, "talks"))).filter((name) => /^autopilot\.md$/i.test(name)), ["Autopilot.md"]);
  } finally {
    await rm(path.dirname(contentDir), { recursive: true, force: true });
  }
});

test("npm run new: escape sequences in a title are printed escaped", async () => {
  const contentDir = await makeContent("small");
  try {
    const result = await runNew(contentDir, "post", "🎉\x1b]\x07\x1b[\u202e");
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
    assert.ok(
      result.stdout.includes('lectern new: "🎉\\x1b]\\x07\\x1b[\\u202e" gives no letters for an address, so the file is named post-1.md;'),
      result.stdout,
    );
  } finally {
    await rm(path.dirname(contentDir), { recursive: true, force: true });
  }
});
