import { languageProblems, translatorFor } from "../i18n/index.ts";
import { existsSync } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { freePagePath, pagePath, scheduleEntryPath, SITE_PATHS } from "../site/urls.ts";
import {
  RESERVED_ADDRESSES,
  listCollection,
  readContentBytes,
  scanContentFolder,
  type Collection,
  type CollectionFile,
  type CollectionListing,
  type ContentFolder,
} from "./content-folder.ts";
import { ContentError, displayPath, ProblemList } from "./errors.ts";
import { DEFAULT_MAX_DAYS, eventSchema, MAX_EVENT_DAYS, type Room } from "./event.ts";
import { parseMarkdownFile, parseYaml, decodeText } from "./front-matter.ts";
import { Conference, programmeEntries, type Event, type NavLink, type OpenWindow, type Page, type Post, type Speaker, type Sponsor, type Talk, type TimeBlock, type Workshop } from "./model.ts";
import { pageSchema } from "./page.ts";
import { readReleases } from "./releases.ts";
import { sponsorSchema } from "./sponsor.ts";
import { looksLikeSlug, postSchema, readingMinutes } from "./post.ts";
import { outputPathProblem, slugFromFileName } from "./slug.ts";
import { speakerSchema } from "./speaker.ts";
import { didYouMean } from "./suggest.ts";
import { ROW_KINDS, SPOKEN_KINDS, talkSchema } from "./talk.ts";
import { validate, validFields } from "./validate.ts";
import type { LoadCache } from "./load-cache.ts";
import type { PostOptions } from "./markdown.ts";
import { mayHoldProgrammeLinks, ProgrammeLinks, type LinkResolver, type LinkTarget } from "./programme-links.ts";
import { ContentImages } from "../media/content-images.ts";
import type { ThemeFile } from "./theme.ts";
import { resolveTheme, type Theme } from "../theme/theme.ts";
import { workshopSchema, type WorkshopFile } from "./workshop.ts";
import { findScheduleConflicts } from "../schedule/conflicts.ts";
import { conferenceDayIndex } from "../schedule/grid.ts";
import { formatClock, formatDateRange, formatTimeRange, instantIn, parseLocalDateTime, zoneAbbreviation } from "../schedule/time.ts";
import { resolveZoneName } from "../schedule/zone-names.ts";

export interface LoadOptions {
  /** The folder holding event.yaml, talks/, speakers/, workshops/ and blog/. */
  contentDir: string;
  /**
   * The folder of static files: speaker photos and post images are looked up there, checked
   * and described for the image pipeline (default: none checked, local images linked as written).
   */
  publicDir?: string;
  /**
   * Render bodies to HTML and plain text (default true). `npm run check` turns it off: it only
   * validates, and skips loading the markdown and sanitising libraries.
   */
  render?: boolean;
  /**
   * Keep posts marked `draft: true` (default false: they are validated, then left out). Only the
   * dev server turns it on; the published build never has drafts.
   */
  drafts?: boolean;
  /**
   * The folder the site will be built into: a file whose pages' paths would be too long there
   * is refused, so that `check` refuses what `build` would fail on (default: not checked).
   */
  outputDir?: string;
  /** What the dev server keeps between builds: files unchanged since are not parsed, validated or rendered again. */
  cache?: LoadCache;
}

type RenderedBody = { html: string; summary: string };

/** How a post's images are written and its raw HTML `<img>` tags checked. */
type PostImages = Pick<PostOptions, "writeImage" | "checkImage">;

/** Turns bodies into HTML and plain text, resolving programme links; only checks when the caller only validates. */
interface BodyRenderer {
  untrusted(markdown: string, links: LinkResolver): RenderedBody;
  post(markdown: string, images: PostImages, links: LinkResolver): RenderedBody;
  /** Checks the programme links of a body that gets no page (a file with problems, a draft left out). */
  checkLinks(markdown: string, kind: "untrusted" | "post", links: LinkResolver): void;
  truncate(text: string): string;
}

/**
 * When only validating, the markdown libraries are loaded only if some body may hold a programme
 * link or some post holds an image (both are checked by parsing just those bodies).
 */
