import { socialLinks } from "./social.ts";
import type { Conference, Event, Post, Session, Speaker } from "../content/model.ts";
import { isFirstPart, peopleOf } from "../content/model.ts";
import { shareImage } from "./share.ts";
import { absoluteUrl, SITE_PATHS } from "../site/urls.ts";

export type Json = string | number | boolean | null | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>` and `&` are written as
 * \u escapes, so no text from content can close the element (`</script>`) or open a comment
 * (`<!--`); U+2028 and U+2029 too, for older JavaScript parsers. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: Json): string {
  return JSON.stringify(value).replace(SCRIPT_UNSAFE, (ch) => SCRIPT_ESCAPES[ch]!);
}

// One pass over the JSON (five `replace` calls were a visible share of rendering every page).
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;
const SCRIPT_ESCAPES: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

const SCHEMA = "https://schema.org";

/**
 * One JSON-LD document for a page: its nodes in an `@graph` under one `@context`, so a page
 * has one `<script type="application/ld+json">` however many things it describes.
 */
export function ldDocument(...nodes: JsonObject[]): JsonObject {
  return { "@context": SCHEMA, "@graph": nodes };
}
const OFFLINE = "https://schema.org/OfflineEventAttendanceMode";
const SCHEDULED = "https://schema.org/EventScheduled";

/** The `@id` of the conference's Event, defined on the home page. */
export function conferenceId(event: Event): string {
  return `${absoluteUrl(event, SITE_PATHS.home)}#event`;
}

/** The `@id` of a session's Event, defined on its page. */
export function sessionId(event: Event, session: Session & { url: string }): string {
  return `${absoluteUrl(event, session.url)}#event`;
}

/** The `@id` of a speaker's Person, defined on their page. */
export function personId(event: Event, speaker: Speaker): string {
  return `${absoluteUrl(event, speaker.url)}#person`;
}

function place(event: Event, roomName?: string): JsonObject {
  return {
    "@type": "Place",
    name: roomName ? `${roomName}, ${event.venue.name}` : event.venue.name,
    // event.yaml holds the address as one line, so it is all the street address Lectern knows.
    address: { "@type": "PostalAddress", streetAddress: event.venue.address },
    ...(event.venue.url ? { url: event.venue.url } : {}),
  };
}

function organizer(event: Event): JsonObject {
  return event.organiser
    ? { organizer: { "@type": "Organization", name: event.organiser.name, ...(event.organiser.url ? { url: event.organiser.url } : {}) } }
    : {};
}

function iso(time: Session["start"]): string {
  return time.toISO({ suppressMilliseconds: true })!;
}

/** The workshop a programme entry is a block of, or the entry itself. */
function wholeOf<S extends Session>(conference: Conference, entry: S): S {
  if (entry.type !== "workshop" || !entry.part) return entry;
  return (conference.workshops.find((workshop) => workshop.slug === entry.slug) as S | undefined) ?? entry;
}

function withPage(session: Session): session is Session & { url: string } {
  return session.url !== undefined;
}

/**
 * schema.org Event for the conference, on the home page: from its first session's start to
 * its last one's end (with offsets; only the dates when there is no programme yet), and every
 * session that has a page as a `subEvent` by `@id`.
 */
export function conferenceLd(conference: Conference): JsonObject {
  const { event, sessions } = conference;
  const first = sessions[0];
  const last = sessions.reduce<Session | undefined>((latest, s) => (latest && latest.end >= s.end ? latest : s), undefined);
  return {
    "@type": "Event",
    "@id": conferenceId(event),
    name: event.name,
    description: event.tagline,
    startDate: first ? iso(first.start) : event.start.toISODate()!,
    endDate: last ? iso(last.end) : event.end.toISODate()!,
    eventStatus: SCHEDULED,
    eventAttendanceMode: OFFLINE,
    location: place(event),
    image: absoluteUrl(event, shareImage(event).path),
    url: absoluteUrl(event, SITE_PATHS.home),
    ...organizer(event),
    // A workshop of several blocks is one event, from its first block's start to its last one's end.
    subEvent: sessions.filter(withPage).filter(isFirstPart).map((entry) => wholeOf(conference, entry)).map((session) => ({
      "@type": "Event",
      "@id": sessionId(event, session),
      name: session.title,
      startDate: iso(session.start),
      endDate: iso(session.end),
      url: absoluteUrl(event, session.url),
    })),
  };
}

