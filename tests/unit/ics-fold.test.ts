import assert from "node:assert/strict";
import { test } from "node:test";
import { foldLines } from "../../src/export/ics.ts";

const unfold = (text: string) => text.replace(/\r\n /g, "");
const octets = (line: string) => Buffer.byteLength(line, "utf8");

test("short lines pass through unchanged", () => {
  const text = "BEGIN:VEVENT\r\nSUMMARY:Hello\r\nEND:VEVENT\r\n";
  assert.equal(foldLines(text), text);
});

test("long lines fold to at most 75 octets and unfold to the original", () => {
  const inputs = [
    `DESCRIPTION:${"a".repeat(300)}`,
    `SUMMARY:${"é".repeat(100)}`, // two octets each
    `SUMMARY:${"x".repeat(73)}€€€`, // a three-octet character lands on the boundary
    `SUMMARY:${"😀".repeat(40)}`, // four octets, two UTF-16 units each
  ];
  for (const input of inputs) {
    const folded = foldLines(input);
    assert.equal(unfold(folded), input);
    const lines = folded.split("\r\n");
    assert.ok(lines.length > 1, `${input.slice(0, 20)}… was not folded`);
    for (const line of lines) {
      assert.ok(octets(line) <= 75, `${octets(line)} octets: ${line}`);
      assert.ok(!/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/.test(line), "a character was split");
    }
    // Continuation lines start with one space and carry at most 74 octets of content.
    for (const line of lines.slice(1)) assert.ok(line.startsWith(" "));
  }
});
