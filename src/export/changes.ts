import type { DateTime } from "luxon";
import { peopleOf, type Conference, type Session } from "../content/model.ts";
import type { Release, ReleasedSession } from "../content/releases.ts";
import { sessionGuid } from "./ids.ts";
import { exportedSessions } from "./sessions.ts";

/** One change between two versions of the programme. */
export type Change =
  | { kind: "added"; session: ReleasedSession }
  | { kind: "cancelled"; session: ReleasedSession }
  | { kind: "moved"; before: ReleasedSession; session: ReleasedSession }
  | { kind: "retitled"; before: ReleasedSession; session: ReleasedSession };

/** The changes one release made to the one before it (`release` undefined: the content's changes not released yet). */
export interface ReleaseChanges {
  release: Release | undefined;
  /** The release's place, 1 for the first; 0 for the changes not released yet. */
  index: number;
  /** The release before; undefined for the first, whose sessions are the first published programme (no changes). */
  previous: Release | undefined;
  changes: Change[];
}

/** What the releases say about one session still or once on the programme. */
export interface SessionHistory {
  /** How many times its time, room or title changed, or it was cancelled: the iCalendar SEQUENCE. */
  sequence: number;
  /** The release that made the last such change; undefined when there was none or it is not released yet. */
  changedIn: Release | undefined;
  /** Whether the last step changed it ("changed"), brought it ("new"), or neither. */
  mark: "new" | "changed" | undefined;
}

/** The programme's releases compared with each other and with the content. */
export interface History {
  releases: readonly Release[];
  /** Newest first; the content's unreleased changes, if any, come before the newest release. */
  steps: ReleaseChanges[];
  /** Sessions in some release but not on the programme now, as last released, newest release first. */
  cancelled: ReleasedSession[];
  /** By guid. */
  sessions: ReadonlyMap<string, SessionHistory>;
}

/** The programme now, as a release would record it: sessions marked `cancelled: true` are not on it. */
export function currentProgramme(conference: Conference): ReleasedSession[] {
  return exportedSessions(conference)
    .filter((session) => !session.cancelled)
    .map((session) => releasedOf(conference, session));
}

function releasedOf(conference: Conference, session: Session): ReleasedSession {
  return {
    guid: sessionGuid(conference.event, session),
    kind: session.type,
    slug: session.slug,
    title: session.title,
    start: session.start,
    end: session.end,
    room: session.room?.id,
    speakers: peopleOf(session).map((person) => person.slug),
  };
}

/** How a session is marked: changed or new in the newest release, or called off. */
export type SessionMark = "new" | "changed" | "cancelled";

/** The "new", "changed" or "cancelled" mark of each programme entry and whole workshop changed by the newest step of the history. */
export function sessionMarks(conference: Conference): ReadonlyMap<Session, SessionMark> {
  const known = markCache.get(conference);
  if (known) return known;
  const { sessions } = historyOf(conference);
  const marks = new Map<Session, SessionMark>();
  markCache.set(conference, marks);
  for (const session of [...conference.sessions, ...conference.workshops]) {
    if (session.cancelled) {
      marks.set(session, "cancelled");
      continue;
    }
    if (sessions.size === 0) continue;
    const mark = conference.entriesOf(session).map((entry) => sessions.get(sessionGuid(conference.event, entry))?.mark).find(Boolean);
    if (mark) marks.set(session, mark);
  }
  return marks;
}

const markCache = new WeakMap<Conference, Map<Session, SessionMark>>();
const histories = new WeakMap<Conference, History>();

/** The conference's history: computed once, from the release files and the content only. */
export function historyOf(conference: Conference): History {
  let history = histories.get(conference);
  if (!history) {
    const inContent = new Set(exportedSessions(conference).map((session) => sessionGuid(conference.event, session)));
    history = computeHistory(conference.releases, currentProgramme(conference), inContent);
    histories.set(conference, history);
  }
  return history;
}

/**
 * Compares each release with the one before it, and the content with the newest. `inContent`:
 * the guids of every session in the content, cancelled ones too (those keep their own page and
 * calendar entry, so they are not among the `cancelled` kept from the releases).
 */
export function computeHistory(releases: readonly Release[], current: readonly ReleasedSession[], inContent: ReadonlySet<string>): History {
  const sessions = new Map<string, SessionHistory>();
  const steps: ReleaseChanges[] = [];
  if (releases.length === 0) return { releases, steps, cancelled: [], sessions };
  const versions: Array<{ release: Release | undefined; sessions: readonly ReleasedSession[] }> = releases.map((release) => ({ release, sessions: release.sessions }));
  versions.push({ release: undefined, sessions: current });
  for (const session of releases[0]!.sessions) sessions.set(session.guid, { sequence: 0, changedIn: undefined, mark: undefined });
  for (let i = 1; i < versions.length; i++) {
    const { release } = versions[i]!;
    const changes = compare(versions[i - 1]!.sessions, versions[i]!.sessions);
    if (release || changes.length > 0) steps.unshift({ release, index: release ? i + 1 : 0, previous: releases[i - 1], changes });
    const touched = new Set<string>();
    for (const change of changes) {
      const guid = change.session.guid;
      const known = sessions.get(guid);
      const entry = known ?? { sequence: 0, changedIn: undefined, mark: undefined };
      // A session moved and retitled in one release changed once; one brought back after a cancellation changed too.
      if ((change.kind !== "added" || known) && !touched.has(guid)) {
        entry.sequence++;
        entry.changedIn = release;
      }
      touched.add(guid);
      sessions.set(guid, entry);
    }
  }
  steps.push({ release: releases[0], index: 1, previous: undefined, changes: [] });
  // The marks are those of the newest step: the unreleased changes, else the newest release's.
  for (const change of steps[0]?.changes ?? []) {
    const entry = sessions.get(change.session.guid)!;
    entry.mark = change.kind === "added" ? "new" : change.kind === "cancelled" ? undefined : "changed";
  }
  const now = new Set([...current.map((s) => s.guid), ...inContent]);
  const cancelled = new Map<string, ReleasedSession>();
  for (const release of [...releases].reverse()) {
    for (const session of release.sessions) if (!now.has(session.guid) && !cancelled.has(session.guid)) cancelled.set(session.guid, session);
  }
  return { releases, steps, cancelled: [...cancelled.values()].sort((a, b) => a.start.toMillis() - b.start.toMillis() || (a.slug < b.slug ? -1 : 1)), sessions };
}

function compare(before: readonly ReleasedSession[], after: readonly ReleasedSession[]): Change[] {
  const old = new Map(before.map((s) => [s.guid, s]));
  const changes: Change[] = [];
  const present = new Set<string>();
  for (const session of after) {
    present.add(session.guid);
    const was = old.get(session.guid);
    if (!was) {
      changes.push({ kind: "added", session });
      continue;
    }
    if (!same(was.start, session.start) || !same(was.end, session.end) || was.room !== session.room) changes.push({ kind: "moved", before: was, session });
    if (was.title !== session.title) changes.push({ kind: "retitled", before: was, session });
  }
  for (const session of before) if (!present.has(session.guid)) changes.push({ kind: "cancelled", session });
  return changes;
}

function same(a: DateTime, b: DateTime): boolean {
  return a.toMillis() === b.toMillis();
}
