import type { Session } from "../content/model.ts";
import { toSlug } from "../content/slug.ts";

/** The sessions with one tag, for a tag page. */
export interface TagGroup {
  /** The tag as first written in the programme. */
  name: string;
  /** URL-safe form of the tag, unique among the tags. */
  slug: string;
  /** `/schedule/tags/<slug>/`. */
  url: string;
  /** In programme order. */
  sessions: Session[];
}

/** Every tag of the programme, sorted by name; tags that differ only in case or punctuation are one tag. */
export function groupByTag(sessions: readonly Session[]): readonly TagGroup[] {
  const byKey = new Map<string, { name: string; sessions: Session[] }>();
  for (const session of sessions) {
    for (const tag of new Set(session.tags)) {
      const key = tag.normalize("NFKC").toLowerCase();
      const group = byKey.get(key) ?? { name: tag, sessions: [] };
      // Sessions arrive in order, so a repeat (two spellings of one tag) can only be the last one.
      if (group.sessions.at(-1) !== session) group.sessions.push(session);
      byKey.set(key, group);
    }
  }
  const groups = [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || (a.name < b.name ? -1 : 1));
  const taken = new Set<string>();
  return groups.map((group) => {
    const base = toSlug(group.name) || "tag";
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return { ...group, slug, url: `/schedule/tags/${slug}/` };
  });
}

/** The tag pages of each tag name, for linking tags shown on entries. */
export function tagUrls(groups: readonly TagGroup[]): Map<string, string> {
  const urls = new Map<string, string>();
  for (const group of groups) {
    for (const session of group.sessions) {
      for (const tag of session.tags) {
        if (tag.normalize("NFKC").toLowerCase() === group.name.normalize("NFKC").toLowerCase()) urls.set(tag, group.url);
      }
    }
  }
  return urls;
}

/**
 * The HTML id of each session wherever it is listed: its slug, or `workshop-<slug>` for a
 * workshop whose slug a talk has too (`workshop-<slug>-2`, `-3`… when a talk is called that).
 * No anchor holds an underscore, the mark of the ids the pages write themselves.
 * Worked out once per list of sessions.
 */
export function sessionAnchors(sessions: readonly Session[]): ReadonlyMap<Session, string> {
  const cached = anchorCache.get(sessions);
  if (cached) return cached;
  const anchors = new Map<Session, string>();
  const taken = new Set(sessions.map((session) => session.slug));
  const talkSlugs = new Set(sessions.filter((session) => session.type === "talk").map((session) => session.slug));
  for (const session of sessions) {
    let id = session.slug;
    if (session.type === "workshop" && talkSlugs.has(session.slug)) {
      const base = `workshop-${session.slug}`;
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
    }
    anchors.set(session, id);
  }
  anchorCache.set(sessions, anchors);
  return anchors;
}

const anchorCache = new WeakMap<readonly Session[], ReadonlyMap<Session, string>>();
