import ical from "ical-generator";
import type { DateTime } from "luxon";
import { peopleOf, type Conference, type Session } from "../content/model.ts";
import { absoluteUrl } from "../views/site.ts";
import { sessionGuid } from "./ids.ts";

/**
 * An iCalendar file with one event per session. Times are written as UTC instants, which
 * every calendar converts correctly without a VTIMEZONE block; the UID is the session's guid.
 */
export function renderIcs(
  conference: Conference,
  sessions: readonly Session[],
  options: { stamp: DateTime; name: string; path: string },
): string {
  const { event } = conference;
  const calendar = ical({
    name: options.name,
    prodId: { company: "Lectern", product: event.name, language: "EN" },
    url: absoluteUrl(event, options.path),
  });
  for (const session of sessions) {
    const people = peopleOf(session).map((person) => person.name);
    const noun = session.type === "workshop" ? (people.length === 1 ? "Leader" : "Leaders") : people.length === 1 ? "Speaker" : "Speakers";
    const description = [session.summary, people.length > 0 ? `${noun}: ${people.join(", ")}` : ""].filter(Boolean).join("\n\n");
    const place = [session.room?.name, event.venue.name, event.venue.address].filter(Boolean).join(", ");
    calendar.createEvent({
      id: sessionGuid(event, session),
      start: session.start.toUTC().toJSDate(),
      end: session.end.toUTC().toJSDate(),
      stamp: options.stamp.toUTC().toJSDate(),
      summary: session.title,
      description,
      location: place,
      url: session.url ? absoluteUrl(event, session.url) : null,
      categories: session.tags.map((name) => ({ name })),
    });
  }
  return calendar.toString();
}

/** Where a session's own calendar file is published: `/talks/<slug>.ics`, `/workshops/<slug>.ics`. */
export function calendarPath(session: Session): string {
  return `/${session.type}s/${session.slug}.ics`;
}
