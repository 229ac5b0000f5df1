import { readdirSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { stringify } from "yaml";
import { readContentBytes, isIgnored, type ContentFolder } from "./content-folder.ts";
import { displayPath, type ProblemList } from "./errors.ts";
import { decodeText, parseYaml } from "./front-matter.ts";
import type { Event } from "./model.ts";

/** One talk or workshop block as a release recorded it. */
export interface ReleasedSession {
  /** The session's guid (the same as in the exports): how releases tell sessions apart. */
  guid: string;
  kind: "talk" | "workshop";
  /** The file name without `.md`: where its page was. */
  slug: string;
  title: string;
  start: DateTime;
  end: DateTime;
  /** The room's id; undefined for a row across every room. */
  room: string | undefined;
  /** Slugs of its speakers or leaders. */
  speakers: string[];
}

/** A published version of the programme, read from `releases/<file>.yaml`. */
export interface Release {
  /** What the organiser called it: `v2: room swap on Saturday`. Unique among the releases. */
  name: string;
  /** When it was recorded (with its offset): orders the releases and dates their changes. */
  recorded: DateTime;
  /** The file, for messages. */
  file: string;
  sessions: ReleasedSession[];
}

const FIELDS = ["name", "recorded", "sessions"];
const SESSION_FIELDS = ["guid", "kind", "slug", "title", "start", "end", "room", "speakers"];
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads every `releases/*.yaml`, oldest first. Each problem is reported as `file: field:
 * message` and the file left out; the files are never changed. Two releases with one name or
 * one moment, and a release recorded after the event's last day, are refused.
 */
export function readReleases(folder: ContentFolder, event: Event | undefined, problems: ProblemList): Release[] {
  const found = folder.entries.get("releases");
  if (!found || found === "refused") return [];
  let names: string[];
  try {
    names = readdirSync(found.real ?? found.absolute).sort();
  } catch (error) {
    problems.add(displayPath(found.absolute), "", `cannot be read (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`);
    return [];
  }
  const releases: Release[] = [];
  for (const name of names) {
    if (isIgnored(name)) continue;
    const absolute = path.join(found.absolute, name);
    const file = displayPath(absolute);
    if (!/\.ya?ml$/.test(name)) {
      problems.add(file, "", "only .yaml files written by npm run release belong in releases/");
      continue;
    }
    const bytes = readContentBytes(folder.root, { absolute, real: found.real ? path.join(found.real, name) : undefined }, problems);
    const text = bytes && decodeText(bytes, file, problems);
    const data = text === undefined ? undefined : parseYaml(text, file, problems, 1, "file");
    const release = data && parseRelease(data, file, event, problems);
    if (release) releases.push(release);
  }
  releases.sort((a, b) => a.recorded.toMillis() - b.recorded.toMillis() || (a.file < b.file ? -1 : 1));
  for (let i = 1; i < releases.length; i++) {
    const release = releases[i]!;
    for (const earlier of releases.slice(0, i)) {
      if (earlier.name === release.name) problems.add(release.file, "name", `"${release.name}" is also the name of ${earlier.file}; every release needs its own name`);
      else if (earlier.recorded.toMillis() === release.recorded.toMillis()) problems.add(release.file, "recorded", `is the same moment as ${earlier.file}; releases are ordered by when they were recorded`);
    }
  }
  return releases;
}

function parseRelease(data: Record<string, unknown>, file: string, event: Event | undefined, problems: ProblemList): Release | undefined {
  const before = problems.items.length;
  for (const key of Object.keys(data)) if (!FIELDS.includes(key)) problems.add(file, key, `unknown field; a release has ${FIELDS.join(", ")}`);
  const name = typeof data.name === "string" ? data.name.trim() : "";
  if (!name) problems.add(file, "name", "is missing; a release needs a name, such as \"v2: room swap on Saturday\"");
  const recorded = time(data.recorded, file, "recorded", problems);
  if (recorded && event && recorded > event.end.endOf("day")) {
    problems.add(file, "recorded", `${recorded.toISO()} is after the event's last day (${event.end.toISODate()}); a release records the programme before or during the event`);
  }
  const sessions: ReleasedSession[] = [];
  if (!Array.isArray(data.sessions)) problems.add(file, "sessions", "must be a list of the sessions the release recorded");
  else {
    const guids = new Set<string>();
    data.sessions.forEach((entry: unknown, i: number) => {
      const session = parseSession(entry, file, `sessions[${i}]`, problems);
      if (!session) return;
      if (guids.has(session.guid)) problems.add(file, `sessions[${i}].guid`, `"${session.guid}" is listed twice`);
      guids.add(session.guid);
      sessions.push(session);
    });
  }
  if (problems.items.length > before || !recorded) return undefined;
  return { name, recorded, file, sessions };
}

function parseSession(entry: unknown, file: string, field: string, problems: ProblemList): ReleasedSession | undefined {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    problems.add(file, field, "must be a session (guid, kind, slug, title, start, end, room, speakers)");
    return undefined;
  }
  const data = entry as Record<string, unknown>;
  const before = problems.items.length;
  for (const key of Object.keys(data)) if (!SESSION_FIELDS.includes(key)) problems.add(file, `${field}.${key}`, `unknown field; a session has ${SESSION_FIELDS.join(", ")}`);
  const text = (key: string): string => {
    const value = data[key];
    if (typeof value === "string" && value.trim()) return value;
    problems.add(file, `${field}.${key}`, value === undefined ? "is missing" : "must be text");
    return "";
  };
  const guid = text("guid");
  if (guid && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(guid)) problems.add(file, `${field}.guid`, `"${guid}" is not a guid`);
  const kind = data.kind;
  if (kind !== "talk" && kind !== "workshop") problems.add(file, `${field}.kind`, "must be talk or workshop");
  const slug = text("slug");
  const title = text("title");
  const start = time(data.start, file, `${field}.start`, problems);
  const end = time(data.end, file, `${field}.end`, problems);
  if (start && end && end <= start) problems.add(file, `${field}.end`, "must be after start");
  const room = data.room === undefined || data.room === null ? undefined : data.room;
  if (room !== undefined && typeof room !== "string") problems.add(file, `${field}.room`, "must be a room id");
  const speakers = data.speakers ?? [];
  if (!Array.isArray(speakers) || !speakers.every((s) => typeof s === "string")) problems.add(file, `${field}.speakers`, "must be a list of speaker slugs");
  if (problems.items.length > before || !start || !end) return undefined;
  return { guid, kind: kind as "talk" | "workshop", slug, title, start, end, room: room as string | undefined, speakers: speakers as string[] };
}