/** schema.org Event for one talk or workshop, part of the conference (`superEvent`), its people as `performer`s by `@id`. */
export function sessionLd(event: Event, session: Session & { url: string }): JsonObject {
  const collection = session.type === "talk" ? "talks" : "workshops";
  return {
    "@type": "Event",
    "@id": sessionId(event, session),
    name: session.title,
    ...(session.summary ? { description: session.summary } : {}),
    startDate: iso(session.start),
    endDate: iso(session.end),
    eventStatus: SCHEDULED,
    eventAttendanceMode: OFFLINE,
    location: place(event, session.room?.name),
    image: absoluteUrl(event, shareImage(event, { collection, slug: session.slug, title: session.title }).path),
    url: absoluteUrl(event, session.url),
    ...organizer(event),
    performer: peopleOf(session).map((person) => ({
      "@type": "Person",
      "@id": personId(event, person),
      name: person.name,
      url: absoluteUrl(event, person.url),
    })),
    superEvent: { "@type": "Event", "@id": conferenceId(event), name: event.name, url: absoluteUrl(event, SITE_PATHS.home) },
  };
}

/** schema.org Person for a speaker's page, with the sessions they give (`performerIn`) by `@id`. */
export function personLd(event: Event, speaker: Speaker, sessions: readonly Session[]): JsonObject {
  const sameAs = socialLinks(speaker, "person").map((link) => link.href);
  return {
    "@type": "Person",
    "@id": personId(event, speaker),
    name: speaker.name,
    jobTitle: speaker.role,
    worksFor: { "@type": "Organization", name: speaker.company },
    ...(speaker.summary ? { description: speaker.summary } : {}),
    ...(speaker.photo ? { image: speaker.photo.startsWith("https://") ? speaker.photo : absoluteUrl(event, speaker.photo) } : {}),
    url: absoluteUrl(event, speaker.url),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    performerIn: sessions.filter(withPage).map((session) => ({
      "@type": "Event",
      "@id": sessionId(event, session),
      name: session.title,
      url: absoluteUrl(event, session.url),
    })),
  };
}

/** schema.org BlogPosting for a post: headline, publication date, author, image, publisher. */
export function postLd(event: Event, post: Post): JsonObject {
  const url = absoluteUrl(event, post.url);
  return {
    "@type": "BlogPosting",
    "@id": `${url}#post`,
    headline: post.title,
    ...(post.summary ? { description: post.summary } : {}),
    datePublished: post.date.toISODate()!,
    author: post.authorSpeaker
      ? { "@type": "Person", "@id": personId(event, post.authorSpeaker), name: post.author, url: absoluteUrl(event, post.authorSpeaker.url) }
      : { "@type": "Person", name: post.author },
    image: absoluteUrl(event, shareImage(event, { collection: "blog", slug: post.slug, title: post.title }).path),
    url,
    mainEntityOfPage: url,
    ...(post.tags.length > 0 ? { keywords: post.tags } : {}),
    publisher: event.organiser
      ? { "@type": "Organization", name: event.organiser.name, ...(event.organiser.url ? { url: event.organiser.url } : {}) }
      : { "@type": "Organization", name: event.name, url: absoluteUrl(event, SITE_PATHS.home) },
  };
}

/** One step of a page's trail: its name and site path. */
export interface Crumb {
  name: string;
  path: string;
}

/**
 * schema.org BreadcrumbList for the trail a page shows above its heading, ending with the page
 * itself (which, as Google allows for the last item, carries no `item`).
 */
export function breadcrumbLd(event: Event, trail: readonly Crumb[], current: string): JsonObject {
  return {
    "@type": "BreadcrumbList",
    itemListElement: [
      ...trail.map((crumb, i) => ({ "@type": "ListItem", position: i + 1, name: crumb.name, item: absoluteUrl(event, crumb.path) })),
      { "@type": "ListItem", position: trail.length + 1, name: current },
    ],
  };
}
