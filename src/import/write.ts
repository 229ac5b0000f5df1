import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { isMap, parse, parseDocument, Scalar, stringify } from "yaml";
import { chooseSlug, type ScaffoldKind } from "../cli/scaffold.ts";
import { speakerSchema } from "../content/speaker.ts";
import { talkSchema, type TalkKind } from "../content/talk.ts";
import { workshopSchema } from "../content/workshop.ts";
import { isWebUrl } from "../content/fields.ts";
import { toSlug } from "../content/slug.ts";
import { formatOffset, parseLocalDateTime } from "../schedule/time.ts";
import { resolveZoneName } from "../schedule/zone-names.ts";
import { ImportError, type ImportedEvent, type ImportedPerson, type ImportedProgramme, type ImportedTime } from "./programme.ts";

/** The file in the content folder that remembers what the last import wrote (its name starts with `.`, so the loader skips it). */
export const STATE_FILE = ".lectern-import.yaml";

/** The content files an import reads: paths relative to the content folder (`talks/x.md`) to their text. */
export type ContentFiles = ReadonlyMap<string, string>;

export interface ImportSettings {
  /** The source file as shown in messages. */
  file: string;
  /** `--timezone`, when given. */
  timezone?: string;
  /** `--prune`: delete files an earlier import wrote whose events are gone from the source. */
  prune: boolean;
  /** How the content folder is shown in messages (`content`). */
  contentLabel: string;
}

/** What an import would do to the content folder. */
export interface ImportPlan {
  /** Paths relative to the content folder mapped to their new text (the state file included). */
  writes: Map<string, string>;
  deletes: string[];
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
  /** One line each: the zone used, hand edits kept, unknown types, placeholders, files left in place. */
  notes: string[];
}

/** Per file: the source's key and a hash of each field as last imported, so that hand edits can be told apart. */
interface FileState {
  key: string;
  fields: Record<string, string>;
  /** The tags the source gave last time: tags beyond these were added by hand and stay. */
  tags?: string[];
}

interface ImportState {
  rooms: Record<string, string>;
  files: Record<string, FileState>;
}

const KIND_RULES: Array<[RegExp, TalkKind | "workshop"]> = [
  [/keynote/, "keynote"],
  [/lightning|ignite|pecha/, "lightning"],
  [/workshop|hands-on|handson|tutorial|training|(^|-)lab($|-)/, "workshop"],
  [/panel|podium|discussion|fishbowl/, "panel"],
  [/open-space|openspace|unconference|bof|birds|meetup|meeting/, "open-space"],
  [/lunch|dinner|breakfast|meal|food/, "meal"],
  [/break|pause|coffee|registration/, "break"],
  [/social|party|reception|networking|drinks/, "social"],
  [/^(talk|lecture|presentation|session|vortrag|short-talk|long-talk|talk-.*|.*-talk|contribution)$/, "talk"],
];

/** A source type as a Lectern kind; undefined for a type no rule knows. */
export function kindOf(type: string): TalkKind | "workshop" | undefined {
  const normal = type.trim().toLowerCase().replace(/[\s_]+/g, "-");
  if (normal === "") return "talk";
  return KIND_RULES.find(([pattern]) => pattern.test(normal))?.[1];
}

const hash = (value: unknown): string =>
  value === undefined ? "-" : createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 12);

/**
 * Plans an import: every file it would add, change or remove, and the state it leaves, from
 * the programme and the content folder's files as they are. Nothing is written here; every
 * problem with the source (no time zone, a time that does not exist, two events with one id)
 * is thrown as one {@link ImportError} before anything is.
 */
