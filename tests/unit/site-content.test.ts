import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ContentError, formatProblem } from "../../src/content/errors.ts";
import { loadConference } from "../../src/content/load.ts";
import { buildClock } from "../../src/eleventy/build-clock.ts";
import { callsToAction, currentCall } from "../../src/views/call-to-action.ts";
import { socialLinks } from "../../src/views/social.ts";
import { makeContent } from "../helpers.ts";
import { DateTime } from "luxon";
import { readFile } from "node:fs/promises";
import path from "node:path";

const EVENT = await readFile(path.join(import.meta.dirname, "..", "fixtures", "small", "event.yaml"), "utf8");
const TIERS = "sponsor_tiers:\n  - id: gold\n    name: Gold\n  - id: silver\n    name: Silver\n";
const file = (fields: string, body = "Text.") => `---\n${fields}\n---\n${body}\n`;
const SPONSOR = "name: Acme\nlogo: https://example.org/acme.svg\nurl: https://acme.example.org/";

/** Loads the `small` fixture with changes and returns every problem line, paths relative to the content folder. */
async function problemsWith(changes: Record<string, string | null>): Promise<string[]> {
  const dir = await makeContent("small", changes);
  try {
    await loadConference({ contentDir: dir, render: false });
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    return error.problems.map((p) => formatProblem(p).split(`${dir}/`).join(""));
  }
  assert.fail("expected the content to be rejected");
}

describe("free pages", () => {
  test("are read from pages/, at /<slug>/, and fill the menus in order", async () => {
    const dir = await makeContent("small", {
      "pages/code-of-conduct.md": file("title: Code of conduct\nnav: {menu: footer, order: 2}", "Be <em>kind</em>.<script>alert(1)</script>"),
      "pages/accessibility.md": file("title: Accessibility\nnav: {menu: footer, order: 1}"),
      "pages/venue.md": file("title: Venue\nsummary: Where it is.\nnav: {menu: main}"),
      "pages/faq.md": file("title: FAQ"),
    });
    const conference = await loadConference({ contentDir: dir });
    assert.deepEqual(conference.pages.map((page) => [page.slug, page.url]), [
      ["accessibility", "/accessibility/"],
      ["code-of-conduct", "/code-of-conduct/"],
      ["faq", "/faq/"],
      ["venue", "/venue/"],
    ]);
    assert.equal(conference.pages[1]!.html, "<p>Be <em>kind</em>.</p>\n");
    assert.equal(conference.pages[3]!.summary, "Where it is.");
    assert.deepEqual(conference.event.menus, {
      main: [{ label: "Venue", href: "/venue/" }],
      footer: [
        { label: "Accessibility", href: "/accessibility/" },
        { label: "Code of conduct", href: "/code-of-conduct/" },
      ],
    });
  });

  test("a page may not take Lectern's own addresses; nav is checked", async () => {
    assert.deepEqual(
      await problemsWith({
        "pages/schedule.md": file("title: Our schedule"),
        "pages/img.md": file("title: Images"),
        "pages/sponsors.md": file("title: Sponsors"),
        "pages/faq.md": file("title: FAQ\nnav: {menu: header}"),
        "pages/help.md": file("title: Help\nnav: {menu: main, order: first}"),
      }),
      [
        'pages/faq.md: nav.menu: expected one of "main", "footer", got "header"',
        "pages/help.md: nav.order: expected a number, got text \"first\"",
        "pages/img.md: gives the address /img/, which the resized images has; rename the file",
        "pages/schedule.md: gives the address /schedule/, which the schedule has; rename the file",
        "pages/sponsors.md: gives the address /sponsors/, which the sponsors page has; rename the file",
      ],
    );
  });

  test("a misnamed pages or sponsors folder gets a did you mean", async () => {
    assert.deepEqual(await problemsWith({ "page/faq.md": file("title: FAQ"), "sponsor/acme.md": file(SPONSOR) }), [
      'page: unknown folder, not read (did you mean "pages/"?)',
      'sponsor: unknown folder, not read (did you mean "sponsors/"?)',
    ]);
  });
});

