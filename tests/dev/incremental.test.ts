import assert from "node:assert/strict";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { ContentError, displayPath, formatProblem } from "../../src/content/errors.ts";
import { loadSite } from "../../src/cli/load-site.ts";
import { build } from "../../src/cli/build.ts";
import { devBuild } from "../../src/cli/dev-build.ts";
import { listFiles, makeContent, ROOT, tempDir } from "../helpers.ts";

/** Every file of a folder with its bytes. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const file of await listFiles(dir)) files.set(file, await readFile(path.join(dir, file)));
  return files;
}

/** Asserts that two folders hold the same files with the same bytes, naming the first that differ. */
function assertSameFolder(actual: Map<string, Buffer>, expected: Map<string, Buffer>, step: string): void {
  const missing = [...expected.keys()].filter((file) => !actual.has(file));
  const extra = [...actual.keys()].filter((file) => !expected.has(file));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${step}: the incremental output has other files than a full build`);
  const differing = [...expected].filter(([file, bytes]) => !actual.get(file)!.equals(bytes)).map(([file]) => file);
  assert.deepEqual(differing, [], `${step}: files whose bytes differ from a full build`);
}

test("the dev server's incremental builds write exactly what a full build writes, edit after edit", { timeout: 600_000 }, async () => {
  const content = await makeContent("sample");
  const devOutput = path.join(await tempDir(), "dev-site");
  const saved = { ...process.env };
  Object.assign(process.env, {
    CONTENT_DIR: content,
    OUTPUT_DIR: devOutput,
    PUBLIC_DIR: path.join(ROOT, "public"),
    SOURCE_DATE_EPOCH: "1465560000",
  });
  const talk = (slug: string) => path.join(content, "talks", `${slug}.md`);
  /** What the dev command's watcher would report: every path touched since the last build. */
  let reported: string[] = [];
  const edit = async (file: string, change: (text: string) => string) => {
    const text = await readFile(file, "utf8");
    const changed = change(text);
    assert.notEqual(changed, text, `the edit of ${file} changes nothing`);
    await writeFile(file, changed);
    reported.push(file);
  };
  /** One incremental build (given the watcher's reports), then a full build of the same content, compared file by file. */
  const compare = async (step: string) => {
    const incremental = await devBuild(reported);
    reported = [];
    await incremental.searchAndOffline;
    const fullOutput = path.join(await tempDir(), "full-site");
    process.env.OUTPUT_DIR = fullOutput;
    try {
      await build();
    } finally {
      process.env.OUTPUT_DIR = devOutput;
    }
    const dev = await filesOf(devOutput);
    assertSameFolder(dev, await filesOf(fullOutput), step);
    await rm(path.dirname(fullOutput), { recursive: true, force: true });
    return incremental;
  };
  try {
    const first = await compare("first build");
    assert.ok(first.changed > 50, `the first build writes the whole site (${first.changed} files)`);

    await edit(talk("autopilot"), (text) => text.replace("Autopilot: Running", "Autopilot: Operating"));
    const retitled = await compare("retitle a talk");
    assert.ok(retitled.changed < first.changed / 2, `a retitle rewrites part of the site, not all of it (${retitled.changed} files)`);

    await edit(talk("autopilot"), (text) => text.replace("Containers simplify dependencies", "Containers *streamline* dependencies"));
    const abstract = await compare("edit a talk's abstract");
    assert.ok(abstract.changed < retitled.changed, `an abstract edit rewrites fewer files than a retitle (${abstract.changed})`);

    await edit(path.join(content, "speakers", "tim-gross.md"), (text) => `${text}\nAnother sentence of the bio.\n`);
    await compare("edit a speaker's bio");

    await edit(talk("autopilot"), (text) => text.replace("start: 2016-06-11 10:30", "start: 2016-06-10 17:30"));
    await compare("move a talk to the other day");

    await edit(talk("autopilot"), (text) => text.replace("  - tim-gross", "  - tim-gross\n  - ray-tsang"));
    await compare("add a speaker to a talk");

    await edit(talk("autopilot"), (text) => text.replace("  - tim-gross\n", ""));
    await compare("remove a speaker from a talk");

    await rename(talk("autopilot"), talk("autopilot-pattern"));
    reported.push(talk("autopilot"), talk("autopilot-pattern"));
    await compare("rename a talk file");

    await rm(talk("layer-x"));
    reported.push(talk("layer-x"));
    await compare("delete a talk");

    reported.push(talk("a-new-talk"));
    await writeFile(
      talk("a-new-talk"),
      "---\ntitle: A New Talk\nspeakers: [tim-gross]\nstart: 2016-06-11 19:00\nduration: 30\nroom: lab\ntags: [brand-new-topic]\n---\nFresh.\n",
    );
    await compare("add a talk with a new topic");

    await edit(path.join(content, "speakers", "ray-tsang.md"), (text) => text.replace(/^name: .*$/m, "name: Raymond Tsang"));
    await compare("rename a speaker");

    const post = path.join(content, "blog", "containerdays-boston-recap.md");
    await edit(post, (text) => text.replace("title: Container Days in Boston", "title: ContainerDays in Boston").replace("tags: [devops, docker, aws, kubernetes]", "tags: [devops, docker, kubernetes]"));
    await compare("retitle a post and drop one of its tags");

    await edit(path.join(content, "event.yaml"), (text) => text.replace("name: Main Hall", "name: Great Hall"));
    await compare("rename a room in event.yaml");

    await edit(path.join(content, "event.yaml"), (text) => text.replace("name: ContainerDays Boston 2016", "name: ContainerDays Boston 2016 (archive)"));
    await compare("rename the event");

    const before = await filesOf(devOutput);
    await edit(talk("a-new-talk"), (text) => text.replace("speakers: [tim-gross]", "speakers: [tim-gros]"));
    const error = await devBuild(reported).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    reported = [];
    assert.ok(error instanceof ContentError, "a content error fails the build");
    assert.deepEqual(error.problems.map(formatProblem), [
      `${displayPath(talk("a-new-talk"))}: speakers[0]: unknown speaker "tim-gros" (did you mean "tim-gross"?)`,
    ]);
    const fresh = await loadSite({ contentDir: content, publicDir: path.join(ROOT, "public"), outputDir: devOutput, drafts: true }).then(
      () => [],
      (failure: ContentError) => failure.problems.map(formatProblem),
    );
    assert.deepEqual(error.problems.map(formatProblem), fresh, "the dev server reports what a fresh check reports");
    assertSameFolder(await filesOf(devOutput), before, "after a content error the output stays as it was");

    await edit(talk("a-new-talk"), (text) => text.replace("speakers: [tim-gros]", "speakers: [tim-gross, ray-tsang]"));
    await compare("fix the error with another change");

    // Saved without a change (an editor's save, a `touch`): nothing to write.
    await writeFile(talk("a-new-talk"), await readFile(talk("a-new-talk")));
    reported.push(talk("a-new-talk"));
    const resaved = await compare("save a file unchanged");
    assert.equal(resaved.changed, 0, "an unchanged save writes nothing");
  } finally {
    process.env = saved;
  }
});
