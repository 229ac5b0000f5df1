import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { jsonText } from "../../src/export/json-text.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

test("jsonText writes exactly what JSON.stringify writes, compact and indented, with and without remembered texts", () => {
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
