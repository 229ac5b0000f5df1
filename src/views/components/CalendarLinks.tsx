import type { Event } from "../../content/model.ts";
import { calendarSubscriptionUrl, SITE_PATHS } from "../../site/urls.ts";

/** The whole programme for calendar apps: a download of `/schedule.ics`, and a `webcal://` subscription that stays up to date. */
export function CalendarLinks({ event }: { event: Event }) {
  return (
    <>
      <a class="button" href={SITE_PATHS.scheduleIcs}>
        Add all to your calendar
      </a>{" "}
      <a class="button button--quiet" href={calendarSubscriptionUrl(event)}>
        Subscribe in your calendar app
      </a>
    </>
  );
}
