import { SITE_PATHS } from "../site/urls.ts";
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
  return groupTagged(sessions, SITE_PATHS.scheduleTags).map(({ items, ...group }) => ({ ...group, sessions: items }));
}

/** The tag pages of each tag name, for linking tags shown on entries. */
export function tagUrls(groups: readonly TagGroup[]): Map<string, string> {
  return taggedUrls(groups.map(({ sessions, ...group }) => ({ ...group, items: sessions })));
}

/** Things with one tag (sessions, posts) and the tag's page under some base address. */
export interface Tagged<T> {
  /** The tag as first written. */
  name: string;
  /** URL-safe form of the tag, unique among the tags. */
  slug: string;
  /** `<base><slug>/`. */
  url: string;
  /** In the order they were given. */
  items: T[];
}

/**
 * Groups items by tag, sorted by tag name, each tag's page at `<base><slug>/`. Tags that differ
 * only in case or Unicode form are one tag, named as first written; slugs are made unique.
 */
export function groupTagged<T extends { tags: readonly string[] }>(items: readonly T[], base: string): Array<Tagged<T>> {
  const byKey = new Map<string, { name: string; items: T[] }>();
  const keyOf = tagKeys();
  for (const item of items) {
    for (const tag of new Set(item.tags)) {
      const key = keyOf(tag);
      const group = byKey.get(key) ?? { name: tag, items: [] };
      // Items arrive in order, so a repeat (two spellings of one tag) can only be the last one.
      if (group.items.at(-1) !== item) group.items.push(item);
      byKey.set(key, group);
    }
  }
  const groups = [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || (a.name < b.name ? -1 : 1));
  const taken = new Set<string>();
  return groups.map((group) => {
    const stem = toSlug(group.name) || "tag";
    let slug = stem;
    for (let n = 2; taken.has(slug); n++) slug = `${stem}-${n}`;
    taken.add(slug);
    return { ...group, slug, url: `${base}${slug}/` };
  });
}

/** The page of each tag as written on the items (every spelling), for linking tags. */
export function taggedUrls(groups: ReadonlyArray<Tagged<{ tags: readonly string[] }>>): Map<string, string> {
  const urls = new Map<string, string>();
  const keyOf = tagKeys();
  for (const group of groups) {
    const key = keyOf(group.name);
    for (const item of group.items) {
      for (const tag of item.tags) if (keyOf(tag) === key) urls.set(tag, group.url);
    }
  }
  return urls;
}

function tagKey(tag: string): string {
  return tag.normalize("NFKC").toLowerCase();
}

/** `tagKey`, remembered for one pass over many items (a programme has few tags, each on many sessions). */
function tagKeys(): (tag: string) => string {
  const known = new Map<string, string>();
  return (tag) => {
    let key = known.get(tag);
    if (key === undefined) known.set(tag, (key = tagKey(tag)));
    return key;
  };
}

/**
 * The HTML id of each session wherever it is listed: its slug, or `workshop-<slug>` for a
 * workshop whose slug a talk has too (`workshop-<slug>-2`, `-3`… when a talk is called that);
 * the second and later blocks of a workshop of several get `<id>-part-2`, `-part-3`….
 * No anchor holds an underscore, the mark of the ids the pages write themselves.
 * Worked out once per list of sessions.
 */
export function sessionAnchors(sessions: readonly Session[]): ReadonlyMap<Session, string> {
  const cached = anchorCache.get(sessions);
  if (cached) return cached;
  const anchors = new Map<Session, string>();
  const taken = new Set(sessions.map((session) => session.slug));
  const talkSlugs = new Set(sessions.filter((session) => session.type === "talk").map((session) => session.slug));
  const workshopIds = new Map<string, string>();
  for (const session of sessions) {
    let id = session.slug;
    if (session.type === "workshop") {
      id = workshopIds.get(session.slug) ?? id;
      if (!workshopIds.has(session.slug) && talkSlugs.has(session.slug)) {
        const base = `workshop-${session.slug}`;
        id = base;
        for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
        taken.add(id);
      }
      workshopIds.set(session.slug, id);
      if (session.part && session.part.index > 0) {
        const base = `${id}-part-${session.part.index + 1}`;
        id = base;
        for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
        taken.add(id);
      }
    }
    anchors.set(session, id);
  }
  anchorCache.set(sessions, anchors);
  return anchors;
}

const anchorCache = new WeakMap<readonly Session[], ReadonlyMap<Session, string>>();
