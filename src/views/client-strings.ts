import type { MessageKey, Translator } from "../i18n/index.ts";
import type { JsonObject } from "./structured-data.ts";

/** The id of the `<script type="application/json">` that carries them (read by src/client/strings.ts). */
export const CLIENT_STRINGS_ID = "_lectern_strings";

/**
 * The catalogue messages the browser's scripts write into pages (the client has no catalogue of
 * its own): every page carries them, in the site's language, with placeholders and plural forms
 * unfilled. A script that needs another message adds its key here.
 */
export const CLIENT_STRINGS = [
  "now.on",
  "now.next",
  "now.jump",
  "now.startsIn",
  "now.startsTomorrow",
  "now.startsInDays",
  "now.ended",
  "now.hours",
  "now.minutes",
  "zone.yours",
  "zone.choice",
  "zone.eventOnly",
  "zone.both",
] as const satisfies readonly MessageKey[];

/** What the page carries for its scripts: the locale dates are written in, and the messages by key. */
export function clientStrings(tr: Translator): JsonObject {
  return { locale: tr.locale, messages: Object.fromEntries(CLIENT_STRINGS.map((key) => [key, tr.raw(key)])) };
}