async function bodyRenderer(render: boolean, files: readonly RawFile[], posts: readonly RawFile[], cache?: LoadCache): Promise<BodyRenderer> {
  const empty = (): RenderedBody => ({ html: "", summary: "" });
  const hasImage = (body: string) => body.includes("![") || /<img/i.test(body);
  if (!render) {
    const checkImages = posts.some((raw) => hasImage(raw.body));
    if (!checkImages && !files.some((raw) => mayHoldProgrammeLinks(raw.body))) {
      return { untrusted: empty, post: empty, checkLinks: () => undefined, truncate: (text) => text };
    }
    // The renderers load the sanitiser too: only a post's images need them when validating.
    const { checkProgrammeLinks } = await import("./markdown-parsers.ts");
    const markdown = checkImages ? await import("./markdown.ts") : undefined;
    return {
      untrusted: (body, links) => (checkProgrammeLinks(body, "untrusted", links), empty()),
      post: (body, images, links) => {
        if (markdown && hasImage(body)) markdown.renderPost(body, { ...images, links });
        else checkProgrammeLinks(body, "post", links);
        return empty();
      },
      checkLinks: checkProgrammeLinks,
      truncate: (text) => text,
    };
  }
  const markdown = await import("./markdown.ts");
  return {
    // A body without programme links depends on its own text only: the dev server keeps its HTML.
    untrusted: (body, links) =>
      cache && cache.isLinkFree(body, (text) => !mayHoldProgrammeLinks(text)) ? cache.body(body, () => markdown.untrustedBody(body, links)) : markdown.untrustedBody(body, links),
    post: (body, images, links) => ({ html: markdown.renderPost(body, { ...images, links }), summary: markdown.postText(body) }),
    checkLinks: markdown.checkProgrammeLinks,
    truncate: markdown.truncate,
  };
}

/**
 * A body to render once every slug is known. `apply` stores the result on the file's object
 * (given as the object itself when that is all it does: one closure less a file, 15,000 a build);
 * without one (a file with problems, a draft left out) only the body's links are checked.
 */
type BodyJob =
  | { raw: RawFile; kind: "untrusted"; apply?: ((body: RenderedBody) => void) | RenderedBody }
  | { raw: RawFile; kind: "post"; isDraft: boolean; apply?: undefined }
  | { raw: RawFile; kind: "post"; isDraft: boolean; images: PostImages; apply: (body: RenderedBody) => void };

