import assert from "node:assert/strict";
import { cp, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, test } from "node:test";
import sharp from "sharp";
import { loadConference } from "../../src/content/load.ts";
import type { Conference } from "../../src/content/model.ts";
import { provideConference } from "../../src/eleventy/conference-data.ts";
import { cardPath } from "../../src/site/urls.ts";
import { newMediaStats } from "../../src/media/files.ts";
import { renderSiteInMemory } from "../../src/output/render.ts";
import { checkBuiltSite, checkLinks, formatProblems } from "../browser/site-check.ts";
import { listFiles, makeContent, readPage, ROOT, runLectern, tempDir } from "../helpers.ts";

const POST = `---
title: Photos from the hall
date: 2016-06-21
author: Dale Ragan
---
The hall before the doors opened.

![The main hall at 8 in the morning](/images/hall.png)

Our badge, ![the logo](https://example.org/logo.png) and ![the favicon](/favicon.svg).

![The stage, from the back](/images/stage.jpg)
`;

/** A public folder: the project's own files and three images made here (never committed). */
async function publicWithImages(): Promise<string> {
  const dir = path.join(await tempDir(), "public");
  await cp(path.join(ROOT, "public"), dir, { recursive: true });
  await mkdir(path.join(dir, "images"), { recursive: true });
  const solid = (width: number, height: number, channels: 3 | 4) =>
    sharp({ create: { width, height, channels, background: channels === 4 ? "#3050c080" : "#c05030" } });
  await solid(400, 300, 3).jpeg().toFile(path.join(dir, "images", "tim.jpg"));
  await solid(1600, 900, 4).png().toFile(path.join(dir, "images", "hall.png"));
  await solid(500, 800, 3).jpeg().toFile(path.join(dir, "images", "stage.jpg"));
  return dir;
}

/** Width and height from a PNG's header (the IHDR chunk). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.equal(bytes.subarray(1, 4).toString("latin1"), "PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every `url width` pair of a srcset. */
function srcsetEntries(srcset: string): Array<{ url: string; width: number }> {
  return srcset.split(", ").map((entry) => {
    const [url, w] = entry.split(" ");
    return { url: url!, width: Number(w!.slice(0, -1)) };
  });
}

const FORMATS: Record<string, string> = { "image/avif": "heif", "image/webp": "webp", "image/jpeg": "jpeg", "image/png": "png" };

