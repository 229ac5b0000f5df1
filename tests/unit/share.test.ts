import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { ogLocale, BACKGROUND_COLOUR, THEME_COLOUR } from "../../src/views/share.ts";
import { jsonForScript } from "../../src/views/structured-data.ts";
import { ROOT } from "../helpers.ts";

describe("ogLocale", () => {
  test("keeps a tag's region and gives a bare language its most likely one, as language_TERRITORY", () => {
    const cases: Array<[string, string]> = [
      ["en", "en_US"],
      ["en-GB", "en_GB"],
      ["en-gb", "en_GB"],
      ["de", "de_DE"],
      ["de-AT", "de_AT"],
      ["pt", "pt_BR"],
      ["fr-CA", "fr_CA"],
      ["zh-Hant", "zh_TW"],
      ["sr-Latn", "sr_RS"],
    ];
    assert.deepEqual(
      cases.map(([tag]) => [tag, ogLocale(tag)]),
      cases,
    );
  });
});

describe("jsonForScript", () => {
  test("no text can end the script element or open a comment, and JSON.parse reads it back unchanged", () => {
    const hostile = `</script><script>alert(1)</script><!-- & --> </SCRIPT \u2028\u2029 "quoted" \\ end`;
    const text = jsonForScript({ name: hostile, list: [hostile] });
    assert.ok(!/[<>&\u2028\u2029]/.test(text), text);
    assert.deepEqual(JSON.parse(text), { name: hostile, list: [hostile] });
    assert.equal(jsonForScript("</script>"), '"\\u003c/script\\u003e"');
  });
});

describe("the site's colours", () => {
  test("theme and background colours are public/styles.css's --brand and --paper", async () => {
    const css = await readFile(path.join(ROOT, "public", "styles.css"), "utf8");
    assert.equal(/--brand:\s*([^;]+);/.exec(css)?.[1], THEME_COLOUR);
    assert.equal(/--paper:\s*([^;]+);/.exec(css)?.[1], BACKGROUND_COLOUR);
  });
});