interface RawFile {
  file: string;
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

/**
 * Reads, validates and links a whole content folder. Every problem in every file is
 * collected first; if there is any, one `ContentError` lists them all.
 */
export async function loadConference(options: LoadOptions): Promise<Conference> {
  const problems = new ProblemList();
  const contentDir = path.resolve(options.contentDir);
  if (!existsSync(contentDir)) {
    problems.add(displayPath(contentDir), "", "content folder does not exist");
    problems.throwIfAny();
  }
  const root = await realpath(contentDir);

  const { cache } = options;
  cache?.beginBuild();
  const folder = scanContentFolder(contentDir, root, problems);
  const speakerFiles = readCollection(folder, "speakers", problems, options.outputDir, cache);
  const talkFiles = readCollection(folder, "talks", problems, options.outputDir, cache);
  const workshopFiles = readCollection(folder, "workshops", problems, options.outputDir, cache);
  const postFiles = readCollection(folder, "blog", problems, options.outputDir, cache);
  const pageFiles = readCollection(folder, "pages", problems, options.outputDir, cache);
  const sponsorFiles = readCollection(folder, "sponsors", problems, options.outputDir, cache);
  /** The schema's output for a file, kept by the cache for a file that did not change. */
  const validated = <S extends Parameters<typeof validate>[0]>(schema: S, raw: RawFile, into: ProblemList) =>
    cache ? cache.validated(schema, raw.data, () => validate(schema, raw.data, raw.file, into)) : validate(schema, raw.data, raw.file, into);
  const images = new ContentImages(options.publicDir, problems, { dir: path.join(contentDir, "blog"), files: postFiles.images });
  const event = await readEvent(folder, problems, (theme, file) => resolveTheme(theme, file, options.publicDir, images, problems), cache);
  // Bodies are rendered last, when every slug is known: a bio may link to a talk, a talk to a post.
  const jobs: BodyJob[] = [];

  const speakers = new Map<string, Speaker>();
  // Speakers whose file is there but broken (or a speakers folder that could not be read):
  // their own problem is reported, so references to them are not reported again.
  const invalidSpeakers = new Set(speakerFiles.broken);
  for (const raw of speakerFiles.files) {
    const fields = validated(speakerSchema, raw, problems);
    if (!fields) {
      invalidSpeakers.add(raw.slug);
      jobs.push({ raw, kind: "untrusted" });
      continue;
    }
    const picture = fields.photo === undefined ? undefined : images.photo(raw.file, fields.photo);
    const speaker: Speaker = {
      ...fields,
      picture,
      slug: raw.slug,
      file: raw.file,
      url: pagePath("speakers", raw.slug),
      html: "",
      summary: "",
      initials: initialsOf(fields.name),
    };
    speakers.set(raw.slug, speaker);
    jobs.push({ raw, kind: "untrusted", apply: speaker });
  }

  const linker = new Linker(event, speakers, speakerFiles.complete ? invalidSpeakers : undefined, problems, cache);
  const talks: Talk[] = [];
  const invalidTalks = new Set(talkFiles.broken);
  for (const raw of talkFiles.files) {
    // On a schema failure the valid reference and time fields are still checked, and their
    // lines come first, as a reader meets them: an unknown speaker shows with a bad duration.
    const own = new ProblemList();
    const fields = validated(talkSchema, raw, own);
    if (!fields) {
      const valid = validFields(talkSchema, raw.data, ["speakers", "room", "start"]);
      linker.checkParts(raw.file, { field: "speakers", people: valid.speakers, room: valid.room === "all" ? undefined : valid.room, start: valid.start });
    }
    problems.items.push(...own.items);
    if (!fields) {
      invalidTalks.add(raw.slug);
      jobs.push({ raw, kind: "untrusted" });
      continue;
    }
    const people = linker.people(raw.file, "speakers", fields.speakers, "speaker");
    if (fields.speakers.length === 0 && SPOKEN_KINDS.has(fields.kind)) {
      problems.add(raw.file, "speakers", `a ${fields.kind} needs at least one speaker (rows such as lunch take kind: break or kind: meal)`);
    }
    const room = fields.room === undefined || fields.room === "all" ? undefined : linker.room(raw.file, fields.room);
    const times = linker.times(raw.file, fields.start, fields.duration);
    if (!times || room === null) {
      invalidTalks.add(raw.slug);
      jobs.push({ raw, kind: "untrusted" });
      continue;
    }
    const talk: Talk = {
      ...fields,
      ...times,
      type: "talk",
      slug: raw.slug,
      file: raw.file,
      url: ROW_KINDS.has(fields.kind) ? undefined : pagePath("talks", raw.slug),
      speakers: people,
      room,
      html: "",
      summary: "",
    };
    talks.push(talk);
    jobs.push({ raw, kind: "untrusted", apply: talk });
  }

  const workshops: Workshop[] = [];
  const invalidWorkshops = new Set(workshopFiles.broken);
  for (const raw of workshopFiles.files) {
    const own = new ProblemList();
    const fields = validated(workshopSchema, raw, own);
    if (!fields) {
      const valid = validFields(workshopSchema, raw.data, ["leaders", "room", "start"]);
      linker.checkParts(raw.file, { field: "leaders", people: valid.leaders, room: valid.room, start: valid.start });
    }
    problems.items.push(...own.items);
    if (!fields) {
      invalidWorkshops.add(raw.slug);
      jobs.push({ raw, kind: "untrusted" });
      continue;
    }
    const leaders = linker.people(raw.file, "leaders", fields.leaders, "speaker");
    const room = linker.room(raw.file, fields.room);
    const blocks = workshopBlocks(raw.file, fields, linker, problems);
    if (!blocks || !room) {
      invalidWorkshops.add(raw.slug);
      jobs.push({ raw, kind: "untrusted" });
      continue;
    }
    const workshop: Workshop = {
      ...fields,
      start: blocks[0]!.start,
      end: blocks.at(-1)!.end,
      duration: blocks.reduce((sum, block) => sum + block.duration, 0),
      blocks,
      type: "workshop",
      slug: raw.slug,
      file: raw.file,
      url: pagePath("workshops", raw.slug),
      leaders,
      room,
      html: "",
      summary: "",
    };
    workshops.push(workshop);
    jobs.push({ raw, kind: "untrusted", apply: workshop });
  }

  const posts: Post[] = [];
  const postTargets = new Map<string, LinkTarget>();
  const invalidPosts = new Set(postFiles.broken);
  for (const raw of postFiles.files) {
    const fields = validate(postSchema, raw.data, raw.file, problems);
    if (!fields) {
      invalidPosts.add(raw.slug);
      jobs.push({ raw, kind: "post", isDraft: raw.data.draft === true });
      continue;
    }
    const url = pagePath("blog", raw.slug);
    postTargets.set(raw.slug, { url, isDraft: fields.draft });
    if (raw.slug === "tags") problems.add(raw.file, "", `gives the address ${SITE_PATHS.blogTags}, which the list of the blog's tags has; rename the file`);
    const authorSpeaker = speakers.get(fields.author);
    if (!authorSpeaker && looksLikeSlug(fields.author) && speakerFiles.complete && !invalidSpeakers.has(fields.author)) {
      const hint = didYouMean(fields.author, speakers.keys()) || "; for an author who is not a speaker, write their name as it should be shown";
      problems.add(raw.file, "author", `unknown speaker "${fields.author}"${hint}`);
    }
    if (fields.draft && !options.drafts) {
      jobs.push({ raw, kind: "post", isDraft: true });
      continue;
    }
    const post: Post = {
      ...fields,
      slug: raw.slug,
      file: raw.file,
      url,
      date: DateTime.fromISO(fields.date, { zone: event?.timezone ?? "utc" }),
      author: authorSpeaker?.name ?? fields.author,
      authorSpeaker,
      html: "",
      summary: "",
      readingMinutes: 0,
    };
    posts.push(post);
    jobs.push({
      raw,
      kind: "post",
      isDraft: fields.draft,
      images: images.postImages(raw.file),
      apply: (body) => {
        post.html = body.html;
        post.summary = fields.summary ?? bodies.truncate(body.summary);
        post.readingMinutes = readingMinutes(body.summary);
      },
    });
  }

  const pages: Page[] = [];
  for (const raw of pageFiles.files) {
    const fields = validate(pageSchema, raw.data, raw.file, problems);
    const reserved = RESERVED_ADDRESSES[raw.slug];
    if (reserved) problems.add(raw.file, "", `gives the address /${raw.slug}/, which ${reserved} has; rename the file`);
    if (!fields) {
      jobs.push({ raw, kind: "post", isDraft: false });
      continue;
    }
    const page: Page = { ...fields, slug: raw.slug, file: raw.file, url: freePagePath(raw.slug), html: "", summary: "" };
    pages.push(page);
    jobs.push({
      raw,
      kind: "post",
      isDraft: false,
      images: images.postImages(raw.file),
      apply: (body) => {
        page.html = body.html;
        page.summary = fields.summary ?? bodies.truncate(body.summary);
      },
    });
  }

  const sponsors: Sponsor[] = [];
  const tiers = new Map((event?.sponsor_tiers ?? []).map((tier, i) => [tier.id, { tier, rank: i }]));
  for (const raw of sponsorFiles.files) {
    const fields = validate(sponsorSchema, raw.data, raw.file, problems);
    if (!fields) {
      jobs.push({ raw, kind: "untrusted" });
      continue;
    }
    const found = tiers.get(fields.tier);
    if (!found && event) {
      const known = [...tiers.keys()];
      const hint = known.length === 0 ? "; event.yaml lists no sponsor_tiers (add them, e.g. sponsor_tiers: [{id: gold, name: Gold}])" : didYouMean(fields.tier, known) || ` (tiers in event.yaml: ${known.map((k) => `"${k}"`).join(", ")})`;
      problems.add(raw.file, "tier", `unknown tier "${fields.tier}"${hint}`);
    }
    const picture = images.logo(raw.file, fields.logo);
    if (!found) {
      jobs.push({ raw, kind: "untrusted" });
      continue;
    }
    const sponsor: Sponsor = { ...fields, tier: found.tier, picture, slug: raw.slug, file: raw.file, html: "" };
    sponsors.push(sponsor);
    jobs.push({ raw, kind: "untrusted", apply: (body) => (sponsor.html = body.html) });
  }

  // A row's place in the schedule: its conference day's page, at its anchor (a talk's is its slug).
  const rowPlace = (talk: Talk): string => {
    const day = event?.days[conferenceDayIndex(event.days, talk.start, event.day_change)]?.toISODate();
    return day ? scheduleEntryPath(day, talk.slug) : SITE_PATHS.schedule;
  };
  const links = new ProgrammeLinks({
    targets: {
      talk: new Map(talks.map((talk) => [talk.slug, talk.url === undefined ? { url: undefined, kind: talk.kind, place: rowPlace(talk) } : { url: talk.url }])),
      speaker: new Map([...speakers.values()].map((speaker) => [speaker.slug, { url: speaker.url }])),
      workshop: new Map(workshops.map((workshop) => [workshop.slug, { url: workshop.url }])),
      post: postTargets,
    },
    broken: {
      talk: talkFiles.complete ? invalidTalks : undefined,
      speaker: speakerFiles.complete ? invalidSpeakers : undefined,
      workshop: workshopFiles.complete ? invalidWorkshops : undefined,
      post: postFiles.complete ? invalidPosts : undefined,
    },
  });
  const allFiles = [...speakerFiles.files, ...talkFiles.files, ...workshopFiles.files, ...postFiles.files, ...pageFiles.files, ...sponsorFiles.files];
  const bodies = await bodyRenderer(options.render ?? true, allFiles, [...postFiles.files, ...pageFiles.files], cache);
  for (const job of jobs) {
    const resolve = links.resolverFor(job.raw.file, problems, job.kind === "post" && job.isDraft);
    if (!job.apply) bodies.checkLinks(job.raw.body, job.kind, resolve);
    else if (job.kind === "post") job.apply(bodies.post(job.raw.body, job.images, resolve));
    else if (typeof job.apply === "function") job.apply(bodies.untrusted(job.raw.body, resolve));
    else Object.assign(job.apply, bodies.untrusted(job.raw.body, resolve));
  }

  const releases = readReleases(folder, event, problems);
  for (const clash of findScheduleConflicts([...talks, ...workshops.flatMap(programmeEntries)].filter((session) => !session.cancelled), event?.rooms)) problems.add(clash.file, clash.field, clash.message);
  for (const problem of event ? languageProblems(event.language) : []) problems.add(problem.file, problem.key, problem.message);
  problems.throwIfAny();
  const tierRank = (sponsor: Sponsor) => tiers.get(sponsor.tier.id)!.rank;
  const finalEvent = { ...event!, menus: menusOf(pages, sponsors, event!.language) };
  const kept = cache ? keepUnchanged(cache, finalEvent, speakers, talks, workshops, posts, pages, sponsors) : { event: finalEvent, speakers };
  const byStart = <T extends { start: DateTime; slug: string }>(a: T, b: T) =>
    a.start.toMillis() - b.start.toMillis() || a.slug.localeCompare(b.slug);
  return new Conference(
    kept.event,
    talks.sort(byStart),
    [...kept.speakers.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || a.slug.localeCompare(b.slug)),
    workshops.sort(byStart),
    posts.sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.slug.localeCompare(b.slug)),
    images.used,
    pages.sort((a, b) => a.slug.localeCompare(b.slug)),
    sponsors.sort((a, b) => tierRank(a) - tierRank(b) || a.name.localeCompare(b.name, "en") || a.slug.localeCompare(b.slug)),
    releases,
  );
}

