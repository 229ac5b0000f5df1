import type { Conference } from "../content/model.ts";

/** The data every route file receives from Eleventy. */
export interface PageData {
  conference: Conference;
  page: { url: string; outputPath: string | false };
}

/** Pagination over one list of the conference, one page per item under `alias`. */
export function paginate<K extends string>(data: string, alias: K) {
  return { data, size: 1, alias, addAllPagesToCollections: false };
}
