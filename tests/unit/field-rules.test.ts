import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadConference } from "../../src/content/load.ts";
import type { Conference } from "../../src/content/model.ts";
import { makeContent, problemsWith } from "../helpers.ts";

const md = (fields: string, body = "Abstract.") => `---\n${fields}\n---\n${body}\n`;
const TALK = "title: A talk\nspeakers: [sam-lee]\nstart: 2024-10-26 16:00\nduration: 30\nroom: main";
const SPEAKER = "name: Pat Doe\ncompany: Acme\nrole: SRE";
const EVENT = [
  "name: Fixture Conf",
  "tagline: A small conference",
  "url: https://fixture.example.org/conf/",
  "timezone: Europe/Berlin",
  "start: 2024-10-26",
  "end: 2024-10-27",
  "venue: {name: Hall, address: Street 1}",
  "rooms: [{id: main, name: Main Stage}, {id: side, name: Side Room}]",
].join("\n");
const event = (changes: Record<string, string>) =>
  `${EVENT.split("\n").map((line) => {
    const key = line.slice(0, line.indexOf(":"));
    return key in changes ? changes[key] : line;
  }).filter((line) => line !== "").join("\n")}\n${changes["+"] ?? ""}`;

async function load(changes: Record<string, string | Buffer | null>): Promise<Conference> {
  return loadConference({ contentDir: await makeContent("small", changes) });
}

describe("times", () => {
  test("hour 24, minute 60 and impossible offsets are refused", async () => {
    assert.deepEqual(
      await problemsWith({
        "talks/a.md": md(TALK.replace("2024-10-26 16:00", "2024-10-27 24:00")),
        "talks/b.md": md(TALK.replace("2024-10-26 16:00", "2024-10-26 16:60")),
        "talks/c.md": md(TALK.replace("2024-10-26 16:00", "2024-10-26 16:00 +99:99")),
      }),
      [
        'talks/a.md: start: "2024-10-27 24:00" is not a time of day: hours run from 00 to 23 (midnight is 00:00 of the next day)',
        'talks/b.md: start: "2024-10-26 16:60" is not a time of day: minutes run from 00 to 59',
        'talks/c.md: start: "2024-10-26 16:00 +99:99": a UTC offset runs from -12:00 to +14:00, with minutes from 00 to 59',
      ],
    );
  });
});

