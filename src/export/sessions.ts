import type { Conference, Session } from "../content/model.ts";

/** The sessions the exports carry: talks and workshops with a page; breaks, meals and socials are left out. */
export function exportedSessions(conference: Conference): Session[] {
  return conference.sessions.filter((session) => session.url !== undefined);
}