export function planImport(programme: ImportedProgramme, existing: ContentFiles, settings: ImportSettings): ImportPlan {
  const { file } = settings;
  const problems: string[] = [];
  const notes: string[] = [];
  const state = readState(existing.get(STATE_FILE));
  const currentEvent = readYaml(existing.get("event.yaml"));

  // The time zone: --timezone, else the source's, else event.yaml's.
  const written = settings.timezone ?? programme.timezone ?? (typeof currentEvent?.timezone === "string" ? currentEvent.timezone : undefined);
  const from = settings.timezone ? "--timezone" : programme.timezone ? "the source" : "event.yaml";
  if (!written) {
    throw new ImportError([
      `${file}: names no time zone; pass --timezone with the event's IANA zone (e.g. --timezone Europe/Berlin), or import into a content folder whose event.yaml has one`,
    ]);
  }
  const zoneName = resolveZoneName(written);
  if (!zoneName.ok) throw new ImportError([`${file}: time zone (from ${from}): ${zoneName.message}`]);
  const zone = zoneName.zone;
  notes.push(`time zone ${zone}, from ${from}`);
  const dayChange = programme.dayChange ?? (typeof currentEvent?.day_change === "string" ? currentEvent.day_change : "04:00");
  const [changeHours, changeMinutes] = dayChange.split(":").map(Number) as [number, number];

  // Ids: two events with one id would be one file.
  const byKey = new Map<string, ImportedEvent>();
  for (const event of programme.events) {
    if (!event.key) continue;
    const other = byKey.get(event.key);
    if (other) problems.push(`${file}: ${event.where}: ${describeKey(event.key)} is also the id of ${other.where} ("${other.title}"); each event needs its own`);
    else byKey.set(event.key, event);
  }

  // Times, as instants in the event's zone.
  const timed = new Map<ImportedEvent, { start: DateTime; minutes: number }>();
  for (const event of programme.events) {
    if (!event.start) continue;
    const start = toInstant(event.start, zone, `${file}: ${event.where}: start`, problems);
    if (!start) continue;
    let minutes = event.duration;
    if (event.end) {
      const end = toInstant(event.end, zone, `${file}: ${event.where}: end`, problems);
      if (!end) continue;
      minutes = Math.round(end.diff(start, "minutes").minutes);
    }
    if (minutes === undefined) {
      problems.push(`${file}: ${event.where}: duration: missing; an event with a start needs a length`);
      continue;
    }
    if (minutes < 1 || minutes > 24 * 60) {
      problems.push(`${file}: ${event.where}: duration: ${minutes} minutes; a session runs from 1 minute to a day`);
      continue;
    }
    timed.set(event, { start, minutes });
  }
  if (problems.length) throw new ImportError(problems);

  // The event's days: the source's, widened to every session's conference day.
  const dayOf = (dt: DateTime) => dt.minus({ hours: changeHours, minutes: changeMinutes }).toISODate()!;
  const days = [...timed.values()].map(({ start }) => dayOf(start));
  if (programme.start) days.push(programme.start);
  if (programme.end) days.push(programme.end);
  if (days.length === 0) throw new ImportError([`${file}: no event has a date, and the source names no start or end; nothing to import`]);
  days.sort();
  const firstDay = days[0]!;
  const lastDay = days.at(-1)!;
  const span = DateTime.fromISO(lastDay).diff(DateTime.fromISO(firstDay), "days").days + 1;

  // Rooms: ids kept from the state and event.yaml, new ones from the name.
  const existingRooms = Array.isArray(currentEvent?.rooms) ? (currentEvent.rooms as Array<{ id?: unknown; name?: unknown }>) : [];
  const roomNames = [...programme.rooms];
  for (const event of programme.events) if (event.room && timed.has(event) && !roomNames.includes(event.room)) roomNames.push(event.room);
  const usedRooms = new Set(programme.events.filter((event) => timed.has(event) && event.room).map((event) => event.room!));
  const roomIds = new Set(existingRooms.map((room) => String(room.id)));
  const roomIdOf = new Map<string, string>();
  for (const name of roomNames) {
    const known = state.rooms[name] ?? existingRooms.find((room) => String(room.name).toLowerCase() === name.toLowerCase())?.id;
    const id = known === undefined ? unique(toSlug(name) || "room", roomIds) : String(known);
    roomIds.add(id);
    roomIdOf.set(name, id);
  }
  const rooms = roomNames.filter((name) => usedRooms.has(name) || programme.rooms.includes(name)).map((name) => ({ id: roomIdOf.get(name)!, name }));
  // Rooms added by hand stay, after the source's.
  for (const room of existingRooms) {
    if (typeof room.id === "string" && typeof room.name === "string" && !rooms.some((r) => r.id === room.id)) rooms.push({ id: room.id, name: room.name });
  }

  // People, one file each: the same id, or else the same name, is the same person.
  const existingNames = new Map<string, string>();
  const taken = { talks: takenNames(existing, "talks"), workshops: takenNames(existing, "workshops"), speakers: takenNames(existing, "speakers") };
  for (const [path, text] of existing) {
    const m = /^speakers\/([^/]+)\.md$/.exec(path);
    if (!m) continue;
    const name = readFrontMatter(text)?.data.name;
    if (typeof name === "string") existingNames.set(normalName(name), `speakers/${m[1]}.md`);
  }
  const pathOfFile = new Map(Object.entries(state.files).map(([path, entry]) => [entry.key, path]));
  const people: Array<{ person: ImportedPerson; key: string; path: string }> = [];
  const personByKey = new Map<string, (typeof people)[number]>();
  const personByName = new Map<string, (typeof people)[number]>();
  const personOf = (person: ImportedPerson) => {
    const nameKey = `name:${normalName(person.name)}`;
    let found = (person.key && personByKey.get(person.key)) || personByName.get(nameKey);
    if (!found) {
      const key = person.key ?? nameKey;
      const known = pathOfFile.get(`person:${key}`) ?? pathOfFile.get(`person:${nameKey}`) ?? existingNames.get(normalName(person.name));
      const path = known ?? `speakers/${newSlug("speaker", person.name, taken.speakers)}.md`;
      found = { person: { ...person }, key: `person:${key}`, path };
      people.push(found);
    } else {
      for (const field of ["bio", "photo", "company", "role", "twitter", "website"] as const) found.person[field] ??= person[field];
    }
    if (person.key) personByKey.set(person.key, found);
    personByName.set(nameKey, found);
    return found;
  };

  const plan: ImportPlan = { writes: new Map(), deletes: [], added: [], changed: [], unchanged: [], removed: [], notes };
  const newState: ImportState = { rooms: Object.fromEntries(rooms.map((room) => [room.name, room.id])), files: {} };
  const kept: string[] = [];
  const unknownTypes = new Map<string, number>();
  const asOpenSpace: string[] = [];
  const unscheduled: string[] = [];
  const show = (path: string) => `${settings.contentLabel}/${path}`;

  /** Writes one file; `movedFrom` is the file an earlier import wrote for the same event under another name. */
  const emit = (path: string, key: string, imported: Record<string, unknown>, body: string, order: readonly string[], movedFrom?: string) => {
    const before = existing.get(movedFrom ?? path);
    const current = before === undefined ? undefined : readFrontMatter(before);
    if (before !== undefined && !current) {
      problems.push(`${show(path)}: cannot read its front matter to bring it up to date; fix the file, or move it away and import again`);
      return;
    }
    const previous = state.files[movedFrom ?? path]?.key === key ? state.files[movedFrom ?? path] : undefined;
    const merged = mergeFields(imported, body, current, previous);
    if (merged.kept.length) kept.push(`${show(path)}: kept as edited by hand: ${merged.kept.join(", ")}`);
    // A file whose fields and body are what they were keeps its bytes; one that changes keeps its own order of fields.
    const same = current && hash(merged.data) === hash(current.data) && merged.body.trim() === current.body.trim();
    const text = same ? before! : serialise(merged.data, merged.body, current ? [...Object.keys(current.data), ...order] : order);
    newState.files[path] = { key, fields: { ...Object.fromEntries(Object.entries(imported).map(([k, v]) => [k, hash(v)])), body: hash(body.trim()) }, ...(Array.isArray(imported.tags) && imported.tags.length ? { tags: imported.tags as string[] } : {}) };
    if (movedFrom) {
      // Scheduled or unscheduled since (talks/_x.md ↔ talks/x.md), or now a workshop: the file moves with its hand edits.
      plan.deletes.push(movedFrom);
      plan.changed.push(path);
      plan.writes.set(path, text);
      notes.push(`${show(movedFrom)} moved to ${show(path)}`);
    } else record(plan, path, before, text);
  };

  for (const event of programme.events) {
    const time = timed.get(event);
    let kind = kindOf(event.type);
    if (kind === undefined) {
      unknownTypes.set(event.type, (unknownTypes.get(event.type) ?? 0) + 1);
      kind = "talk";
    }
    const speakers = [...new Set(event.persons.map((person) => personOf(person).path))].map((path) => path.slice("speakers/".length, -".md".length));
    if (kind === "workshop" && (!event.room || speakers.length === 0)) kind = speakers.length ? "talk" : "open-space";
    if ((kind === "talk" || kind === "keynote" || kind === "panel" || kind === "lightning") && speakers.length === 0) {
      asOpenSpace.push(event.title);
      kind = "open-space";
    }
    const folder = kind === "workshop" ? "workshops" : "talks";
    const key = `event:${event.key ?? `title:${normalName(event.title)}`}`;
    let path = pathOfFile.get(key);
    const wanted = time ? "" : "_";
    let movedFrom: string | undefined;
    if (path && (!path.startsWith(`${folder}/`) || path.startsWith(`${folder}/_`) !== !time)) {
      movedFrom = existing.has(path) ? path : undefined;
      const stem = path.slice(path.indexOf("/") + 1, -".md".length).replace(/^_/, "");
      path = `${folder}/${wanted}${newSlug(folder === "talks" ? "talk" : "workshop", stem, taken[folder], wanted)}.md`;
    }
    path ??= `${folder}/${wanted}${newSlug(folder === "talks" ? "talk" : "workshop", event.title, taken[folder], wanted)}.md`;
    if (!time) unscheduled.push(show(path));
    const start = time ? wallClock(time.start, zone) : undefined;
    const room = event.room && time ? roomIdOf.get(event.room) : undefined;
    const body = [event.abstract, event.feedback ? `[Give feedback on this session](${event.feedback})` : ""].filter(Boolean).join("\n\n");
    const links = { slides: link(event.slides), video: link(event.video), code: link(event.code) };
    if (kind === "workshop") {
      emit(path, key, { title: event.title, leaders: speakers, start, duration: time?.minutes, room, level: "intermediate", tags: event.tags }, body, Object.keys(workshopSchema.shape), movedFrom);
    } else {
      const isRow = kind === "break" || kind === "meal" || kind === "social";
      emit(
        path,
        key,
        { title: event.title, speakers: isRow ? undefined : speakers, start, duration: time?.minutes, room, tags: event.tags, kind: kind === "talk" ? undefined : kind, ...links },
        body,
        Object.keys(talkSchema.shape),
        movedFrom,
      );
    }
  }

  let placeholders = 0;
  for (const { person, key, path } of people) {
    if ((!person.company || !person.role) && !existing.has(path)) placeholders++;
    emit(
      path,
      key,
      {
        name: person.name,
        company: person.company ?? "To be confirmed",
        role: person.role ?? "Speaker",
        twitter: person.twitter,
        website: link(person.website),
        photo: person.photo && isWebUrl(person.photo) ? person.photo : undefined,
      },
      person.bio ?? "",
      Object.keys(speakerSchema.shape),
    );
  }

  // event.yaml: the facts the source has; a new one gets placeholders for what it has not.
  const eventFields: Record<string, unknown> = {
    name: programme.title ?? currentEvent?.name ?? "Imported conference",
    timezone: zone,
    start: firstDay,
    end: lastDay,
    maxDays: span > 31 ? Math.min(366, span) : undefined,
    rooms,
    day_change: programme.dayChange,
    acronym: programme.acronym && /^[a-z0-9_]{4,}$/.test(programme.acronym) ? programme.acronym : undefined,
    url: programme.url && isWebUrl(programme.url) && !/[?#]/.test(programme.url) ? programme.url : undefined,
  };
  const eventText = existing.get("event.yaml");
  if (eventText === undefined) {
    const missing = [...(programme.title ? [] : ["name"]), "tagline", "venue", ...(eventFields.url ? [] : ["url"])];
    notes.push(`${show("event.yaml")}: ${missing.join(", ")}: not in the source; written as placeholders to edit`);
    const data = {
      name: eventFields.name,
      tagline: eventFields.name,
      url: eventFields.url ?? "https://example.org/",
      timezone: zone,
      start: firstDay,
      end: lastDay,
      ...(eventFields.maxDays ? { maxDays: eventFields.maxDays } : {}),
      venue: { name: "To be announced", address: "To be announced" },
      rooms,
      ...(eventFields.acronym ? { acronym: eventFields.acronym } : {}),
      ...(eventFields.day_change ? { day_change: eventFields.day_change } : {}),
    };
    // Quoted, so that a YAML 1.1 reader does not take 04:00 for a number of minutes.
    const text = stringify(data, { lineWidth: 0, blockQuote: false }).replace(/^day_change: (\d\d:\d\d)$/m, 'day_change: "$1"');
    record(plan, "event.yaml", undefined, text);
  } else {
    const doc = parseDocument(eventText, { schema: "core" });
    if (doc.errors.length || !isMap(doc.contents)) {
      problems.push(`${show("event.yaml")}: cannot read it to bring it up to date; fix it (npm run check says how), then import again`);
    } else {
      const previous = state.files["event.yaml"];
      const keptHere: string[] = [];
      for (const [field, value] of Object.entries(eventFields)) {
        if (value === undefined && field !== "maxDays") continue;
        const current = doc.get(field, false);
        const currentValue = current === undefined ? undefined : (doc.toJS() as Record<string, unknown>)[field];
        if (previous && previous.fields[field] !== hash(currentValue) && hash(currentValue) !== hash(value) && currentValue !== undefined) {
          keptHere.push(field);
          continue;
        }
        if (!previous && currentValue !== undefined && field !== "rooms" && field !== "start" && field !== "end" && field !== "timezone") continue;
        if (value === undefined) doc.delete(field);
        else if (field === "day_change") doc.set(field, Object.assign(doc.createNode(value), { type: Scalar.QUOTE_DOUBLE }));
        else doc.set(field, value);
      }
      if (keptHere.length) kept.push(`${show("event.yaml")}: kept as edited by hand: ${keptHere.join(", ")}`);
      record(plan, "event.yaml", eventText, doc.toString({ lineWidth: 0 }));
    }
  }
  newState.files["event.yaml"] = { key: "event", fields: Object.fromEntries(Object.entries(eventFields).map(([k, v]) => [k, hash(v)])) };

  // Files an earlier import wrote whose events are gone from the source.
  const gone = Object.keys(state.files).filter((path) => !(path in newState.files) && existing.has(path) && !plan.deletes.includes(path));
  for (const path of gone) {
    if (settings.prune) {
      plan.deletes.push(path);
      plan.removed.push(path);
    } else {
      newState.files[path] = state.files[path]!;
    }
  }
  if (gone.length && !settings.prune) notes.push(`${gone.length} file${gone.length === 1 ? "" : "s"} no longer in the source left in place (--prune removes them): ${gone.map(show).join(", ")}`);
  if (problems.length) throw new ImportError(problems);

  for (const [type, count] of unknownTypes) notes.push(`type "${type}" (${count} event${count === 1 ? "" : "s"}) is not a kind Lectern knows: written as talk`);
  if (asOpenSpace.length) notes.push(`${asOpenSpace.length} session${asOpenSpace.length === 1 ? "" : "s"} without speakers written as kind open-space: ${asOpenSpace.map((t) => `"${t}"`).join(", ")}`);
  if (unscheduled.length) notes.push(`${unscheduled.length} event${unscheduled.length === 1 ? "" : "s"} without a time written with a leading _ (skipped by the build until you give a start and rename): ${unscheduled.join(", ")}`);
  if (placeholders) notes.push(`${placeholders} speaker${placeholders === 1 ? "" : "s"} without a company or role in the source: written as "To be confirmed" and "Speaker"`);
  notes.push(...kept);

  const stateText = renderState(newState, programme, settings.file);
  if (existing.get(STATE_FILE) !== stateText) plan.writes.set(STATE_FILE, stateText);
  return plan;
}

function record(plan: ImportPlan, path: string, before: string | undefined, text: string): void {
  if (before === undefined) plan.added.push(path);
  else if (before === text) {
    plan.unchanged.push(path);
    return;
  } else plan.changed.push(path);
  plan.writes.set(path, text);
}

/** The imported fields merged into the file as it is: a field still as last imported takes the source's value; one edited by hand stays. */
function mergeFields(
  imported: Record<string, unknown>,
  body: string,
  current: { data: Record<string, unknown>; body: string } | undefined,
  previous: FileState | undefined,
): { data: Record<string, unknown>; body: string; kept: string[] } {
  if (!current) return { data: imported, body, kept: [] };
  const data: Record<string, unknown> = { ...current.data };
  const kept: string[] = [];
  for (const [field, value] of Object.entries(imported)) {
    const now = current.data[field];
    if (field === "tags" && Array.isArray(value)) {
      const last = new Set(previous?.tags ?? []);
      const byHand = Array.isArray(now) ? now.filter((tag) => !last.has(String(tag)) && !value.includes(tag)) : [];
      const tags = [...value, ...byHand];
      data.tags = tags.length || now !== undefined ? tags : undefined;
      continue;
    }
    const untouched = previous ? previous.fields[field] === hash(now) : now === undefined;
    if (untouched) data[field] = value;
    else if (hash(now) !== hash(value)) kept.push(field);
  }
  let newBody = current.body;
  const bodyUntouched = previous ? previous.fields.body === hash(current.body.trim()) : current.body.trim() === "";
  if (bodyUntouched) newBody = body;
  else if (current.body.trim() !== body.trim()) kept.push("body");
  return { data, body: newBody, kept };
}

function serialise(data: Record<string, unknown>, body: string, order: readonly string[]): string {
  const ordered: Record<string, unknown> = {};
  for (const key of [...order, ...Object.keys(data)]) {
    const value = data[key];
    if (value === undefined || key in ordered) continue;
    if (Array.isArray(value) && value.length === 0 && key !== "speakers") continue;
    ordered[key] = value;
  }
  const trimmed = body.trim();
  return `---\n${stringify(ordered, { lineWidth: 0, blockQuote: false })}---\n${trimmed ? `${trimmed}\n` : ""}`;
}

/** Front matter and body of a content file; undefined when its front matter cannot be read. */
export function readFrontMatter(text: string): { data: Record<string, unknown>; body: string } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!m) return undefined;
  try {
    const data = m[1]!.trim() === "" ? {} : parse(m[1]!, { schema: "core" });
    if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
    return { data: data as Record<string, unknown>, body: m[2]!.replace(/\r\n?/g, "\n") };
  } catch {
    return undefined;
  }
}

