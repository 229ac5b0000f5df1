import assert from "node:assert/strict";
import { textOf } from "../helpers.ts";
import { test } from "node:test";
import fc from "fast-check";
import { jsonBytes, jsonDigest, jsonText } from "../../src/export/json-text.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

test("jsonText and jsonBytes write exactly what JSON.stringify writes, compact and indented, with and without remembered texts", () => {
  const remembered = new WeakSet<object>();
  const data = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(null, true, false, undefined, 0, -0, 1e21, 0.1, -7),
      fc.string({ unit: fc.constantFrom("a", "\"", "\\", "\n", "\u2028", "\u0000", "é", "😀", "\ud800") }),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 3 }), tie("value"), { maxKeys: 4 }),
    ),
  })).value;
  fc.assert(
    fc.property(data, fc.boolean(), (value, remember) => {
      // Remember every other object met, so cached texts sit at different depths.
      let n = 0;
      const mark = (item: unknown) => {
        if (item === null || typeof item !== "object") return;
        if (remember && n++ % 2 === 0) remembered.add(item);
        for (const part of Object.values(item)) mark(part);
      };
      mark(value);
      for (const indent of ["", "  "] as const) {
        const expected = JSON.stringify(value, null, indent || undefined) ?? "undefined";
        assert.equal(jsonText(value, indent, (item) => remembered.has(item)), expected);
        // A second time, from the remembered texts.
        assert.equal(jsonText(value, indent, (item) => remembered.has(item)), expected);
        // As bytes, twice (the second from the remembered bytes), with an ending.
        for (let i = 0; i < 2; i++) assert.equal(textOf(jsonBytes(value, indent, (item) => remembered.has(item), "\n")), `${expected}\n`);
      }
    }),
    { numRuns: RUNS },
  );
});

test("a remembered object's text is reused, not made again", () => {
  const event = { title: "Kept" };
  const remember = (item: object) => item === event;
  assert.equal(jsonText({ days: [event] }, "  ", remember), JSON.stringify({ days: [event] }, null, 2));
  // Changing a remembered object breaks the promise the caller made; the old text shows it was reused.
  event.title = "Changed";
  assert.match(jsonText({ days: [event] }, "  ", remember), /"Kept"/);
});

test("jsonDigest changes exactly when the compact JSON does, remembered objects counted by their own content", () => {
  const values = fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 300, seed: 7 });
  const remembered = new WeakSet<object>();
  const isRemembered = (item: object) => remembered.has(item);
  const wrap = (value: unknown) => {
    const event = { value };
    remembered.add(event);
    return { days: [event, { plain: value }] };
  };
  const digests = new Map<string, string>();
  for (const value of values) {
    const text = JSON.stringify(wrap(value));
    const digest = jsonDigest(wrap(value), isRemembered);
    // Equal content, fresh objects: the same digest; different content: a different one.
    const seen = digests.get(text);
    if (seen !== undefined) assert.equal(digest, seen);
    digests.set(text, digest);
  }
  assert.equal(new Set(digests.values()).size, digests.size, "different content gives different digests");
  // A change inside a remembered object changes the digest (each new object is hashed anew).
  assert.notEqual(jsonDigest(wrap({ title: "A" }), isRemembered), jsonDigest(wrap({ title: "B" }), isRemembered));
});