describe("event.yaml", () => {
  test("an event longer than 31 days is refused quickly, naming the limit and the way out", async () => {
    const started = Date.now();
    assert.deepEqual(await problemsWith({ "event.yaml": event({ end: "end: 2124-10-27" }) }), [
      "event.yaml: end: 2124-10-27 makes the event 36526 days long, more than 31 days (check the date; for a longer event set maxDays, at most 366)",
    ]);
    assert.deepEqual(await problemsWith({ "event.yaml": event({ end: "end: 9999-12-31" }) }), [
      "event.yaml: end: 9999-12-31 makes the event 2912875 days long, more than 31 days (check the date; for a longer event set maxDays, at most 366)",
    ]);
    assert.ok(Date.now() - started < 5000, "took too long");
  });

  test("maxDays allows a longer festival, up to 366 days", async () => {
    const conference = await load({ "event.yaml": event({ end: "end: 2024-12-14", "+": "maxDays: 50\n" }) });
    assert.equal(conference.event.days.length, 50);
    assert.deepEqual(await problemsWith({ "event.yaml": event({ end: "end: 2024-12-15", "+": "maxDays: 50\n" }) }), [
      "event.yaml: end: 2024-12-15 makes the event 51 days long, more than maxDays (50)",
    ]);
    assert.deepEqual(await problemsWith({ "event.yaml": event({ "+": "maxDays: 400\n" }) }), [
      "event.yaml: maxDays: must be at most 366",
    ]);
  });

  test("room names are unique, whatever their case", async () => {
    assert.deepEqual(
      await problemsWith({ "event.yaml": event({ rooms: "rooms: [{id: main, name: Main Stage}, {id: side, name: main  stage}]" }) }),
      ['event.yaml: rooms[1].name: "main stage" is also the name of rooms[0]; give each room its own name'],
    );
  });

  test("the site's url takes no query or fragment and always ends in /", async () => {
    assert.deepEqual(await problemsWith({ "event.yaml": event({ url: "url: https://fixture.example.org/conf/?a=1#top" }) }), [
      'event.yaml: url: must not have a query ("?…") or a fragment ("#…"): it is the address the site is published at, got "https://fixture.example.org/conf/?a=1#top"',
    ]);
    const conference = await load({ "event.yaml": event({ url: "url: https://fixture.example.org/conf" }) });
    assert.equal(conference.event.url, "https://fixture.example.org/conf/");
  });

  test("time zones are stored under their canonical name", async () => {
    const zoneOf = async (zone: string) => (await load({ "event.yaml": event({ timezone: `timezone: ${zone}` }) })).event.timezone;
    assert.equal(await zoneOf("europe/berlin"), "Europe/Berlin");
    assert.equal(await zoneOf("asia/kolkata"), "Asia/Kolkata");
    assert.equal(await zoneOf("UTC"), "UTC");
  });

  test("old names and abbreviations are refused with the name to write", async () => {
    const zone = (name: string) => ({ "event.yaml": event({ timezone: `timezone: ${name}` }) });
    assert.deepEqual(await problemsWith(zone("US/Eastern")), ['event.yaml: timezone: "US/Eastern" is an old name; write "America/New_York"']);
    assert.deepEqual(await problemsWith(zone("EST5EDT")), ['event.yaml: timezone: "EST5EDT" is an old name; write "America/New_York"']);
    assert.deepEqual(await problemsWith(zone("Asia/Calcutta")), ['event.yaml: timezone: "Asia/Calcutta" is an old name; write "Asia/Kolkata"']);
    assert.deepEqual(await problemsWith(zone("BST")), [
      'event.yaml: timezone: "BST" is an abbreviation, not the time zone of a place; write the zone of the venue\'s city, such as "America/New_York" or "Europe/Berlin"',
    ]);
    assert.deepEqual(await problemsWith(zone("EST")), [
      'event.yaml: timezone: "EST" is an abbreviation, not the time zone of a place; write the zone of the venue\'s city, such as "America/New_York" or "Europe/Berlin"',
    ]);
  });

  test("an unknown zone suggests only a zone that fits", async () => {
    const zone = (name: string) => ({ "event.yaml": event({ timezone: `timezone: ${name}` }) });
    assert.deepEqual(await problemsWith(zone("America/Boston")), [
      'event.yaml: timezone: unknown time zone "America/Boston" (Boston is in "America/New_York")',
    ]);
    assert.deepEqual(await problemsWith(zone("Europe/Munich")), [
      'event.yaml: timezone: unknown time zone "Europe/Munich" (Munich is in "Europe/Berlin")',
    ]);
    assert.deepEqual(await problemsWith(zone("Europe/New_York")), [
      'event.yaml: timezone: unknown time zone "Europe/New_York" (did you mean "America/New_York"?)',
    ]);
    assert.deepEqual(await problemsWith(zone("America/Springfeld")), [
      'event.yaml: timezone: unknown time zone "America/Springfeld" (write the zone of the venue\'s city, such as "America/New_York" or "Europe/Berlin")',
    ]);
  });

  test("an empty value says so in plain words", async () => {
    assert.deepEqual(await problemsWith({ "event.yaml": event({ timezone: "timezone: ''", name: "name: ''" }) }), [
      "event.yaml: name: must not be empty",
      "event.yaml: timezone: must not be empty",
    ]);
  });

  test("no message shows zod's own wording", async () => {
    const lines = await problemsWith({
      "event.yaml": event({
        name: "name: ''",
        language: "language: ''",
        rooms: "rooms: []",
        venue: "venue: {name: '', address: [a]}",
        "+": "maxDays: 1.5\norganiser: {name: 3, url: ''}\n",
      }),
      "talks/t.md": md("title: []\nspeakers: ['']\nstart: ''\nduration: -1\nroom: ''\ntags: [{a: 1}]\nkind: 3\nslides: 5"),
      "speakers/sam-lee.md": md("name: Sam\ncompany: ''\nrole: [x]\ntwitter: ''\ngithub: 5\nphoto: ''\nwebsite: ''"),
      "workshops/hands-on.md": md("title: W\nleaders: []\nstart: x\nduration: 5000\nroom: side\nlevel: 3\nprerequisites: ''"),
      "blog/hello.md": md("title: ''\ndate: ''\nauthor: {}\nsummary: []\ntags: x"),
    });
    assert.ok(lines.length > 20, lines.join("\n"));
    const zodish = lines.filter((line) => /Too (small|big)|Invalid|[<>]=|received|expected (string|number|int|array|object)/.test(line));
    assert.deepEqual(zodish, []);
    assert.deepEqual(lines.filter((line) => line.startsWith("blog/hello.md: date")), ["blog/hello.md: date: expected a date written YYYY-MM-DD"]);
  });
});