/**
 * Puts the objects of the last build back where the content made equal ones (see
 * `LoadCache.intern`): the event, then the speakers, then what refers to them, each reference
 * moved to the object kept so that a talk whose file and speakers did not change is the same
 * object as before. The lists are changed in place.
 */
function keepUnchanged(
  cache: LoadCache,
  event: Event,
  speakers: Map<string, Speaker>,
  talks: Talk[],
  workshops: Workshop[],
  posts: Post[],
  pages: Page[],
  sponsors: Sponsor[],
): { event: Event; speakers: Map<string, Speaker> } {
  const keptEvent = cache.intern("event", event);
  const rooms = new Map(keptEvent.rooms.map((room) => [room.id, room]));
  const roomOf = <R extends Room | undefined>(room: R): R => (room ? (rooms.get(room.id) as R) ?? room : room);
  const keptSpeakers = new Map([...speakers].map(([slug, speaker]) => [slug, cache.intern(`speaker:${speaker.file}`, speaker)]));
  const person = (speaker: Speaker) => keptSpeakers.get(speaker.slug) ?? speaker;
  talks.forEach((talk, i) => {
    talks[i] = cache.intern(`talk:${talk.file}`, { ...talk, speakers: talk.speakers.map(person), room: roomOf(talk.room) });
  });
  workshops.forEach((workshop, i) => {
    workshops[i] = cache.intern(`workshop:${workshop.file}`, { ...workshop, leaders: workshop.leaders.map(person), room: roomOf(workshop.room) });
  });
  posts.forEach((post, i) => {
    posts[i] = cache.intern(`post:${post.file}`, { ...post, authorSpeaker: post.authorSpeaker && person(post.authorSpeaker) });
  });
  pages.forEach((page, i) => (pages[i] = cache.intern(`page:${page.file}`, page)));
  sponsors.forEach((sponsor, i) => (sponsors[i] = cache.intern(`sponsor:${sponsor.file}`, sponsor)));
  return { event: keptEvent, speakers: keptSpeakers };
}