describe("sponsors", () => {
  test("are linked to their tier and listed in tier order, then by name", async () => {
    const dir = await makeContent("small", {
      "event.yaml": EVENT + TIERS,
      "sponsors/zeta.md": file(SPONSOR.replace("Acme", "Zeta") + "\ntier: gold", "Zeta makes *things*."),
      "sponsors/beta.md": file(SPONSOR.replace("Acme", "Beta") + "\ntier: silver", ""),
      "sponsors/alpha.md": file(SPONSOR.replace("Acme", "Alpha") + "\ntier: gold", ""),
    });
    const conference = await loadConference({ contentDir: dir });
    assert.deepEqual(conference.sponsors.map((s) => [s.name, s.tier.name]), [["Alpha", "Gold"], ["Zeta", "Gold"], ["Beta", "Silver"]]);
    assert.deepEqual(conference.sponsorTiers.map((group) => [group.tier.id, group.sponsors.map((s) => s.slug)]), [["gold", ["alpha", "zeta"]], ["silver", ["beta"]]]);
    assert.equal(conference.sponsors[1]!.html, "<p>Zeta makes <em>things</em>.</p>\n");
    assert.deepEqual(conference.event.menus.footer, [{ label: "Sponsors", href: "/sponsors/" }]);
  });

  test("an unknown tier, a missing logo file and a repeated tier are errors", async () => {
    assert.deepEqual(
      await problemsWith({
        "event.yaml": EVENT + TIERS + "  - id: gold\n    name: Also gold\n",
        "sponsors/acme.md": file(SPONSOR + "\ntier: glod"),
        "sponsors/bolt.md": file(SPONSOR + "\ntier: platinum"),
        "sponsors/coil.md": file("name: Coil\ntier: gold\nlogo: images/coil.svg\nurl: coil.example.org"),
      }),
      [
        "event.yaml: sponsor_tiers[2].id: tier \"gold\" is listed twice",
        'sponsors/acme.md: tier: unknown tier "glod" (did you mean "gold"?)',
        'sponsors/bolt.md: tier: unknown tier "platinum" (tiers in event.yaml: "gold", "silver")',
        'sponsors/coil.md: logo: expected an https:// address or a path in public/ starting with "/", got "images/coil.svg" (did you mean "/images/coil.svg"?)',
        'sponsors/coil.md: url: must be a full http:// or https:// address, got "coil.example.org"',
      ],
    );
    assert.deepEqual(await problemsWith({ "sponsors/acme.md": file(SPONSOR + "\ntier: gold") }), [
      'sponsors/acme.md: tier: unknown tier "gold"; event.yaml lists no sponsor_tiers (add them, e.g. sponsor_tiers: [{id: gold, name: Gold}])',
    ]);
  });

  test("a local logo must exist in public/", async () => {
    const dir = await makeContent("small", { "event.yaml": EVENT + TIERS, "sponsors/acme.md": file(SPONSOR.replace("https://example.org/acme.svg", "/images/acme.png") + "\ntier: gold") });
    const publicDir = path.join(dir, "..", "public");
    await assert.rejects(loadConference({ contentDir: dir, publicDir }), (error: ContentError) => {
      assert.deepEqual(error.problems.map((p) => formatProblem(p).split(`${path.dirname(dir)}/`).join("")), ["content/sponsors/acme.md: logo: no file public/images/acme.png"]);
      return true;
    });
  });
});

describe("tickets and call for papers", () => {
  test("dates become instants in the event's zone; a closing date is open to its end", async () => {
    const dir = await makeContent("small", {
      "event.yaml": `${EVENT}cfp:\n  url: https://cfp.example.org/\n  opens: 2024-06-01\n  closes: 2024-08-31\ntickets:\n  url: https://tickets.example.org/\n  closes: 2024-10-25 18:00\n`,
    });
    const { event } = await loadConference({ contentDir: dir, render: false });
    assert.equal(event.cfp?.opens?.toISO(), "2024-06-01T00:00:00.000+02:00");
    assert.equal(event.cfp?.closes.toISO(), "2024-09-01T00:00:00.000+02:00");
    assert.equal(event.cfp?.closesText, "31 August 2024");
    assert.equal(event.tickets?.opens, undefined);
    assert.equal(event.tickets?.closes.toISO(), "2024-10-25T18:00:00.000+02:00");
    assert.equal(event.tickets?.closesText, "25 October 2024, 18:00 CEST");
  });

  test("a bad date, a time that does not exist and a closing before the opening are errors", async () => {
    assert.deepEqual(
      await problemsWith({
        "event.yaml": `${EVENT}cfp:\n  url: https://cfp.example.org/\n  opens: 2024-08-01\n  closes: 2024-07-01\ntickets:\n  url: tickets\n  opens: 2024-03-31 02:30\n  closes: 2024-02-30\n`,
      }),
      [
        "event.yaml: tickets.url: must be a full http:// or https:// address, got \"tickets\"",
      ],
    );
    assert.deepEqual(
      await problemsWith({
        "event.yaml": `${EVENT}cfp:\n  url: https://cfp.example.org/\n  opens: 2024-08-01\n  closes: 2024-07-01\ntickets:\n  url: https://tickets.example.org/\n  opens: 2024-03-31 02:30\n  closes: 2024-02-30\n  sale: yes\n`,
      }),
      [
        'event.yaml: tickets.sale: unknown field',
      ],
    );
    assert.deepEqual(
      await problemsWith({
        "event.yaml": `${EVENT}cfp:\n  url: https://cfp.example.org/\n  opens: 2024-08-01\n  closes: 2024-07-01\ntickets:\n  url: https://tickets.example.org/\n  opens: 2024-03-31 02:30\n  closes: 2024-02-30\n`,
      }),
      [
        "event.yaml: cfp.closes: 2024-07-01 is not after opens (2024-08-01)",
        "event.yaml: tickets.opens: \"2024-03-31 02:30\" does not exist in Europe/Berlin: the clocks go forward that night and skip it; write the time on the clock after the change (e.g. \"2024-03-31 03:30\")",
        'event.yaml: tickets.closes: "2024-02-30" is not a real date',
      ],
    );
  });

  test("the first call to action follows the calendar, and the build clock can be set", async () => {
    const dir = await makeContent("small", {
      "event.yaml": `${EVENT}cfp:\n  url: https://cfp.example.org/\n  closes: 2024-08-31\ntickets:\n  url: https://tickets.example.org/\n  opens: 2024-06-01\n  closes: 2024-10-25\n`,
    });
    const conference = await loadConference({ contentDir: dir, render: false });
    const calls = callsToAction(conference);
    const at = (iso: string) => currentCall(calls, DateTime.fromISO(iso))?.label;
    assert.equal(at("2024-01-01T00:00:00Z"), "Submit a talk, closes 31 August 2024");
    assert.equal(at("2024-08-31T21:59:59Z"), "Submit a talk, closes 31 August 2024");
    assert.equal(at("2024-08-31T22:00:00Z"), "Get tickets");
    assert.equal(at("2024-10-25T22:00:00Z"), "Today's schedule");
    assert.equal(at("2024-10-27T22:59:59Z"), "Today's schedule");
    assert.equal(at("2024-10-27T23:00:00Z"), "Recordings and recap");
    assert.equal(buildClock({ LECTERN_NOW: "2024-10-26T09:00:00+02:00", SOURCE_DATE_EPOCH: "0" }).toISO(), "2024-10-26T09:00:00.000+02:00");
    assert.equal(buildClock({ SOURCE_DATE_EPOCH: "1729926000" }).toUTC().toISO(), "2024-10-26T07:00:00.000Z");
    assert.throws(() => buildClock({ LECTERN_NOW: "2024-10-26 09:00" }), {
      message: 'LECTERN_NOW must be a date and time with its offset, such as 2016-06-10T09:00:00-04:00 or 2016-06-10T13:00:00Z, got "2024-10-26 09:00"',
    });
  });
});

