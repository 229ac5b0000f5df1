import type { Session } from "../content/model.ts";
import type { PageData } from "../eleventy/types.ts";
import { calendarPath, renderIcs } from "../export/ics.ts";
import { exportStamp } from "../export/stamp.ts";

type Data = PageData & { session: Session };

export const data = {
  pagination: {
    data: "conference.sessions",
    size: 1,
    alias: "session",
    addAllPagesToCollections: false,
    before: (sessions: readonly Session[]) => sessions.filter((session) => session.url !== undefined),
  },
  permalink: (data: Data) => calendarPath(data.session),
  eleventyExcludeFromCollections: true,
};

export function render({ conference, session }: Data) {
  const stamp = exportStamp(conference.event, process.env.SOURCE_DATE_EPOCH);
  return renderIcs(conference, [session], { stamp, name: session.title, path: calendarPath(session) });
}