describe("images and share cards", () => {
  let content: string;
  let publicDir: string;
  let cacheDir: string;
  let site: string;
  let first: { stdout: string };
  let conference: Conference;

  before(async () => {
    content = await makeContent("sample", {
      "speakers/tim-gross.md": (await readFile(path.join(ROOT, "content/speakers/tim-gross.md"), "utf8")).replace(
        "role: Product Manager",
        "role: Product Manager\nphoto: /images/tim.jpg",
      ),
      "blog/photos-from-the-hall.md": POST,
    });
    publicDir = await publicWithImages();
    cacheDir = await tempDir("lectern-cache-");
    site = path.join(await tempDir("lectern-site-"), "site");
    const result = await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: site, PUBLIC_DIR: publicDir, LECTERN_CACHE_DIR: cacheDir });
    assert.equal(result.code, 0, result.stderr);
    first = result;
    conference = await loadConference({ contentDir: content, publicDir });
  });

  test("a post's local images become <picture> with AVIF, WebP and the original's type; the first loads at once", async () => {
    const html = await readPage(site, "/blog/photos-from-the-hall/");
    const pictures = [...html.matchAll(/<picture>(.*?)<\/picture>/g)].map((m) => m[1]!);
    assert.equal(pictures.length, 2);
    const sizes = `sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)"`;
    assert.match(pictures[0]!, new RegExp(`^<source type="image/avif" srcset="/img/[\\w-]+-320\\.avif 320w, /img/[\\w-]+-640\\.avif 640w, /img/[\\w-]+-1280\\.avif 1280w" ${escape(sizes)} />`));
    assert.match(pictures[0]!, /<source type="image\/webp" srcset="[^"]+-1280\.webp 1280w"/);
    assert.match(
      pictures[0]!,
      new RegExp(`<img src="/img/[\\w-]+-1280\\.png" srcset="[^"]+" ${escape(sizes)} width="1280" height="720" alt="The main hall at 8 in the morning" decoding="async" />$`),
    );
    // Narrower than the column: no copy wider than the original, which is the largest.
    assert.match(pictures[1]!, /<img src="\/img\/[\w-]+-500\.jpeg" srcset="\/img\/[\w-]+-320\.jpeg 320w, \/img\/[\w-]+-500\.jpeg 500w" [^>]*width="500" height="800" alt="The stage, from the back" loading="lazy" decoding="async" \/>$/);
    assert.ok(html.includes(`<img src="https://example.org/logo.png" alt="the logo" loading="lazy" decoding="async" />`), "a remote image is linked as it is");
    assert.ok(html.includes(`<img src="/favicon.svg" width="32" height="32" alt="the favicon" loading="lazy" decoding="async" />`), "an SVG is kept");
  });

  test("a local speaker photo is a <picture> in the avatar's sizes, lazy except at the head of their page", async () => {
    const own = await readPage(site, "/speakers/tim-gross/");
    const picture = /<picture class="avatar-picture">(.*?)<\/picture>/.exec(own)?.[1];
    assert.ok(picture, "the speaker page has the photo");
    assert.match(picture, /^<source type="image\/avif" srcset="\/img\/[\w-]+-64\.avif 64w, \/img\/[\w-]+-104\.avif 104w, \/img\/[\w-]+-192\.avif 192w" sizes="6rem"\/>/);
    assert.match(picture, /<img class="avatar avatar--l" src="\/img\/[\w-]+-192\.jpeg" srcset="[^"]+" sizes="6rem" width="192" height="144" alt decoding="async"\/>$/);
    const talk = conference.sessionsOf(conference.speakers.find((s) => s.slug === "tim-gross")!)[0]!;
    assert.match(await readPage(site, talk.url!), /<img class="avatar avatar--m" src="\/img\/[\w-]+-192\.jpeg" [^>]*sizes="3\.25rem" width="192" height="144" alt loading="lazy" decoding="async"\/>/);
  });

  test("every image a page refers to exists, in the format and size its markup says", async () => {
    const files = await listFiles(site);
    const checked = new Set<string>();
    for (const page of files.filter((file) => file.endsWith(".html"))) {
      const html = await readFile(path.join(site, page), "utf8");
      for (const tag of html.matchAll(/<(source|img) [^>]*>/g)) {
        const attr = (name: string) => new RegExp(` ${name}="([^"]*)"`).exec(tag[0])?.[1];
        const srcset = attr("srcset");
        if (!srcset) continue;
        for (const { url, width } of srcsetEntries(srcset)) {
          const meta = await sharp(path.join(site, url)).metadata();
          assert.equal(meta.width, width, `${page}: ${url}`);
          const type = attr("type") ?? (url.endsWith(".png") ? "image/png" : "image/jpeg");
          assert.equal(meta.format, FORMATS[type], `${page}: ${url}`);
          checked.add(url);
        }
        if (tag[1] === "img") {
          const meta = await sharp(path.join(site, attr("src")!)).metadata();
          assert.deepEqual([meta.width, meta.height], [Number(attr("width")), Number(attr("height"))], `${page}: ${attr("src")}`);
        }
      }
    }
    // hall: 3 widths, stage: 2, photo: 3; each as AVIF, WebP and its own type.
    assert.equal(checked.size, (3 + 2 + 3) * 3);
    assert.deepEqual(files.filter((file) => file.startsWith("img/")).sort(), [...checked].map((url) => url.slice(1)).sort());
  });

  test("the pages with pictures pass the site checker: every srcset resolves, html-validate is happy", async () => {
    assert.equal(formatProblems(await checkBuiltSite(site)), "");
  });

  test("every talk, workshop, speaker and post page has a 1200×630 share card", async () => {
    const pages = [...conference.talkPages, ...conference.workshops, ...conference.speakers, ...conference.posts];
    assert.equal(pages.length, 42);
    for (const page of pages) {
      const card = cardPath(page.url)!;
      assert.deepEqual(pngSize(await readFile(path.join(site, card))), { width: 1200, height: 630 }, card);
    }
    assert.equal(cardPath("/talks/"), undefined);
    assert.equal(cardPath("/"), undefined);
  });

  test("an unchanged card is not drawn again; a changed one is", async () => {
    assert.match(first.stdout, /^lectern build: 42 share cards \(42 drawn, 0 from the cache\), 3 images resized \(3 made, 0 from the cache\)$/m);
    const media = (await listFiles(site)).filter((file) => /\.(png|webp|avif|jpe?g)$/.test(file) && /^(cards|img|images)\//.test(file));
    assert.ok(media.length >= 42 + 3, media.join(", "));
    const drawn = new Map(await Promise.all(media.map(async (file) => [file, await readFile(path.join(site, file))] as const)));
    const again = await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: site, PUBLIC_DIR: publicDir, LECTERN_CACHE_DIR: cacheDir });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^lectern build: 42 share cards \(0 drawn, 42 from the cache\), 3 images resized \(0 made, 3 from the cache\)$/m);
    // Taken from the cache, cards and resized images are copied as files: the same bytes, and the
    // file mode any new file of the site gets.
    const pageMode = (await stat(path.join(site, "index.html"))).mode;
    for (const [file, bytes] of drawn) {
      assert.ok(bytes.equals(await readFile(path.join(site, file))), `${file} has the bytes drawn the first time`);
      assert.equal((await stat(path.join(site, file))).mode, pageMode, `${file}'s mode`);
    }

    // A speaker's card shows their session's time and room, not its title: a new title redraws one card.
    const file = path.join(content, "talks", "autopilot.md");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, "title: Autopilot, renamed"));
    const edited = await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: site, PUBLIC_DIR: publicDir, LECTERN_CACHE_DIR: cacheDir });
    assert.match(edited.stdout, /^lectern build: 42 share cards \(1 drawn, 41 from the cache\)/m);
  });

  test("the in-memory render (dev server, mount points) makes the same images and cards", async () => {
    provideConference(conference);
    const media = newMediaStats();
    const publicFiles: [] = [];
    const previous = process.env.LECTERN_CACHE_DIR;
    process.env.LECTERN_CACHE_DIR = cacheDir;
    try {
      const { files } = await renderSiteInMemory(conference, publicFiles, path.join(await tempDir(), "out"), undefined, media);
      const built = (await listFiles(site)).filter((file) => file.startsWith("img/") || file.startsWith("cards/"));
      const rendered = [...files.keys()].filter((file) => file.startsWith("img/") || file.startsWith("cards/"));
      assert.deepEqual(rendered.sort(), built);
      assert.deepEqual(media.cards, { drawn: 0, cached: 42 });
    } finally {
      if (previous === undefined) delete process.env.LECTERN_CACHE_DIR;
      else process.env.LECTERN_CACHE_DIR = previous;
    }
  });
});

