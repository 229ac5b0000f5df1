import assert from "node:assert/strict";
import { readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { escapeForTerminal } from "../../src/cli/terminal.ts";
import { FIXTURES, makeContent, runLectern } from "../helpers.ts";

test("control characters are shown as escapes; text, line breaks and other Unicode are left as they are", () => {
  assert.equal(escapeForTerminal("plain: Jana Novák, 日本語 🎉\nsecond line\n"), "plain: Jana Novák, 日本語 🎉\nsecond line\n");
  assert.equal(escapeForTerminal("\x1b]0;title\x07\x1b[2K"), "\\x1b]0;title\\x07\\x1b[2K");
  assert.equal(escapeForTerminal("a\rb\tc\x00d\x7fe\x9bf\x85"), "a\\x0db\\x09c\\x00d\\x7fe\\x9bf\\x85");
  assert.equal(escapeForTerminal("abc\u202edcb\u2066x\u2069\u200e\u200f\u061c"), "abc\\u202edcb\\u2066x\\u2069\\u200e\\u200f\\u061c");
});

const ATTACK = "\\e]0;pwned\\a\\e[2K";
const SHOWN = "\\x1b]0;pwned\\x07\\x1b[2K";

test("npm run check: escape sequences in a file name or a field are printed escaped, never raw", async () => {
  const talk = await readFile(path.join(FIXTURES, "small", "talks", "after-the-change.md"), "utf8");
  const contentDir = await makeContent("small", {
    "talks/after-the-change.md": talk.replace("room: main", `room: "${ATTACK}"`),
    "talks/\x1b]0;pwned\x07\x1b[2Kevil.md": talk,
  });
  try {
    const result = await runLectern("check", { CONTENT_DIR: contentDir });
    assert.equal(result.code, 1);
    const output = result.stdout + result.stderr;
    assert.doesNotMatch(output, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/, JSON.stringify(output));
    const shown = (file: string) => path.join(contentDir, "talks", file).split(path.sep).join("/");
    // The loader may name the control character itself; either way nothing reaches the terminal raw.
    assert.ok(result.stderr.includes(`  ${shown("after-the-change.md")}: room: `), result.stderr);
    assert.ok(result.stderr.includes(`  ${shown(`${SHOWN}evil.md`)}: file name "${SHOWN}evil" could write outside`), result.stderr);
  } finally {
    await rm(path.dirname(contentDir), { recursive: true, force: true });
  }
});

test("npm run check: a content folder whose name holds escape sequences is printed escaped in the summary", async () => {
  const contentDir = await makeContent("small");
  const renamed = path.join(path.dirname(contentDir), "\x1b]0;pwned\x07\x1b[2Kcontent");
  await rename(contentDir, renamed);
  try {
    const result = await runLectern("check", { CONTENT_DIR: renamed });
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/, JSON.stringify(result.stdout));
    assert.match(result.stdout, new RegExp(`^lectern check: .*${SHOWN.replace(/[\\[\]]/g, "\\$&")}content is valid: `));
  } finally {
    await rm(path.dirname(contentDir), { recursive: true, force: true });
  }
});