/**
 * A workshop's blocks in time order, from `start` and `duration` or from `blocks` (exactly one
 * of the two forms); undefined, with the problems reported, when they do not make a valid time.
 */
function workshopBlocks(file: string, fields: WorkshopFile, linker: Linker, problems: ProblemList): TimeBlock[] | undefined {
  const single = fields.start !== undefined || fields.duration !== undefined;
  if (fields.blocks && single) {
    problems.add(file, "blocks", "write either start and duration or blocks, not both");
    return undefined;
  }
  if (!fields.blocks) {
    if (fields.start === undefined) problems.add(file, "start", "required field is missing (or write blocks, a list of {start, duration}, for a workshop in several parts)");
    if (fields.duration === undefined) problems.add(file, "duration", "required field is missing");
    if (fields.start === undefined || fields.duration === undefined) return undefined;
    const times = linker.times(file, fields.start, fields.duration);
    return times && [times];
  }
  const blocks = fields.blocks.map((block, i) => linker.times(file, block.start, block.duration, `blocks[${i}].start`));
  if (!blocks.every((block) => block !== undefined)) return undefined;
  const order = blocks.map((block, i) => ({ block, i })).sort((a, b) => a.block.start.toMillis() - b.block.start.toMillis() || a.i - b.i);
  let valid = true;
  for (let k = 1; k < order.length; k++) {
    const { block, i } = order[k]!;
    const before = order.slice(0, k).find((other) => other.block.end.toMillis() > block.start.toMillis());
    if (!before) continue;
    const when = (b: TimeBlock) => `${b.start.toFormat("yyyy-MM-dd")} ${formatTimeRange(b.start, b.end)}`;
    const [first, second] = before.i < i ? [before, order[k]!] : [order[k]!, before];
    problems.add(file, `blocks[${second.i}].start`, `overlaps blocks[${first.i}] (${when(second.block)} and ${when(first.block)})`);
    valid = false;
  }
  return valid ? order.map(({ block }) => block) : undefined;
}