function time(value: unknown, file: string, field: string, problems: ProblemList): DateTime | undefined {
  // YAML may read an unquoted time as a Date: what was written is then unknown, so it is refused too.
  if (typeof value !== "string" || !WITH_OFFSET.test(value)) {
    problems.add(file, field, value === undefined ? "is missing" : "must be a quoted date and time with its offset, such as \"2016-06-14T09:00:00-04:00\"");
    return undefined;
  }
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) {
    problems.add(file, field, `"${value}" is not a real date and time`);
    return undefined;
  }
  return parsed;
}

/** A release's file text: YAML, one session a block, every time with its offset, so a diff in review shows what moved. */
export function releaseText(release: Omit<Release, "file">): string {
  const document = {
    name: release.name,
    recorded: release.recorded.toISO({ suppressMilliseconds: true }),
    sessions: release.sessions.map((s) => ({
      guid: s.guid,
      kind: s.kind,
      slug: s.slug,
      title: s.title,
      start: s.start.toISO({ suppressMilliseconds: true }),
      end: s.end.toISO({ suppressMilliseconds: true }),
      room: s.room ?? null,
      speakers: s.speakers,
    })),
  };
  const header = "# A schedule release, written by `npm run release`. Commit it; do not edit it except to fix a mistake.\n";
  return header + stringify(document, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
}
