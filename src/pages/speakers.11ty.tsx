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
