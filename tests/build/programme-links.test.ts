import assert from "node:assert/strict";
import { describe, test } from "node:test";
import path from "node:path";
import { makeContent, runLectern, tempDir } from "../helpers.ts";

describe("programme links in the small fixture", () => {
  test("check and build list every bad link in posts, abstracts, bios and workshop descriptions, the same lines", async () => {
    const dir = await makeContent("small", {
      "blog/hello.md": "---\ntitle: Hello\ndate: 2024-09-01\nauthor: The Organisers\n---\nSee [the opening](talk:openin) and [lunch](talk:lunch).\n",
      "speakers/sam-lee.md": "---\nname: Sam Lee\ncompany: Acme\nrole: SRE\n---\nSam leads [a workshop](workshop:hands-off).\n",
      "talks/opening.md":
        "---\ntitle: Opening keynote\nspeakers: [jana-novak]\nstart: 2024-10-26 09:00\nduration: 45\nroom: main\nkind: keynote\n---\nBy [Jana](speaker:jana-novac), see [the news](post:hello).\n",
      "workshops/hands-on.md":
        "---\ntitle: Hands-on platforms\nleaders: [sam-lee]\nstart: 2024-10-26 14:00\nduration: 120\nroom: side\nlevel: beginner\n---\nRead [the news](post:helo) first.\n",
    });
    const expected = [
      "5 content problems:",
      `  ${dir}/blog/hello.md: link "talk:openin": unknown talk "openin" (did you mean "opening"?)`,
      `  ${dir}/blog/hello.md: link "talk:lunch": talk "lunch" is a meal row, which has no page; link to its row in the schedule instead: /schedule/2024-10-26/#lunch`,
      `  ${dir}/speakers/sam-lee.md: link "workshop:hands-off": unknown workshop "hands-off" (did you mean "hands-on"?)`,
      `  ${dir}/talks/opening.md: link "speaker:jana-novac": unknown speaker "jana-novac" (did you mean "jana-novak"?)`,
      `  ${dir}/workshops/hands-on.md: link "post:helo": unknown post "helo" (did you mean "hello"?)`,
    ];
    const output = path.join(await tempDir(), "site");
    for (const command of ["check", "build"] as const) {
      const result = await runLectern(command, { CONTENT_DIR: dir, OUTPUT_DIR: output });
      assert.equal(result.code, 1, result.stderr);
      assert.deepEqual(result.stderr.trimEnd().split("\n"), [`lectern ${command}: ${expected[0]}`, ...expected.slice(1)]);
      assert.equal(result.stdout, "");
    }
  });
});
