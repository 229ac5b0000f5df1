import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, test } from "node:test";
import { checkLinks, formatProblems, listPages, validateHtml } from "../browser/site-check.ts";
import { buildSite, listFiles, makeContent, readPage } from "../helpers.ts";

const BASE = "https://fixture.example.org/conf";
/** The fixture's base path: every site path in a page's hrefs starts with it. */
const ROOT = "/conf";
const TAGS = ["news", "Call for Papers", "speakers"];

interface FixturePost {
  slug: string;
  title: string;
  date: string;
  author: string;
  tags: string[];
  words: number;
}

/**
 * 23 posts, one a day from 1 March 2024, written in a shuffled file order so the build must sort them.
 * Every third is by a speaker (by slug); the others by a plain name. Post 7 is long enough to take 3 minutes.
 */
const POSTS: FixturePost[] = Array.from({ length: 23 }, (_, i) => ({
  slug: `post-${String((i * 7) % 23).padStart(2, "0")}`,
  title: `Update ${i + 1} & more <news>`,
  date: `2024-03-${String(i + 1).padStart(2, "0")}`,
  author: i % 3 === 0 ? "jana-novak" : "The Organisers",
  tags: [TAGS[i % 3]!, ...(i === 0 ? ["first"] : [])],
  words: i === 6 ? 600 : 40,
}));

const NEWEST_FIRST = [...POSTS].reverse();

function postFile(post: FixturePost, extra = ""): string {
  const body = Array.from({ length: post.words }, (_, n) => (n === 0 ? "Words" : "word")).join(" ");
  const links = "\n\nSee [the opening](/talks/opening/), [notes](#notes) and ![a chart](/favicon.svg).\n\n<h2 id=\"notes\">Notes</h2>\n";
  return `---\ntitle: "${post.title}"\ndate: ${post.date}\nauthor: ${post.author}\ntags: [${post.tags.map((t) => `"${t}"`).join(", ")}]\n${extra}---\n${body}${links}`;
}

const DRAFT = { slug: "secret-plans", title: "Secret plans", date: "2024-04-01", author: "sam-lee", tags: ["draft-only"], words: 10 };

function content(): Record<string, string | null> {
  const files: Record<string, string | null> = { "blog/hello.md": null };
  for (const post of POSTS) files[`blog/${post.slug}.md`] = postFile(post);
  files[`blog/${DRAFT.slug}.md`] = postFile(DRAFT, "draft: true\n");
  return files;
}

/** Post slugs linked as card titles on a page, in order. */
function cardSlugs(html: string): string[] {
  return [...html.matchAll(/<h2 class="card__title"><a href="\/conf\/blog\/([^/]+)\/">/g)].map((m) => m[1]!);
}

