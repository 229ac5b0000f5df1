import assert from "node:assert/strict";
import { cp, readFile, stat, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { before, describe, test } from "node:test";
import sharp from "sharp";
import { buildSite, listFiles, makeContent, ROOT, runLectern, tempDir } from "../helpers.ts";

const EVENT = await readFile(path.join(ROOT, "tests", "fixtures", "small", "event.yaml"), "utf8");
const THEME = `theme:
  primary: "#1f1d4a"
  accent: "#b0155a"
  background: "#f7f6fb"
  text: "#1b1a2e"
  logo: /images/brand/logo.png
  hero: /images/brand/hall.jpg
  font:
    body: /fonts/brand.woff2
    headings: geometric
`;

/** Lectern's public folder with a raster logo and a (stand-in) font file added. */
async function themedPublic(): Promise<string> {
  const dir = path.join(await tempDir(), "public");
  await cp(path.join(ROOT, "public"), dir, { recursive: true });
  await mkdir(path.join(dir, "images", "brand"), { recursive: true });
  await sharp({ create: { width: 480, height: 160, channels: 3, background: "#b0155a" } }).png().toFile(path.join(dir, "images", "brand", "logo.png"));
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#1f1d4a" } }).jpeg().toFile(path.join(dir, "images", "brand", "hall.jpg"));
  await mkdir(path.join(dir, "fonts"));
  await writeFile(path.join(dir, "fonts", "brand.woff2"), Buffer.alloc(4096));
  return dir;
}

describe("a themed build", () => {
  let site: string;
  before(async () => {
    const content = await makeContent("small", { "event.yaml": EVENT + THEME });
    site = await buildSite(content, { PUBLIC_DIR: await themedPublic(), LECTERN_CACHE_DIR: await tempDir() });
  });

  test("writes /theme.css: the theme's custom properties and its font", async () => {
    const css = await readFile(path.join(site, "theme.css"), "utf8");
    for (const line of ["--brand: #1f1d4a;", "--accent: #b0155a;", "--paper: #f7f6fb;", "--ink: #1b1a2e;", "--link: #1f1d4a;", "--brand-ink: #ffffff;"]) {
      assert.ok(css.includes(`  ${line}\n`), line);
    }
    assert.match(css, /src: url\("fonts\/brand\.woff2"\) format\("woff2"\);/);
    assert.match(css, /--font: "brand", system-ui/);
    assert.match(css, /--font-headings: Avenir, Montserrat/);
    assert.ok((await stat(path.join(site, "fonts", "brand.woff2"))).isFile());
  });

  test("every page loads it after styles.css and its own sheet, the header shows the logo named by the event, the home page the hero picture", async () => {
    for (const page of ["index.html", "talks/opening/index.html", "speakers/jana-novak/index.html"]) {
      const html = await readFile(path.join(site, page), "utf8");
      assert.match(html, /<link rel="stylesheet" href="\/conf\/styles\.css"\/>(?:<link rel="stylesheet" href="\/conf\/(?:home|schedule|blog)\.css"\/>)?<link rel="stylesheet" href="\/conf\/theme\.css"\/>/, page);
      assert.match(html, /<picture><source type="image\/avif" srcset="\/conf\/img\/[^"]+-192\.avif 192w, [^"]+-384\.avif 384w" sizes="12rem"\/>/, page);
      assert.match(html, /<img class="brand__logo" src="\/conf\/img\/[^"]+-384\.png"[^>]* alt="Fixture Conf"/, page);
      assert.match(html, /<meta name="theme-color" content="#1f1d4a"\/>/, page);
    }
    const home = await readFile(path.join(site, "index.html"), "utf8");
    assert.match(home, /<section class="hero hero--picture" aria-labelledby="hero_title">/);
    assert.match(home, /<img class="hero__picture" src="\/conf\/img\/[^"]+-1440\.jpeg" srcset="[^"]+-480\.jpeg 480w, [^"]+-960\.jpeg 960w, [^"]+-1440\.jpeg 1440w" sizes="\(min-width: 48rem\) 34rem, calc\(100vw - 2rem\)" width="1440" height="810" alt decoding="async"/);
    const manifest = JSON.parse(await readFile(path.join(site, "site.webmanifest"), "utf8")) as Record<string, string>;
    assert.equal(manifest.theme_color, "#1f1d4a");
    assert.equal(manifest.background_color, "#f7f6fb");
  });
});

test("without a theme the site keeps Lectern's colours and writes no theme.css", async () => {
  const site = await buildSite(await makeContent("small"));
  assert.ok(!(await listFiles(site)).includes("theme.css"));
  const html = await readFile(path.join(site, "index.html"), "utf8");
  assert.ok(!html.includes("theme.css"));
  assert.match(html, /<meta name="theme-color" content="#12355b"\/>/);
  // Minified on the way: no newlines, no semicolon before a closing brace.
  const css = await readFile(path.join(site, "styles.css"), "utf8");
  for (const line of ["--ink: #172033", "--paper: #fbfaf7", "--brand: #12355b", "--brand-ink: #ffffff", "--accent: #0b7a75", "--link: #0a5c8a", "--hero-middle: #1d4e7e"]) {
    assert.ok(css.includes(line), line);
  }
});

test("a theme below WCAG AA fails check and build with the field, the pair and the ratio", async () => {
  const content = await makeContent("small", { "event.yaml": `${EVENT}theme:\n  primary: "#7fb2e5"\n` });
  const expected = (command: string) =>
    `lectern ${command}: 3 content problems:\n` +
    `  ${content}/event.yaml: theme.primary: #7fb2e5 on white is 2.2:1; text needs 4.5:1\n` +
    `  ${content}/event.yaml: theme.primary: #7fb2e5 on theme.background #fbfaf7 is 2.1:1; link text needs 4.5:1\n` +
    `  ${content}/event.yaml: theme.primary: theme.on_primary #ffffff on #7fb2e5 is 2.2:1; header text needs 4.5:1\n`;
  const check = await runLectern("check", { CONTENT_DIR: content });
  assert.equal(check.code, 1);
  assert.equal(check.stderr, expected("check"));
  const output = path.join(await tempDir(), "site");
  const build = await runLectern("build", { CONTENT_DIR: content, OUTPUT_DIR: output });
  assert.equal(build.code, 1);
  assert.equal(build.stderr, expected("build"));
});
