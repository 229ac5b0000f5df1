import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { ContentError, formatProblem } from "../../src/content/errors.ts";
import { loadConference } from "../../src/content/load.ts";
import { contrastRatio, formatRatio, relativeLuminance } from "../../src/theme/contrast.ts";
import { contrastProblems, DEFAULT_COLOURS } from "../../src/theme/colours.ts";
import { renderThemeCss } from "../../src/theme/theme.ts";
import { makeContent, ROOT, tempDir } from "../helpers.ts";

const EVENT = path.join(ROOT, "tests", "fixtures", "small", "event.yaml");

/** The small fixture with `theme` appended to its event.yaml, loaded against a public folder holding `files`. */
async function loadThemed(theme: string, files: Record<string, string | Buffer> = {}) {
  const event = `${await readFile(EVENT, "utf8")}theme:\n${theme}\n`;
  const dir = await makeContent("small", { "event.yaml": event });
  const publicDir = path.join(await tempDir(), "public");
  await mkdir(publicDir);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(publicDir, file)), { recursive: true });
    await writeFile(path.join(publicDir, file), content);
  }
  return { dir, publicDir };
}

async function problemsOf(theme: string, files: Record<string, string | Buffer> = {}): Promise<string[]> {
  const { dir, publicDir } = await loadThemed(theme, files);
  try {
    await loadConference({ contentDir: dir, publicDir, render: false });
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    return error.problems.map((p) => formatProblem(p).split(`${dir}/`).join("").split(`${publicDir}/`).join("public/"));
  }
  assert.fail("expected the theme to be rejected");
}

describe("contrast maths (WCAG 2.x)", () => {
  test("black on white is 21:1, the same colour 1:1, in either order", () => {
    assert.equal(contrastRatio("#000000", "#ffffff"), 21);
    assert.equal(contrastRatio("#ffffff", "#000000"), 21);
    assert.equal(contrastRatio("#12355b", "#12355b"), 1);
    assert.equal(relativeLuminance("#ffffff"), 1);
    assert.equal(relativeLuminance("#000000"), 0);
  });

  test("#777 on white is just under 4.5:1, and reads so", () => {
    const ratio = contrastRatio("#777777", "#ffffff");
    assert.ok(Math.abs(ratio - 4.48) < 0.005, String(ratio));
    assert.equal(formatRatio(ratio, 4.5), "4.47:1");
    assert.equal(formatRatio(contrastRatio("#7fb2e5", "#ffffff"), 4.5), "2.2:1");
    assert.equal(formatRatio(21), "21:1");
  });

  test("Lectern's own colours pass every pair", () => {
    assert.deepEqual(contrastProblems({ ...DEFAULT_COLOURS }), []);
  });
});

describe("theme in event.yaml", () => {
  test("colours are kept as lower-case #rrggbb, fonts and images resolved", async () => {
    const { dir, publicDir } = await loadThemed(
      `  primary: "#1F1D4A"\n  accent: "#b0155a"\n  logo: /images/logo.svg\n  font:\n    body: /fonts/brand.woff2\n    headings: serif`,
      { "images/logo.svg": `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>`, "fonts/brand.woff2": Buffer.alloc(2048) },
    );
    const { event } = await loadConference({ contentDir: dir, publicDir, render: false });
    assert.equal(event.theme?.colours.primary, "#1f1d4a");
    assert.equal(event.theme?.colours.link, "#1f1d4a");
    assert.equal(event.theme?.colours.background, "#fbfaf7");
    assert.equal(event.theme?.logo?.src, "/images/logo.svg");
    const css = renderThemeCss(event.theme!);
    assert.match(css, /@font-face \{\n  font-family: "brand";\n  src: url\("fonts\/brand.woff2"\) format\("woff2"\);/);
    assert.match(css, /  --brand: #1f1d4a;\n/);
    assert.match(css, /  --accent: #b0155a;\n/);
    assert.match(css, /  --font: "brand", system-ui,/);
    assert.match(css, /  --font-headings: Charter,/);
  });

  test("a colour that is not #rgb or #rrggbb, or left unquoted, is named with its field", async () => {
    assert.deepEqual(await problemsOf(`  primary: navy\n  accent: 0b7a75\n  text: #172033\n  link: 12`), [
      'event.yaml: theme.primary: expected a colour written #rgb or #rrggbb, such as "#12355b", got text "navy"',
      'event.yaml: theme.accent: expected a colour written #rgb or #rrggbb, got "0b7a75" (did you mean "#0b7a75"?)',
      'event.yaml: theme.text: expected a colour such as "#12355b" in quotes, got an empty value (YAML reads an unquoted # as the start of a comment)',
      'event.yaml: theme.link: expected a colour such as "#12355b", got the number 12',
    ]);
  });

  test("a pair below WCAG AA names the field, the pair and the ratio; each pair of colours once, every one at once", async () => {
    assert.deepEqual(await problemsOf(`  primary: "#7fb2e5"\n  accent: "#2a9d8f"\n  text: "#777"\n  background: "#ffffff"`), [
      "event.yaml: theme.text: #777777 on theme.background #ffffff is 4.47:1; text needs 4.5:1",
      "event.yaml: theme.primary: #7fb2e5 on white is 2.2:1; text needs 4.5:1",
      "event.yaml: theme.primary: theme.on_primary #ffffff on #7fb2e5 is 2.2:1; header text needs 4.5:1",
      "event.yaml: theme.accent: white on #2a9d8f is 3.3:1; button text needs 4.5:1",
      "event.yaml: theme.accent: #2a9d8f on theme.background #ffffff is 3.3:1; text needs 4.5:1",
      "event.yaml: theme.text: #777777 on the highlight #ffd166 is 3.1:1; text needs 4.5:1",
    ]);
  });

  test("logo, hero and fonts must be files in public/; a font at most 100 KB of WOFF2", async () => {
    assert.deepEqual(
      await problemsOf(`  logo: https://cdn.example.org/logo.svg\n  hero: /images/hero.jpg\n  font:\n    body: /fonts/big.woff2\n    headings: Comic Sans`, {
        "fonts/big.woff2": Buffer.alloc(150 * 1024),
      }),
      [
        "event.yaml: theme.logo: expected a path in public/ such as /images/logo.svg: the theme's files ship with the site",
        "event.yaml: theme.font.headings: expected one of system, humanist, geometric, serif, mono or a .woff2 file in public/ such as /fonts/inter.woff2, got \"Comic Sans\"",
      ],
    );
    assert.deepEqual(await problemsOf(`  hero: /images/hero.jpg\n  font:\n    body: /fonts/big.woff2\n    headings: /fonts/inter.ttf`, { "fonts/big.woff2": Buffer.alloc(150 * 1024) }), [
      'event.yaml: theme.font.headings: expected one of system, humanist, geometric, serif, mono or a .woff2 file in public/ such as /fonts/inter.woff2, got "/fonts/inter.ttf" (convert the font to WOFF2)',
    ]);
    assert.deepEqual(await problemsOf(`  hero: /images/hero.jpg\n  font:\n    body: /fonts/big.woff2`, { "fonts/big.woff2": Buffer.alloc(150 * 1024) }), [
      "event.yaml: theme.hero: no file public/images/hero.jpg",
      "event.yaml: theme.font.body: /fonts/big.woff2 is 150 KB; a web font may be at most 100 KB (subset it to the scripts the site uses)",
    ]);
  });

  test("an unknown theme field gets a did-you-mean", async () => {
    const problems = await problemsOf(`  primry: "#12355b"`);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^event\.yaml: theme(\.primry)?: .*did you mean "primary"/);
  });
});
