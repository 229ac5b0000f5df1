import { htmlToMarkdown } from "./html.ts";
import { assignLinks, ImportError, member, parseDuration, textOf, type ImportedEvent, type ImportedPerson, type ImportedProgramme } from "./programme.ts";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A c3voc `schedule.json` (as frab, pretalx and Lectern write it) as a programme. Each event's
 * `date` carries its UTC offset and is kept as that instant; without one, the day's date, the
 * event's `start` and the day change make a wall-clock time.
 */
export function readC3vocJson(data: unknown, file: string): ImportedProgramme {
  const problems: string[] = [];
  const fail = (where: string, message: string) => problems.push(`${file}: ${where}: ${message}`);
  const schedule = isObject(data) ? data.schedule : undefined;
  const conference = isObject(schedule) ? schedule.conference : undefined;
  if (!isObject(conference)) throw new ImportError([`${file}: schedule.conference: missing; not a c3voc schedule.json`]);
  if (!Array.isArray(conference.days)) throw new ImportError([`${file}: schedule.conference.days: missing; expected a list of days`]);

  const rooms: string[] = [];
  if (Array.isArray(conference.rooms)) {
    for (const room of conference.rooms) if (isObject(room) && textOf(room.name)) rooms.push(textOf(room.name)!);
  }
  const dayStart = conference.days.map((day) => (isObject(day) ? textOf(day.day_start) : undefined)).find(Boolean);
  const dayChange = dayStart && /T(\d{2}:\d{2})/.exec(dayStart)?.[1];

  const events: ImportedEvent[] = [];
  conference.days.forEach((day, d) => {
    const dayWhere = `schedule.conference.days[${d}]`;
    if (!isObject(day) || !isObject(day.rooms)) {
      fail(dayWhere, "expected a day with rooms");
      return;
    }
    for (const [roomName, list] of Object.entries(day.rooms)) {
      if (!rooms.includes(roomName)) rooms.push(roomName);
      if (!Array.isArray(list)) {
        fail(`${dayWhere}.rooms${member(roomName)}`, "expected a list of events");
        continue;
      }
      list.forEach((raw, i) => {
        const where = `${dayWhere}.rooms${member(roomName)}[${i}]`;
        if (!isObject(raw)) return fail(where, "expected an event");
        const title = textOf(raw.title);
        if (!title) return fail(`${where}.title`, "missing; every event needs a title");
        const duration = parseDuration(raw.duration);
        if (raw.duration !== undefined && duration === undefined) return fail(`${where}.duration`, `expected "HH:MM", got ${JSON.stringify(raw.duration)}`);
        const date = textOf(raw.date);
        let start: ImportedEvent["start"];
        if (date && /[+-]\d{2}:?\d{2}$|Z$/.test(date)) start = { instant: date };
        else if (date) return fail(`${where}.date`, `expected a date and time with its UTC offset, got "${date}"`);
        else if (textOf(raw.start) && textOf(day.date)) {
          const hm = /^(\d{2}):(\d{2})/.exec(textOf(raw.start)!);
          if (!hm) return fail(`${where}.start`, `expected "HH:MM", got "${textOf(raw.start)}"`);
          start = { local: `${textOf(day.date)}T${hm[1]}:${hm[2]}` };
        }
        const abstract = [textOf(raw.abstract), textOf(raw.description)].filter((t): t is string => t !== undefined).map(htmlToMarkdown).join("\n\n");
        const event: ImportedEvent = {
          where,
          key: keyOf(raw),
          title: [title, textOf(raw.subtitle)].filter(Boolean).join(": "),
          type: textOf(raw.type) ?? "",
          start,
          duration,
          room: textOf(raw.room) ?? roomName,
          tags: textOf(raw.track) ? [textOf(raw.track)!] : [],
          abstract,
          persons: Array.isArray(raw.persons) ? raw.persons.filter(isObject).map(personOf).filter((p): p is ImportedPerson => p !== undefined) : [],
        };
        const links = [...(Array.isArray(raw.links) ? raw.links : []), ...(Array.isArray(raw.attachments) ? raw.attachments : [])].filter(isObject);
        assignLinks(
          event,
          links.flatMap((link) => (textOf(link.url) ? [{ url: textOf(link.url)!, type: textOf(link.type), title: textOf(link.title) }] : [])),
        );
        if (textOf(raw.feedback_url)) event.feedback ??= textOf(raw.feedback_url);
        events.push(event);
      });
    }
  });
  if (problems.length) throw new ImportError(problems);
  return {
    format: "c3voc-json",
    title: textOf(conference.title),
    acronym: textOf(conference.acronym),
    url: textOf(conference.url) ?? textOf(schedule && (schedule as Json).base_url),
    start: textOf(conference.start)?.slice(0, 10),
    end: textOf(conference.end)?.slice(0, 10),
    timezone: textOf(conference.time_zone_name),
    dayChange,
    rooms,
    events,
  };
}

function keyOf(raw: Json): string | undefined {
  if (textOf(raw.guid)) return `guid:${textOf(raw.guid)!.toLowerCase()}`;
  if (textOf(raw.code)) return `code:${textOf(raw.code)}`;
  if (textOf(raw.id)) return `id:${textOf(raw.id)}`;
  return undefined;
}

function personOf(raw: Json): ImportedPerson | undefined {
  const name = textOf(raw.public_name) ?? textOf(raw.name) ?? textOf(raw.full_public_name);
  if (!name) return undefined;
  const bio = textOf(raw.biography);
  const avatar = textOf(raw.avatar);
  return {
    key: keyOf(raw),
    name,
    ...(bio ? { bio: htmlToMarkdown(bio) } : {}),
    ...(avatar && /^https:\/\//.test(avatar) ? { photo: avatar } : {}),
  };
}
