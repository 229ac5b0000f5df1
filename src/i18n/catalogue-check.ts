import type { PluralMessage } from "./message.ts";
import { placeholdersOf } from "./message.ts";
import { didYouMean } from "../content/suggest.ts";

/**
 * Checks a language's catalogue against the English one, for catalogues that reach the build
 * without TypeScript's check: every key is there, with a text where English has a text and a
 * plural (with `other`) where English has one, naming the same placeholders; no key English
 * lacks. Returns each problem with its file and key.
 */
export function catalogueProblems(reference: Readonly<Record<string, string | PluralMessage>>, catalogue: unknown, file: string): CatalogueProblem[] {
  if (typeof catalogue !== "object" || catalogue === null) return [{ file, key: "(catalogue)", message: "expected an object of messages" }];
  const messages = catalogue as Record<string, unknown>;
  const problems: CatalogueProblem[] = [];
  for (const [key, english] of Object.entries(reference)) {
    const message = messages[key];
    if (message === undefined) {
      problems.push({ file, key, message: `missing (English: ${JSON.stringify(typeof english === "string" ? english : english.other)})` });
      continue;
    }
    const expected = placeholdersOf(typeof english === "string" ? english : english.other).join(", ");
    const forms = typeof english === "string" ? (typeof message === "string" ? [message] : undefined) : pluralForms(message);
    if (forms === undefined) {
      problems.push({ file, key, message: `expected ${typeof english === "string" ? "a text" : "a plural ({ one, other, … } with other)"}` });
      continue;
    }
    for (const form of forms) {
      const found = placeholdersOf(form).join(", ");
      // A plural's form for one may leave {count} out ("Keynote"), so only unknown names are errors there.
      const unknown = placeholdersOf(form).filter((name) => !expected.split(", ").includes(name));
      if (unknown.length > 0 || (typeof english === "string" && found !== expected)) {
        problems.push({ file, key, message: `placeholders ${braces(found)} do not match English's ${braces(expected)}` });
        break;
      }
    }
  }
  for (const key of Object.keys(messages)) {
    if (!(key in reference)) problems.push({ file, key, message: `not a key of the English catalogue${didYouMean(key, Object.keys(reference))}` });
  }
  return problems;
}

/** One problem of a catalogue: its file, the key, what is wrong. */
export interface CatalogueProblem {
  file: string;
  key: string;
  message: string;
}

/** "{a}, {b}", or "none". */
function braces(names: string): string {
  return names ? names.split(", ").map((name) => `{${name}}`).join(", ") : "none";
}

const CATEGORIES = new Set<string>(["zero", "one", "two", "few", "many", "other"]);

function pluralForms(message: unknown): string[] | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  const entries = Object.entries(message);
  if (!entries.some(([category]) => category === "other")) return undefined;
  if (entries.some(([category, text]) => !CATEGORIES.has(category) || typeof text !== "string")) return undefined;
  return entries.map(([, text]) => text as string);
}
