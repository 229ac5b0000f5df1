import type { DateTime } from "luxon";
import type { EventFile, Room, SponsorTier } from "./event.ts";
import type { PageFile } from "./page.ts";
import type { SponsorFile } from "./sponsor.ts";
import type { PostFile } from "./post.ts";
import type { SpeakerFile } from "./speaker.ts";
import type { TalkFile } from "./talk.ts";
import type { WorkshopFile } from "./workshop.ts";
import type { LocalImage } from "../media/images.ts";
import type { Theme } from "../theme/theme.ts";
import { groupByConferenceDay } from "../schedule/grid.ts";
import { groupByTag, groupTagged, taggedUrls, tagUrls, type TagGroup, type Tagged } from "../schedule/tags.ts";
import { blogPagePath, SITE_PATHS } from "../site/urls.ts";

export type { Room, SponsorTier } from "./event.ts";
import type { Release } from "./releases.ts";

/** What every loaded content file carries besides its own fields. */
interface Sourced {
  /** The file's name without `.md`; the id other files refer to. */
  slug: string;
  /** The source file, as shown in messages. */
  file: string;
}

/** A link in a menu: a page's title and site path. */
export interface NavLink {
  label: string;
  href: string;
}

/** Ticket sales or a call for papers, as instants in the event's zone. */
export interface OpenWindow {
  url: string;
  /** When it opens; undefined when it is open already. */
  opens: DateTime | undefined;
  /** The first instant it is closed (the midnight after a closing date written without a time). */
  closes: DateTime;
  /** The closing as people read it: "1 April 2016", or "1 April 2016, 18:00 EDT" when a time was written. */
  closesText: string;
  /** The opening as people read it, when there is one. */
  opensText: string | undefined;
}

export interface Event extends Omit<EventFile, "start" | "end" | "tickets" | "cfp" | "theme"> {
  file: string;
  /** The theme, checked and with its defaults filled in; undefined without `theme:` (Lectern's own look). */
  theme: Theme | undefined;
  tickets: OpenWindow | undefined;
  cfp: OpenWindow | undefined;
  /** The free pages with `nav`, in order: `main` after Lectern's own header links, `footer` in every page's footer. */
  menus: { main: NavLink[]; footer: NavLink[] };
  /** Midnight of the first day, in the event's zone. */
  start: DateTime;
  /** Midnight of the last day, in the event's zone. */
  end: DateTime;
  /** Midnight of each day from `start` to `end`. */
  days: DateTime[];
}

export interface Speaker extends SpeakerFile, Sourced {
  url: string;
  /** The bio as HTML (rendered from untrusted markdown). */
  html: string;
  /** The bio as plain text. */
  summary: string;
  /** One or two letters for the avatar when there is no photo. */
  initials: string;
  /** The photo when it is a file in public/, with the copies the build makes of it. */
  picture?: LocalImage;
}

interface Scheduled extends Sourced {
  title: string;
  start: DateTime;
  end: DateTime;
  duration: number;
  /** The room, or undefined for a row that spans every room. */
  room: Room | undefined;
  tags: string[];
  /** The body as HTML. */
  html: string;
  /** The body as plain text. */
  summary: string;
}

export interface Talk extends Scheduled, Omit<TalkFile, "speakers" | "start" | "room" | "tags"> {
  type: "talk";
  speakers: Speaker[];
  /** Page address; undefined for rows such as lunch, which have no page. */
  url: string | undefined;
}

/** One stretch of time a workshop runs. */
export interface TimeBlock {
  start: DateTime;
  end: DateTime;
  /** Minutes. */
  duration: number;
}

/**
 * A workshop. `start` is its first block's start, `end` its last block's end and `duration`
 * the minutes of all its blocks together; the programme (`Conference.sessions`) holds one
 * entry a block, each with `part` and that block's own times.
 */
export interface Workshop extends Scheduled, Omit<WorkshopFile, "leaders" | "start" | "duration" | "blocks" | "room" | "tags"> {
  type: "workshop";
  leaders: Speaker[];
  url: string;
  /** Every block in time order; one for a workshop written with `start` and `duration`. */
  blocks: TimeBlock[];
  /** On the programme's entry for one block of a workshop of several: which (0-based) of how many. */
  part?: { index: number; count: number };
}

/** Anything on the programme. */
export type Session = Talk | Workshop;

