/** A text that depends on a number: one form per Intl.PluralRules category the language uses; `other` is always there. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Values for a message's `{name}` placeholders. */
export type MessageValues = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** The placeholders a text names, sorted ("{event} blog" → ["event"]). */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/**
 * Splits a text at its placeholders and puts each value in: the parts, in order, so a view can
 * put an element (a link) where a placeholder stands. An unknown placeholder stays as written.
 */
export function fillParts<T>(text: string, values: Readonly<Record<string, T>>): (string | T)[] {
  const parts: (string | T)[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!(name in values)) continue;
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(values[name]!);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The form of a plural message for `count` in `locale`, by Intl.PluralRules (`other` where the catalogue has no form for the category). */
export function pluralForm(message: PluralMessage, count: number, rules: Intl.PluralRules): string {
  return message[rules.select(count)] ?? message.other;
}
