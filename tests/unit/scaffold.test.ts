import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "yaml";
import { fieldDocs } from "../../src/cli/field-docs.ts";
import { chooseSlug, scaffold, SCAFFOLDS, type ScaffoldKind } from "../../src/cli/scaffold.ts";

const context = { today: "2024-09-01", days: { first: "2024-10-26", last: "2024-10-27" }, rooms: ["main", "side"] };

test("the file name is the title's slug", () => {
  assert.deepEqual(chooseSlug("talk", "Observability for Busy People!", new Set()), { slug: "observability-for-busy-people", fallback: false });
  assert.deepEqual(chooseSlug("speaker", "Jana Novák", new Set()), { slug: "jana-novak", fallback: false });
  assert.deepEqual(chooseSlug("talk", "Привет мир", new Set()), { slug: "privet-mir", fallback: false });
});

test("a title with nothing to make an address of gets the kind and the first free number", () => {
  assert.deepEqual(chooseSlug("talk", "🎉", new Set()), { slug: "talk-1", fallback: true });
  assert.deepEqual(chooseSlug("post", "你好", new Set(["post-1", "post-3"])), { slug: "post-2", fallback: true });
});

test("doc comments are read from the schema modules, nested fields included", () => {
  const event = fieldDocs("event.ts", "eventSchema");
  assert.equal(event.get("venue.name"), "The venue's name.");
  assert.equal(event.get("name"), 'The conference\'s name, e.g. "ContainerDays Boston 2016".');
  assert.equal(fieldDocs("event.ts", "roomSchema").get("id"), "Short id that talks and workshops name in `room:` (e.g. `main-hall`).");
});

for (const kind of Object.keys(SCAFFOLDS) as ScaffoldKind[]) {
  test(`a new ${kind} lists every field of the schema under its doc comment`, () => {
    const { schema, module, schemaName } = SCAFFOLDS[kind];
    const docs = fieldDocs(module, schemaName);
    const text = scaffold(kind, "A: title # with YAML in it", context);
    const lines = text.split("\n");
    for (const key of Object.keys(schema.shape)) {
      const at = lines.findIndex((line) => line === `${key}:` || line.startsWith(`${key}: `) || line.startsWith(`# ${key}:`));
      assert.ok(at > 0, `${key} is in the skeleton`);
      assert.ok(docs.has(key), `${key} has a doc comment in src/content/${module}`);
      assert.ok(lines.slice(0, at).some((line) => line === `# ${docs.get(key)}`), `${key} is under its doc comment`);
    }
    const front = parse(text.split("---\n")[1]!) as Record<string, unknown>;
    assert.equal(front[SCAFFOLDS[kind].nameField], "A: title # with YAML in it", "the title survives YAML quoting");
  });
}

test("a new speaker: the name filled in, company and role left empty, the rest commented out", () => {
  assert.equal(
    scaffold("speaker", "Ada Lovelace", context),
    `---
# Full name as it should appear on the site.
name: Ada Lovelace
# Company or organisation.
company:
# Job title or role, e.g. "Developer Advocate".
role:
# Twitter / X handle, without the @.
# twitter: handle
# GitHub user name.
# github: handle
# Personal web site (http:// or https://).
# website: https://example.org
# Mastodon address, \`@user@server\`; links to the profile on that server.
# mastodon: "@handle@mastodon.social"
# Bluesky handle such as \`jane.bsky.social\`; links to the profile on bsky.app.
# bluesky: handle.bsky.social
# LinkedIn: the profile's address, or the name at its end (\`jane-doe\` for linkedin.com/in/jane-doe/).
# linkedin: handle
# Pronouns, shown next to the name, e.g. "she/her".
# pronouns: she/her
# Photo: a full https:// address, or a path inside public/ such as /images/jane.jpg.
# photo: /images/photo.jpg
---
The speaker's bio, in markdown.
`,
  );
});

test("a new page offers nav and summary commented out; a new sponsor names the tiers of event.yaml", () => {
  assert.equal(
    scaffold("page", "Code of conduct", context),
    `---
# The page's title.
title: Code of conduct
# One sentence for the meta description and link previews (default: the start of the page).
# summary: One sentence for link previews.
# Where the page is linked from every page: \`{menu: main, order: 1}\` in the header, \`menu: footer\` in the footer (default: not linked).
# nav: {menu: footer, order: 1}
---
The page, in markdown.
`,
  );
  const sponsor = scaffold("sponsor", "Acme", { ...context, sponsorTiers: ["gold", "silver"] });
  assert.match(sponsor, /\n# Tiers in event\.yaml: gold, silver\.\ntier: gold\n#[^\n]*\nlogo:\n#[^\n]*\nurl:\n/);
});

test("a new talk names the event's days and rooms next to the fields left empty", () => {
  const text = scaffold("talk", "Observability", context);
  assert.match(text, /\n# The event runs from 2024-10-26 to 2024-10-27\.\nstart:\n/);
  assert.match(text, /\n# Rooms in event\.yaml: main, side\.\nroom:\n/);
  assert.match(text, /\nspeakers: \[\]\n/);
  assert.match(text, /\nduration: 30\n/);
});

const LONG_TITLE = Array.from({ length: 30 }, (_, i) => `Word${i} observability`).join(" ");

test("a long title gives a file name of at most 80 characters, cut between words", () => {
  const full = "word0-observability-word1-observability-word2-observability-word3-observability-word4";
  assert.equal(LONG_TITLE.length > 300, true);
  assert.deepEqual(chooseSlug("talk", LONG_TITLE, new Set()), { slug: full.slice(0, full.lastIndexOf("-")), fallback: false });
  assert.deepEqual(chooseSlug("talk", "x".repeat(120), new Set()), { slug: "x".repeat(80), fallback: false });
  const exact = `${"a".repeat(40)} ${"b".repeat(39)} more`;
  assert.deepEqual(chooseSlug("talk", exact, new Set()), { slug: `${"a".repeat(40)}-${"b".repeat(39)}`, fallback: false });
});

test("a numbered name skips names taken in another case", () => {
  assert.deepEqual(chooseSlug("talk", "🎉", new Set(["Talk-1"])), { slug: "talk-2", fallback: true });
});

for (const title of [LONG_TITLE, "Line one\nLine two", "  spaces  and \"quotes\" and 'apostrophes' ", "- a list?", "\x1b]0;title\x07"]) {
  test(`the title is written as YAML that reads back the same: ${JSON.stringify(title).slice(0, 40)}`, () => {
    for (const kind of Object.keys(SCAFFOLDS) as ScaffoldKind[]) {
      const text = scaffold(kind, title, context);
      const front = parse(text.split("---\n")[1]!) as Record<string, unknown>;
      assert.equal(front[SCAFFOLDS[kind].nameField], title, kind);
    }
  });
}
