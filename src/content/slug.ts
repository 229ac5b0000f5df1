import slugifyModule from "slugify";

// slugify ships CommonJS typings whose default export tsc sees as the module object.
const slugify = slugifyModule as unknown as (value: string, options: { lower: boolean; strict: boolean; locale?: string }) => string;

/** A URL slug: lower-case ASCII letters, digits and hyphens ("" when nothing is left). */
export function toSlug(value: string): string {
  let slug = slugs.get(value);
  if (slug === undefined) {
    slug = slugify(value.normalize("NFKC"), { lower: true, strict: true });
    slugs.set(value, slug);
  }
  return slug;
}

/** Slugs made so far: the dev server asks again for every file's on each build (0.06 s at 10,000 talks). */
const slugs = new Map<string, string>();

/**
 * The longest slug: the site writes `<slug>.ics` beside `<slug>/index.html`, and a file name
 * holds at most 255 bytes on the file systems Lectern builds on (slugs are ASCII).
 */
export const MAX_SLUG_LENGTH = 255 - ".ics".length;

export type SlugResult = { ok: true; slug: string } | { ok: false; message: string };

/**
 * The slug of a content file from its name (without `.md`). Names that could reach
 * outside the output folder are refused outright rather than cleaned up.
 */
export function slugFromFileName(stem: string): SlugResult {
  // eslint-disable-next-line no-control-regex
  if (/[\\/%\u0000-\u001f]|\.\./.test(stem) || stem.startsWith(".")) {
    return {
      ok: false,
      message: `file name "${stem}" could write outside the output folder; use letters, digits and hyphens (e.g. my-talk.md)`,
    };
  }
  const slug = toSlug(stem);
  if (!slug) {
    return { ok: false, message: `file name "${stem}" gives an empty URL; use letters, digits and hyphens (e.g. my-talk.md)` };
  }
  if (slug.length > MAX_SLUG_LENGTH) {
    return {
      ok: false,
      message: `file name gives an address of ${slug.length} characters, over the limit of ${MAX_SLUG_LENGTH} (the site writes <address>.ics, and a file name holds at most 255 bytes); shorten it`,
    };
  }
  return { ok: true, slug };
}

/** The longest path the system accepts, in bytes (Linux's PATH_MAX less its closing NUL). */
export const MAX_PATH_BYTES = 4095;
/** What `npm run build` adds to the output folder's path while it renders: `.lectern-new-<pid>`, pids up to 7 digits. */
const STAGING_SUFFIX_BYTES = ".lectern-new-".length + 7;

/**
 * Why a content file's pages could not be written under `outputDir` (the longest is
 * `<collection>/<slug>/index.html`), or undefined when they fit.
 */
export function outputPathProblem(outputDir: string, collection: string, slug: string): string | undefined {
  const bytes = Buffer.byteLength(outputDir) + STAGING_SUFFIX_BYTES + `/${collection}/${slug}/index.html`.length;
  if (bytes <= MAX_PATH_BYTES) return undefined;
  return `file name makes a page path of ${bytes} bytes in the output folder, over the limit of ${MAX_PATH_BYTES}; shorten the file name or choose a shorter OUTPUT_DIR`;
}