/** The free pages each menu links to, in `nav.order` then title order; the footer also links to the sponsors page when there are sponsors. */
function menusOf(pages: readonly Page[], sponsors: readonly Sponsor[], language: string): Event["menus"] {
  const menu = (name: "main" | "footer"): NavLink[] =>
    pages
      .filter((page) => page.nav?.menu === name)
      .sort((a, b) => a.nav!.order - b.nav!.order || a.title.localeCompare(b.title, "en"))
      .map((page) => ({ label: page.title, href: page.url }));
  const footer = menu("footer");
  if (sponsors.length > 0) footer.push({ label: translatorFor(language).t("nav.sponsors"), href: SITE_PATHS.sponsors });
  return { main: menu("main"), footer };
}

/** Resolves references between files and event-local times, reporting what does not resolve. */
class Linker {
  private readonly rooms: Map<string, Room>;

  constructor(
    private readonly event: Event | undefined,
    private readonly speakers: ReadonlyMap<string, Speaker>,
    /**
     * Speakers whose own file has problems: already reported, so references to them are not.
     * Undefined when the speakers folder itself could not be read: no reference can be checked.
     */
    private readonly invalidSpeakers: ReadonlySet<string> | undefined,
    private readonly problems: ProblemList,
    private readonly cache?: LoadCache,
  ) {
    this.rooms = new Map((event?.rooms ?? []).map((room) => [room.id, room]));
    this.firstDay = event?.start.toISODate() ?? "";
    this.lastDay = event?.end.toISODate() ?? "";
  }

  private readonly firstDay: string;
  private readonly lastDay: string;

  people(file: string, field: string, slugs: readonly string[], noun: string): Speaker[] {
    const found: Speaker[] = [];
    const listed = new Map<string, number>();
    slugs.forEach((slug, i) => {
      const first = listed.get(slug);
      if (first !== undefined) {
        this.problems.add(file, `${field}[${i}]`, `"${slug}" is already listed as ${field}[${first}]`);
        return;
      }
      listed.set(slug, i);
      const speaker = this.speakers.get(slug);
      if (speaker) found.push(speaker);
      else if (this.invalidSpeakers && !this.invalidSpeakers.has(slug)) this.problems.add(file, `${field}[${i}]`, `unknown ${noun} "${slug}"${didYouMean(slug, this.speakers.keys())}`);
    });
    return found;
  }

  /**
   * The checks of a file whose schema failed, run on the fields that are valid by themselves,
   * so that its unknown speaker shows together with its bad duration.
   */
  checkParts(file: string, parts: { field: string; people?: readonly string[]; room?: string; start?: string }): void {
    if (parts.people) this.people(file, parts.field, parts.people, "speaker");
    if (parts.room !== undefined) this.room(file, parts.room);
    if (parts.start !== undefined) this.times(file, parts.start, 0);
  }

  /** The room, or null when it is unknown (undefined is reserved for "every room"). */
  room(file: string, id: string): Room | null {
    if (!this.event) return null;
    const room = this.rooms.get(id);
    if (room) return room;
    const known = [...this.rooms.keys()];
    const hint = didYouMean(id, known) || ` (rooms in event.yaml: ${known.map((k) => `"${k}"`).join(", ")})`;
    this.problems.add(file, "room", `unknown room "${id}"${hint}`);
    return null;
  }

  times(file: string, start: string, duration: number, field = "start"): { start: DateTime; end: DateTime; duration: number } | undefined {
    if (!this.event) return undefined;
    if (!this.cache) return this.parseTimes(file, start, duration, field);
    const key = `${start}|${duration}|${this.event.timezone}|${this.firstDay}|${this.lastDay}`;
    return this.cache.timesOf(key, () => this.parseTimes(file, start, duration, field));
  }

  private parseTimes(file: string, start: string, duration: number, field: string): { start: DateTime; end: DateTime; duration: number } | undefined {
    if (!this.event) return undefined;
    const parsed = parseLocalDateTime(start, this.event.timezone);
    if (!parsed.ok) {
      this.problems.add(file, field, parsed.message);
      return undefined;
    }
    // The written date is the event-local date (an explicit offset only picks between the two
    // instants of a repeated hour), so it compares as text with the event's ISO dates.
    const date = start.slice(0, 10);
    if (date < this.firstDay || date > this.lastDay) {
      this.problems.add(
        file,
        field,
        `${parsed.value.toFormat("yyyy-MM-dd")} is outside the event's dates (${this.firstDay} to ${this.lastDay} in event.yaml)`,
      );
      return undefined;
    }
    const end = instantIn(parsed.value.toMillis() + duration * 60_000, parsed.value.zone);
    return { start: parsed.value, end, duration };
  }
}