describe("image problems", () => {
  test("a missing file, a missing alt and a relative path fail the build, naming the post; check says the same", async () => {
    const content = await makeContent("sample", {
      "blog/broken.md": `---\ntitle: Broken\ndate: 2016-06-21\nauthor: Dale\n---\n![A photo](/images/nowhere.png)\n\n![](/favicon.svg)\n\n![  ](https://example.org/x.png)\n\n![A chart](chart.png)\n`,
      "speakers/tim-gross.md": `---\nname: Tim Gross\ncompany: Joyent\nrole: PM\nphoto: /images/tim.jpg\n---\n`,
    });
    const site = path.join(await tempDir("lectern-site-"), "site");
    const publicDir = path.relative(ROOT, path.join(ROOT, "public"));
    const file = path.join(content, "blog", "broken.md");
    const expected = [
      `lectern build: 5 content problems:`,
      `  ${file}: image "/images/nowhere.png": no file public/images/nowhere.png`,
      `  ${file}: image "/favicon.svg": needs alt text: say what the image shows between the brackets, ![like this](/favicon.svg)`,
      `  ${file}: image "https://example.org/x.png": needs alt text: say what the image shows between the brackets, ![like this](https://example.org/x.png)`,
      `  ${file}: image "chart.png": no file ${path.join(content, "blog", "chart.png")}`,
      `  ${path.join(content, "speakers", "tim-gross.md")}: photo: no file public/images/tim.jpg`,
    ];
    const build = await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: site, PUBLIC_DIR: publicDir });
    assert.equal(build.code, 1);
    assert.deepEqual(build.stderr.trimEnd().split("\n"), expected);
    const check = await runLectern("check", { CONTENT_DIR: content, PUBLIC_DIR: publicDir });
    assert.equal(check.code, 1);
    assert.deepEqual(check.stderr.trimEnd().split("\n"), expected.map((line) => line.replace("lectern build", "lectern check")));
  });
  test("a raw HTML <img> in a post or page is checked as a markdown image is; an explicit empty alt is allowed", async () => {
    const content = await makeContent("sample", {
      "blog/raw.md": `---\ntitle: Raw\ndate: 2016-06-21\nauthor: Dale\n---\n<p><img src="/images/nowhere.png" alt="A photo"></p>\n\nText <img src="/favicon.svg"> and <img src="/favicon.svg" alt=""> and <IMG SRC="https://example.org/x.png"> and <img src="hall.jpg" alt="The hall">\n`,
      "pages/raw.md": `---\ntitle: Raw page\n---\n<figure><img src="/images/gone.png" alt="Gone"></figure>\n`,
    });
    const site = path.join(await tempDir("lectern-site-"), "site");
    const publicDir = path.relative(ROOT, path.join(ROOT, "public"));
    const file = path.join(content, "blog", "raw.md");
    const expected = [
      `lectern build: 5 content problems:`,
      `  ${file}: image "/images/nowhere.png": no file public/images/nowhere.png`,
      `  ${file}: image "/favicon.svg": needs alt text: say what the image shows in its alt attribute, <img src="/favicon.svg" alt="like this">, or write alt="" for a decorative image`,
      `  ${file}: image "https://example.org/x.png": needs alt text: say what the image shows in its alt attribute, <img src="https://example.org/x.png" alt="like this">, or write alt="" for a decorative image`,
      `  ${file}: image "hall.jpg": in an <img> tag, write a path in public/ ("/images/hall.jpg") or an https:// address; for an image beside the post, use markdown: ![what it shows](hall.jpg)`,
      `  ${path.join(content, "pages", "raw.md")}: image "/images/gone.png": no file public/images/gone.png`,
    ];
    const build = await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: site, PUBLIC_DIR: publicDir });
    assert.equal(build.code, 1);
    assert.deepEqual(build.stderr.trimEnd().split("\n"), expected);
    const check = await runLectern("check", { CONTENT_DIR: content, PUBLIC_DIR: publicDir });
    assert.equal(check.code, 1);
    assert.deepEqual(check.stderr.trimEnd().split("\n"), expected.map((line) => line.replace("lectern build", "lectern check")));
  });
});

