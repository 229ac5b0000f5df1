/**
 * The calendar file of the attendee's picks, written in the browser by the site's one iCalendar
 * writer: each event has the UID, times, title, place and address of the session's own `.ics`.
 */
import { eventOf, type BrowserProgramme, type BrowserSession } from "../export/browser-programme.ts";
import { calendarText, veventText } from "../export/ical-writer.ts";

/** The calendar `name` at `url` (the My schedule page) with one event for each of `picks`. */
export function picksCalendar(programme: BrowserProgramme, picks: readonly BrowserSession[], name: string, url: string): string {
  return calendarText({ name, url }, picks.map((session) => veventText(eventOf(programme, session))));
}
