import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { LoadCache } from "../../src/content/load-cache.ts";
import { loadConference } from "../../src/content/load.ts";
import { makeContent } from "../helpers.ts";

test("with a watcher's reports, the loader looks again only at the files and folders reported", async () => {
  const content = await makeContent("sample");
  const file = path.join(content, "talks", "autopilot.md");
  const cache = new LoadCache();
  const titleNow = async () => (await loadConference({ contentDir: content, cache })).talks.find((talk) => talk.slug === "autopilot")!.title;
  const retitle = async (title: string) => writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, `title: ${title}`));

  assert.match(await titleNow(), /^Autopilot/);
  // Reports given and the file not among them: it is taken as it was, without a look at the disk.
  await retitle("Unreported");
  cache.report([]);
  assert.match(await titleNow(), /^Autopilot/, "a file no report names is not read again");
  cache.report([file]);
  assert.equal(await titleNow(), "Unreported", "the reported file is read again");

  await retitle("Its folder reported");
  cache.report([path.dirname(file)]);
  assert.equal(await titleNow(), "Its folder reported", "a reported folder covers its files");

  // Many reports (a checkout): looked up by each of the file's folders instead.
  await retitle("Among many");
  const others = Array.from({ length: 12 }, (_, i) => path.join(content, "speakers", `someone-${i}.md`));
  cache.report(others);
  assert.equal(await titleNow(), "Its folder reported", "many reports, none naming the file or its folders");
  cache.report([...others, path.join(content, "talks")]);
  assert.equal(await titleNow(), "Among many");

  await retitle("Reports not known");
  cache.report([]);
  cache.report(undefined);
  assert.equal(await titleNow(), "Reports not known", "without complete reports every file is looked at");

  // Reports gather until a build begins, even across calls.
  await retitle("Two reports");
  cache.report([file]);
  cache.report([path.join(content, "event.yaml")]);
  assert.equal(await titleNow(), "Two reports");

  // A build that failed before it looked at the files keeps the reports for the next one.
  await retitle("After a failure");
  cache.report([file]);
  await assert.rejects(loadConference({ contentDir: path.join(content, "missing"), cache }));
  assert.equal(await titleNow(), "After a failure");
});
