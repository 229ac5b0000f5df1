import { ImportError, textOf, type ImportedEvent, type ImportedPerson, type ImportedProgramme } from "./programme.ts";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const array = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** A category whose items say what kind of session it is, rather than its topic. */
const FORMAT_CATEGORY = /format|type|kind|length/i;

/**
 * Sessionize's "all data" JSON (`/api/v2/<id>/view/All`) as a programme. Its `startsAt` and
 * `endsAt` are wall-clock times without an offset, so the programme names no time zone: the
 * importer takes it from `--timezone` or event.yaml. Service sessions become breaks, plenum
 * sessions rows across every room; a "format"-like category gives the type, the others tags.
 */
export function readSessionize(data: unknown, file: string): ImportedProgramme {
  if (!isObject(data) || !Array.isArray(data.sessions)) throw new ImportError([`${file}: sessions: missing; not a Sessionize "all data" export`]);
  const problems: string[] = [];
  const fail = (where: string, message: string) => problems.push(`${file}: ${where}: ${message}`);

  const rooms = array(data.rooms)
    .slice()
    .sort((a, b) => Number(a.sort ?? 0) - Number(b.sort ?? 0));
  const roomName = new Map(rooms.map((room) => [String(room.id), textOf(room.name) ?? String(room.id)]));
  const itemName = new Map<string, { name: string; isFormat: boolean }>();
  for (const category of array(data.categories)) {
    const isFormat = FORMAT_CATEGORY.test(String(category.title ?? ""));
    for (const item of array(category.items)) if (textOf(item.name)) itemName.set(String(item.id), { name: textOf(item.name)!, isFormat });
  }
  const people = new Map<string, ImportedPerson>();
  for (const speaker of array(data.speakers)) {
    const name = textOf(speaker.fullName) ?? [textOf(speaker.firstName), textOf(speaker.lastName)].filter(Boolean).join(" ");
    if (!name || speaker.id === undefined) continue;
    const [role, company] = splitTagLine(textOf(speaker.tagLine));
    const person: ImportedPerson = { key: `id:${String(speaker.id)}`, name };
    if (textOf(speaker.bio)) person.bio = textOf(speaker.bio)!.replace(/\r\n?/g, "\n");
    if (textOf(speaker.profilePicture)?.startsWith("https://")) person.photo = textOf(speaker.profilePicture);
    if (role) person.role = role;
    if (company) person.company = company;
    for (const link of array(speaker.links)) {
      const url = textOf(link.url);
      const type = String(link.linkType ?? link.title ?? "").toLowerCase();
      if (!url) continue;
      if (type === "twitter") person.twitter ??= /(?:twitter|x)\.com\/@?([A-Za-z0-9_]{1,15})\/?$/.exec(url)?.[1];
      else if (/blog|website|company/.test(type) && /^https?:\/\//.test(url)) person.website ??= url;
    }
    people.set(String(speaker.id), person);
  }

  const events: ImportedEvent[] = [];
  data.sessions.forEach((raw, i) => {
    const where = `sessions[${i}]`;
    if (!isObject(raw)) return fail(where, "expected a session");
    const title = textOf(raw.title);
    if (!title) return fail(`${where}.title`, "missing; every session needs a title");
    const startsAt = textOf(raw.startsAt);
    const endsAt = textOf(raw.endsAt);
    let start: ImportedEvent["start"];
    let end: ImportedEvent["end"];
    if (startsAt) {
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(startsAt);
      if (!m) return fail(`${where}.startsAt`, `expected a local time such as "2024-05-01T09:00:00", got "${startsAt}"`);
      start = { local: `${m[1]}T${m[2]}` };
      if (endsAt) {
        const e = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(endsAt);
        if (!e) return fail(`${where}.endsAt`, `expected a local time such as "2024-05-01T09:45:00", got "${endsAt}"`);
        end = { local: `${e[1]}T${e[2]}` };
      }
    }
    const items = (Array.isArray(raw.categoryItems) ? raw.categoryItems : []).map((id) => itemName.get(String(id))).filter((item) => item !== undefined);
    const format = items.find((item) => item.isFormat)?.name;
    const type = raw.isServiceSession ? "break" : (format ?? "talk");
    const persons = (Array.isArray(raw.speakers) ? raw.speakers : []).flatMap((ref) => {
      const id = isObject(ref) ? String(ref.id) : String(ref);
      const person = people.get(id);
      if (!person && isObject(ref) && textOf(ref.name)) return [{ key: `id:${id}`, name: textOf(ref.name)! }];
      return person ? [person] : [];
    });
    const event: ImportedEvent = {
      where,
      key: raw.id === undefined ? undefined : `id:${String(raw.id)}`,
      title,
      type,
      start,
      end,
      room: raw.isPlenumSession || raw.roomId === undefined || raw.roomId === null ? undefined : (roomName.get(String(raw.roomId)) ?? textOf(raw.room)),
      tags: items.filter((item) => !item.isFormat).map((item) => item.name),
      abstract: (textOf(raw.description) ?? "").replace(/\r\n?/g, "\n"),
      persons,
    };
    if (textOf(raw.recordingUrl)) event.video = textOf(raw.recordingUrl);
    events.push(event);
  });
  if (problems.length) throw new ImportError(problems);
  return { format: "sessionize", rooms: rooms.map((room) => roomName.get(String(room.id))!), events };
}

/** "Developer Advocate at Acme" → role and company; a tag line without " at " is the role. */
function splitTagLine(tagLine: string | undefined): [string | undefined, string | undefined] {
  if (!tagLine) return [undefined, undefined];
  const at = tagLine.lastIndexOf(" at ");
  return at > 0 ? [tagLine.slice(0, at).trim(), tagLine.slice(at + 4).trim()] : [tagLine, undefined];
}
