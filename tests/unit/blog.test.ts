import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadConference } from "../../src/content/load.ts";
import { paginatePosts, type Event, type Post } from "../../src/content/model.ts";
import { readingMinutes } from "../../src/content/post.ts";
import { absoluteLinks } from "../../src/export/feeds.ts";
import { makeContent, problemsWith } from "../helpers.ts";

const post = (fields: string, body = "A post.") => `---\ntitle: A post\ndate: 2024-09-02\n${fields}\n---\n${body}\n`;

describe("a post's author", () => {
  test("a speaker's slug links the post to the speaker and shows their name", async () => {
    const conference = await loadConference({ contentDir: await makeContent("small", { "blog/by-jana.md": post("author: jana-novak") }) });
    const byJana = conference.posts.find((p) => p.slug === "by-jana")!;
    assert.equal(byJana.author, "Jana Novák");
    assert.equal(byJana.authorSpeaker?.url, "/speakers/jana-novak/");
    const hello = conference.posts.find((p) => p.slug === "hello")!;
    assert.equal(hello.author, "The Organisers");
    assert.equal(hello.authorSpeaker, undefined);
  });

  test("a plain name, even one lower-case word, is shown as written", async () => {
    const conference = await loadConference({ contentDir: await makeContent("small", { "blog/a.md": post("author: organisers") }) });
    assert.equal(conference.posts.find((p) => p.slug === "a")!.author, "organisers");
  });

  test("a slug that names no speaker is an error naming file and field, with a close match", async () => {
    assert.deepEqual(await problemsWith({ "blog/typo.md": post("author: jana-novack"), "blog/nobody.md": post("author: max-mustermann") }), [
      'blog/nobody.md: author: unknown speaker "max-mustermann"; for an author who is not a speaker, write their name as it should be shown',
      'blog/typo.md: author: unknown speaker "jana-novack" (did you mean "jana-novak"?)',
    ]);
  });

  test("a post named tags would take the tag list's address", async () => {
    assert.deepEqual(await problemsWith({ "blog/tags.md": post("author: Someone") }), [
      "blog/tags.md: gives the address /blog/tags/, which the list of the blog's tags has; rename the file",
    ]);
  });
});

describe("drafts", () => {
  const changes = { "blog/wip.md": post("author: Someone\ndraft: true\ntags: [secret]") };

  test("are left out unless the loader is asked for them", async () => {
    const published = await loadConference({ contentDir: await makeContent("small", changes) });
    assert.deepEqual(published.posts.map((p) => p.slug), ["hello"]);
    assert.deepEqual(published.blogTags.map((t) => t.name), ["news"]);
    const dev = await loadConference({ contentDir: await makeContent("small", changes), drafts: true });
    assert.deepEqual(dev.posts.map((p) => [p.slug, p.draft]), [["wip", true], ["hello", false]]);
    assert.deepEqual(dev.blogTags.map((t) => t.name), ["news", "secret"]);
  });

  test("are still validated, so publishing one later cannot break the build", async () => {
    assert.deepEqual(await problemsWith({ "blog/wip.md": post("author: jana-novack\ndraft: true") }), [
      'blog/wip.md: author: unknown speaker "jana-novack" (did you mean "jana-novak"?)',
    ]);
  });
});

describe("reading time", () => {
  test("is words / 230, rounded up, at least one minute", () => {
    assert.equal(readingMinutes(""), 1);
    assert.equal(readingMinutes(Array(230).fill("word").join(" ")), 1);
    assert.equal(readingMinutes(Array(231).fill("word").join(" ")), 2);
    assert.equal(readingMinutes(Array(690).fill("word").join("\n")), 3);
  });

  test("is counted from the post's text, not its markup", async () => {
    const body = `# Heading\n\n${Array(460).fill("**word**").join(" ")}`;
    const conference = await loadConference({ contentDir: await makeContent("small", { "blog/long.md": post("author: Someone", body) }) });
    assert.equal(conference.posts.find((p) => p.slug === "long")!.readingMinutes, 3);
  });

  test("a post or page that starts with raw HTML has a summary and reading time without its tags", async () => {
    const body = `<p>Hello <b>there</b> &amp; welcome</p>\n<script>var ignored = 1;</script>\n\nThen <em>some</em> <img src="https://example.org/x.png" alt="x"> ${Array(459).fill("word").join(" ")}`;
    const page = `---\ntitle: About\n---\n<div class="intro"><p>About <i>us</i>.</p></div>\n`;
    const conference = await loadConference({ contentDir: await makeContent("small", { "blog/html.md": post("author: Someone", body), "pages/about.md": page }) });
    const html = conference.posts.find((p) => p.slug === "html")!;
    assert.equal(html.summary.slice(0, 41), "Hello there & welcome Then some word word");
    assert.equal(html.readingMinutes, 3);
    assert.equal(conference.pages.find((p) => p.slug === "about")!.summary, "About us.");
  });
});

describe("the blog's index pages", () => {
  const posts = Array.from({ length: 23 }, (_, i) => ({ slug: `p${i}` }) as Post);

  test("hold ten posts each, the first at /blog/", () => {
    assert.deepEqual(
      paginatePosts(posts).map((page) => [page.number, page.url, page.posts.length, page.posts[0]!.slug]),
      [
        [1, "/blog/", 10, "p0"],
        [2, "/blog/page/2/", 10, "p10"],
        [3, "/blog/page/3/", 3, "p20"],
      ],
    );
  });

  test("are one empty page when there are no posts", () => {
    assert.deepEqual(paginatePosts([]), [{ number: 1, url: "/blog/", posts: [] }]);
  });
});

describe("addresses inside a post's feed content", () => {
  const event = { url: "https://example.org/boston-2016/" } as Event;

  test("become absolute under the site's address and path, or the post's page", () => {
    const html =
      '<p><a href="/talks/x/">talk</a> <a href="#notes">notes</a> <a href="mailto:a@example.org">mail</a> <a href="https://other.example/">out</a></p>\n' +
      '<p><img src="chart.png" alt="c" /><picture><source srcset="/a.webp 1x, /a@2x.webp 2x" type="image/webp" /><img src="/a.jpg" alt="a" /></picture></p>';
    assert.equal(
      absoluteLinks(html, event, "/blog/recap/"),
      '<p><a href="https://example.org/boston-2016/talks/x/">talk</a> <a href="https://example.org/boston-2016/blog/recap/#notes">notes</a> <a href="mailto:a@example.org">mail</a> <a href="https://other.example/">out</a></p>\n' +
        '<p><img src="https://example.org/boston-2016/blog/recap/chart.png" alt="c" /><picture><source srcset="https://example.org/boston-2016/a.webp 1x, https://example.org/boston-2016/a@2x.webp 2x" type="image/webp" /><img src="https://example.org/boston-2016/a.jpg" alt="a" /></picture></p>',
    );
  });
});
