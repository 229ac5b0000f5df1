import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Conference } from "../content/model.ts";
import { renderOutput } from "../eleventy/plugin.ts";
import { LastTwoBuilds } from "../content/last-two-builds.ts";

/** The route files: one `.11ty.tsx` a kind of page, in Eleventy's template format. */
const PAGES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "pages");

/**
 * What a route file exports: Eleventy's `data` (a `permalink`, and `pagination` over a list of
 * the conference, one page an item) and `render`; and, Lectern's own, `inputs`: everything the
 * page shows, as a value to fingerprint. A page whose inputs did not change since the last
 * build is not rendered again by the dev server; a route without `inputs` is always rendered
 * (and written only when its bytes changed). Inputs must name every value the view reads.
 */
interface RouteModule {
  data?: {
    permalink?: string | false | ((data: RouteData) => string | false);
    pagination?: { data: string; size: number; alias: string };
  };
  render(data: RouteData): unknown;
  inputs?(data: RouteData): unknown;
}

/** The data a route's functions receive, as Eleventy gives it. */
export type RouteData = Record<string, unknown> & { conference: Conference; page: { url: string; outputPath: string } };

/** One page of the site, not yet rendered (a class, not an object of closures: 15,000 of them a build at 10,000 talks). */
export class PageJob {
  constructor(
    /** The route file it comes from (`talks.11ty.tsx`). */
    readonly route: string,
    /** Its file in the output folder, with forward slashes (`talks/x/index.html`). */
    readonly file: string,
    private readonly module: RouteModule,
    private readonly data: RouteData,
  ) {}

  /** Whether its route says what it shows (see RouteModule); without, it is always rendered. */
  get hasInputs(): boolean {
    return this.module.inputs !== undefined;
  }

  /** What it shows, as its route says. */
  inputs(): unknown {
    return this.module.inputs?.(this.data);
  }

  /** The page's text (the build hands it to Pagefind as it is, and writes its bytes). */
  render(): string {
    return renderOutput(this.module.render(this.data), this.data);
  }
}

let routes: Array<{ name: string; module: RouteModule }> | undefined;

/** Every route file, loaded once a process (a change to one restarts the dev server's builder). */
async function loadRoutes(): Promise<Array<{ name: string; module: RouteModule }>> {
  if (routes) return routes;
  const names = readdirSync(PAGES_DIR).filter((name) => name.endsWith(".11ty.tsx")).sort();
  const loaded = [];
  for (const name of names) {
    loaded.push({ name, module: (await import(pathToFileURL(path.join(PAGES_DIR, name)).href)) as RouteModule });
  }
  routes = loaded;
  return loaded;
}

/**
 * Every page the route files make of a conference, in route then list order, as Eleventy
 * would write them: a permalink ending in `/` is that folder's `index.html`, `false` no page.
 * Two pages at one address are an error (the content's own checks refuse clashing slugs first).
 */
export async function pageJobs(conference: Conference): Promise<PageJob[]> {
  files.nextBuild();
  const jobs: PageJob[] = [];
  const owner = new Map<string, string>();
  for (const { name, module } of await loadRoutes()) {
    const data = module.data ?? {};
    checkRoute(name, data);
    const base = { conference } as RouteData;
    const items = data.pagination ? paginationItems(conference, data.pagination, name) : [undefined];
    for (const item of items) {
      const pageData: RouteData = data.pagination ? { ...base, [data.pagination.alias]: item } : { ...base };
      const permalink = typeof data.permalink === "function" ? data.permalink(pageData) : data.permalink;
      if (permalink === false || permalink === undefined) continue;
      const file = files.get(permalink, () => outputFileOf(permalink))!;
      const other = owner.get(file);
      if (other) throw new Error(`two pages write ${file}: ${other} and ${name}`);
      owner.set(file, name);
      pageData.page = { url: permalink, outputPath: file };
      jobs.push(new PageJob(name, file, module, pageData));
    }
  }
  return jobs;
}

/** The parts of Eleventy's template data this renderer knows; anything else would be silently ignored, so it is refused. */
const KNOWN_DATA = new Set(["permalink", "pagination", "eleventyExcludeFromCollections"]);
const KNOWN_PAGINATION = new Set(["data", "size", "alias", "addAllPagesToCollections"]);

function checkRoute(route: string, data: object): void {
  const unknown = [
    ...Object.keys(data).filter((key) => !KNOWN_DATA.has(key)),
    ...Object.keys((data as RouteModule["data"])?.pagination ?? {}).filter((key) => !KNOWN_PAGINATION.has(key)).map((key) => `pagination.${key}`),
  ];
  if (unknown.length > 0) throw new Error(`${route}: Lectern's renderer does not support ${unknown.join(", ")} (src/output/routes.ts)`);
}

function paginationItems(conference: Conference, pagination: { data: string; size: number }, route: string): unknown[] {
  let list: unknown = { conference };
  for (const key of pagination.data.split(".")) list = (list as Record<string, unknown> | undefined)?.[key];
  if (!Array.isArray(list)) throw new Error(`${route}: pagination data "${pagination.data}" is not a list`);
  if (pagination.size === 1) return list;
  const chunks = [];
  for (let i = 0; i < list.length; i += pagination.size) chunks.push(list.slice(i, i + pagination.size));
  return chunks;
}

/**
 * Each permalink's file (`outputFileOf`), for the last two calls of `pageJobs`: the dev server
 * asks again for every one of 15,000 pages on each build at 10,000 talks, and the same file name
 * then also finds its checked form in render.ts at once.
 */
const files = new LastTwoBuilds<string, string>();

/** `/talks/x/` → `talks/x/index.html`; `/feed.xml` → `feed.xml`. */
function outputFileOf(permalink: string): string {
  const relative = permalink.replace(/^\/+/, "");
  const file = relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
  const parts = file.split("/");
  if (parts.some((part) => part === "" || part === "." || part === "..")) throw new Error(`refusing the page address ${permalink}`);
  return file;
}
