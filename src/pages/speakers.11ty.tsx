import type { Speaker } from "../content/model.ts";
import { paginate, type PageData } from "../eleventy/types.ts";
import { sessionAnchors } from "../schedule/tags.ts";
import { SpeakerPage } from "../views/SpeakerPage.tsx";

type Data = PageData & { speaker: Speaker };

export const data = {
  pagination: paginate("conference.speakers", "speaker"),
  permalink: (data: Data) => data.speaker.url,
  eleventyExcludeFromCollections: true,
};

export function render({ conference, speaker }: Data) {
  return <SpeakerPage event={conference.event} speaker={speaker} sessions={conference.sessionsOf(speaker)} anchors={sessionAnchors(conference.sessions)} tagUrls={conference.tagUrls} />;
}

/** What the page shows (see src/output/routes.ts): the event, the speaker, their sessions with their anchors and topics' pages. */
export function inputs({ conference, speaker }: Data) {
  const sessions = conference.sessionsOf(speaker);
  const anchors = sessionAnchors(conference.sessions);
  return [conference.event, speaker, sessions, sessions.map((session) => anchors.get(session)), sessions.map((session) => session.tags.map((tag) => conference.tagUrls.get(tag)))];
}
