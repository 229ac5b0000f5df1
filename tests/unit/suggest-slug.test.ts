import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { slugFromFileName, toSlug } from "../../src/content/slug.ts";
import { closestMatch, didYouMean } from "../../src/content/suggest.ts";

describe("did you mean", () => {
  test("finds close candidates and ignores distant ones", () => {
    assert.equal(closestMatch("speeker", ["title", "speakers", "start"]), "speakers");
    assert.equal(closestMatch("chris-kuhel", ["chris-kuehl", "tim-gross"]), "chris-kuehl");
    assert.equal(closestMatch("zzz", ["speakers"]), undefined);
    assert.equal(didYouMean("hal", ["hall", "lab"]), ' (did you mean "hall"?)');
    assert.equal(didYouMean("qqqqq", ["hall"]), "");
  });
});

describe("slugs", () => {
  test("file names become URL slugs", () => {
    assert.deepEqual(slugFromFileName("layer-x"), { ok: true, slug: "layer-x" });
    assert.deepEqual(slugFromFileName("Layer X"), { ok: true, slug: "layer-x" });
    assert.equal(toSlug("Café Überblick"), "cafe-uberblick");
  });

  test("names that could leave the output folder are refused", () => {
    for (const name of ["..", "../x", "..%2fx", "a\\..\\b", ".hidden", "x\u0000y"]) {
      const result = slugFromFileName(name);
      assert.equal(result.ok, false, name);
    }
    assert.deepEqual(slugFromFileName("%2e%2e"), {
      ok: false,
      message: 'file name "%2e%2e" could write outside the output folder; use letters, digits and hyphens (e.g. my-talk.md)',
    });
  });

  test("names with nothing left after slugifying are refused", () => {
    assert.deepEqual(slugFromFileName("🎉"), {
      ok: false,
      message: 'file name "🎉" gives an empty URL; use letters, digits and hyphens (e.g. my-talk.md)',
    });
  });
});