describe("a blog of 23 posts and a draft", () => {
  let site: string;
  before(async () => {
    site = await buildSite(await makeContent("small", content()));
  });

  test("the index has three pages of 10, 10 and 3 posts, newest first", async () => {
    const pages = await Promise.all(["/blog/", "/blog/page/2/", "/blog/page/3/"].map((url) => readPage(site, url)));
    assert.deepEqual(pages.flatMap(cardSlugs), NEWEST_FIRST.map((p) => p.slug));
    assert.deepEqual(pages.map((html) => cardSlugs(html).length), [10, 10, 3]);
    assert.equal(existsSync(path.join(site, "blog", "page", "4")), false);
    assert.equal(existsSync(path.join(site, "blog", "page", "1")), false, "page 1 is /blog/ only");
  });

  test("each index page marks itself current and links the pages before and after it", async () => {
    const pager = async (url: string) => {
      const html = await readPage(site, url);
      return html.slice(html.indexOf('<nav class="pager"'), html.indexOf("</nav>", html.indexOf('<nav class="pager"')) + 6);
    };
    const numbers =
      '<li><a href="/conf/blog/"{1} aria-label="Page 1">1</a></li><li><a href="/conf/blog/page/2/"{2} aria-label="Page 2">2</a></li><li><a href="/conf/blog/page/3/"{3} aria-label="Page 3">3</a></li>';
    const current = (n: number) => numbers.replace(/\{(\d)\}/g, (_, d: string) => (Number(d) === n ? ' aria-current="page"' : ""));
    const nav = (inner: string) => `<nav class="pager" aria-label="Blog pages"><ul>${inner}</ul></nav>`;
    const previous = (href: string) => `<li><a href="${ROOT}${href}" rel="prev">← Previous page</a></li>`;
    const next = (href: string) => `<li><a href="${ROOT}${href}" rel="next">Next page →</a></li>`;
    assert.equal(await pager("/blog/"), nav(current(1) + next("/blog/page/2/")));
    assert.equal(await pager("/blog/page/2/"), nav(previous("/blog/") + current(2) + next("/blog/page/3/")));
    assert.equal(await pager("/blog/page/3/"), nav(previous("/blog/page/2/") + current(3)));
    assert.match(await readPage(site, "/blog/page/2/"), /<title>Blog, page 2 of 3 · Fixture Conf<\/title>/);
  });

  test("a post page shows title, date, author, reading time, linked tags and its neighbours", async () => {
    const seventh = POSTS[6]!;
    const html = await readPage(site, `/blog/${seventh.slug}/`);
    assert.match(html, /<h1>Update 7 &amp; more &lt;news><\/h1>/);
    assert.ok(
      html.includes(
        '<p class="page-head__meta byline"><time datetime="2024-03-07">7 March 2024</time> · by <a class="byline__person" href="/conf/speakers/jana-novak/"><span class="avatar avatar--s avatar--initials"',
      ),
      "a speaker author is linked, with their initials",
    );
    assert.match(html, /<span class="byline__name">Jana Novák<\/span><\/a> · 3 min read<\/p>/);
    assert.match(html, /<ul class="tags" aria-label="Tags"><li class="tag"><a href="\/conf\/blog\/tags\/news\/">news<\/a><\/li><\/ul>/);
    assert.ok(
      html.includes(
        `<li class="post-nav__previous"><a href="${ROOT}/blog/${POSTS[5]!.slug}/" rel="prev"><span class="post-nav__label">Previous post</span> Update 6 &amp; more &lt;news></a></li>` +
          `<li class="post-nav__next"><a href="${ROOT}/blog/${POSTS[7]!.slug}/" rel="next"><span class="post-nav__label">Next post</span> Update 8 &amp; more &lt;news></a></li>`,
      ),
    );
    const plain = await readPage(site, `/blog/${POSTS[1]!.slug}/`);
    assert.match(plain, /· by <span class="byline__name">The Organisers<\/span> · 1 min read<\/p>/);
    const oldest = await readPage(site, `/blog/${POSTS[0]!.slug}/`);
    assert.doesNotMatch(oldest, /post-nav__previous/);
    assert.match(oldest, /post-nav__next/);
    assert.doesNotMatch(await readPage(site, `/blog/${POSTS[22]!.slug}/`), /post-nav__next/);
  });

  test("each tag has a page listing its posts newest first, and /blog/tags/ lists the tags", async () => {
    const index = await readPage(site, "/blog/tags/");
    const listed = [...index.matchAll(/<li><a href="(\/conf\/blog\/tags\/[^"]+)">([^<]+) <span class="topic-list__count">(\d+)<\/span><\/a><\/li>/g)].map((m) => [m[1], m[2], m[3]]);
    assert.deepEqual(listed, [
      ["/conf/blog/tags/call-for-papers/", "Call for Papers", "8"],
      ["/conf/blog/tags/first/", "first", "1"],
      ["/conf/blog/tags/news/", "news", "8"],
      ["/conf/blog/tags/speakers/", "speakers", "7"],
    ]);
    const cfp = await readPage(site, "/blog/tags/call-for-papers/");
    assert.deepEqual(cardSlugs(cfp), NEWEST_FIRST.filter((p) => p.tags.includes("Call for Papers")).map((p) => p.slug));
    assert.match(cfp, /<h1>Posts tagged <span class="topic-name">Call for Papers<\/span><\/h1>/);
  });

  test("the draft is nowhere in the published site: no page, no listing, no tag, no feed entry", async () => {
    assert.equal(existsSync(path.join(site, "blog", DRAFT.slug)), false);
    assert.equal(existsSync(path.join(site, "blog", "tags", "draft-only")), false);
    for (const file of await listFiles(site)) {
      const text = await readFile(path.join(site, file), "utf8");
      assert.ok(!text.includes(DRAFT.slug) && !text.includes(DRAFT.title), `${file} mentions the draft`);
    }
  });

  test("every page passes html-validate and every link resolves", async () => {
    assert.equal(formatProblems(await validateHtml(site)), "");
    assert.equal(formatProblems(await checkLinks(site)), "");
  });

  test("every page names both feeds in its head, with absolute addresses", async () => {
    const links = [
      `<link rel="alternate" type="application/atom+xml" href="${BASE}/blog/feed.xml" title="Fixture Conf blog (Atom)"/>`,
      `<link rel="alternate" type="application/feed+json" href="${BASE}/blog/feed.json" title="Fixture Conf blog (JSON Feed)"/>`,
    ];
    for (const page of await listPages(site)) {
      const html = await readPage(site, page);
      const head = html.slice(0, html.indexOf("</head>"));
      for (const link of links) assert.ok(head.includes(link), `${page} lacks ${link}`);
      assert.ok(head.includes('type="text/calendar"'), `${page} lost the programme's alternates`);
    }
  });

  test("the Atom feed is well-formed and carries the newest 20 posts in full", async () => {
    const file = path.join(site, "blog", "feed.xml");
    execFileSync("xmllint", ["--noout", file]);
    const feed = parseAtom(file);
    assert.equal(feed.title, "Fixture Conf blog");
    assert.equal(feed.id, `${BASE}/blog/feed.xml`);
    assert.equal(feed.self, `${BASE}/blog/feed.xml`);
    assert.equal(feed.updated, "2024-03-23T00:00:00+01:00");
    assert.equal(feed.entries.length, 20);
    feed.entries.forEach((entry, i) => {
      const post = NEWEST_FIRST[i]!;
      const url = `${BASE}/blog/${post.slug}/`;
      assert.deepEqual(
        { ...entry, content: undefined },
        {
          id: url,
          link: url,
          title: post.title,
          published: `${post.date}T00:00:00+01:00`,
          updated: `${post.date}T00:00:00+01:00`,
          author: post.author === "jana-novak" ? "Jana Novák" : post.author,
          authorUri: post.author === "jana-novak" ? `${BASE}/speakers/jana-novak/` : null,
          categories: post.tags,
          summary: entry.summary,
          contentType: "html",
          content: undefined,
        },
        `entry ${i}`,
      );
      assert.ok(entry.content.includes(`<a href="${BASE}/talks/opening/">the opening</a>`), `entry ${i}: absolute link`);
      assert.ok(entry.content.includes(`<a href="${url}#notes">notes</a>`), `entry ${i}: fragment against the post`);
      assert.match(entry.content, new RegExp(`<img src="${BASE}/favicon\\.svg"[^>]* alt="a chart"[^>]*/>`), `entry ${i}: absolute image`);
      assert.match(entry.summary, /^Words word word/);
      assert.ok(entry.summary.length <= 160);
      assert.ok(!/(href|src)="\//.test(entry.content), `entry ${i}: no root-relative address left`);
    });
  });

  test("the JSON Feed parses and has every field JSON Feed 1.1 requires, for the newest 20 posts", async () => {
    const feed = JSON.parse(await readFile(path.join(site, "blog", "feed.json"), "utf8")) as JsonFeed;
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.equal(feed.title, "Fixture Conf blog");
    assert.equal(feed.home_page_url, `${BASE}/blog/`);
    assert.equal(feed.feed_url, `${BASE}/blog/feed.json`);
    assert.equal(feed.language, "en");
    assert.equal(feed.items.length, 20);
    feed.items.forEach((item, i) => {
      const post = NEWEST_FIRST[i]!;
      const url = `${BASE}/blog/${post.slug}/`;
      assert.equal(item.id, url);
      assert.equal(item.url, url);
      assert.equal(item.title, post.title);
      assert.equal(item.date_published, `${post.date}T00:00:00+01:00`);
      assert.ok(!Number.isNaN(Date.parse(item.date_published)), "RFC 3339 date");
      assert.deepEqual(
        item.authors,
        post.author === "jana-novak" ? [{ name: "Jana Novák", url: `${BASE}/speakers/jana-novak/` }] : [{ name: post.author }],
      );
      assert.deepEqual(item.tags, post.tags);
      assert.equal(typeof item.summary, "string");
      assert.ok(item.content_html.includes(`<a href="${BASE}/talks/opening/">the opening</a>`));
      assert.ok(item.content_html.startsWith("<p>Words word"));
    });
  });
});

interface AtomEntry {
  id: string;
  link: string;
  title: string;
  published: string;
  updated: string;
  author: string;
  authorUri: string | null;
  categories: string[];
  summary: string;
  contentType: string;
  content: string;
}

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: Array<{ id: string; url: string; title: string; content_html: string; summary: string; date_published: string; authors: unknown; tags: string[] }>;
}

/** Reads an Atom file with Python's own XML parser (not the writer under test) into plain values. */
function parseAtom(file: string): { title: string; id: string; self: string; updated: string; entries: AtomEntry[] } {
  const script = `
import json, sys, xml.etree.ElementTree as ET
A = "{http://www.w3.org/2005/Atom}"
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == A + "feed", root.tag
def text(el, name):
    found = el.find(A + name)
    return None if found is None else (found.text or "")
entries = []
for e in root.findall(A + "entry"):
    author = e.find(A + "author")
    content = e.find(A + "content")
    entries.append({
        "id": text(e, "id"), "link": e.find(A + "link[@rel='alternate']").get("href"), "title": text(e, "title"),
        "published": text(e, "published"), "updated": text(e, "updated"),
        "author": text(author, "name"), "authorUri": text(author, "uri"),
        "categories": [c.get("term") for c in e.findall(A + "category")],
        "summary": text(e, "summary"), "contentType": content.get("type"), "content": content.text,
    })
print(json.dumps({"title": text(root, "title"), "id": text(root, "id"), "self": root.find(A + "link[@rel='self']").get("href"),
                  "updated": text(root, "updated"), "entries": entries}))
`;
  return JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" })) as ReturnType<typeof parseAtom>;
}