export interface Post extends Omit<PostFile, "date" | "summary" | "author">, Sourced {
  url: string;
  /** Publication date (midnight in the event's zone). */
  date: DateTime;
  /** The author's name: the speaker's name when `author` named a speaker by slug. */
  author: string;
  /** The speaker who wrote the post, when `author` is a speaker's slug. */
  authorSpeaker: Speaker | undefined;
  html: string;
  summary: string;
  /** Minutes to read, rounded up. */
  readingMinutes: number;
}

/**
 * A session's entries in the programme: the session itself, or for a workshop of several
 * blocks one copy a block, with that block's times and `part`.
 */
export function programmeEntries(session: Session): Session[] {
  if (session.type === "talk" || session.blocks.length < 2) return [session];
  const count = session.blocks.length;
  return session.blocks.map((block, index) => ({ ...session, ...block, part: { index, count } }));
}

/** Whether an entry is a whole session or the first block of one: the entries to count or to list once. */
export function isFirstPart(session: Session): boolean {
  return session.type === "talk" || (session.part?.index ?? 0) === 0;
}

/** A free page from `content/pages/`, at `/<slug>/`. */
export interface Page extends Omit<PageFile, "summary">, Sourced {
  url: string;
  /** The body as sanitised HTML. */
  html: string;
  summary: string;
}

/** A sponsor from `content/sponsors/`. */
export interface Sponsor extends Omit<SponsorFile, "tier">, Sourced {
  tier: SponsorTier;
  /** The blurb as HTML (may be empty). */
  html: string;
  /** The logo when it is a raster file in public/, with the copies the build makes of it. */
  picture?: LocalImage;
}

/** The people of a session: speakers of a talk, leaders of a workshop. */
export function peopleOf(session: Session): Speaker[] {
  return session.type === "talk" ? session.speakers : session.leaders;
}

/** The whole conference, validated and linked. */
export class Conference {
  /**
   * Talks and workshops in programme order (start, then room order): one entry a block for a
   * workshop of several blocks (see `programmeEntries`).
   */
  readonly sessions: readonly Session[];
  private readonly bySpeaker = new Map<string, Session[]>();
  private readonly parts = new Map<Workshop, Session[]>();
  /** Talks and workshops in programme order, each once. */
  private readonly whole: readonly Session[];

  constructor(
    readonly event: Event,
    /** Every programme row from talks/, breaks included, in time order. */
    readonly talks: readonly Talk[],
    /** Sorted by name. */
    readonly speakers: readonly Speaker[],
    /** In time order. */
    readonly workshops: readonly Workshop[],
    /** Newest first. */
    readonly posts: readonly Post[],
    /** Every local image the content uses (speaker photos, images in posts), for the image pipeline. */
    readonly images: readonly LocalImage[] = [],
    /** Free pages, by slug. */
    readonly pages: readonly Page[] = [],
    /** In tier order, then by name. */
    readonly sponsors: readonly Sponsor[] = [],
    /** The programme's recorded releases (`releases/`), oldest first. */
    readonly releases: readonly Release[] = [],
  ) {
    const roomOrder = new Map(event.rooms.map((room, i) => [room.id, i]));
    const rank = (s: Session) => (s.room ? (roomOrder.get(s.room.id) ?? 0) : -1);
    const order = (a: Session, b: Session) => a.start.toMillis() - b.start.toMillis() || rank(a) - rank(b) || a.slug.localeCompare(b.slug);
    const entries: Session[] = [...talks];
    for (const workshop of workshops) {
      const parts = programmeEntries(workshop);
      if (parts.length > 1) this.parts.set(workshop, parts);
      entries.push(...parts);
    }
    this.sessions = entries.sort(order);
    // A speaker's page lists each session once, a workshop of several blocks with all its times.
    this.whole = [...talks, ...workshops].sort(order);
    for (const session of this.whole) {
      for (const person of peopleOf(session)) {
        const list = this.bySpeaker.get(person.slug) ?? [];
        list.push(session);
        this.bySpeaker.set(person.slug, list);
      }
    }
  }

  private tagGroups: readonly TagGroup[] | undefined;
  private tagUrlMap: ReadonlyMap<string, string> | undefined;

  /** Every tag of the programme with its sessions (each once) and page, sorted by name. */
  get tags(): readonly TagGroup[] {
    this.tagGroups ??= groupByTag(this.whole);
    return this.tagGroups;
  }

