import { ContentError, ProblemList } from "../content/errors.ts";
import { loadConference, type LoadOptions } from "../content/load.ts";
import type { Conference } from "../content/model.ts";
import { listPublicFiles, type PublicFile } from "../output/public-files.ts";

/** Everything a site is made from: the validated conference and the public files to copy. */
export interface SiteSource {
  conference: Conference;
  publicFiles: PublicFile[];
}

/**
 * Reads and validates the content folder and the public folder together, so that `check`,
 * `build` and the dev server accept exactly the same input and report every problem of both
 * folders at once.
 */
export async function loadSite(options: LoadOptions & { publicDir: string }): Promise<SiteSource> {
  const problems = new ProblemList();
  const publicFiles = listPublicFiles(options.publicDir, problems);
  let conference: Conference;
  try {
    conference = await loadConference(options);
  } catch (error) {
    if (error instanceof ContentError) throw new ContentError([...error.problems, ...problems.items]);
    throw error;
  }
  problems.throwIfAny();
  return { conference, publicFiles };
}