describe("people in a session", () => {
  test("a speaker or leader listed twice is refused at the second place", async () => {
    assert.deepEqual(
      await problemsWith({
        "talks/t.md": md(TALK.replace("[sam-lee]", "[sam-lee, jana-novak, sam-lee]")),
        "workshops/hands-on.md": md("title: W\nleaders: [sam-lee, sam-lee]\nstart: 2024-10-26 14:00\nduration: 60\nroom: side\nlevel: beginner"),
      }),
      [
        'talks/t.md: speakers[2]: "sam-lee" is already listed as speakers[0]',
        'workshops/hands-on.md: leaders[1]: "sam-lee" is already listed as leaders[0]',
      ],
    );
  });
});

describe("single-line text", () => {
  test("control characters are refused, naming the character and its position", async () => {
    assert.deepEqual(
      await problemsWith({
        "talks/t.md": md(`${TALK.replace("title: A talk", "title: Talk\u0007s")}\ntags: [ok, "a\\u202Eb"]`),
        "event.yaml": event({ name: "name: Fix\u001bConf" }),
        "speakers/pat.md": md(SPEAKER.replace("Acme", '"Ac\\vme"').replace("role: SRE", 'role: "S\\fRE"')),
        "blog/hello.md": md("title: Hello\u007f\ndate: 2024-09-01\nauthor: \"A\\x85B\""),
      }),
      [
        "blog/hello.md: title: contains a control character (U+007F) at position 6; remove it",
        "blog/hello.md: author: contains a control character (U+0085) at position 2; remove it",
        "event.yaml: name: contains a control character (U+001B) at position 4; remove it",
        "speakers/pat.md: company: contains a control character (U+000B) at position 3; remove it",
        "speakers/pat.md: role: contains a control character (U+000C) at position 2; remove it",
        "talks/t.md: title: contains a control character (U+0007) at position 5; remove it",
        "talks/t.md: tags[1]: contains a control character (U+202E) at position 2; remove it",
      ],
    );
  });

  test("line breaks, CRs and tabs collapse into one space", async () => {
    const conference = await load({
      "talks/t.md": md(`${TALK.replace("title: A talk", "title: >\n  Two\n  lines")}\ntags: ["a\\t\\r\\n  b"]`),
      "event.yaml": event({ name: 'name: "Fixture\\r\\nConf\\t2024"' }),
    });
    const talk = conference.talks.find((t) => t.slug === "t")!;
    assert.equal(talk.title, "Two lines");
    assert.deepEqual(talk.tags, ["a b"]);
    assert.equal(conference.event.name, "Fixture Conf 2024");
  });

  test("text with nothing visible is refused", async () => {
    assert.deepEqual(
      await problemsWith({
        "talks/t.md": md(TALK.replace("title: A talk", 'title: "\\u200B"')),
        "speakers/pat.md": md(SPEAKER.replace("Pat Doe", '"\\u2060\\u00A0\\uFEFF"')),
      }),
      [
        "speakers/pat.md: name: has nothing visible in it (only invisible characters such as U+2060); write the text",
        "talks/t.md: title: has nothing visible in it (only invisible characters such as U+200B); write the text",
      ],
    );
  });

  test("bodies lose control characters other than tab and line feed", async () => {
    const conference = await load({
      "talks/t.md": md(TALK, "A\u0000b\u001bc\u0085d\te\u202Ef"),
      "speakers/sam-lee.md": md("name: Sam Lee\ncompany: Acme\nrole: SRE", "Bio\u0007 text\u000b."),
      "blog/hello.md": md("title: Hi\ndate: 2024-09-01\nauthor: A", "Post\u0000 body"),
    });
    const talk = conference.talks.find((t) => t.slug === "t")!;
    assert.equal(talk.html, "<p>Abcd\te\u202Ef</p>\n");
    assert.equal(conference.speakers.find((s) => s.slug === "sam-lee")!.html, "<p>Bio text.</p>\n");
    assert.equal(conference.posts[0]!.html, "<p>Post body</p>\n");
  });
});

