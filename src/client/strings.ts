/** A catalogue message as the page carries it: a text, or a plural's forms by Intl.PluralRules category. */
export type ClientMessage = string | Partial<Record<Intl.LDMLPluralRule, string>>;

/** Fills a message's `{name}` placeholders; a plural takes its form from `values.count`. */
export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

/** What src/views/client-strings.ts writes into every page. */
export interface ClientStrings {
  locale: string;
  messages: Readonly<Record<string, ClientMessage>>;
}

/**
 * A translate function over the page's messages, as the server's translator fills them: the
 * plural form for `values.count` by the locale's rules (`other` when it has no form for the
 * category), each `{name}` replaced; an unknown key gives the key itself.
 */
export function translator({ locale, messages }: ClientStrings): Translate {
  const rules = new Intl.PluralRules(locale);
  return (key, values = {}) => {
    const message = messages[key];
    const text = message === undefined ? key : typeof message === "string" ? message : (message[rules.select(Number(values.count ?? 0))] ?? message.other ?? key);
    return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

let loaded: ClientStrings | undefined;

/** The strings the page carries (`#_lectern_strings`); empty when it carries none. */
export function pageStrings(): ClientStrings {
  if (!loaded) {
    const element = document.getElementById("_lectern_strings");
    try {
      loaded = element?.textContent ? (JSON.parse(element.textContent) as ClientStrings) : undefined;
    } catch {
      loaded = undefined;
    }
    loaded ??= { locale: document.documentElement.lang || "en", messages: {} };
  }
  return loaded;
}

let pageTranslate: Translate | undefined;

/** The translator of the page's strings, made once. */
export function pageTranslator(): Translate {
  pageTranslate ??= translator(pageStrings());
  return pageTranslate;
}

/** Where the site's root is, from this script's own address (it is served from `<root>/assets/`). */
export function siteRoot(): string {
  return new URL("../", import.meta.url).href;
}

/** The localStorage key for `name`, kept apart for each conference on the same origin. */
export function storageKey(name: string): string {
  return `lectern:${siteRoot()}:${name}`;
}

/**
 * Puts `node` after the page's title (the `<header>` or section around the `<h1>` in `<main>`, or
 * the `<h1>` itself), where page-wide controls go; at the start of `<main>` on a page without one.
 */
export function insertAfterTitle(node: Element): void {
  const main = document.querySelector("main");
  const heading = main?.querySelector("h1");
  const block = heading ? (heading.parentElement && heading.parentElement !== main ? heading.parentElement : heading) : undefined;
  if (block) block.after(node);
  else main?.prepend(node);
}
