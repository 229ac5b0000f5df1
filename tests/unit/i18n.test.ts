import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "../helpers.ts";
import { en } from "../../src/i18n/en.ts";
import { catalogueLanguage, CatalogueError, languageProblems, makeTranslator, SUPPORTED_LANGUAGES, textDirection, translatorFor } from "../../src/i18n/index.ts";
import { formatClock, formatDateRange, formatDay, formatTimeRange } from "../../src/schedule/time.ts";
import { formatDuration } from "../../src/views/site.ts";

const day = (iso: string) => DateTime.fromISO(iso, { zone: "America/New_York" });

describe("the catalogues", () => {
  test("ship English, German, French, Spanish, Portuguese and Arabic, each complete", () => {
    assert.deepEqual(SUPPORTED_LANGUAGES, ["ar", "de", "en", "es", "fr", "pt"]);
    for (const language of SUPPORTED_LANGUAGES) assert.deepEqual(languageProblems(language), [], language);
  });

  test("a catalogue missing a key fails, naming the key and the file", () => {
    const { "nav.home": _, ...partial } = en;
    assert.throws(() => makeTranslator("xx", "xx", partial), (error: unknown) => {
      assert.ok(error instanceof CatalogueError);
      assert.equal(error.message, 'src/i18n/xx.ts: nav.home: missing (English: "Home")');
      return true;
    });
  });

  test("a text for a plural, other placeholders, or an unknown key are each a problem", () => {
    const broken = { ...en, "home.keynotes": "Keynotes", "layout.blogFeed": "{name} blog", "nav.hom": "Home" };
    assert.throws(() => makeTranslator("xx", "xx", broken, "src/i18n/xx.ts"), {
      message: [
        "src/i18n/xx.ts: layout.blogFeed: placeholders {name} do not match English's {event}, {format}",
        "src/i18n/xx.ts: home.keynotes: expected a plural ({ one, other, … } with other)",
        'src/i18n/xx.ts: nav.hom: not a key of the English catalogue (did you mean "nav.home"?)',
      ].join("\n"),
    });
  });

  test("a region tag falls back to its language; an unknown one has none", () => {
    assert.equal(catalogueLanguage("de-AT"), "de");
    assert.equal(catalogueLanguage("pt-BR"), "pt");
    assert.equal(catalogueLanguage("EN-gb"), "en");
    assert.equal(catalogueLanguage("it"), undefined);
    assert.throws(() => translatorFor("tlh"), {
      message: 'content/event.yaml: language: "tlh" is not a language the site comes in; supported: ar, de, en, es, fr, pt (with any region, e.g. de-AT)',
    });
  });

  test("plurals follow Intl.PluralRules, placeholders are named", () => {
    const ar = translatorFor("ar");
    assert.deepEqual([1, 2, 3, 11].map((n) => ar.t("duration.hours", { count: n })), ["ساعة واحدة", "ساعتان", "3 ساعات", "11 ساعة"]);
    assert.equal(formatDuration(90), "1 hour 30 minutes");
    assert.equal(formatDuration(120, translatorFor("de")), "2 Stunden");
    assert.equal(formatDuration(61, translatorFor("fr")), "1 heure 1 minute");
    assert.equal(translatorFor("de").t("layout.blogFeed", { event: "Conf", format: "Atom" }), "Conf: Blog (Atom)");
    assert.deepEqual(translatorFor("en").parts("layout.organisedBy", { organiser: 42 }), ["Organised by ", 42, "."]);
  });

  test("scripts written right to left are rtl", () => {
    assert.deepEqual(["ar", "he", "fa-IR", "ur", "de", "en-GB"].map(textDirection), ["rtl", "rtl", "rtl", "rtl", "ltr", "ltr"]);
  });

  test("the stylesheet holds in rtl: logical properties, no left or right", async () => {
    const css = await readFile(path.join(ROOT, "public", "styles.css"), "utf8");
    const physical = css.split("\n").filter((line) => /(?:margin|padding|border|inset)-(?:left|right)\b|[\s;{](?:left|right):|text-align: (?:left|right)|float:/.test(line));
    assert.deepEqual(physical, []);
    assert.match(css, /\[dir="rtl"\] \.breadcrumb a::before \{ content: "→ "; \}/);
  });
});

describe("dates in the site's language", () => {
  test("English keeps its patterns", () => {
    assert.equal(formatDateRange(day("2016-06-10"), day("2016-06-11")), "10–11 June 2016");
    assert.equal(formatDay(day("2016-06-11")), "Saturday 11 June 2016");
    assert.equal(formatClock(day("2016-06-11T09:05")), "09:05");
  });

  test("other languages take their own conventions from Intl", () => {
    assert.equal(formatDateRange(day("2016-06-10"), day("2016-06-11"), "de"), "10.–11. Juni 2016");
    assert.equal(formatDateRange(day("2016-06-30"), day("2016-07-01"), "de"), "30. Juni\u2009–\u20091. Juli 2016");
    assert.equal(formatDateRange(day("2016-06-10"), day("2016-06-11"), "fr"), "10–11 juin 2016");
    assert.equal(formatDateRange(day("2016-06-10"), day("2016-06-11"), "es"), "10–11 de junio de 2016");
    assert.equal(formatDateRange(day("2016-06-10"), day("2016-06-10"), "pt"), "10 de junho de 2016");
    assert.equal(formatDay(day("2016-06-11"), "de"), "Samstag, 11. Juni 2016");
    assert.equal(formatDay(day("2016-06-11"), "fr"), "samedi 11 juin 2016");
    assert.equal(formatClock(day("2016-06-11T21:05"), "de"), "21:05");
  });

  test("time ranges keep the zone's abbreviation and say 'next day' in the language", () => {
    const start = day("2016-06-10T23:30");
    assert.equal(formatTimeRange(start, start.plus({ hours: 1 }), translatorFor("de")), "23:30–00:30 EDT (am nächsten Tag)");
    assert.equal(formatTimeRange(start, start.plus({ hours: 1 })), "23:30–00:30 EDT (next day)");
  });
});