describe("messages", () => {
  test("values quoted in a message never carry a control character to the terminal", async () => {
    assert.deepEqual(
      await problemsWith({
        "event.yaml": event({ timezone: 'timezone: "Europe/Berlin\\e[2J"' }),
        "workshops/hands-on.md": md('title: W\nleaders: [sam-lee]\nstart: 2024-10-26 14:00\nduration: 60\nroom: side\nlevel: "easy\\e[31m"\n"x\\ey": 1'),
        "speakers/pat.md": md(`${SPEAKER}\nphoto: "/images/a\\e[31m.jpg"\ngithub: ["\\e"]`),
      }),
      [
        "event.yaml: timezone: contains a control character (U+001B) at position 14; remove it",
        'speakers/pat.md: github: expected text, got a list',
        "speakers/pat.md: photo: contains a control character (U+001B) at position 10; remove it",
        'workshops/hands-on.md: level: expected one of "beginner", "intermediate", "advanced", got "easy<U+001B>[31m"',
        'workshops/hands-on.md: x<U+001B>y: unknown field',
      ],
    );
  });
});

describe("links", () => {
  const photo = (value: string) => ({ "speakers/pat.md": md(`${SPEAKER}\nphoto: ${value}`) });

  test("a photo must be https or a path in public/", async () => {
    assert.deepEqual(await problemsWith(photo("//evil.example/x.jpg")), [
      'speakers/pat.md: photo: "//evil.example/x.jpg" is an address on another site without https:; write the full https:// address, or a path in public/ such as /images/photo.jpg',
    ]);
    assert.deepEqual(await problemsWith(photo("//")), [
      'speakers/pat.md: photo: "//" is an address on another site without https:; write the full https:// address, or a path in public/ such as /images/photo.jpg',
    ]);
    assert.deepEqual(await problemsWith(photo("http://img.example/x.jpg")), [
      'speakers/pat.md: photo: must be an https:// address (browsers block or flag http:// images on an https site), got "http://img.example/x.jpg"',
    ]);
    assert.deepEqual(await problemsWith(photo('"/images/pat doe.jpg"')), [
      'speakers/pat.md: photo: "/images/pat doe.jpg" contains a space; a path in public/ may hold letters, digits, "-", "_", "." and "/" only (rename the file)',
    ]);
    assert.deepEqual(await problemsWith(photo("public/images/x.png")), [
      'speakers/pat.md: photo: expected an https:// address or a path in public/ starting with "/", got "public/images/x.png" (did you mean "/images/x.png"?)',
    ]);
    assert.deepEqual(await problemsWith(photo("images/x.png")), [
      'speakers/pat.md: photo: expected an https:// address or a path in public/ starting with "/", got "images/x.png" (did you mean "/images/x.png"?)',
    ]);
    assert.deepEqual(await problemsWith(photo("/images/../x.png")), [
      'speakers/pat.md: photo: "/images/../x.png" must not contain ".."',
    ]);
    const conference = await load(photo("/images/pat_doe-2.jpg"));
    assert.equal(conference.speakers.find((s) => s.slug === "pat")!.photo, "/images/pat_doe-2.jpg");
  });

  test("web addresses refuse spaces, line breaks and control characters", async () => {
    assert.deepEqual(
      await problemsWith({
        "talks/t.md": md(`${TALK}\nslides: "https://x.example/a\\nb"\nvideo: "https://x.example/a b"\ncode: "https://x.example/\\ab"`),
        "speakers/pat.md": md(`${SPEAKER}\nwebsite: "https://x.example/\\tb"`),
      }),
      [
        "speakers/pat.md: website: contains a tab at position 19; remove it",
        "talks/t.md: slides: contains a line break at position 20; write the address on one line",
        "talks/t.md: video: contains a space at position 20; write %20 for a space",
        "talks/t.md: code: contains a control character (U+0007) at position 19; remove it",
      ],
    );
  });
});
