import { create } from "xmlbuilder2";
import type { ScheduleData } from "./schedule-data.ts";

/**
 * `schedule.xml` in the frab format. Built with an XML library, which escapes every text
 * and attribute; characters XML cannot carry at all (most control characters) are dropped.
 */
export function renderScheduleXml(data: ScheduleData, selfUrl: string): string {
  const { conference } = data;
  const root = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "" }).ele("schedule");
  root.ele("generator", { name: "Lectern" });
  root.ele("url").txt(selfUrl);
  root.ele("version").txt(data.version);

  const head = root.ele("conference");
  head.ele("title").txt(conference.title);
  head.ele("acronym").txt(conference.acronym);
  head.ele("start").txt(conference.start);
  head.ele("end").txt(conference.end);
  head.ele("days").txt(String(conference.daysCount));
  head.ele("timeslot_duration").txt(conference.timeslot_duration);
  head.ele("base_url").txt(data.base_url);
  head.ele("url").txt(conference.url);
  head.ele("time_zone_name").txt(conference.time_zone_name);

  const guidOf = new Map(conference.rooms.map((room) => [room.name, room.guid]));
  for (const day of conference.days) {
    const dayEl = root.ele("day", { index: String(day.index), date: day.date, start: day.day_start, end: day.day_end });
    for (const [name, events] of Object.entries(day.rooms)) {
      const roomEl = dayEl.ele("room", { name, guid: guidOf.get(name)! });
      for (const event of events) {
        const el = roomEl.ele("event", { guid: event.guid, id: String(event.id) });
        el.ele("room").txt(event.room);
        el.ele("title").txt(event.title);
        el.ele("type").txt(event.type);
        el.ele("date").txt(event.date);
        el.ele("start").txt(event.start);
        el.ele("duration").txt(event.duration);
        el.ele("abstract").txt(event.abstract);
        el.ele("slug").txt(event.slug);
        el.ele("track").txt(event.track ?? "");
        el.ele("language").txt(event.language);
        const persons = el.ele("persons");
        for (const person of event.persons) persons.ele("person", { guid: person.guid }).txt(person.name);
        const links = el.ele("links");
        for (const link of event.links) links.ele("link", { href: link.url, type: link.type }).txt(link.title);
        el.ele("url").txt(event.url);
      }
    }
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
