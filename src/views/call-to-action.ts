import { SITE_PATHS } from "../site/urls.ts";
import type { DateTime } from "luxon";
import { translatorFor } from "../i18n/index.ts";
import type { Conference } from "../content/model.ts";

/** What the home page's first button is for, as the calendar goes. */
export type CallState = "live" | "after" | "cfp" | "tickets";

/** One candidate for the home page's first button, with the time it holds: from `from` (inclusive) until `until` (exclusive). */
export interface Call {
  state: CallState;
  label: string;
  href: string;
  from: DateTime | undefined;
  until: DateTime | undefined;
}

/**
 * Every call to action the event has, in the order they win when several hold at once: the
 * event itself (during it: today's schedule; after it: the recordings and recap), then the
 * call for papers, then ticket sales. The event runs from midnight of its first day to midnight
 * after its last, in its zone.
 */
export function callsToAction(conference: Conference): Call[] {
  const { event } = conference;
  const { t } = translatorFor(event.language);
  const over = event.end.plus({ days: 1 });
  const calls: Call[] = [
    { state: "live", label: t("cta.live"), href: SITE_PATHS.schedule, from: event.start, until: over },
    { state: "after", label: t("cta.after"), href: conference.posts.length > 0 ? SITE_PATHS.blog : SITE_PATHS.talks, from: over, until: undefined },
  ];
  if (event.cfp) {
    calls.push({ state: "cfp", label: t("cta.cfp", { date: event.cfp.closesText }), href: event.cfp.url, from: event.cfp.opens, until: event.cfp.closes });
  }
  if (event.tickets) {
    calls.push({ state: "tickets", label: t("cta.tickets"), href: event.tickets.url, from: event.tickets.opens, until: event.tickets.closes });
  }
  return calls;
}

/** The call that holds at `now`: the first of `calls` whose time contains it (any list of `from`/`until` spans). */
export function currentCall<T extends Pick<Call, "from" | "until">>(calls: readonly T[], now: DateTime): T | undefined {
  const at = now.toMillis();
  return calls.find((call) => (!call.from || call.from.toMillis() <= at) && (!call.until || at < call.until.toMillis()));
}

/**
 * The script that picks the call by the reader's clock, as `currentCall` does by the build's:
 * in each `[data-cta]`, it shows the first child whose `data-from`/`data-until` contain now and
 * hides the others. Without it, the page keeps the build's choice, and the dates are written out.
 * A session's page picks its live and recording links the same way (SessionLive.tsx); the
 * every-page script applies the same rule again each minute (src/client/now.ts).
 */
export const CALL_SCRIPT =
  '(function(){var n=Date.now(),g=document.querySelectorAll("[data-cta]");' +
  "for(var j=0;j<g.length;j++){var s=false,l=g[j].children;" +
  "for(var i=0;i<l.length;i++){var a=l[i],f=a.getAttribute(\"data-from\"),u=a.getAttribute(\"data-until\");" +
  "var on=!s&&(!f||Date.parse(f)<=n)&&(!u||n<Date.parse(u));a.hidden=!on;if(on)s=true;}}})();";
