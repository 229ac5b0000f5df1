import type { Problem } from "../content/errors.ts";
import { peopleOf, type Session } from "../content/model.ts";
import { formatTimeRange } from "./time.ts";

/**
 * Sessions that cannot happen as written: two in one room at once (a session without a
 * room takes every room), or one person in two sessions at once. Each clash is reported
 * once, on the file that comes first in the programme, naming the other file and both times.
 */
export function findScheduleConflicts(sessions: readonly Session[]): Problem[] {
  const ordered = [...sessions].sort(
    (a, b) => a.start.toMillis() - b.start.toMillis() || compareText(a.file, b.file),
  );
  const problems: Problem[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const a = ordered[i]!;
    for (let j = i + 1; j < ordered.length; j++) {
      const b = ordered[j]!;
      if (b.start >= a.end) break;
      const times = () => `(${describeTimes(a, b)})`;
      if (!a.room || !b.room) {
        problems.push({ file: a.file, field: "start", message: `overlaps ${b.file} ${times()}: a session without a room spans every room` });
      } else if (a.room.id === b.room.id) {
        problems.push({ file: a.file, field: "start", message: `overlaps ${b.file} in room "${a.room.id}" ${times()}` });
      }
      const others = new Set(peopleOf(b).map((person) => person.slug));
      peopleOf(a).forEach((person, index) => {
        if (!others.has(person.slug)) return;
        const field = `${a.type === "talk" ? "speakers" : "leaders"}[${index}]`;
        problems.push({ file: a.file, field, message: `"${person.slug}" is booked twice at once: also in ${b.file} ${times()}` });
      });
    }
  }
  return problems;
}

/** "09:00–09:30 EDT and 09:15–09:45 EDT", with the dates when the two start on different days. */
function describeTimes(a: Session, b: Session): string {
  const sameDay = a.start.hasSame(b.start, "day");
  const one = (s: Session) => `${sameDay ? "" : `${s.start.toFormat("yyyy-MM-dd")} `}${formatTimeRange(s.start, s.end)}`;
  return `${one(a)} and ${one(b)}`;
}

function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