const BADGE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#3050c0"/></svg>\n`;

describe("images beside a post", () => {
  let content: string;
  let site: string;
  let stdout: string;

  before(async () => {
    content = await makeContent("sample", {
      "blog/from-the-floor.md": `---\ntitle: From the floor\ndate: 2016-06-21\nauthor: Dale Ragan\n---\n![The hall at 8 in the morning](hall.jpg)\n\nOur badge: ![the badge](./badge.svg) and ![a spinner](spinner.gif)\n\n![The hall again](./hall.jpg)\n`,
      "blog/badge.svg": BADGE_SVG,
    });
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#c05030" } }).jpeg().toFile(path.join(content, "blog", "hall.jpg"));
    await sharp({ create: { width: 24, height: 16, channels: 3, background: "#3050c0" } }).gif().toFile(path.join(content, "blog", "spinner.gif"));
    site = path.join(await tempDir("lectern-site-"), "site");
    const result = await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: site, LECTERN_CACHE_DIR: await tempDir("lectern-cache-") });
    assert.equal(result.code, 0, result.stderr);
    stdout = result.stdout;
  });

  test("a relative JPEG is resized like one in public/; an SVG and a GIF are copied under /img/ with a hash of their bytes and their size", async () => {
    const html = await readPage(site, "/blog/from-the-floor/");
    const pictures = [...html.matchAll(/<picture>(.*?)<\/picture>/g)].map((m) => m[1]!);
    assert.equal(pictures.length, 2);
    assert.match(pictures[0]!, /^<source type="image\/avif" srcset="\/img\/[\w-]+-320\.avif 320w, \/img\/[\w-]+-640\.avif 640w, \/img\/[\w-]+-1280\.avif 1280w" /);
    assert.match(pictures[0]!, /<img src="\/img\/[\w-]+-1280\.jpeg" srcset="[^"]+" sizes="[^"]+" width="1280" height="720" alt="The hall at 8 in the morning" decoding="async" \/>$/);
    assert.match(pictures[1]!, /alt="The hall again" loading="lazy" decoding="async" \/>$/);
    const svg = /<img src="\/img\/([0-9a-f]{16})\.svg" width="120" height="40" alt="the badge" loading="lazy" decoding="async" \/>/.exec(html);
    assert.ok(svg, "the SVG is linked from /img/ with its size");
    assert.equal(await readFile(path.join(site, "img", `${svg[1]}.svg`), "utf8"), BADGE_SVG);
    const gif = /<img src="\/img\/([0-9a-f]{16})\.gif" width="24" height="16" alt="a spinner" loading="lazy" decoding="async" \/>/.exec(html);
    assert.ok(gif, "the GIF is linked from /img/ with its size");
    assert.deepEqual(await readFile(path.join(site, "img", `${gif[1]}.gif`)), await readFile(path.join(content, "blog", "spinner.gif")));
    assert.match(stdout, /, 1 image resized \(1 made, 0 from the cache\)$/m);
  });

  test("every copy exists at the size its markup says; the originals are not pages", async () => {
    const html = await readPage(site, "/blog/from-the-floor/");
    for (const tag of html.matchAll(/<(?:source|img) [^>]*srcset="([^"]*)"/g)) {
      for (const { url, width } of srcsetEntries(tag[1]!)) assert.equal((await sharp(path.join(site, url)).metadata()).width, width, url);
    }
    const files = await listFiles(site);
    assert.equal(files.filter((file) => file.startsWith("img/")).length, 3 * 3 + 2);
    assert.deepEqual(files.filter((file) => /hall|badge|spinner/.test(file)), []);
  });

  test("every link and image of the built site resolves", async () => {
    assert.equal(formatProblems(await checkLinks(site)), "");
  });
});

