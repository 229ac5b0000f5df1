import type { FileBytes } from "./bytes.ts";
import { GENERATOR } from "./generator.ts";
import { XmlWriter } from "./xml-writer.ts";
import { isScheduleEvent, type ScheduleData, type ScheduleEvent } from "./schedule-data.ts";

/**
 * `schedule.xml` in the frab format. Every text and attribute is escaped by the writer;
 * characters XML cannot carry at all (most control characters) are dropped.
 */
export function renderScheduleXml(data: ScheduleData, selfUrl: string): FileBytes {
  const { conference } = data;
  const xml = new XmlWriter().start("schedule");
  xml.start("generator", { name: GENERATOR.name, version: GENERATOR.version }).end();
  xml.leaf("url", selfUrl);
  xml.leaf("version", data.version);

  xml.start("conference");
  xml.leaf("title", conference.title);
  xml.leaf("acronym", conference.acronym);
  xml.leaf("start", conference.start);
  xml.leaf("end", conference.end);
  xml.leaf("days", String(conference.daysCount));
  xml.leaf("timeslot_duration", conference.timeslot_duration);
  xml.leaf("base_url", data.base_url);
  xml.leaf("url", conference.url);
  xml.leaf("time_zone_name", conference.time_zone_name);
  for (const track of conference.tracks) {
    xml.leaf("track", track.name, { name: track.name, color: track.color, ...(track.slug ? { slug: track.slug } : {}) });
  }
  xml.end();

  const guidOf = new Map(conference.rooms.map((room) => [room.name, room.guid]));
  for (const day of conference.days) {
    xml.start("day", { index: String(day.index), date: day.date, start: day.day_start, end: day.day_end });
    for (const [name, events] of Object.entries(day.rooms)) {
      xml.start("room", { name, guid: guidOf.get(name)! });
      for (const event of events) xml.raw(eventXml(event));
      xml.end();
    }
    xml.end();
  }
  return xml.end().toBytes();
}

/** Where an `<event>` sits: schedule, day, room. */
const EVENT_DEPTH = 3;
/** Each kept session's `<event>` bytes (see `isScheduleEvent`). */
const eventTexts = new WeakMap<ScheduleEvent, Buffer>();

function eventXml(event: ScheduleEvent): Buffer {
  const known = eventTexts.get(event);
  if (known !== undefined) return known;
  const xml = new XmlWriter(EVENT_DEPTH);
  xml.start("event", { guid: event.guid, id: String(event.id) });
  xml.leaf("room", event.room);
  xml.leaf("title", event.title);
  xml.leaf("type", event.type);
  xml.leaf("date", event.date);
  xml.leaf("start", event.start);
  xml.leaf("duration", event.duration);
  xml.leaf("abstract", event.abstract);
  xml.leaf("slug", event.slug);
  xml.leaf("track", event.track ?? "");
  xml.leaf("language", event.language);
  xml.start("persons");
  for (const person of event.persons) xml.leaf("person", person.public_name, { id: String(person.id), guid: person.guid });
  xml.end();
  xml.start("links");
  for (const link of event.links) xml.leaf("link", link.title, { href: link.url, type: link.type });
  xml.end();
  xml.leaf("url", event.url);
  const bytes = Buffer.from(xml.end().toFragment());
  if (isScheduleEvent(event)) eventTexts.set(event, bytes);
  return bytes;
}
