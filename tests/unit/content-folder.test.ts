import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rename, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { ContentError, formatProblem } from "../../src/content/errors.ts";
import { loadConference } from "../../src/content/load.ts";
import { makeContent, ROOT } from "../helpers.ts";

const talk = (fields: string, body = "Abstract.") => `---\n${fields}\n---\n${body}\n`;
const GOOD = "title: A talk\nspeakers: [sam-lee]\nstart: 2024-10-26 16:00\nduration: 30\nroom: main";
const BAD_ZONE = "name: a\ntagline: b\nurl: https://x.org\ntimezone: Europe/Berln\nstart: 2024-10-26\nend: 2024-10-27\nvenue: {name: a, address: b}\nrooms: [{id: main, name: M}]\n";

/** Every problem line of loading `dir`, paths shown from the content folder; [] when it loads. */
async function problemsIn(dir: string): Promise<string[]> {
  try {
    await loadConference({ contentDir: dir, render: false });
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    return error.problems.map((p) => formatProblem(p).split(`${dir}/`).join(""));
  }
  return [];
}

/** The small fixture, changed by `setup` (given the content folder). */
async function problemsAfter(setup: (dir: string) => Promise<unknown>): Promise<string[]> {
  const dir = await makeContent("small");
  await setup(dir);
  return problemsIn(dir);
}

const renamed = (from: string, to: string) => (dir: string) => rename(path.join(dir, from), path.join(dir, to));
const written = (file: string, text: string | Buffer) => async (dir: string) => {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), text);
};

describe("what the loader reads", () => {
  const cases: Array<[string, (dir: string) => Promise<unknown>, string[]]> = [
    ["Workshops/ (wrong case)", renamed("workshops", "Workshops"), ['Workshops: unknown folder, not read (did you mean "workshops/"?)']],
    ["talk/ (singular)", renamed("talks", "talk"), ['talk: unknown folder, not read (did you mean "talks/"?)']],
    ["posts/", written("posts/hello.md", talk("title: x\ndate: 2024-09-01\nauthor: a")), ['posts: unknown folder, not read (did you mean "blog/"?)']],
    ["keynotes/", written("keynotes/opening.md", talk(GOOD)), ['keynotes: unknown folder, not read (did you mean "talks/"?)']],
    [
      "event.yml, without a second missing-file line",
      renamed("event.yaml", "event.yml"),
      ['event.yml: unknown file, not read (did you mean "event.yaml"?)'],
    ],
    [
      "an unknown file with nothing close",
      written("notes.txt", "x"),
      ["notes.txt: unknown file, not read; a content folder holds only event.yaml, talks/, speakers/, workshops/, blog/, pages/, sponsors/ and releases/"],
    ],
    [
      "workshops as a plain file",
      async (dir) => {
        await rm(path.join(dir, "workshops"), { recursive: true });
        await writeFile(path.join(dir, "workshops"), "x");
      },
      ["workshops: is a file; it must be a folder of .md files"],
    ],
    [
      "event.yaml as a folder",
      async (dir) => {
        await rm(path.join(dir, "event.yaml"));
        await mkdir(path.join(dir, "event.yaml"));
      },
      ["event.yaml: is a folder; it must be a file"],
    ],
    ["talk.MD", written("talks/extra.MD", talk(GOOD)), ["talks/extra.MD: only .md files are content; rename it to extra.md"]],
    ["talk.markdown", written("talks/extra.markdown", talk(GOOD)), ["talks/extra.markdown: only .md files are content; rename it to extra.md"]],
    ["a text file among talks", written("talks/notes.txt", "x"), ["talks/notes.txt: only .md files are content"]],
    ["a photo among speakers", written("speakers/jana.jpg", "x"), ["speakers/jana.jpg: only .md files are content (put images in the public folder)"]],
    ["a sub-folder of talks", written("talks/2016/old.md", talk(GOOD)), ["talks/2016: is a folder; sub-folders of talks/ are not read"]],
    ["a text file among posts", written("blog/notes.txt", "x"), ["blog/notes.txt: only .md files and images (PNG, JPEG, GIF, WebP, AVIF or SVG) belong in blog/"]],
    ["a sub-folder of images in blog", written("blog/recap/hall.jpg", "x"), ["blog/recap: is a folder; sub-folders of blog/ are not read (images go directly in blog/, beside the posts)"]],
  ];
  for (const [name, setup, expected] of cases) {
    test(`${name} is an error naming it`, async () => {
      assert.deepEqual(await problemsAfter(setup), expected);
    });
  }

  test("a misnamed speakers folder is one error, not one per talk", async () => {
    assert.deepEqual(await problemsAfter(renamed("speakers", "speaker")), ['speaker: unknown folder, not read (did you mean "speakers/"?)']);
  });

  test("dotfiles, editor leftovers and drafts are ignored", async () => {
    const leftovers = [".#opening.md", "opening.md~", ".opening.md.swp", "#opening.md#", ".DS_Store", "_draft.md", "_drafts/x.md", "opening.md___jb_tmp___", "4913", "Thumbs.db"];
    assert.deepEqual(
      await problemsAfter(async (dir) => {
        for (const name of leftovers) await written(`talks/${name}`, "not front matter")(dir);
        for (const name of [".DS_Store", ".git/HEAD", "_drafts/x.md", ".gitignore"]) await written(name, "x")(dir);
      }),
      [],
    );
  });

  test("a content folder that is a file is one error", async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "lectern-")), "content");
    await writeFile(dir, "x");
    assert.deepEqual(await problemsIn(dir), [`${dir}: cannot be read (ENOTDIR)`]);
  });

  test("a missing collection folder is fine", async () => {
    assert.deepEqual(await problemsAfter((dir) => rm(path.join(dir, "workshops"), { recursive: true })), []);
  });
});

