import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { DateTime } from "luxon";
import { digestOf, Fingerprinter, outline, sameInputs } from "../../src/output/fingerprint.ts";

test("a file in pieces has the same digest for the same pieces and another for other bytes", () => {
  const pieceOf = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ minLength: 250, maxLength: 600 })).map((bytes) => Buffer.from(bytes));
  fc.assert(
    fc.property(fc.array(pieceOf, { maxLength: 8 }), fc.array(pieceOf, { maxLength: 8 }), (a, b) => {
      // Copies, as a new build makes them: large pieces are remembered by object, so this also checks they are not confused.
      const copies = a.map((piece) => Buffer.from(piece));
      assert.equal(digestOf(a), digestOf(copies));
      assert.equal(digestOf(a), digestOf(a));
      const sameCut = a.length === b.length && a.every((piece, i) => piece.equals(b[i]!));
      if (!sameCut && !Buffer.concat(a).equals(Buffer.concat(b))) assert.notEqual(digestOf(a), digestOf(b));
    }),
    { numRuns: 500 },
  );
});

test("sameInputs says equal only for what certainly has the same fingerprint", () => {
  const hasher = new Fingerprinter();
  const talk = { title: "A", tags: ["x"] };
  const time = DateTime.fromISO("2016-06-10T09:00", { zone: "America/New_York" });
  const pairs: Array<[unknown, unknown, boolean]> = [
    [[talk, time, "route"], [talk, DateTime.fromISO("2016-06-10T09:00", { zone: "America/New_York" }), "route"], true],
    [{ a: [talk], b: outline(talk) }, { a: [talk], b: outline(talk) }, true],
    // Plain objects and lists are compared part by part; other objects only as the same object.
    [[talk], [{ title: "A", tags: ["x"] }], true],
    [[new Map([["a", talk]])], [new Map([["a", talk]])], false],
    [[talk, time], [talk, time.setZone("UTC")], false],
    [[talk], [talk, talk], false],
    [{ a: 1 }, { a: 1, b: undefined }, false],
  ];
  for (const [a, b, same] of pairs) {
    assert.equal(sameInputs(a, b), same, JSON.stringify([a, b]));
    if (same) assert.equal(hasher.of(a), hasher.of(b));
  }
  assert.equal(hasher.of([{ title: "A", tags: ["x"] }]), hasher.of([talk]), "the fingerprint itself goes by value");
});
