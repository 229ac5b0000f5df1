import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import matter from "gray-matter";
import { ProblemList } from "../../src/content/errors.ts";
import { cleanBody } from "../../src/content/fields.ts";
import { parseMarkdownFile, parseYaml, parseYamlDocument, readFlatYaml } from "../../src/content/front-matter.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

/** Characters near every edge of the fast path's grammar. */
const EDGY = [..."aZ_09-./(:#,[]{}'\"\\ \t?!&*|>%@`~+eE", "\u00a0", "\u0085", "\u2028", "\ufeff", "é", "–", "😀", "\u0000", "\u001b"];
const edgyText = fc.string({ unit: fc.constantFrom(...EDGY), maxLength: 14 });
const word = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,8}$/);
const special = fc.constantFrom("~", "null", "Null", "NULL", "true", "False", "0", "-0", "007", "1.10", "1e3", ".inf", "-.Inf", ".nan", "0x1F", "0o17", "+5", "12345678901234567890", "999999999999999", "-42", "", "no", "yes", "2030-06-03 08:00", "https://x.org/a?b=c#d", "a: b", "a:b", "a:", "x #c", "'it''s'", '"a\\"b"', "- x", "[a, b", "[a,b]", "[]", "[ a ]", "[null]", "[1, 2]", "&x y", "*x", "!!str 1");
const value = fc.oneof(
  special,
  edgyText,
  edgyText.map((s) => `"${s}"`),
  edgyText.map((s) => `'${s}'`),
  fc.integer().map(String),
  fc.array(fc.oneof(word, special), { maxLength: 4 }).map((items) => `[${items.join(", ")}]`),
);
const key = fc.oneof(word, fc.constantFrom("title", "__proto__", "constructor", "prototype", "true", "null", "y", "1", "a b", "x".repeat(1100)));
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`) },
  { weight: 1, arbitrary: fc.constantFrom("", "# a comment", "  nested: 1", "---", "...", "- item", "key:", "key:  two spaces", "key:\tvalue") },
  { weight: 1, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}:${v}`) },
);
/** Front matter as gray-matter hands it over: after the opening `---`, starting with its line end. */
const frontMatter = fc.array(line, { minLength: 0, maxLength: 6 }).map((lines) => `\n${lines.join("\n")}`);

function full(source: string) {
  const problems = new ProblemList();
  return { value: parseYamlDocument(source, "t.md", problems), problems: problems.items };
}

test(`the flat front matter fast path reads exactly what the YAML parser reads (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(frontMatter, (source) => {
      const expected = full(source);
      const fast = readFlatYaml(source);
      if (fast !== undefined) {
        assert.deepEqual(expected.problems, [], "the fast path accepted front matter the parser refuses");
        assert.deepEqual(fast, expected.value);
        assert.equal(Object.getPrototypeOf(fast), Object.prototype);
      }
      const problems = new ProblemList();
      assert.deepEqual(parseYaml(source, "t.md", problems), expected.value);
      assert.deepEqual(problems.items, expected.problems);
    }),
    { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
  );
});

test("the fast path reads the front matter content files usually have", () => {
  const talk = '\ntitle: "Scheduler: secret # backup, 1"\nspeakers: [chidi-nakamura-00001]\nstart: 2030-06-03 08:00\nduration: 20\nroom: room-2\ntags: [ethics, ci-cd]\nkind: keynote\nslides: https://slides.example.org/1.pdf\nwebsite: https://example.org/~chidi';
  const expected = {
    title: "Scheduler: secret # backup, 1",
    speakers: ["chidi-nakamura-00001"],
    start: "2030-06-03 08:00",
    duration: 20,
    room: "room-2",
    tags: ["ethics", "ci-cd"],
    kind: "keynote",
    slides: "https://slides.example.org/1.pdf",
    website: "https://example.org/~chidi",
  };
  assert.deepEqual(readFlatYaml(talk), expected);
  assert.deepEqual(full(talk), { value: expected, problems: [] });
});

test("the fast path leaves to the parser what it does not read", () => {
  for (const source of ["\ntitle: A\ntitle: B", "\nroom: no # a comment", "\nzip: 01234", "\nkind:", "\nvenue:\n  name: X", "\n__proto__: x", "\ntags: [a, 1]", "\ntitle: 'it''s'", "", "\n"]) {
    assert.equal(readFlatYaml(source), undefined, JSON.stringify(source));
  }
});

/** parseMarkdownFile as it was with gray-matter splitting the file and the full parser reading the block: the reference. */
function withGrayMatter(text: string, problems: ProblemList) {
  if (text.trim() === "") return undefined;
  const fence = /^---([^\n]*)\n/.exec(text);
  if (!fence) return undefined;
  const language = fence[1]!.trim().toLowerCase();
  if ((language !== "" && language !== "yaml") || !/\n---[ \t]*(\n|$)/.test(text.slice(fence[0].length - 1))) return undefined;
  let data: Record<string, unknown> = {};
  let failed = false;
  const split = matter(text, {
    language: "yaml",
    engines: {
      yaml: (source: string) => {
        const parsed = parseYamlDocument(source, "t.md", problems, 1);
        if (parsed) data = parsed;
        else failed = true;
        return {};
      },
    },
  });
  return failed ? undefined : { data, body: cleanBody(split.content) };
}

const pieces = fc.constantFrom("---", "---\n", "\n---\n", "\n---", "\n--- \n", "\n----\n", "\n---x\n", "---yaml\n", "--- yaml \n", "--- \n", "title: A\n", "# c\n", "  \n", "\n", "\r", "Body\n", "tags: [a, b]\n", "kind:\n", "a: 'x'\n", "- x\n", "...\n");
const markdownFile = fc.oneof(
  fc.array(pieces, { maxLength: 10 }).map((parts) => parts.join("")),
  fc.tuple(frontMatter, fc.constantFrom("\n---\n", "\n---", "\n---  \nx", "\n---\n\n"), fc.string({ maxLength: 20 })).map(([fm, close, body]) => `---${fm}${close}${body}`),
);

test(`parseMarkdownFile splits files exactly as gray-matter did (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(markdownFile, (text) => {
      const before = new ProblemList();
      let expected;
      try {
        expected = withGrayMatter(text, before);
      } catch {
        return; // gray-matter threw (an engine name it did not know): nothing to match.
      }
      const after = new ProblemList();
      const actual = parseMarkdownFile(text, "t.md", after);
      if (expected === undefined && before.items.length === 0) return; // refused before splitting: unchanged code
      assert.deepEqual(actual, expected);
      assert.deepEqual(after.items, before.items);
    }),
    { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
  );
});