describe("image problems beside posts", () => {
  test("an escape, a missing file, a sub-folder and a .txt are errors in build and check, naming the post and the image", async () => {
    const content = await makeContent("sample", {
      "blog/broken.md": `---\ntitle: Broken\ndate: 2016-06-21\nauthor: Dale\n---\n![A photo](../speakers/tim.jpg)\n\n![The hall](hal.jpg)\n\n![The hall](photos/hall.jpg)\n\n![Notes](notes.txt)\n\n![Draft](_draft.jpg)\n`,
      "blog/hall.jpg": await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c05030" } }).jpeg().toBuffer(),
      "blog/notes.txt": "notes",
      "blog/_draft.jpg": "x",
    });
    const site = path.join(await tempDir("lectern-site-"), "site");
    const blog = path.join(content, "blog");
    const file = path.join(blog, "broken.md");
    const expected = [
      `lectern build: 6 content problems:`,
      `  ${file}: image "../speakers/tim.jpg": leads outside blog/; put the image beside the post and write its name, such as "tim.jpg", or in public/ and write "/images/tim.jpg"`,
      `  ${file}: image "hal.jpg": no file ${path.join(blog, "hal.jpg")} (did you mean "hall.jpg"?)`,
      `  ${file}: image "photos/hall.jpg": only images directly in blog/ are read; put it beside the post and write "hall.jpg"`,
      `  ${file}: image "notes.txt": is not an image; use PNG, JPEG, GIF, WebP, AVIF or SVG`,
      `  ${file}: image "_draft.jpg": ${path.join(blog, "_draft.jpg")} is not read (names starting with "." or "_" are set aside); rename it`,
      `  ${path.join(blog, "notes.txt")}: only .md files and images (PNG, JPEG, GIF, WebP, AVIF or SVG) belong in blog/`,
    ];
    const build = await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: site });
    assert.equal(build.code, 1);
    assert.deepEqual(build.stderr.trimEnd().split("\n"), expected);
    const check = await runLectern("check", { CONTENT_DIR: content });
    assert.equal(check.code, 1);
    assert.deepEqual(check.stderr.trimEnd().split("\n"), expected.map((line) => line.replace("lectern build", "lectern check")));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
