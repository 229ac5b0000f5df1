import { SITE_PATHS } from "../site/urls.ts";
import { programmeInputs, type PageData } from "../eleventy/types.ts";
import { buildClock } from "../eleventy/build-clock.ts";
import { HomePage } from "../views/HomePage.tsx";
import { callsToAction, currentCall } from "../views/call-to-action.ts";

export const data = { permalink: SITE_PATHS.home, eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <HomePage conference={conference} now={buildClock()} />;
}

/**
 * What the page shows (see src/output/routes.ts): the programme without abstracts or bios, the
 * posts, the sponsors, and which call to action the build's clock picks (the clock itself moves
 * on every dev build; the page shows only its choice).
 */
export function inputs({ conference }: PageData) {
  const calls = callsToAction(conference);
  const current = currentCall(calls, buildClock());
  return [programmeInputs(conference), conference.posts, conference.sponsors, current === undefined ? -1 : calls.indexOf(current)];
}
