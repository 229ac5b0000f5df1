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
  let pending = "";
  for (const segment of segmentsOf(text)) {
    if (typeof segment === "string" || !(segment.name in values)) {
      pending += typeof segment === "string" ? segment : segment.written;
      continue;
    }
    if (pending) parts.push(pending);
    parts.push(values[segment.name]!);
    pending = "";
  }
  if (pending) parts.push(pending);
  return parts;
}

type Segment = string | { name: string; written: string };
const segmentCache = new Map<string, Segment[]>();

/** A text cut at its placeholders, remembered: the catalogue's texts are few and every page fills many. */
function segmentsOf(text: string): Segment[] {
  let segments = segmentCache.get(text);
  if (segments) return segments;
  segments = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) segments.push(text.slice(last, m.index));
    segments.push({ name: m[1]!, written: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push(text.slice(last));
  if (segmentCache.size > 10_000) segmentCache.clear();
  segmentCache.set(text, segments);
  return segments;
}

/** The form of a plural message for `count` in `locale`, by Intl.PluralRules (`other` where the catalogue has no form for the category). */
export function pluralForm(message: PluralMessage, count: number, rules: Intl.PluralRules): string {
  return message[rules.select(count)] ?? message.other;
}
