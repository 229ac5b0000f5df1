import type { Event } from "../../content/model.ts";
import { calendarSubscriptionUrl, SITE_PATHS } from "../../site/urls.ts";
import { useTranslator } from "../i18n.ts";

/** The whole programme for calendar apps: a download of `/schedule.ics`, and a `webcal://` subscription that stays up to date. */
export function CalendarLinks({ event }: { event: Event }) {
  const { t } = useTranslator();
  return (
    <>
      <a class="button" href={SITE_PATHS.scheduleIcs}>
        {t("calendar.addAll")}
      </a>{" "}
      <a class="button button--quiet" href={calendarSubscriptionUrl(event)}>
        {t("calendar.subscribe")}
      </a>
    </>
  );
}
