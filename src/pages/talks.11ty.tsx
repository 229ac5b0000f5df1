import { sessionMarks } from "../export/changes.ts";
import type { Talk } from "../content/model.ts";
import { buildClock } from "../eleventy/build-clock.ts";
import { paginate, type PageData } from "../eleventy/types.ts";
import { TalkPage } from "../views/TalkPage.tsx";

type Data = PageData & { talk: Talk & { url: string } };

export const data = {
  pagination: paginate("conference.talkPages", "talk"),
  permalink: (data: Data) => data.talk.url,
  eleventyExcludeFromCollections: true,
};

export function render({ conference, talk }: Data) {
  return <TalkPage event={conference.event} talk={talk} tagUrls={conference.tagUrls} mark={sessionMarks(conference).get(talk)} now={buildClock()} />;
}

/** What the page shows (see src/output/routes.ts): the event, the talk with its speakers, its topics' pages, its release mark. */
export function inputs({ conference, talk }: Data) {
  return [conference.event, talk, talk.tags.map((tag) => conference.tagUrls.get(tag)), sessionMarks(conference).get(talk)];
}
