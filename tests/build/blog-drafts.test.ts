import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { loadConference } from "../../src/content/load.ts";
import { provideConference } from "../../src/eleventy/conference-data.ts";
import { renderSiteInMemory } from "../../src/output/render.ts";
import { makeContent, tempDir } from "../helpers.ts";

const DRAFT = "---\ntitle: Secret plans\ndate: 2024-09-05\nauthor: sam-lee\ntags: [plans]\ndraft: true\n---\nNot yet.\n";

describe("a draft in the dev server's build (the loader asked for drafts)", () => {
  test("gets its page, index card and tag page, each labelled Draft, and stays out of the feeds", async () => {
    const conference = await loadConference({ contentDir: await makeContent("small", { "blog/secret-plans.md": DRAFT }), drafts: true });
    provideConference(conference);
    const { files } = await renderSiteInMemory(conference, [], path.join(await tempDir(), "site"), undefined);
    const page = (file: string) => String(files.get(file));
    const label = '<span class="badge badge--draft">Draft</span>';
    assert.ok(page("blog/secret-plans/index.html").includes(`${label}<h1>Secret plans</h1>`));
    assert.ok(page("blog/index.html").includes(`<article class="card post-card">${label}<h2 class="card__title"><a href="/conf/blog/secret-plans/">Secret plans</a></h2>`));
    assert.ok(page("blog/tags/plans/index.html").includes(label));
    assert.ok(page("blog/hello/index.html").includes('<a href="/conf/blog/secret-plans/" rel="next">'), "published posts link to it as usual");
    assert.ok(!page("blog/hello/index.html").includes(label));
    for (const feed of ["blog/feed.xml", "blog/feed.json"]) {
      assert.ok(page(feed).includes("/blog/hello/"), feed);
      assert.ok(!page(feed).includes("secret-plans"), `${feed} carries the draft`);
    }
  });
});