describe("one rule for every content path", () => {
  test("a talks folder linked from outside the content folder is refused", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "lectern-outside-"));
    await writeFile(path.join(outside, "secret.md"), talk(GOOD));
    assert.deepEqual(
      await problemsAfter(async (dir) => {
        await rm(path.join(dir, "talks"), { recursive: true });
        await symlink(outside, path.join(dir, "talks"));
      }),
      ["talks: is a symbolic link to a folder outside the content folder"],
    );
  });

  test("an event.yaml linked from outside the content folder is refused", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "lectern-outside-"));
    assert.deepEqual(
      await problemsAfter(async (dir) => {
        await rename(path.join(dir, "event.yaml"), path.join(outside, "event.yaml"));
        await symlink(path.join(outside, "event.yaml"), path.join(dir, "event.yaml"));
      }),
      ["event.yaml: is a symbolic link to a file outside the content folder"],
    );
  });

  test("links inside the content folder are followed", async () => {
    assert.deepEqual(
      await problemsAfter(async (dir) => {
        await rename(path.join(dir, "talks"), path.join(dir, "_archive"));
        await symlink(path.join(dir, "_archive"), path.join(dir, "talks"));
      }),
      [],
    );
  });

  test("images beside the posts are not content: no page, no problem, even unused", async () => {
    const dir = await makeContent("small", { "blog/hall.jpg": "not read unless a post shows it", "blog/Badge.SVG": "<svg/>" });
    const conference = await loadConference({ contentDir: dir });
    assert.deepEqual(conference.images, []);
  });

  test("an image in blog/ linked from outside the content folder is refused; one linked from inside is followed", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "lectern-outside-"));
    await writeFile(path.join(outside, "hall.jpg"), "x");
    assert.deepEqual(
      await problemsAfter(async (dir) => {
        await symlink(path.join(outside, "hall.jpg"), path.join(dir, "blog", "hall.jpg"));
        await written("_photos/stage.jpg", "x")(dir);
        await symlink(path.join(dir, "_photos", "stage.jpg"), path.join(dir, "blog", "stage.jpg"));
      }),
      ["blog/hall.jpg: is a symbolic link to a file outside the content folder"],
    );
  });

  test("an image beside the posts over 20 MB is refused, naming the limit; 20 MB is fine", async () => {
    const sized = (name: string, bytes: number) => async (dir: string) => {
      await written(`blog/${name}`, "")(dir);
      await truncate(path.join(dir, "blog", name), bytes);
    };
    assert.deepEqual(
      await problemsAfter(async (dir) => {
        await sized("huge.jpg", 20 * 1024 * 1024 + 1)(dir);
        await sized("large.png", 20 * 1024 * 1024)(dir);
      }),
      ["blog/huge.jpg: is 20971521 bytes, over the limit of 20 MB (20971520 bytes) for an image"],
    );
  });

  test("a file over the size limit is refused, naming the limit", async () => {
    assert.deepEqual(await problemsAfter(written("talks/big.md", talk(GOOD, "x".repeat(1024 * 1024)))), [
      "talks/big.md: is 1048667 bytes, over the limit of 1 MB (1048576 bytes) for a content file",
    ]);
  });
});

