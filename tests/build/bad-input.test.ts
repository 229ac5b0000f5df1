import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { makeContent, readPage, ROOT, runLectern, snapshot, tempDir, buildSite, listFiles } from "../helpers.ts";

const talk = (fields: string, body = "Abstract.") => `---\n${fields}\n---\n${body}\n`;
const GOOD = "title: A talk\nspeakers: [sam-lee]\nstart: 2024-10-26 16:00\nduration: 30\nroom: main";

/** Each bad input, the file it is in, and the exact line the build prints for it. */
const CASES: Array<[string, Record<string, string>, string]> = [
  ["unknown speaker", { "talks/t.md": talk(GOOD.replace("sam-lee", "sam-le")) }, 'talks/t.md: speakers[0]: unknown speaker "sam-le" (did you mean "sam-lee"?)'],
  ["unknown room", { "talks/t.md": talk(GOOD.replace("room: main", "room: mian")) }, 'talks/t.md: room: unknown room "mian" (did you mean "main"?)'],
  ["missing field", { "talks/t.md": talk(GOOD.replace("title: A talk\n", "")) }, "talks/t.md: title: required field is missing"],
  ["string for a list", { "talks/t.md": talk(GOOD.replace("speakers: [sam-lee]", "speakers: sam-lee")) }, 'talks/t.md: speakers: expected a list, got text "sam-lee" (write a list: [sam-lee])'],
  ["text for a number", { "talks/t.md": talk(GOOD.replace("duration: 30", "duration: forty")) }, 'talks/t.md: duration: expected a number, got text "forty"'],
  ["malformed YAML", { "talks/t.md": talk(`${GOOD}\ntitle: twice`) }, 'talks/t.md: line 7: invalid YAML: Map keys must be unique'],
  ["impossible date", { "talks/t.md": talk(GOOD.replace("2024-10-26 16:00", "2024-02-30 16:00")) }, 'talks/t.md: start: "2024-02-30 16:00" is not a real date and time'],
  ["unknown time zone", { "event.yaml": "name: a\ntagline: b\nurl: https://x.org\ntimezone: Europe/Berln\nstart: 2024-10-26\nend: 2024-10-27\nvenue: {name: a, address: b}\nrooms: [{id: main, name: M}]\n" }, 'event.yaml: timezone: unknown time zone "Europe/Berln" (did you mean "Europe/Berlin"?)'],
  ["empty file", { "speakers/nobody.md": "" }, "speakers/nobody.md: file is empty; it needs front matter between `---` lines"],
  ["slug collision", { "talks/Opening.md": talk(GOOD) }, "talks/opening.md: gives the address /talks/opening/, which CONTENT/talks/Opening.md also has; rename one of them"],
  ["misnamed folder", { "posts/hello.md": talk("title: x\ndate: 2024-09-01\nauthor: a") }, 'posts: unknown folder, not read (did you mean "blog/"?)'],
  ["file name too long for the output", { [`talks/${"a".repeat(252)}.md`]: talk(GOOD) }, `talks/${"a".repeat(252)}.md: file name gives an address of 252 characters, over the limit of 251 (the site writes <address>.ics, and a file name holds at most 255 bytes); shorten it`],
  ["escaping file name", { "talks/..%2f..%2fx.md": talk(GOOD) }, 'talks/..%2f..%2fx.md: file name "..%2f..%2fx" could write outside the output folder; use letters, digits and hyphens (e.g. my-talk.md)'],
];

describe("a bad content folder", () => {
  for (const [name, changes, line] of CASES) {
    test(`${name}: build and check fail with the file and field named, and the old site stays`, async () => {
      const good = await makeContent("small");
      const output = path.join(await tempDir(), "site");
      const first = await runLectern("build", { CONTENT_DIR: good, OUTPUT_DIR: output });
      assert.equal(first.code, 0, first.stderr);
      const before = await snapshot(output);

      const bad = await makeContent("small", changes);
      const expected = `  ${bad}/${line.replace("CONTENT/", `${bad}/`)}`;
      for (const command of ["build", "check"] as const) {
        const result = await runLectern(command, { CONTENT_DIR: bad, OUTPUT_DIR: output });
        assert.equal(result.code, 1, `${command} exit code; stderr:\n${result.stderr}`);
        const lines = result.stderr.trimEnd().split("\n");
        assert.match(lines[0]!, new RegExp(`^lectern ${command}: 1 content problem:$`));
        assert.deepEqual(lines.slice(1), [expected]);
        assert.equal(result.stdout, "");
      }
      assert.deepEqual(await snapshot(output), before, "the previous site changed");
      assert.deepEqual((await listFiles(path.dirname(output))), (await listFiles(output)).map((f) => `site/${f}`), "stray files beside the output folder");
    });
  }

  test("several problems are listed together, sorted by file", async () => {
    const bad = await makeContent("small", {
      "talks/a.md": talk(GOOD.replace("sam-lee", "nobody")),
      "talks/b.md": talk(GOOD.replace("duration: 30", "duration: forty")),
    });
    const result = await runLectern("check", { CONTENT_DIR: bad });
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      `lectern check: 2 content problems:\n  ${bad}/talks/a.md: speakers[0]: unknown speaker "nobody"\n  ${bad}/talks/b.md: duration: expected a number, got text "forty"\n`,
    );
  });
});

