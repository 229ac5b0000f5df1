import type { Conference } from "../content/model.ts";
import { sessionMarks } from "../export/changes.ts";
import { outline } from "../output/fingerprint.ts";

/** The data every route file receives from Eleventy. */
export interface PageData {
  conference: Conference;
  page: { url: string; outputPath: string | false };
}

/** Pagination over one list of the conference, one page per item under `alias`. */
export function paginate<K extends string>(data: string, alias: K) {
  return { data, size: 1, alias, addAllPagesToCollections: false };
}

/**
 * The inputs (see src/output/routes.ts) of a page that lists the programme without abstracts or
 * bios: the event, every session and speaker in outline, their release marks, the releases.
 */
export function programmeInputs(conference: Conference): unknown {
  let inputs = programmes.get(conference);
  if (!inputs) {
    const marks = sessionMarks(conference);
    // One object a build, so that the fingerprinter hashes the whole programme once, not once a page.
    inputs = {
      programme: [
        conference.event,
        outline([conference.sessions, conference.talks, conference.workshops, conference.speakers]),
        [...conference.sessions, ...conference.workshops].map((session) => marks.get(session)),
        conference.releases,
      ],
    };
    programmes.set(conference, inputs);
  }
  return inputs;
}

const programmes = new WeakMap<Conference, object>();
