import assert from "node:assert/strict";
import { test } from "node:test";
import { precachedPages, precacheRank } from "../../src/output/search-offline.ts";

const free = new Set(["/venue-and-travel/"]);
const page = (file: string, bytes = 100) => ({ file, bytes });

test("which pages the service worker keeps: the programme, not the blog, the sponsors or the 404 page", () => {
  const ranks = Object.fromEntries(
    ["/", "/schedule/", "/schedule/2016-06-10/", "/schedule/changes/", "/venue-and-travel/", "/talks/", "/talks/x/", "/workshops/y/", "/speakers/z/", "/schedule/tags/k8s/", "/blog/", "/blog/hello/", "/sponsors/", "/404.html", "/talks/x.ics"].map(
      (path) => [path, precacheRank(path, free)],
    ),
  );
  assert.deepEqual(ranks, {
    "/": { group: "always", order: 0 },
    "/schedule/": { group: "always", order: 0 },
    "/schedule/2016-06-10/": { group: "always", order: 0 },
    "/schedule/changes/": { group: "always", order: 0 },
    "/venue-and-travel/": { group: "always", order: 0 },
    "/talks/": { group: "budget", order: 1 },
    "/talks/x/": { group: "budget", order: 1 },
    "/workshops/y/": { group: "budget", order: 2 },
    "/speakers/z/": { group: "budget", order: 3 },
    "/schedule/tags/k8s/": { group: "budget", order: 4 },
    "/blog/": "never",
    "/blog/hello/": "never",
    "/sponsors/": "never",
    "/404.html": "never",
    "/talks/x.ics": "never",
  });
});

test("past the budget, the schedule stays whole and sessions come before speakers", () => {
  const pages = [
    page("index.html"),
    page("schedule/index.html", 500),
    page("speakers/a/index.html"),
    page("talks/b/index.html"),
    page("talks/a/index.html"),
    page("workshops/w/index.html"),
    page("blog/p/index.html"),
  ];
  const files = (budget: number) => precachedPages(pages, free, budget).map((p) => p.file);
  assert.deepEqual(files(10_000), ["index.html", "schedule/index.html", "talks/a/index.html", "talks/b/index.html", "workshops/w/index.html", "speakers/a/index.html"]);
  assert.deepEqual(files(800), ["index.html", "schedule/index.html", "talks/a/index.html", "talks/b/index.html"]);
  assert.deepEqual(files(10), ["index.html", "schedule/index.html"]);
});

test("the offline note's time: the build clock when set, else the newest content file, to the second", async () => {
  const { mkdir, utimes, writeFile } = await import("node:fs/promises");
  const path = await import("node:path");
  const { tempDir } = await import("../helpers.ts");
  const { programmeTime } = await import("../../src/output/search-offline.ts");
  const dir = await tempDir();
  await mkdir(path.join(dir, "talks"));
  await writeFile(path.join(dir, "event.yaml"), "");
  await writeFile(path.join(dir, "talks", "a.md"), "");
  await utimes(path.join(dir, "event.yaml"), new Date("2016-06-01T10:00:00Z"), new Date("2016-06-01T10:00:00Z"));
  await utimes(path.join(dir, "talks", "a.md"), new Date("2016-06-09T08:30:15.750Z"), new Date("2016-06-09T08:30:15.750Z"));
  assert.equal((await programmeTime({}, dir)).toISO(), "2016-06-09T08:30:15.000Z");
  assert.equal((await programmeTime({ SOURCE_DATE_EPOCH: "1465560000" }, dir)).toISO(), "2016-06-10T12:00:00.000Z");
});
