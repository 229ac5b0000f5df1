import type { FileBytes } from "./bytes.ts";
import { isFirstPart, type Conference } from "../content/model.ts";
import { absoluteUrl, calendarPath, SITE_PATHS } from "../site/urls.ts";
import { renderScheduleJson } from "./c3voc-json.ts";
import { indexedPages, renderManifest, renderRobots, renderSitemap } from "./discovery.ts";
import { renderScheduleXml } from "./frab-xml.ts";
import { renderIcs, renderIcsBytes } from "./ics.ts";
import { scheduleData } from "./schedule-data.ts";
import { exportedSessions } from "./sessions.ts";
import { historyOf } from "./changes.ts";
import { sessionGuid } from "./ids.ts";
import { renderChangesFeed } from "./changes-feed.tsx";
import { exportStamp } from "./stamp.ts";
import { renderThemeCss } from "../theme/theme.ts";
import { clientFiles } from "../client/bundle.ts";
import { renderSessionsJson } from "./sessions-json.ts";

/** One export, at its site path (`/schedule.ics`). */
export interface ExportFile {
  path: string;
  /** Text, or UTF-8 bytes (the schedule-wide files, in pieces kept from build to build). */
  content: string | FileBytes;
}

/**
 * Asked before a file is made, with everything the file shows: true when the caller already has
 * that file as it would be made (the dev server's last build), which then leaves it out.
 */
export type KeepFile = (path: string, inputs: unknown) => boolean;

/**
 * Every export of the programme: `schedule.ics`, `schedule.json` (c3voc), `schedule.xml`
 * (frab) and one `.ics` per talk and workshop (an event a block for a workshop of several); and the files for search engines and browsers:
 * `/schedule/sessions.json` for the browser's scripts; `sitemap.xml`, `robots.txt` and `site.webmanifest`; `theme.css` when the event has a theme; and the browser scripts (`/assets/`).
 * Made one at a time, so a writer holds one
 * file's text at once. `sourceDateEpoch` is `SOURCE_DATE_EPOCH`, for the iCalendar DTSTAMP.
 * `keep` may leave out a session's `.ics`, or the sitemap, whose inputs it already has made.
 */
export function* exportFiles(conference: Conference, sourceDateEpoch: string | undefined, keep?: KeepFile): Generator<ExportFile> {
  const { event } = conference;
  const stamp = exportStamp(event, sourceDateEpoch);
  const sessions = exportedSessions(conference);
  const { cancelled, sessions: history } = historyOf(conference);
  yield { path: SITE_PATHS.scheduleIcs, content: renderIcsBytes(conference, sessions, { stamp, name: event.name, path: SITE_PATHS.scheduleIcs, cancelled }) };
  const data = scheduleData(conference);
  yield { path: SITE_PATHS.scheduleJson, content: renderScheduleJson(data) };
  yield { path: SITE_PATHS.scheduleXml, content: renderScheduleXml(data, absoluteUrl(event, SITE_PATHS.scheduleXml)) };
  yield { path: SITE_PATHS.sessionsJson, content: renderSessionsJson(conference, stamp) };
  for (const session of sessions) {
    // A workshop of several blocks has one file, with an event for each block, written at its first.
    if (!isFirstPart(session)) continue;
    const where = calendarPath(session);
    const entries = session.type === "workshop" && session.part ? sessions.filter((s) => s.type === "workshop" && s.slug === session.slug) : [session];
    if (keep?.(where, [stamp, event, entries, entries.map((entry) => history.get(sessionGuid(event, entry)))])) continue;
    yield { path: where, content: renderIcs(conference, entries, { stamp, name: session.title, path: where }) };
  }
  // A cancelled session's own file stays, with the event cancelled, for calendars subscribed to it; its blocks share one file.
  for (const gone of cancelled) {
    const where = calendarPath({ type: gone.kind, slug: gone.slug });
    if (sessions.some((s) => calendarPath(s) === where) || cancelled.find((c) => calendarPath({ type: c.kind, slug: c.slug }) === where) !== gone) continue;
    const blocks = cancelled.filter((c) => c.kind === gone.kind && c.slug === gone.slug);
    yield { path: where, content: renderIcs(conference, [], { stamp, name: gone.title, path: where, cancelled: blocks }) };
  }
  if (conference.releases.length > 0) yield { path: SITE_PATHS.scheduleChangesFeed, content: renderChangesFeed(conference) };
  // What the sitemap shows changes only when a page comes or goes (or a post's date changes).
  const indexed = indexedPages(conference);
  if (!keep?.(SITE_PATHS.sitemap, [event, indexed.map((page) => `${page.path} ${page.lastmod ?? ""}`)])) {
    yield { path: SITE_PATHS.sitemap, content: renderSitemap(conference, indexed) };
  }
  yield { path: SITE_PATHS.robots, content: renderRobots(conference) };
  yield { path: SITE_PATHS.manifest, content: renderManifest(conference) };
  if (event.theme) yield { path: SITE_PATHS.theme, content: renderThemeCss(event.theme) };
  yield* clientFiles();
}