function readYaml(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const data = parse(text, { schema: "core" });
    return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readState(text: string | undefined): ImportState {
  const data = readYaml(text);
  const files = data && typeof data.files === "object" && data.files !== null ? (data.files as Record<string, FileState>) : {};
  const rooms = data && typeof data.rooms === "object" && data.rooms !== null ? (data.rooms as Record<string, string>) : {};
  return { rooms, files };
}

function renderState(state: ImportState, programme: ImportedProgramme, file: string): string {
  const sorted = Object.fromEntries(Object.entries(state.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const header = [
    "# Written by `npm run import`; keep it in git beside the content.",
    "# For each file the import wrote: the source's id for it and a short hash of each field as",
    "# imported. A field that still matches its hash is updated by the next import; one you",
    "# changed (or a tag you added) is left as you wrote it. Delete an entry to stop updating that file.",
  ];
  return `${header.join("\n")}\n${stringify({ source: { file: file.split("/").at(-1), format: programme.format }, rooms: state.rooms, files: sorted }, { lineWidth: 0 })}`;
}

/** A time as an instant in `zone`; a wall-clock time that does not exist there is a problem. */
function toInstant(time: ImportedTime, zone: string, where: string, problems: string[]): DateTime | undefined {
  if ("instant" in time) {
    const dt = DateTime.fromISO(time.instant, { setZone: true });
    if (!dt.isValid) {
      problems.push(`${where}: "${time.instant}" is not a date and time`);
      return undefined;
    }
    return dt.setZone(zone).startOf("minute");
  }
  const dt = DateTime.fromISO(time.local, { zone });
  if (!dt.isValid) {
    problems.push(`${where}: "${time.local}" is not a date and time`);
    return undefined;
  }
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== time.local) {
    problems.push(`${where}: ${time.local.replace("T", " ")} does not exist in ${zone} (the clocks go forward then)`);
    return undefined;
  }
  return dt;
}

/** `YYYY-MM-DD HH:mm`, with the offset in the hour that happens twice. */
export function wallClock(dt: DateTime, zone: string): string {
  const local = dt.toFormat("yyyy-MM-dd HH:mm");
  const read = parseLocalDateTime(local, zone);
  return read.ok && read.value.toMillis() === dt.toMillis() ? local : `${local} ${formatOffset(dt.offset)}`;
}

function link(url: string | undefined): string | undefined {
  return url && isWebUrl(url) ? url : undefined;
}

function normalName(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

function describeKey(key: string): string {
  const [kind, ...rest] = key.split(":");
  return `${kind} "${rest.join(":")}"`;
}

function takenNames(existing: ContentFiles, folder: string): Set<string> {
  const names = new Set<string>();
  for (const path of existing.keys()) if (path.startsWith(`${folder}/`)) names.add(path.slice(folder.length + 1).replace(/\.md$/, "").toLowerCase());
  return names;
}

/** A file name for a new entry from its title, not yet taken in its folder (any case): `lunch`, `lunch-2`. */
function newSlug(kind: ScaffoldKind, title: string, taken: Set<string>, prefix = ""): string {
  const { slug } = chooseSlug(kind, title, taken);
  let chosen = slug;
  for (let n = 2; taken.has(`${prefix}${chosen}`.toLowerCase()); n++) chosen = `${slug}-${n}`;
  taken.add(`${prefix}${chosen}`.toLowerCase());
  return chosen;
}

function unique(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`.toLowerCase())) return `${base}-${n}`;
}
