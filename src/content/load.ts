import { existsSync } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { pagePath, SITE_PATHS } from "../site/urls.ts";
import {
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
import { Conference, type Event, type Post, type Speaker, type Talk, type Workshop } from "./model.ts";
import { looksLikeSlug, postSchema, readingMinutes } from "./post.ts";
import { outputPathProblem, slugFromFileName } from "./slug.ts";
import { speakerSchema } from "./speaker.ts";
import { didYouMean } from "./suggest.ts";
import { ROW_KINDS, SPOKEN_KINDS, talkSchema } from "./talk.ts";
import { validate, validFields } from "./validate.ts";
import type { PostImageWriter } from "./markdown.ts";
import { ContentImages } from "../media/content-images.ts";
import { workshopSchema } from "./workshop.ts";
import { findScheduleConflicts } from "../schedule/conflicts.ts";
import { parseLocalDateTime } from "../schedule/time.ts";
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
}

/** Turns bodies into HTML and plain text; a no-op when the caller only validates. */
interface BodyRenderer {
  untrusted(markdown: string): { html: string; summary: string };
  post(markdown: string, writeImage: PostImageWriter): { html: string; summary: string };
  truncate(text: string): string;
}

/** `checkImages`: when only validating, still render the posts that hold images, to check them. */
async function bodyRenderer(render: boolean, checkImages: boolean): Promise<BodyRenderer> {
  const empty = () => ({ html: "", summary: "" });
  if (!render && !checkImages) return { untrusted: empty, post: empty, truncate: (text) => text };
  const markdown = await import("./markdown.ts");
  if (!render) {
    return {
      untrusted: empty,
      post: (body, writeImage) => (markdown.renderPost(body, writeImage), { html: "", summary: "" }),
      truncate: (text) => text,
    };
  }
  return {
    untrusted: (body) => markdown.untrustedBody(body),
    post: (body, writeImage) => ({ html: markdown.renderPost(body, writeImage), summary: markdown.plainText(body) }),
    truncate: markdown.truncate,
  };
}

