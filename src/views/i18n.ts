import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Event } from "../content/model.ts";
import { english, translatorFor, type Translator } from "../i18n/index.ts";

/**
 * The page's language for the components inside it. The Layout provides it from the event, so
 * a card, a time range or a badge deep in a page needs no `event` prop to speak the site's
 * language; rendered alone (in a test) a component speaks English.
 */
export const TranslatorContext = createContext<Translator>(english);

/** The translator of the page being rendered. */
export function useTranslator(): Translator {
  return useContext(TranslatorContext);
}

/** The translator for the event's `language`. */
export function translatorOf(event: Event): Translator {
  return translatorFor(event.language);
}
