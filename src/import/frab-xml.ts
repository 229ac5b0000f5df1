import { XMLParser, XMLValidator } from "fast-xml-parser";
import { htmlToMarkdown } from "./html.ts";
import { assignLinks, ImportError, parseDuration, textOf, type ImportedEvent, type ImportedPerson, type ImportedProgramme } from "./programme.ts";

type Node = Record<string, unknown>;

const LISTS = new Set(["day", "room", "event", "person", "link", "attachment", "track"]);

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) => (isNode(item) ? item : { "#text": item }));
/** An element's text, whether the parser gave a string or an element with attributes. */
const textIn = (value: unknown): string | undefined => textOf(isNode(value) ? value["#text"] : value);
const attr = (node: Node, name: string): string | undefined => textOf(node[`@_${name}`]);

/** The line and column of a syntax error, or true for well-formed XML. */
export function checkXml(text: string): true | { line: number; col: number; message: string } {
  const result = XMLValidator.validate(text);
  return result === true ? true : { line: result.err.line, col: result.err.col, message: result.err.msg };
}

/**
 * A frab `schedule.xml` as a programme, including the older pentabarf shape: events without a
 * `<date>` get their day's date and `<start>`, on the next calendar day when they start before
 * the conference's `<day_change>`; durations may be written `HH:MM:SS`; persons may lack ids.
 */
export function readFrabXml(text: string, file: string): ImportedProgramme {
  const wellFormed = checkXml(text);
  if (wellFormed !== true) throw new ImportError([`${file}: line ${wellFormed.line}, column ${wellFormed.col}: not well-formed XML: ${wellFormed.message}`]);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => LISTS.has(name),
  });
  const root = parser.parse(text) as Node;
  const schedule = root.schedule;
  if (!isNode(schedule)) throw new ImportError([`${file}: <schedule>: missing; not a frab schedule.xml`]);
  const conference = isNode(schedule.conference) ? schedule.conference : {};
  const problems: string[] = [];
  const fail = (where: string, message: string) => problems.push(`${file}: ${where}: ${message}`);

  const dayChangeText = textIn(conference.day_change);
  const dayChange = dayChangeText && /^(\d{1,2}):(\d{2})/.exec(dayChangeText);
  const firstDayStart = list(schedule.day).map((day) => attr(day, "start")).find(Boolean);
  const changeAt = dayChange
    ? `${dayChange[1]!.padStart(2, "0")}:${dayChange[2]}`
    : firstDayStart && /T(\d{2}:\d{2})/.exec(firstDayStart)?.[1];
  const rooms: string[] = [];
  const events: ImportedEvent[] = [];

  list(schedule.day).forEach((day, d) => {
    const date = attr(day, "date");
    const dayWhere = `<day index="${attr(day, "index") ?? d + 1}">`;
    for (const room of list(day.room)) {
      const roomName = attr(room, "name");
      if (roomName && !rooms.includes(roomName)) rooms.push(roomName);
      list(room.event).forEach((raw, i) => {
        const id = attr(raw, "id");
        const where = `${dayWhere} <room name="${roomName ?? ""}"> <event${id ? ` id="${id}"` : ""}>${id ? "" : ` #${i + 1}`}`;
        const title = textIn(raw.title);
        if (!title) return fail(`${where} <title>`, "missing; every event needs a title");
        const durationText = textIn(raw.duration);
        const duration = parseDuration(durationText);
        if (durationText !== undefined && duration === undefined) return fail(`${where} <duration>`, `expected HH:MM or HH:MM:SS, got "${durationText}"`);
        let start: ImportedEvent["start"];
        const instant = textIn(raw.date);
        const clock = textIn(raw.start);
        if (instant && /[+-]\d{2}:?\d{2}$|Z$/.test(instant)) start = { instant };
        else if (instant) return fail(`${where} <date>`, `expected a date and time with its UTC offset, got "${instant}"`);
        else if (clock) {
          const hm = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(clock);
          if (!hm) return fail(`${where} <start>`, `expected HH:MM, got "${clock}"`);
          if (!date) return fail(`${dayWhere}`, "has no date attribute, and the event has no <date>");
          const hhmm = `${hm[1]!.padStart(2, "0")}:${hm[2]}`;
          start = { local: `${changeAt && hhmm < changeAt ? nextDay(date) : date}T${hhmm}` };
        }
        const persons = list(isNode(raw.persons) ? raw.persons.person : undefined).flatMap((person): ImportedPerson[] => {
          const name = textIn(person);
          if (!name) return [];
          const guid = attr(person, "guid");
          const personId = attr(person, "id");
          return [{ key: guid ? `guid:${guid.toLowerCase()}` : personId ? `id:${personId}` : undefined, name }];
        });
        const event: ImportedEvent = {
          where,
          key: attr(raw, "guid") ? `guid:${attr(raw, "guid")!.toLowerCase()}` : id ? `id:${id}` : undefined,
          title: [title, textIn(raw.subtitle)].filter(Boolean).join(": "),
          type: textIn(raw.type) ?? "",
          start,
          duration,
          room: textIn(raw.room) ?? roomName,
          tags: textIn(raw.track) ? [textIn(raw.track)!] : [],
          abstract: [textIn(raw.abstract), textIn(raw.description)].filter((t): t is string => t !== undefined).map(htmlToMarkdown).join("\n\n"),
          persons,
        };
        const links = [...list(isNode(raw.links) ? raw.links.link : undefined), ...list(isNode(raw.attachments) ? raw.attachments.attachment : undefined)];
        assignLinks(
          event,
          links.flatMap((link) => (attr(link, "href") ? [{ url: attr(link, "href")!, type: attr(link, "type"), title: textIn(link) }] : [])),
        );
        const feedback = textIn(raw.feedback_url);
        if (feedback) event.feedback ??= feedback;
        events.push(event);
      });
    }
  });
  if (problems.length) throw new ImportError(problems);
  return {
    format: "frab-xml",
    title: textIn(conference.title),
    acronym: textIn(conference.acronym),
    url: textIn(conference.url) ?? textIn(conference.base_url),
    start: textIn(conference.start)?.slice(0, 10),
    end: textIn(conference.end)?.slice(0, 10),
    timezone: textIn(conference.time_zone_name),
    dayChange: changeAt,
    rooms,
    events,
  };
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