describe("social accounts", () => {
  test("speakers' mastodon, bluesky, linkedin and pronouns become links and text", async () => {
    const dir = await makeContent("small", {
      "speakers/sam-lee.md": file("name: Sam Lee\ncompany: Acme\nrole: SRE\nmastodon: '@sam@hachyderm.io'\nbluesky: '@Sam.bsky.social'\nlinkedin: sam-lee\npronouns: they/them"),
      "event.yaml": `${EVENT}social:\n  mastodon: conf@mastodon.example\n  linkedin: https://www.linkedin.com/company/fixture-conf/\n  github: fixture-conf\n`,
    });
    const conference = await loadConference({ contentDir: dir, render: false });
    const sam = conference.speakers.find((s) => s.slug === "sam-lee")!;
    assert.equal(sam.pronouns, "they/them");
    assert.deepEqual(socialLinks(sam, "person"), [
      { label: "@sam@hachyderm.io on Mastodon", href: "https://hachyderm.io/@sam" },
      { label: "@sam.bsky.social on Bluesky", href: "https://bsky.app/profile/sam.bsky.social" },
      { label: "LinkedIn", href: "https://www.linkedin.com/in/sam-lee/" },
    ]);
    assert.deepEqual(socialLinks(conference.event.social!, "organisation"), [
      { label: "fixture-conf on GitHub", href: "https://github.com/fixture-conf" },
      { label: "@conf@mastodon.example on Mastodon", href: "https://mastodon.example/@conf" },
      { label: "LinkedIn", href: "https://www.linkedin.com/company/fixture-conf/" },
    ]);
  });

  test("malformed handles are errors that show the form", async () => {
    assert.deepEqual(
      await problemsWith({
        "speakers/sam-lee.md": file("name: Sam Lee\ncompany: Acme\nrole: SRE\nmastodon: '@sam'\nbluesky: sam\nlinkedin: https://example.org/sam\npronouns: ''"),
        "event.yaml": `${EVENT}social:\n  mastodn: '@conf@mastodon.example'\n`,
      }),
      [
        'event.yaml: social.mastodn: unknown field (did you mean "mastodon"?)',
        'speakers/sam-lee.md: mastodon: expected a Mastodon address such as "@jane@mastodon.social" (user and server)',
        'speakers/sam-lee.md: bluesky: expected a Bluesky handle such as "jane.bsky.social"',
        'speakers/sam-lee.md: linkedin: expected a LinkedIn name such as "jane-doe" or an address such as "https://www.linkedin.com/in/jane-doe/"',
        "speakers/sam-lee.md: pronouns: must not be empty",
      ],
    );
  });
});