test("a page path too long for OUTPUT_DIR: check and build refuse the same file with the same line", async () => {
  const long = "a".repeat(251);
  const content = await makeContent("small", { [`talks/${long}.md`]: talk(GOOD) });
  // Short names still fit under this output folder; the 251-character one does not.
  let output = await tempDir();
  while (Buffer.byteLength(output) < 3800) output = path.join(output, "d".repeat(200));
  const expected = `lectern COMMAND: 1 content problem:\n  ${content}/talks/${long}.md: file name makes a page path of ${Buffer.byteLength(output) + 20 + 7 + 251 + 11} bytes in the output folder, over the limit of 4095; shorten the file name or choose a shorter OUTPUT_DIR\n`;
  for (const command of ["check", "build"] as const) {
    const result = await runLectern(command, { CONTENT_DIR: content, OUTPUT_DIR: output });
    assert.equal(result.stderr, expected.replace("COMMAND", command));
    assert.equal(result.code, 1);
  }
});

describe("hostile text in titles and names", () => {
  test("is escaped in the body, attributes and the title, and the page stays well-formed", async () => {
    const evil = `Break <script>alert("x")</script> & "quotes" 'too'`;
    const content = await makeContent("small", {
      "talks/opening.md": talk(GOOD.replace("title: A talk", `title: '${evil.replace(/'/g, "''")}'`), "Body <b>bold</b> <script>alert(1)</script> [x](javascript:alert(1))"),
      "speakers/sam-lee.md": talk(`name: "Sam <img src=x onerror=alert(1)> Lee"\ncompany: Acme "Quotes"\nrole: SRE`),
    });
    const site = await buildSite(content);
    const page = await readPage(site, "/talks/opening/");
    // Lectern's own: the module script, the client's strings, the JSON-LD; nothing else.
    const scripts = page.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(
      scripts.filter((tag) => !['<script type="module" src="/conf/assets/site.js">', '<script type="application/json" id="_lectern_strings">', '<script type="application/ld+json">'].includes(tag)),
      [],
      "a script tag got through",
    );
    assert.equal(scripts.length, 3);
    assert.ok(!page.includes("<img src=x"), "an img tag got through");
    assert.ok(!page.includes('href="javascript:'), "a javascript: link got through");
    // preact escapes <, & and " (enough for text and quoted attributes); > and ' are harmless there.
    const escaped = "Break &lt;script>alert(&quot;x&quot;)&lt;/script> &amp; &quot;quotes&quot; 'too'";
    assert.ok(page.includes(`<title>${escaped} · Fixture Conf</title>`), "title");
    assert.ok(page.includes(`<meta property="og:title" content="${escaped}"/>`), "og:title attribute");
    assert.ok(page.includes(`<h1>${escaped}</h1>`), "heading");
    const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1];
    assert.ok(json && !json.includes("</"), "JSON-LD can close its element");
    assert.equal((JSON.parse(json) as { "@graph": Array<{ name: string }> })["@graph"][0]!.name, evil);
    assert.ok(page.includes("<p>Body &lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</p>"), "abstract");
    assert.ok(page.includes('>Sam &lt;img src=x onerror=alert(1)> Lee</a>'), "speaker name");
    assert.ok(page.includes("SRE, Acme &quot;Quotes&quot;"), "company");

    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const url of ["/talks/opening/", "/speakers/sam-lee/"]) {
      const report = await validator.validateString(await readPage(site, url), path.join(ROOT, "site", url, "index.html"));
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      assert.deepEqual(messages, [], `${url} is not valid HTML`);
    }
  });
});
