import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ProblemList } from "../../src/content/errors.ts";
import { decodeText, parseMarkdownFile, parseYaml } from "../../src/content/front-matter.ts";

function parse(text: string) {
  const problems = new ProblemList();
  const result = parseMarkdownFile(text, "t.md", problems);
  return { result, problems: problems.items.map((p) => `${p.field}: ${p.message}`) };
}

describe("front matter", () => {
  test("keeps dates, times and ambiguous scalars as written", () => {
    const { result, problems } = parse(
      "---\ndate: 2016-06-10\nstart: 2016-06-10 09:30\nroom: no\nzip: 01234\nversion: 1.10\nduration: 40\n---\nBody\n",
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(result?.data, {
      date: "2016-06-10",
      start: "2016-06-10 09:30",
      room: "no",
      zip: "01234",
      version: "1.10",
      duration: 40,
    });
    assert.equal(result?.body, "Body\n");
  });

  test("accepts a byte order mark and CRLF line endings", () => {
    const problems = new ProblemList();
    const text = decodeText(Buffer.from("\ufeff---\r\ntitle: A\r\n---\r\nBody\r\n", "utf8"), "t.md", problems);
    const result = parseMarkdownFile(text!, "t.md", problems);
    assert.deepEqual(problems.items, []);
    assert.deepEqual(result, { data: { title: "A" }, body: "Body\n" });
  });

  test("refuses invalid UTF-8", () => {
    const problems = new ProblemList();
    assert.equal(decodeText(Buffer.from([0x2d, 0xff, 0xfe]), "t.md", problems), undefined);
    assert.deepEqual(problems.items, [{ file: "t.md", field: "", message: "file is not valid UTF-8 text; save it as UTF-8" }]);
  });

  test("reports malformed YAML with the file's line number", () => {
    const { result, problems } = parse("---\ntitle: A\ntags: [a, b\nkind: talk\n---\n");
    assert.equal(result, undefined);
    assert.deepEqual(problems, [
      "line 4: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  test("never runs JavaScript front matter", () => {
    const marker = "__lecternRan";
    const { result, problems } = parse(`---js\n{ title: (globalThis.${marker} = 1) }\n---\n`);
    assert.equal(result, undefined);
    assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
    assert.deepEqual(problems, ['front matter: "---js" front matter is not supported; write YAML after a plain "---" line']);
  });

  test("empty files and unclosed front matter are errors", () => {
    assert.deepEqual(parse("").problems, [": file is empty; it needs front matter between `---` lines"]);
    assert.deepEqual(parse("---\ntitle: A\n").problems, [": front matter is not closed with a `---` line"]);
    assert.deepEqual(parse("Just text\n").problems, [
      ": file does not start with front matter (a `---` line, the fields, then `---`)",
    ]);
  });

  test("an empty front matter block is an empty mapping", () => {
    assert.deepEqual(parse("---\n---\nBody\n").result, { data: {}, body: "Body\n" });
  });

  test("keys that reach prototypes are refused and Object.prototype stays clean", () => {
    const problems = new ProblemList();
    const data = parseYaml("__proto__:\n  polluted: true\nconstructor: x\n", "e.yaml", problems);
    assert.equal(data, undefined);
    assert.deepEqual(
      problems.items.map((p) => p.field),
      ["__proto__", "constructor"],
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test("UTF-16 text, with or without a byte order mark, is named as such", () => {
    const text = "---\ntitle: A\n---\nBody\n";
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    for (const bytes of [le, be, Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be])]) {
      const problems = new ProblemList();
      assert.equal(decodeText(bytes, "t.md", problems), undefined);
      assert.deepEqual(problems.items, [{ file: "t.md", field: "", message: "file is UTF-16 text; save it as UTF-8" }]);
    }
  });

  test("a second YAML document is explained, not handed to the YAML library's advice", () => {
    assert.deepEqual(parse("---\ntitle: A\n...\nroom: b\n---\nBody\n").problems, [
      'front matter: holds a second YAML document (after a "---" or "..." line); front matter is one YAML document and ends at the second "---" line',
    ]);
    const problems = new ProblemList();
    assert.equal(parseYaml("name: A\n---\nname: B\n", "event.yaml", problems, 1, "file"), undefined);
    assert.deepEqual(problems.items.map((p) => `${p.field}: ${p.message}`), [
      ': file holds a second YAML document (after a "---" or "..." line); a .yaml file holds one YAML document',
    ]);
  });

  test("a YAML file's problems do not speak of front matter", () => {
    const problems = new ProblemList();
    parseYaml("- a\n- b\n", "event.yaml", problems, 1, "file");
    parseYaml(`a: ${"[".repeat(40)}${"]".repeat(40)}`, "event.yaml", problems, 1, "file");
    assert.deepEqual(problems.items.map((p) => `${p.field}: ${p.message}`), [
      ": file must be a mapping of `field: value` lines",
      ": file nests deeper than the limit of 16 levels",
    ]);
  });
});
