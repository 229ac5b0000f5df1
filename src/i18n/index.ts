import { didYouMean } from "../content/suggest.ts";
import { catalogueProblems, type CatalogueProblem } from "./catalogue-check.ts";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { en, type Catalogue, type MessageKey } from "./en.ts";
import { fillParts, pluralForm, type MessageValues, type PluralMessage } from "./message.ts";

export type { Catalogue, MessageKey } from "./en.ts";

/**
 * The languages the site's text comes in, by their base language subtag: every
 * `src/i18n/<code>.ts` beside this module that exports a catalogue named after its code
 * (`export const de: Catalogue = {…}`). Adding a language is adding that one file; its type
 * makes `tsc` list missing keys, and `languageProblems` checks it again when a build uses it.
 */
const CATALOGUES: Readonly<Record<string, Catalogue>> = await discoverCatalogues();

async function discoverCatalogues(): Promise<Record<string, Catalogue>> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const found: Record<string, Catalogue> = { en };
  for (const name of readdirSync(here).sort()) {
    const code = /^([a-z]{2,3})\.ts$/.exec(name)?.[1];
    if (!code || code === "en") continue;
    // A relative template, which a bundler (src/cli/run.mjs) can follow to every catalogue.
    const module = (await import(`./${code}.ts`)) as Record<string, unknown>;
    // Checked key by key by languageProblems before a build uses it.
    if (module[code] !== undefined) found[code] = module[code] as Catalogue;
  }
  return found;
}

/** The supported languages' codes, sorted. */
export const SUPPORTED_LANGUAGES: readonly string[] = Object.keys(CATALOGUES).sort();

/** Scripts written right to left, for a Node without `Intl.Locale#textInfo`. */
const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "ps", "sd", "yi", "dv", "ckb", "ug", "syr"]);

/** The catalogue's language for a BCP 47 tag: itself when listed, else its base language (`de-AT` → `de`); undefined when neither is. */
export function catalogueLanguage(tag: string): string | undefined {
  const lower = tag.toLowerCase();
  if (lower in CATALOGUES) return lower;
  const base = lower.split("-")[0]!;
  return base in CATALOGUES ? base : undefined;
}

/** The message for event.yaml's `language` when no catalogue speaks it, with a close match and the list. */
export function unsupportedLanguageMessage(tag: string): string {
  const base = tag.toLowerCase().split("-")[0]!;
  return `"${tag}" is not a language the site comes in${didYouMean(base, SUPPORTED_LANGUAGES)}; supported: ${SUPPORTED_LANGUAGES.join(", ")} (with any region, e.g. de-AT)`;
}

/** `rtl` for a language written right to left (Arabic, Hebrew, Persian, Urdu…), else `ltr`. */
export function textDirection(tag: string): "ltr" | "rtl" {
  try {
    // textInfo (a getter in Node 20, getTextInfo() later) is not in TypeScript's lib yet.
    const locale = new Intl.Locale(tag) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
    if (direction === "rtl" || direction === "ltr") return direction;
    return RTL_LANGUAGES.has(locale.language) ? "rtl" : "ltr";
  } catch {
    return "ltr";
  }
}

/** The site's text in one language: messages by key, and the locale dates are written in. */
export interface Translator {
  /** The BCP 47 tag dates and numbers are formatted for (event.yaml's `language`, e.g. `de-AT`). */
  locale: string;
  /** The catalogue's language (`de` for `de-AT`). */
  language: string;
  dir: "ltr" | "rtl";
  /** The message with its placeholders filled; a plural takes its form from `values.count`. */
  t(key: MessageKey, values?: MessageValues): string;
  /** The message split at its placeholders with each value put in, so an element can stand in one. */
  parts<T>(key: MessageKey, values: Readonly<Record<string, T | string | number>>): (T | string | number)[];
  /** The message as the catalogue has it, placeholders and plural forms unfilled: for the browser's scripts. */
  raw(key: MessageKey): string | PluralMessage;
}

/** Thrown when a catalogue is incomplete or a language is unsupported: one line a problem, no stack needed. */
export class CatalogueError extends Error {
  override name = "CatalogueError";
  constructor(readonly problems: readonly CatalogueProblem[]) {
    super(problems.map((problem) => `${problem.file}: ${problem.key}: ${problem.message}`).join("\n"));
  }
}

/**
 * What is wrong with the catalogue event.yaml's `language` picks (nothing for a sound one, or
 * an unsupported language, which the event's schema reports): the loader lists these with the
 * content's problems, so a missing key fails `npm run check` and the build before any page.
 */
export function languageProblems(tag: string): CatalogueProblem[] {
  const language = catalogueLanguage(tag);
  return language === undefined ? [] : catalogueProblems(en, CATALOGUES[language], catalogueFile(language));
}

function catalogueFile(language: string): string {
  return `src/i18n/${language}.ts`;
}

/**
 * A translator over `catalogue`, checked first against English (a language added without the
 * type check still fails with the missing key and its file).
 */
export function makeTranslator(locale: string, language: string, catalogue: unknown, file = catalogueFile(language)): Translator {
  const problems = catalogueProblems(en, catalogue, file);
  if (problems.length > 0) throw new CatalogueError(problems);
  const messages = catalogue as Catalogue;
  const rules = new Intl.PluralRules(locale);
  const textOf = (key: MessageKey, count: number | undefined): string => {
    const message = messages[key];
    return typeof message === "string" ? message : pluralForm(message, count ?? 0, rules);
  };
  return {
    locale,
    language,
    dir: textDirection(locale),
    t: (key, values = {}) => fillParts(textOf(key, typeof values.count === "number" ? values.count : undefined), values).join(""),
    parts: (key, values) => fillParts(textOf(key, typeof values.count === "number" ? values.count : undefined), values),
    raw: (key) => messages[key],
  };
}

const translators = new Map<string, Translator>();

/** The translator for event.yaml's `language` (remembered per tag); an unsupported one throws a CatalogueError with the list. */
export function translatorFor(tag: string): Translator {
  let translator = translators.get(tag);
  if (translator === undefined) {
    const language = catalogueLanguage(tag);
    if (language === undefined) throw new CatalogueError([{ file: "content/event.yaml", key: "language", message: unsupportedLanguageMessage(tag) }]);
    translator = makeTranslator(tag, language, CATALOGUES[language]);
    translators.set(tag, translator);
  }
  return translator;
}

/** The English translator: the default where no event is at hand (views rendered alone in tests). */
export const english: Translator = translatorFor("en");