  /** The topic page of each tag as written on sessions. */
  get tagUrls(): ReadonlyMap<string, string> {
    this.tagUrlMap ??= tagUrls(this.tags);
    return this.tagUrlMap;
  }

  private blogTagGroups: ReadonlyArray<Tagged<Post>> | undefined;
  private blogTagUrlMap: ReadonlyMap<string, string> | undefined;
  private blogPageList: readonly BlogPage[] | undefined;

  /** Every tag of the posts with its posts (newest first) and page `/blog/tags/<slug>/`, sorted by name. */
  get blogTags(): ReadonlyArray<Tagged<Post>> {
    this.blogTagGroups ??= groupTagged(this.posts, SITE_PATHS.blogTags);
    return this.blogTagGroups;
  }

  /** The blog tag page of each tag as written on posts. */
  get blogTagUrls(): ReadonlyMap<string, string> {
    this.blogTagUrlMap ??= taggedUrls(this.blogTags);
    return this.blogTagUrlMap;
  }

  /** The pages of the blog's index, newest posts first; one page (with no posts) when there are none. */
  get blogPages(): readonly BlogPage[] {
    this.blogPageList ??= paginatePosts(this.posts);
    return this.blogPageList;
  }

  /** The posts before (older) and after (newer) a post. */
  neighboursOf(post: Post): { older: Post | undefined; newer: Post | undefined } {
    const i = this.posts.indexOf(post);
    return { older: i < 0 ? undefined : this.posts[i + 1], newer: i <= 0 ? undefined : this.posts[i - 1] };
  }

  /** The tiers of event.yaml that have sponsors, in order, each with its sponsors by name. */
  get sponsorTiers(): Array<{ tier: SponsorTier; sponsors: Sponsor[] }> {
    return this.event.sponsor_tiers
      .map((tier) => ({ tier, sponsors: this.sponsors.filter((sponsor) => sponsor.tier.id === tier.id) }))
      .filter((group) => group.sponsors.length > 0);
  }

  /** Talks that have a page of their own (not breaks or meals). */
  get talkPages(): Talk[] {
    return this.talks.filter((talk) => talk.url !== undefined);
  }

  /** The programme's entries of a session: one a block for a workshop of several, else the session itself. */
  entriesOf(session: Session): readonly Session[] {
    return (session.type === "workshop" && this.parts.get(session)) || [session];
  }

  /** A speaker's talks and workshops (each once, a workshop of several blocks whole), in time order. */
  sessionsOf(speaker: Speaker): readonly Session[] {
    return this.bySpeaker.get(speaker.slug) ?? [];
  }

  private dayGroups: ReadonlyArray<{ date: DateTime; sessions: Session[] }> | undefined;

  /**
   * The sessions of each day of the event, in order. A day runs from its `day_change`
   * (event.yaml, default 04:00) to the next day's: a session at 01:00 belongs to the day before.
   */
  get days(): ReadonlyArray<{ date: DateTime; sessions: Session[] }> {
    this.dayGroups ??= groupByConferenceDay(this.event.days, this.sessions, this.event.day_change);
    return this.dayGroups;
  }

  /** Some of the sessions (in time order) by conference day, as `days` groups them; days without any left out. */
  sessionsByDay(sessions: readonly Session[]): ReadonlyArray<{ date: DateTime; sessions: Session[] }> {
    return groupByConferenceDay(this.event.days, sessions, this.event.day_change).filter((day) => day.sessions.length > 0);
  }
}

/** Posts a page of the blog's index. */
export const POSTS_PER_PAGE = 10;


/** One page of the blog's index. */
export interface BlogPage {
  /** 1 for the newest posts. */
  number: number;
  /** `/blog/` for the first page, `/blog/page/<number>/` for the others. */
  url: string;
  posts: Post[];
}


/** Splits posts (newest first) into index pages of POSTS_PER_PAGE. */
export function paginatePosts(posts: readonly Post[], size = POSTS_PER_PAGE): BlogPage[] {
  const pages: BlogPage[] = [];
  for (let start = 0; start === 0 || start < posts.length; start += size) {
    const number = pages.length + 1;
    pages.push({ number, url: blogPagePath(number), posts: posts.slice(start, start + size) });
  }
  return pages;
}
