import type { Event } from "../../content/model.ts";
import { calendarSubscriptionUrl } from "../site.ts";

/** The whole programme for calendar apps: a download of `/schedule.ics`, and a `webcal://` subscription that stays up to date. */
export function CalendarLinks({ event }: { event: Event }) {
  return (
    <>
      <a class="button" href="/schedule.ics">
        Add all to your calendar
      </a>{" "}
      <a class="button button--quiet" href={calendarSubscriptionUrl(event)}>
        Subscribe in your calendar app
      </a>
    </>
  );
}
