import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ContentError, formatProblem, ProblemList } from "../../src/content/errors.ts";
import { MAX_FRONT_MATTER_BYTES, parseMarkdownFile, parseYaml } from "../../src/content/front-matter.ts";
import { loadConference } from "../../src/content/load.ts";
import { renderPost, renderUntrusted } from "../../src/content/markdown.ts";
import { makeContent } from "../helpers.ts";

function yamlProblems(source: string): string[] {
  const problems = new ProblemList();
  parseYaml(source, "f.yaml", problems);
  return problems.items.map((p) => `${p.field}: ${p.message}`);
}

describe("hostile front matter", () => {
  test("other front matter engines are refused", () => {
    for (const engine of ["js", "javascript", "json", "toml", "coffee"]) {
      const problems = new ProblemList();
      assert.equal(parseMarkdownFile(`---${engine}\n{}\n---\n`, "t.md", problems), undefined);
      assert.deepEqual(problems.items.map((p) => p.message), [
        `"---${engine}" front matter is not supported; write YAML after a plain "---" line`,
      ]);
    }
  });

  test("merge keys and prototype keys are refused at any depth", () => {
    assert.deepEqual(yamlProblems("base: &b {x: 1}\nvenue:\n  <<: *b\n  __proto__: {polluted: 1}\n"), [
      "<<: this key is not allowed (it could alter built-in objects)",
      "__proto__: this key is not allowed (it could alter built-in objects)",
    ]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted"), false);
  });

  test("an alias bomb is refused quickly, naming the limit", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]`);
    const started = Date.now();
    const problems = yamlProblems(lines.join("\n"));
    assert.ok(Date.now() - started < 1000, "took too long");
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^front matter: .*\(at most 100 aliases are allowed\)$/);
  });

  test("deep nesting is refused, naming the limit", () => {
    assert.deepEqual(yamlProblems(`a: ${"[".repeat(40)}${"]".repeat(40)}`), ["front matter: nests deeper than the limit of 16 levels"]);
    const deep = yamlProblems(`a: ${"[".repeat(20000)}${"]".repeat(20000)}`);
    assert.equal(deep.length, 1);
    assert.match(deep[0]!, /nests deeper than the limit of 16 levels/);
  });

  test("oversized front matter is refused, naming the limit", () => {
    const big = `title: ${"x".repeat(MAX_FRONT_MATTER_BYTES)}`;
    assert.deepEqual(yamlProblems(big), [
      `front matter: is ${MAX_FRONT_MATTER_BYTES + 7} bytes, over the limit of ${MAX_FRONT_MATTER_BYTES} bytes`,
    ]);
  });

  test("values YAML would convert keep what the organiser wrote, whatever TZ is", async () => {
    const dir = await makeContent("small", {
      "blog/hello.md": "---\ntitle: 1.10\ndate: 2016-06-10\nauthor: 01234\nsummary: no\n---\nBody\n",
    });
    const conference = await loadConference({ contentDir: dir });
    const post = conference.posts[0]!;
    assert.deepEqual([post.title, post.author, post.summary, post.date.toISODate()], ["1.10", "01234", "no", "2016-06-10"]);
  });

  test("room: no is the text no, not false", async () => {
    const dir = await makeContent("small", {
      "talks/t.md": "---\ntitle: T\nspeakers: [sam-lee]\nstart: 2024-10-26 16:00\nduration: 30\nroom: no\n---\n",
    });
    await assert.rejects(loadConference({ contentDir: dir }), (error: ContentError) => {
      assert.deepEqual(error.problems.map((p) => formatProblem(p).split(`${dir}/`).join("")), [
        'talks/t.md: room: unknown room "no" (rooms in event.yaml: "main", "side")',
      ]);
      return true;
    });
  });
});

describe("hostile markdown", () => {
  const attack = [
    "<script>alert(1)</script>",
    '<iframe src="https://evil.example"></iframe>',
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD4=)",
    "{{ 7*7 }} {% include 'x' %}",
  ].join("\n\n");

  test("speaker-supplied bodies show HTML as text and drop dangerous links", () => {
    const html = renderUntrusted(attack);
    assert.ok(!/<script|<iframe|<img/i.test(html), html);
    assert.ok(!/href="(javascript|data):/i.test(html), html);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    // Typographer curls the quotes; the template syntax itself is printed, never run.
    assert.match(html, /<p>\{\{ 7\*7 \}\} \{% include ‘x’ %\}<\/p>/);
  });

  test("blog posts keep safe HTML and lose scripts, handlers and dangerous URLs", () => {
    const html = renderPost(`${attack}\n\n<figure><img src="/a.png" alt="A"><figcaption>Cap</figcaption></figure>\n\n<a href="https://ok.example" onclick="x()">ok</a>`);
    assert.ok(!/<script|<iframe|\son\w+=|(href|src)="(javascript|data):/i.test(html), html);
    assert.match(html, /<figure><img src="\/a\.png" alt="A" \/><figcaption>Cap<\/figcaption><\/figure>/);
    assert.match(html, /<a href="https:\/\/ok\.example">ok<\/a>/);
    assert.match(html, /\{\{ 7\*7 \}\}/);
  });
});