/** The URL prefix of a collection's pages: `/talks/`. */

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

  const folder = scanContentFolder(contentDir, root, problems);
  const event = await readEvent(folder, problems);
  const speakerFiles = readCollection(folder, "speakers", problems, options.outputDir);
  const talkFiles = readCollection(folder, "talks", problems, options.outputDir);
  const workshopFiles = readCollection(folder, "workshops", problems, options.outputDir);
  const postFiles = readCollection(folder, "blog", problems, options.outputDir);
  const bodies = await bodyRenderer(options.render ?? true, postFiles.files.some((raw) => raw.body.includes("![")));
  const images = new ContentImages(options.publicDir, problems, { dir: path.join(contentDir, "blog"), files: postFiles.images });

  const speakers = new Map<string, Speaker>();
  // Speakers whose file is there but broken (or a speakers folder that could not be read):
  // their own problem is reported, so references to them are not reported again.
  const invalidSpeakers = new Set(speakerFiles.broken);
  for (const raw of speakerFiles.files) {
    const fields = validate(speakerSchema, raw.data, raw.file, problems);
    if (!fields) {
      invalidSpeakers.add(raw.slug);
      continue;
    }
    const picture = fields.photo === undefined ? undefined : images.photo(raw.file, fields.photo);
    speakers.set(raw.slug, {
      ...fields,
      picture,
      slug: raw.slug,
      file: raw.file,
      url: pagePath("speakers", raw.slug),
      ...bodies.untrusted(raw.body),
      initials: initialsOf(fields.name),
    });
  }

  const linker = new Linker(event, speakers, speakerFiles.complete ? invalidSpeakers : undefined, problems);
  const talks: Talk[] = [];
  for (const raw of talkFiles.files) {
    // On a schema failure the valid reference and time fields are still checked, and their
    // lines come first, as a reader meets them: an unknown speaker shows with a bad duration.
    const own = new ProblemList();
    const fields = validate(talkSchema, raw.data, raw.file, own);
    if (!fields) {
      const valid = validFields(talkSchema, raw.data, ["speakers", "room", "start"]);
      linker.checkParts(raw.file, { field: "speakers", people: valid.speakers, room: valid.room === "all" ? undefined : valid.room, start: valid.start });
    }
    problems.items.push(...own.items);
    if (!fields) continue;
    const people = linker.people(raw.file, "speakers", fields.speakers, "speaker");
    if (fields.speakers.length === 0 && SPOKEN_KINDS.has(fields.kind)) {
      problems.add(raw.file, "speakers", `a ${fields.kind} needs at least one speaker (rows such as lunch take kind: break or kind: meal)`);
    }
    const room = fields.room === undefined || fields.room === "all" ? undefined : linker.room(raw.file, fields.room);
    const times = linker.times(raw.file, fields.start, fields.duration);
    if (!times || room === null) continue;
    talks.push({
      ...fields,
      ...times,
      type: "talk",
      slug: raw.slug,
      file: raw.file,
      url: ROW_KINDS.has(fields.kind) ? undefined : pagePath("talks", raw.slug),
      speakers: people,
      room,
      ...bodies.untrusted(raw.body),
    });
  }

  const workshops: Workshop[] = [];
  for (const raw of workshopFiles.files) {
    const own = new ProblemList();
    const fields = validate(workshopSchema, raw.data, raw.file, own);
    if (!fields) {
      const valid = validFields(workshopSchema, raw.data, ["leaders", "room", "start"]);
      linker.checkParts(raw.file, { field: "leaders", people: valid.leaders, room: valid.room, start: valid.start });
    }
    problems.items.push(...own.items);
    if (!fields) continue;
    const leaders = linker.people(raw.file, "leaders", fields.leaders, "speaker");
    const room = linker.room(raw.file, fields.room);
    const times = linker.times(raw.file, fields.start, fields.duration);
    if (!times || !room) continue;
    workshops.push({
      ...fields,
      ...times,
      type: "workshop",
      slug: raw.slug,
      file: raw.file,
      url: pagePath("workshops", raw.slug),
      leaders,
      room,
      ...bodies.untrusted(raw.body),
    });
  }

  const posts: Post[] = [];
  for (const raw of postFiles.files) {
    const fields = validate(postSchema, raw.data, raw.file, problems);
    if (!fields) continue;
    if (raw.slug === "tags") problems.add(raw.file, "", `gives the address ${SITE_PATHS.blogTags}, which the list of the blog's tags has; rename the file`);
    const authorSpeaker = speakers.get(fields.author);
    if (!authorSpeaker && looksLikeSlug(fields.author) && speakerFiles.complete && !invalidSpeakers.has(fields.author)) {
      const hint = didYouMean(fields.author, speakers.keys()) || "; for an author who is not a speaker, write their name as it should be shown";
      problems.add(raw.file, "author", `unknown speaker "${fields.author}"${hint}`);
    }
    if (fields.draft && !options.drafts) continue;
    const body = bodies.post(raw.body, images.postImages(raw.file));
    posts.push({
      ...fields,
      slug: raw.slug,
      file: raw.file,
      url: pagePath("blog", raw.slug),
      date: DateTime.fromISO(fields.date, { zone: event?.timezone ?? "utc" }),
      author: authorSpeaker?.name ?? fields.author,
      authorSpeaker,
      html: body.html,
      summary: fields.summary ?? bodies.truncate(body.summary),
      readingMinutes: readingMinutes(body.summary),
    });
  }

  for (const clash of findScheduleConflicts([...talks, ...workshops])) problems.add(clash.file, clash.field, clash.message);
  problems.throwIfAny();
  const byStart = <T extends { start: DateTime; slug: string }>(a: T, b: T) =>
    a.start.toMillis() - b.start.toMillis() || a.slug.localeCompare(b.slug);
  return new Conference(
    event!,
    talks.sort(byStart),
    [...speakers.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || a.slug.localeCompare(b.slug)),
    workshops.sort(byStart),
    posts.sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.slug.localeCompare(b.slug)),
    images.used,
  );
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

  times(file: string, start: string, duration: number): { start: DateTime; end: DateTime; duration: number } | undefined {
    if (!this.event) return undefined;
    const parsed = parseLocalDateTime(start, this.event.timezone);
    if (!parsed.ok) {
      this.problems.add(file, "start", parsed.message);
      return undefined;
    }
    // The written date is the event-local date (an explicit offset only picks between the two
    // instants of a repeated hour), so it compares as text with the event's ISO dates.
    const date = start.slice(0, 10);
    if (date < this.firstDay || date > this.lastDay) {
      this.problems.add(
        file,
        "start",
        `${parsed.value.toFormat("yyyy-MM-dd")} is outside the event's dates (${this.firstDay} to ${this.lastDay} in event.yaml)`,
      );
      return undefined;
    }
    const end = DateTime.fromMillis(parsed.value.toMillis() + duration * 60_000, { zone: parsed.value.zone });
    return { start: parsed.value, end, duration };
  }
}

async function readEvent(folder: ContentFolder, problems: ProblemList): Promise<Event | undefined> {
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
  const data = parseYaml(text, file, problems, 1, "file");
  const fields = data && validate(eventSchema, data, file, problems);
  if (!fields) return undefined;

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
  return { ...fields, timezone: zone.zone, file, start, end, days };
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

function readCollection(folder: ContentFolder, collection: Collection, problems: ProblemList, outputDir: string | undefined): CollectionFiles {
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
    const raw = readContentFile(folder.root, entry, problems);
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
      problems.add(raw.file, "", `gives the address ${pagePath(collection, raw.slug)}, which ${other} also has; rename one of them`);
      continue;
    }
    bySlug.set(key, raw.file);
    files.push(raw);
  }
  return { files, broken, complete: listing.complete, images: listing.images };
}

/** The file read and split; its slug alone when it could not be; undefined when its name gives no slug. */
function readContentFile(root: string, entry: CollectionFile, problems: ProblemList): RawFile | string | undefined {
  const file = displayPath(entry.path.absolute);
  const slug = slugFromFileName(entry.name.slice(0, -".md".length));
  if (!slug.ok) {
    problems.add(file, "", slug.message);
    return undefined;
  }
  const bytes = readContentBytes(root, entry.path, problems);
  const text = bytes && decodeText(bytes, file, problems);
  const parsed = text === undefined ? undefined : parseMarkdownFile(text, file, problems);
  return parsed ? { file, slug: slug.slug, data: parsed.data, body: parsed.body } : slug.slug;
}

function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}

export { ContentError };
