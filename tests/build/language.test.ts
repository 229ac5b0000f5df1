import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, test } from "node:test";
import { loadConference } from "../../src/content/load.ts";
import type { Conference } from "../../src/content/model.ts";
import { en } from "../../src/i18n/en.ts";
import { de } from "../../src/i18n/de.ts";
import type { PluralMessage } from "../../src/i18n/message.ts";
import { formatProblems, listPages, validateHtml } from "../browser/site-check.ts";
import { buildSite, makeContent, readPage, runLectern } from "../helpers.ts";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** What a reader meets on a page: each text between tags and each human-readable attribute, decoded and trimmed. */
function visibleSegments(html: string): string[] {
  const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!).replace(/\s+/g, " ").trim();
  const withoutCode = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, "<x>");
  const segments: string[] = [];
  for (const m of withoutCode.matchAll(/\s(?:title|alt|aria-label|content|placeholder)="([^"]*)"/g)) segments.push(decode(m[1]!));
  for (const text of withoutCode.split(/<[^>]*>/)) segments.push(decode(text));
  return segments.filter((segment) => /\p{L}/u.test(segment));
}

/**
 * For every key whose English differs from the German, each English form as a pattern over a
 * whole segment: `{event}` stands for the event's name, other placeholders for anything, so a
 * form needs four letters of its own to be told from content ("{name}, {role} at {company}"
 * is skipped). Where a view puts an element in a placeholder ("Organised by {organiser}."),
 * each fixed piece of at least two words is also a pattern alone.
 */
function englishPatterns(eventName: string): { key: string; pattern: RegExp }[] {
  const forms = (message: string | PluralMessage) => (typeof message === "string" ? [message] : Object.values(message));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const patterns: { key: string; pattern: RegExp }[] = [];
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    if (JSON.stringify(en[key]) === JSON.stringify(de[key])) continue;
    for (const form of forms(en[key])) {
      const pieces = form.split(/(\{[a-zA-Z]+\})/);
      const fixed = pieces.filter((_, i) => i % 2 === 0);
      if (fixed.join("").replace(/[^\p{L}]/gu, "").length >= 4) {
        const source = pieces.map((piece, i) => (i % 2 === 0 ? escape(piece) : piece === "{event}" ? escape(eventName) : ".+?")).join("");
        patterns.push({ key, pattern: new RegExp(`^${source.trim()}$`) });
      }
      for (const piece of fixed) {
        if (pieces.length > 1 && /\p{L}+ \p{L}+/u.test(piece)) patterns.push({ key, pattern: new RegExp(`^${escape(piece.trim())}$`) });
      }
    }
  }
  return patterns;
}

/** Every text the content brings (titles, names, bodies…), which stays as written whatever the site's language. */
function contentText(conference: Conference): string {
  const { event } = conference;
  const texts: string[] = [event.name, event.tagline, event.venue.name, event.venue.address, event.note ?? "", event.organiser?.name ?? ""];
  texts.push(...event.rooms.map((room) => room.name), ...(event.sponsor_tiers ?? []).map((tier) => tier.name));
  for (const item of [...conference.talks, ...conference.workshops, ...conference.speakers, ...conference.posts, ...conference.pages, ...conference.sponsors]) {
    const fields = item as unknown as Record<string, unknown>;
    for (const value of Object.values(fields)) {
      if (typeof value === "string") texts.push(value.replace(/<[^>]*>/g, " "));
      if (Array.isArray(value)) texts.push(...value.filter((v): v is string => typeof v === "string"));
    }
  }
  return texts.join("\n").replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!).replace(/[ \t]+/g, " ");
}

/** The English interface texts left in a built site: `page: key: "segment"`, one a line. */
async function englishLeftovers(site: string, conference: Conference): Promise<string[]> {
  const patterns = englishPatterns(conference.event.name);
  const content = contentText(conference);
  const found = new Set<string>();
  for (const page of await listPages(site)) {
    const html = await readPage(site, page);
    for (const segment of visibleSegments(html)) {
      if (content.includes(segment)) continue;
      for (const { key, pattern } of patterns) if (pattern.test(segment)) found.add(`${page}: ${key}: ${JSON.stringify(segment)}`);
    }
  }
  return [...found].sort();
}

/** A copy of a fixture (or the sample) whose event.yaml says `language`. */
async function withLanguage(from: string, language: string): Promise<string> {
  const dir = await makeContent(from);
  const file = path.join(dir, "event.yaml");
  const yaml = await readFile(file, "utf8");
  await writeFile(file, `language: ${language}\n${yaml.replace(/^language:.*\n/m, "")}`);
  return dir;
}

