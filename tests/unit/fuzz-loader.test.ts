import assert from "node:assert/strict";
import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { stringify } from "yaml";
import { ContentError } from "../../src/content/errors.ts";
import { loadConference } from "../../src/content/load.ts";
import { makeContent } from "../helpers.ts";

/** `FUZZ_RUNS` sets the number of cases: small in `npm test`, large in `npm run fuzz`. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const CASE_LIMIT_MS = 2_000;

const FIELDS = ["title", "speakers", "start", "duration", "room", "tags", "kind", "slides", "video", "__proto__", "constructor", "<<", "speeker", "permalink"];
const VALID = { title: "Fuzzed", speakers: ["sam-lee"], start: "2024-10-26 16:00", duration: 30, room: "main", tags: ["x"] };

const hostileScalar = fc.oneof(
  fc.constantFrom("no", "yes", "01234", "1.10", "0x1F", "1e3", "~", "null", ".inf", "2016-02-30", "2024-10-27 02:30", "javascript:alert(1)", "{{ 7*7 }}", "</script>", "*alias", "&anchor x", "!!js/function x", "---js"),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer(),
  fc.double(),
);

/** A talk's front matter: the valid one with fields replaced, added or removed. */
const mutatedData = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(hostileScalar, fc.array(hostileScalar, { maxLength: 4 }), fc.jsonValue({ maxDepth: 3 })), { maxKeys: 4 }),
    fc.subarray(Object.keys(VALID)),
  )
  .map(([changes, removed]) => {
    const data: Record<string, unknown> = { ...VALID };
    for (const key of removed) delete data[key];
    for (const [key, value] of Object.entries(changes)) Object.defineProperty(data, key, { value, enumerable: true, configurable: true, writable: true });
    return `---\n${stringify(data)}---\nBody\n`;
  });

/** Raw text: random, or valid YAML cut or spliced at random points. */
const rawText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.tuple(mutatedData, fc.nat(), fc.string({ maxLength: 30 })).map(([text, at, insert]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i);
  }),
  fc.constantFrom("---\na: &a [1]\nb: [*a, *a, *a]\n---\n", `---\n${"- ".repeat(500)}x\n---\n`, "---\n" + "[".repeat(5000) + "\n---\n", "\ufeff---\r\ntitle: x\r\n---\r\n"),
);

const fileName = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 24 })
  .filter((name) => !name.includes("/") && !name.includes("\u0000") && name !== "." && name !== "..");

test(`the loader only ever reports content problems (${RUNS} cases)`, async () => {
  const dir = await makeContent("small");
  const talks = path.join(dir, "talks");
  const before = (await readdir(path.dirname(dir))).sort();
  await fc.assert(
    fc.asyncProperty(fc.oneof(mutatedData, rawText), fileName, async (text, name) => {
      const file = path.join(talks, `${name}.md`);
      await writeFile(file, text);
      const started = Date.now();
      try {
        await loadConference({ contentDir: dir });
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        assert.ok(error.problems.length > 0);
        for (const problem of error.problems) assert.ok(problem.message.length > 0 && !problem.message.includes("\n    at "));
      } finally {
        await rm(file, { force: true });
      }
      assert.ok(Date.now() - started < CASE_LIMIT_MS, `a case took ${Date.now() - started} ms`);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    }),
    { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
  );
  assert.deepEqual((await readdir(path.dirname(dir))).sort(), before, "the loader wrote beside the content folder");
});
