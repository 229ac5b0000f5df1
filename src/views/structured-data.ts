import type { Conference, Event, Session } from "../content/model.ts";
import { peopleOf } from "../content/model.ts";
import { absoluteUrl } from "./site.ts";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>` and `&` are written as
 * \u escapes, so no text from content can close the element or open a comment.
 */
export function jsonForScript(value: Json): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function place(event: Event, roomName?: string): Json {
  return {
    "@type": "Place",
    name: roomName ? `${roomName}, ${event.venue.name}` : event.venue.name,
    address: event.venue.address,
  };
}

/** schema.org Event for the conference as a whole. */
export function conferenceLd(conference: Conference): Json {
  const { event } = conference;
  const ld: { [key: string]: Json } = {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.name,
    description: event.tagline,
    startDate: event.start.toISODate()!,
    endDate: event.end.toISODate()!,
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: place(event),
    url: absoluteUrl(event, "/"),
  };
  if (event.organiser) {
    ld.organizer = { "@type": "Organization", name: event.organiser.name, ...(event.organiser.url ? { url: event.organiser.url } : {}) };
  }
  return ld;
}

/** schema.org Event for one session, part of the conference. */
export function sessionLd(event: Event, session: Session & { url: string }): Json {
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: session.title,
    description: session.summary,
    startDate: session.start.toISO({ suppressMilliseconds: true })!,
    endDate: session.end.toISO({ suppressMilliseconds: true })!,
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: place(event, session.room?.name),
    url: absoluteUrl(event, session.url),
    performer: peopleOf(session).map((person) => ({ "@type": "Person", name: person.name, url: absoluteUrl(event, person.url) })),
    superEvent: { "@type": "Event", name: event.name, url: absoluteUrl(event, "/") },
  };
}