describe("the sample built in German (language: de)", () => {
  let site: string;
  let english: string;
  let conference: Conference;
  before(async () => {
    const content = await withLanguage("sample", "de");
    conference = await loadConference({ contentDir: content });
    [site, english] = await Promise.all([buildSite(content), buildSite(await makeContent("sample"))]);
  });

  test("the check finds the English interface in the English build (so it would find a leftover)", async () => {
    const leftovers = await englishLeftovers(english, conference);
    const keys = new Set(leftovers.map((line) => line.split(": ")[1]));
    for (const key of ["layout.skip", "nav.speakers", "calendar.add", "home.glance", "schedule.allTimes", "talk.slides", "layout.organisedBy", "post.readingTime"]) {
      assert.ok(keys.has(key), `${key} not found in the English build`);
    }
  });

  test("leaves no English interface text on any page: every key's English that differs from its German is gone", async () => {
    assert.deepEqual(await englishLeftovers(site, conference), []);
  });

  test("writes dates and times in German", async () => {
    const home = await readPage(site, "/");
    assert.match(home, /<html lang="de">/);
    assert.match(home, /10\.–11\. Juni 2016/);
    assert.match(home, /<h3>Samstag, 11\. Juni 2016 <span class="schedule-day__zone">· Zeiten in EDT<\/span><\/h3>/);
    assert.match(home, /Tickets: ab 1\. März 2016, bis 9\. Juni 2016, 18:00 EDT/);
    const overview = await readPage(site, "/schedule/");
    assert.match(overview, /<a href="\/schedule\/2016-06-10\/"><span class="schedule-days__name">Freitag, 10\. Juni 2016<\/span> <span class="schedule-days__count">12 Sessions<\/span><\/a>/);
    assert.match(overview, /Alle Zeiten in EDT \(America\/New_York\), der Ortszeit am Veranstaltungsort\./);
    const friday = await readPage(site, "/schedule/2016-06-10/");
    assert.match(friday, /<a href="\/schedule\/2016-06-10\/" aria-current="page">Freitag, 10\. Juni<\/a>/);
    assert.match(friday, /data-status="Angezeigte Sessions: \{count\} von \{total\}" hidden><fieldset><legend>Nur zeigen<\/legend><p class="schedule-filters__field"><label for="filter_room">Raum<\/label>/);
    const schedule = overview + friday;
    const post = await readPage(site, "/blog/containerdays-boston-recap/");
    assert.match(post, /<time datetime="2016-06-20">20\. Juni 2016<\/time> · von <span class="byline__name">Dale Ragan<\/span> · 2 Min\. Lesezeit/);
    for (const word of ["Friday", "Saturday", "June"]) {
      assert.ok(!visibleSegments(home + schedule).some((segment) => segment.includes(word)), word);
    }
  });

  test("the calendar files and feeds say it in German too", async () => {
    const ics = await readPage(site, "/schedule.ics");
    assert.match(ics, /Sprecher:innen: Bill Maxwell\\, Shannon Williams/);
    assert.doesNotMatch(ics, /Speakers?:/);
    const atom = await readPage(site, "/blog/feed.xml");
    assert.match(atom, /<title>ContainerDays Boston 2016: Blog<\/title>/);
  });
});

describe("a region tag and a right-to-left language", () => {
  test("de-AT takes the German catalogue and Austrian dates", async () => {
    const site = await buildSite(await withLanguage("small", "de-AT"));
    const home = await readPage(site, "/");
    assert.match(home, /<html lang="de-AT">/);
    assert.match(home, /Zum Inhalt springen/);
    assert.match(home, /26\.–27\. Oktober 2024/);
  });

  test("an Arabic site is dir=\"rtl\", in Arabic, and passes html-validate", async () => {
    const site = await buildSite(await withLanguage("small", "ar"));
    const home = await readPage(site, "/");
    assert.match(home, /<html lang="ar" dir="rtl">/);
    assert.match(home, /انتقل إلى المحتوى/);
    assert.match(home, /أكتوبر/);
    assert.match(await readPage(site, "/talks/opening/"), /<div class="prose" dir="auto">/);
    assert.equal(formatProblems(await validateHtml(site)), "");
  });
});

describe("event.yaml's language", () => {
  test("an unsupported language is an error naming the supported ones, with a close match", async () => {
    const result = await runLectern("check", { CONTENT_DIR: await withLanguage("small", "dee") });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /content\/event\.yaml: language: "dee" is not a language the site comes in \(did you mean "de"\?\); supported: ar, de, en, es, fr, pt \(with any region, e\.g\. de-AT\)/,
    );
  });
});