async function readEvent(
  folder: ContentFolder,
  problems: ProblemList,
  themeOf: (theme: ThemeFile, file: string) => Theme,
  cache?: LoadCache,
): Promise<Event | undefined> {
  const found = folder.entries.get("event.yaml");
  const file = displayPath(path.join(folder.dir, "event.yaml"));
  // A misnamed event.yml was reported with a "did you mean"; saying event.yaml is missing would repeat it.
  if (!found && !folder.meant.has("event.yaml")) problems.add(file, "", "file is missing; every content folder needs an event.yaml");
  if (!found || found === "refused") return undefined;
  const bytes = readContentBytes(folder.root, found, problems);
  if (!bytes) return undefined;
  const text = decodeText(bytes, file, problems);
  if (text === undefined) return undefined;
  if (text.trim() === "") {
    problems.add(file, "", "file is empty");
    return undefined;
  }
  const data = cache ? cachedYaml(cache, text, file, problems) : parseYaml(text, file, problems, 1, "file");
  const fields = data && (cache ? cache.validated(eventSchema, data, () => validate(eventSchema, data, file, problems)) : validate(eventSchema, data, file, problems));
  if (!fields) return undefined;
  const theme = fields.theme && themeOf(fields.theme, file);

  let valid = true;
  const zone = resolveZoneName(fields.timezone);
  if (!zone.ok) {
    problems.add(file, "timezone", zone.message);
    valid = false;
  }
  const seen = new Set<string>();
  const names = new Map<string, number>();
  fields.rooms.forEach((room, i) => {
    if (room.id === "all") problems.add(file, `rooms[${i}].id`, `"all" is reserved for rows that span every room`);
    if (seen.has(room.id)) problems.add(file, `rooms[${i}].id`, `room "${room.id}" is listed twice`);
    seen.add(room.id);
    // The exports key rooms by name: two rooms called alike would merge into one.
    const name = room.name.normalize("NFC").toLowerCase();
    const first = names.get(name);
    if (first !== undefined) problems.add(file, `rooms[${i}].name`, `"${room.name}" is also the name of rooms[${first}]; give each room its own name`);
    else names.set(name, i);
  });
  const tierIds = new Set<string>();
  fields.sponsor_tiers.forEach((tier, i) => {
    if (tierIds.has(tier.id)) problems.add(file, `sponsor_tiers[${i}].id`, `tier "${tier.id}" is listed twice`);
    tierIds.add(tier.id);
  });
  const length = daysBetween(fields.start, fields.end) + 1;
  if (length < 1) {
    problems.add(file, "end", `${fields.end} is before start (${fields.start})`);
    valid = false;
  } else if (length > fields.maxDays) {
    const limit =
      "maxDays" in data
        ? `maxDays (${fields.maxDays})`
        : `${DEFAULT_MAX_DAYS} days (check the date; for a longer event set maxDays, at most ${MAX_EVENT_DAYS})`;
    problems.add(file, "end", `${fields.end} makes the event ${length} days long, more than ${limit}`);
    valid = false;
  }
  if (!valid || !zone.ok) return undefined;

  const start = DateTime.fromISO(fields.start, { zone: zone.zone });
  const end = DateTime.fromISO(fields.end, { zone: zone.zone });
  const days: DateTime[] = [];
  for (let day = start; day <= end; day = day.plus({ days: 1 })) days.push(day);
  const cfp = fields.cfp && openWindow(fields.cfp, "cfp", zone.zone, fields.language, file, problems);
  const tickets = fields.tickets && openWindow(fields.tickets, "tickets", zone.zone, fields.language, file, problems);
  return { ...fields, timezone: zone.zone, file, start, end, days, tickets, cfp, theme, menus: { main: [], footer: [] } };
}

/** event.yaml parsed, or as parsed before when its text is the same (the dev server's cache). */
function cachedYaml(cache: LoadCache, text: string, file: string, problems: ProblemList): Record<string, unknown> | undefined {
  const key = `\0event.yaml:${file}`;
  const known = cache.parsedByText(key, "", text);
  if (known) return known.data;
  const own = new ProblemList();
  const data = parseYaml(text, file, own, 1, "file");
  problems.items.push(...own.items);
  if (data && own.items.length === 0) cache.rememberParsed(key, "", text, { data, body: "" });
  return data;
}

/** Ticket sales or a call for papers as instants in the event's zone; undefined after reporting a time that does not exist or a closing before the opening. */
function openWindow(
  written: { url: string; opens?: string | undefined; closes: string },
  field: string,
  zone: string,
  locale: string,
  file: string,
  problems: ProblemList,
): OpenWindow | undefined {
  const moment = (value: string, part: "opens" | "closes") => {
    if (value.length === 10) {
      const day = DateTime.fromISO(value, { zone });
      if (!day.isValid) {
        problems.add(file, `${field}.${part}`, `"${value}" is not a real date`);
        return undefined;
      }
      const text = formatDateRange(day, day, locale);
      return { at: part === "closes" ? day.plus({ days: 1 }) : day, text };
    }
    const parsed = parseLocalDateTime(value.replace("T", " "), zone);
    if (!parsed.ok) {
      problems.add(file, `${field}.${part}`, parsed.message);
      return undefined;
    }
    const day = formatDateRange(parsed.value, parsed.value, locale);
    const time = `${formatClock(parsed.value, locale)} ${zoneAbbreviation(parsed.value)}`;
    // An incomplete catalogue is reported with the content's problems; until then, English's comma.
    const text = languageProblems(locale).length > 0 ? `${day}, ${time}` : translatorFor(locale).t("session.dayTime", { day, time });
    return { at: parsed.value, text };
  };
  const opens = written.opens === undefined ? undefined : moment(written.opens, "opens");
  const closes = moment(written.closes, "closes");
  if (!closes || (written.opens !== undefined && !opens)) return undefined;
  if (opens && opens.at >= closes.at) {
    problems.add(file, `${field}.closes`, `${written.closes} is not after opens (${written.opens})`);
    return undefined;
  }
  return { url: written.url, opens: opens?.at, closes: closes.at, closesText: closes.text, opensText: opens?.text };
}