describe("no knock-on problems", () => {
  test("a speaker file that cannot be parsed does not make its talks report an unknown speaker", async () => {
    assert.deepEqual(await problemsAfter(written("speakers/sam-lee.md", "---\nname: [Sam\n---\nBio.\n")), [
      "speakers/sam-lee.md: line 2: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  test("a speaker file that is not UTF-8 does not either", async () => {
    assert.deepEqual(await problemsAfter(written("speakers/sam-lee.md", Buffer.from("---\nname: Sam \xff\n---\n", "latin1"))), [
      "speakers/sam-lee.md: file is not valid UTF-8 text; save it as UTF-8",
    ]);
  });

  test("a speaker file with the wrong extension does not either", async () => {
    assert.deepEqual(await problemsAfter(renamed("speakers/sam-lee.md", "speakers/sam-lee.markdown")), [
      "speakers/sam-lee.markdown: only .md files are content; rename it to sam-lee.md",
    ]);
  });

  test("a talk's own problems show even when event.yaml is unusable", async () => {
    assert.deepEqual(
      await problemsAfter(async (dir) => {
        await writeFile(path.join(dir, "event.yaml"), BAD_ZONE);
        await written("talks/t.md", talk(GOOD.replace("sam-lee", "nobody").replace("duration: 30", "duration: forty")))(dir);
      }),
      [
        'event.yaml: timezone: unknown time zone "Europe/Berln" (did you mean "Europe/Berlin"?)',
        'talks/t.md: speakers[0]: unknown speaker "nobody"',
        'talks/t.md: duration: expected a number, got text "forty"',
      ],
    );
  });

  test("the README's example: an unknown speaker and a bad duration in one file are reported together", async () => {
    const lines = await problemsAfter(
      written("talks/t.md", talk(GOOD.replace("sam-lee", "sam-le").replace("duration: 30", "duration: forty").replace("room: main", "room: mian"))),
    );
    assert.deepEqual(lines, [
      'talks/t.md: speakers[0]: unknown speaker "sam-le" (did you mean "sam-lee"?)',
      'talks/t.md: room: unknown room "mian" (did you mean "main"?)',
      'talks/t.md: duration: expected a number, got text "forty"',
    ]);
  });

  test("the README's example lines are what the sample with those mistakes gives", async () => {
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    const example = /lectern build: 2 content problems:\n((?:  .*\n)+)/.exec(readme)![1]!.trimEnd().split("\n").map((line) => line.trim());
    const yelp = await readFile(path.join(ROOT, "content", "talks", "yelps-journey-into-containers.md"), "utf8");
    const dir = await makeContent("sample", {
      "talks/yelps-journey-into-containers.md": yelp.replace("  - chris-kuehl", "  - chris-kuhel").replace("duration: 30", "duration: forty"),
    });
    assert.deepEqual((await problemsIn(dir)).map((line) => `content/${line}`), example);
  });

  test("a workshop whose schema fails still has its leaders and start checked", async () => {
    const workshop = "title: W\nleaders: [jana-novac]\nstart: 2024-10-29 14:00\nduration: 60\nroom: side\nlevel: expert";
    const lines = await problemsAfter(written("workshops/hands-on.md", talk(workshop)));
    assert.deepEqual(lines, [
      'workshops/hands-on.md: leaders[0]: unknown speaker "jana-novac" (did you mean "jana-novak"?)',
      "workshops/hands-on.md: start: 2024-10-29 is outside the event's dates (2024-10-26 to 2024-10-27 in event.yaml)",
      'workshops/hands-on.md: level: expected one of "beginner", "intermediate", "advanced", got "expert"',
    ]);
  });
});

describe("file names", () => {
  test("a name whose pages could not be written is refused, naming the limit", async () => {
    const ok = "a".repeat(251);
    const long = "a".repeat(252);
    assert.deepEqual(await problemsAfter(written(`talks/${ok}.md`, talk(GOOD))), []);
    assert.deepEqual(await problemsAfter(written(`talks/${long}.md`, talk(GOOD))), [
      `talks/${long}.md: file name gives an address of 252 characters, over the limit of 251 (the site writes <address>.ics, and a file name holds at most 255 bytes); shorten it`,
    ]);
  });

  test("a page path too long for the output folder is refused when the output folder is known", async () => {
    const dir = await makeContent("small", { [`talks/${"a".repeat(251)}.md`]: talk(GOOD) });
    // The longest page: <output>.lectern-new-<pid of up to 7 digits>/talks/<251 characters>/index.html.
    const fits = `/${"o".repeat(4095 - 20 - "/talks/".length - 251 - "/index.html".length - 1)}`;
    await loadConference({ contentDir: dir, render: false, outputDir: fits });
    await assert.rejects(loadConference({ contentDir: dir, render: false, outputDir: `${fits}o` }), (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.deepEqual(error.problems.map(formatProblem), [
        `${dir}/talks/${"a".repeat(251)}.md: file name makes a page path of 4096 bytes in the output folder, over the limit of 4095; shorten the file name or choose a shorter OUTPUT_DIR`,
      ]);
      return true;
    });
  });
});
