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

/** The HTML id of each session on the schedule page: its slug, or `workshop-<slug>` when a talk has that slug too. */
export function sessionAnchors(sessions: readonly Session[]): Map<Session, string> {
  const anchors = new Map<Session, string>();
  const used = new Set<string>();
  for (const session of [...sessions].sort((a, b) => (a.type === b.type ? 0 : a.type === "talk" ? -1 : 1))) {
    let id = session.slug;
    if (used.has(id)) id = `${session.type}-${session.slug}`;
    used.add(id);
    anchors.set(session, id);
  }
  return anchors;
}