/** Whole days from one `YYYY-MM-DD` date to another (negative when `to` comes first). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A collection's files, read and split, and what is known about the ones that could not be. */
interface CollectionFiles {
  files: RawFile[];
  /** Slugs of files that exist but could not be read, parsed or named properly: already reported. */
  broken: Set<string>;
  /** False when the folder itself was refused or misnamed: its files are unknown, not absent. */
  complete: boolean;
  /** The image files beside the `.md` files (blog/ only): see `CollectionListing`. */
  images: CollectionListing["images"];
}

function readCollection(folder: ContentFolder, collection: Collection, problems: ProblemList, outputDir: string | undefined, cache: LoadCache | undefined): CollectionFiles {
  const listing = listCollection(folder, collection, problems);
  const broken = new Set<string>();
  for (const stem of listing.misnamed) {
    const slug = slugFromFileName(stem);
    if (slug.ok) broken.add(slug.slug);
  }
  const bySlug = new Map<string, string>();
  const files: RawFile[] = [];
  // Read one after another with synchronous calls: for thousands of small files that is
  // several times faster than thousands of concurrent promise reads through libuv's pool.
  for (const entry of listing.files) {
    const raw = readContentFile(folder.root, entry, problems, cache);
    if (!raw) continue;
    if (typeof raw === "string") {
      broken.add(raw);
      continue;
    }
    const tooLong = outputDir === undefined ? undefined : outputPathProblem(outputDir, collection, raw.slug);
    if (tooLong) {
      problems.add(raw.file, "", tooLong);
      broken.add(raw.slug);
      continue;
    }
    const key = raw.slug.normalize("NFC").toLowerCase();
    const other = bySlug.get(key);
    if (other) {
      problems.add(raw.file, "", `gives ${claimOf(collection, raw.slug)}, which ${other} also has; rename one of them`);
      continue;
    }
    bySlug.set(key, raw.file);
    files.push(raw);
  }
  return { files, broken, complete: listing.complete, images: listing.images };
}

/** The file read and split; its slug alone when it could not be; undefined when its name gives no slug. */
function readContentFile(root: string, entry: CollectionFile, problems: ProblemList, cache: LoadCache | undefined): RawFile | string | undefined {
  // A plain file (not a link) the cache has seen as it is needs no reading: it passed every check
  // then, its name's too, and it is handed out as the same object.
  const real = entry.path.real;
  const id = real === undefined ? undefined : cache?.identity(real, entry.path.absolute);
  const known = id === undefined ? undefined : cache!.parsedById(real!, id);
  if (known) {
    return cache!.derived(known, entry.path.absolute, () => {
      const slug = slugFromFileName(entry.name.slice(0, -".md".length));
      return { file: displayPath(entry.path.absolute), slug: slug.ok ? slug.slug : "", data: known.data, body: known.body };
    });
  }
  const file = displayPath(entry.path.absolute);
  const slug = slugFromFileName(entry.name.slice(0, -".md".length));
  if (!slug.ok) {
    problems.add(file, "", slug.message);
    return undefined;
  }
  const bytes = readContentBytes(root, entry.path, problems);
  const text = bytes && decodeText(bytes, file, problems);
  if (text === undefined) return slug.slug;
  const same = id === undefined ? undefined : cache!.parsedByText(real!, id, text);
  if (same) return { file, slug: slug.slug, data: same.data, body: same.body };
  const own = new ProblemList();
  const parsed = parseMarkdownFile(text, file, own);
  problems.items.push(...own.items);
  if (parsed && id !== undefined && own.items.length === 0) cache!.rememberParsed(real!, id, text, parsed);
  return parsed ? { file, slug: slug.slug, data: parsed.data, body: parsed.body } : slug.slug;
}

function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}

export { ContentError };

/** What a file's slug claims: the address of its page, or for a sponsor (no page of its own) its id. */
function claimOf(collection: Collection, slug: string): string {
  if (collection === "sponsors") return `the sponsor id "${slug}"`;
  return `the address ${collection === "pages" ? freePagePath(slug) : pagePath(collection, slug)}`;
}
