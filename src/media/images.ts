import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { SITE_PATHS } from "../site/urls.ts";
import { displayPath } from "../content/errors.ts";
import { cacheDir } from "./cache.ts";
import type { MediaFile } from "./files.ts";

/** One resized copy of an image, as eleventy-img describes it. */
export interface ImageVariant {
  /** Its site path: `/img/<hash>-<width>.<format>`. */
  url: string;
  width: number;
  height: number;
}

/** A local image from public/ or beside a post, with every copy the build makes of it. */
export interface LocalImage {
  /**
   * The site path it is linked at when kept as it is: for a file in public/ the path written in
   * the content (`/images/jane.svg`); for a file beside a post, `/img/<hash>.<type>`, where the
   * build copies it (`isCopied`).
   */
  src: string;
  /** The file: in public/, or in the content folder with its symbolic links resolved. */
  file: string;
  /** True for a file beside a post that is kept as it is: the build copies its bytes to `src`. */
  isCopied: boolean;
  /** The original's size in pixels. */
  width: number;
  height: number;
  /** A hash of the file's bytes. */
  hash: string;
  /** Which sizes were made of it (the same for every image of one use). */
  preset: ImagePreset;
  /**
   * The resized copies, best format first, the JPEG or PNG fallback last; each list narrowest
   * first. Empty for a file kept as it is (SVG, GIF, WebP, AVIF), which is linked at `src`.
   */
  formats: Array<{ type: string; variants: ImageVariant[] }>;
}

export type ImagePreset = keyof typeof IMAGE_PRESETS;

/**
 * The sizes each use of an image needs, from public/styles.css. A post's text column is at most
 * `--measure` (68ch, about 40rem) wide: 320, 640 and 1280 pixels cover phones and 2× screens.
 * Avatars are 2rem, 3.25rem or 6rem square: 64, 104 and 192 pixels cover each at 1× and 2×.
 * Sponsor logos are at most 12rem wide: 192 and 384 pixels.
 * No copy is made wider than the original.
 */
export const IMAGE_PRESETS = {
  post: { widths: [320, 640, 1280], sizes: "(min-width: 42rem) 40rem, calc(100vw - 2rem)" },
  avatar: { widths: [64, 104, 192], sizes: undefined },
  /** Sponsor logos are drawn at most 12rem wide (public/styles.css). */
  logo: { widths: [192, 384], sizes: "12rem" },
  /** The theme's logo is drawn at most 3rem high and 12rem wide in the header. */
  brand: { widths: [192, 384], sizes: "12rem" },
  /** The theme's hero picture: the page's width on a phone, half the 68rem column beside the text on a wide screen. */
  hero: { widths: [480, 960, 1440], sizes: "(min-width: 48rem) 34rem, calc(100vw - 2rem)" },
} as const;

/** Image types made into AVIF and WebP with a fallback of their own type; others are linked as they are. */
const RESIZED = new Map([
  ["jpg", "jpeg"],
  ["png", "png"],
]);
const KEPT = new Set(["svg", "gif", "webp", "avif"]);

/** The part of eleventy-img this module uses (it ships no types). */
interface EleventyImage {
  statsSync(src: string, options: Record<string, unknown>): Record<string, Array<ImageVariant & { sourceType: string }>>;
  (src: string, options: Record<string, unknown> & { dryRun: true }): Promise<Record<string, Array<{ url: string; buffer: Buffer }>>>;
  ImageSize(file: string): { width?: number; height?: number; type?: string };
}
let loaded: EleventyImage | undefined;

/** eleventy-img, loaded on first use: it loads sharp, which `npm run check` of a site without images need not wait for. */
function eleventyImage(): EleventyImage {
  loaded ??= createRequire(import.meta.url)("@11ty/eleventy-img") as EleventyImage;
  return loaded;
}

/** eleventy-img's options for a preset (the build asks for the copies with `dryRun` and keeps them in the image cache itself). */
function imageOptions(preset: ImagePreset, fallback: string): Record<string, unknown> {
  return {
    widths: [...IMAGE_PRESETS[preset].widths],
    formats: ["avif", "webp", fallback],
    urlPath: SITE_PATHS.images,
    // The hash in each file name is of the file's bytes, so a copy in the cache is the right
    // one; eleventy-img's own memory cache would keep an edited file's old hash in `npm start`.
    useCache: false,
  };
}

/**
 * Describes a local image (a path in public/ such as `/images/jane.jpg`) without processing
 * it: its size, and the name and size of every copy the build will make. Returns the problem
 * as text when the path leaves public/, the file is missing, or it is not an image.
 */
export function describeLocalImage(publicDir: string, src: string, preset: ImagePreset): LocalImage | string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(src.split(/[?#]/)[0]!);
  } catch {
    return `"${src}" is not a valid path`;
  }
  const root = path.resolve(publicDir);
  const file = path.resolve(root, `.${decoded}`);
  if (!file.startsWith(root + path.sep)) return `"${src}" leads outside the public folder`;
  if (!existsSync(file) || !statSync(file).isFile()) return `no file ${displayPath(file)}`;
  return describeImage(file, displayPath(file), src, preset);
}

/**
 * Describes an image beside a post (`file`, its real path, already checked as a content file;
 * `shown`, its path for messages) as `describeLocalImage` does. JPEG and PNG files are resized;
 * the others are copied as they are to `/img/<hash of the bytes>.<type>`, so that two files of
 * one name never meet there.
 */
export function describeContentImage(file: string, shown: string, preset: ImagePreset): LocalImage | string {
  return describeImage(file, shown, undefined, preset);
}

/** The image at `file`, linked at `src` when kept, or copied under /img/ when `src` is undefined. */
function describeImage(file: string, shown: string, src: string | undefined, preset: ImagePreset): LocalImage | string {
  let size: ReturnType<EleventyImage["ImageSize"]>;
  try {
    size = eleventyImage().ImageSize(file);
  } catch {
    return `${shown} is not an image Lectern can read (use JPEG, PNG, SVG, GIF, WebP or AVIF)`;
  }
  const type = size.type ?? "";
  const fallback = RESIZED.get(type);
  if (!fallback && !KEPT.has(type)) return `${shown} is a ${type} image; use JPEG, PNG, SVG, GIF, WebP or AVIF`;
  const hash = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);
  const image: LocalImage = {
    src: src ?? `${SITE_PATHS.images}${hash}.${type}`,
    file,
    isCopied: src === undefined,
    width: size.width ?? 0,
    height: size.height ?? 0,
    hash,
    preset,
    formats: [],
  };
  if (fallback) {
    const stats = eleventyImage().statsSync(file, imageOptions(preset, fallback));
    image.formats = ["avif", "webp", fallback].map((format) => ({
      type: stats[format]![0]!.sourceType,
      variants: stats[format]!.map(({ url, width, height }) => ({ url, width, height })),
    }));
  }
  return image;
}

/** The largest copy of the fallback format (JPEG or PNG), or undefined for a file kept as it is. */
export function largestFallback(image: LocalImage): ImageVariant | undefined {
  return image.formats.at(-1)?.variants.at(-1);
}

/** Where a copy is kept between builds: in the image cache, under its name (which holds a hash of the original). */
export function cachedCopy(variant: { url: string }): string {
  return path.join(cacheDir("images"), path.posix.basename(variant.url));
}

/** What a `<picture>` for an image holds, for the markdown renderer and the avatar to write out. */
export interface PictureParts {
  sources: Array<{ type: string; srcset: string; sizes?: string }>;
  /** `width` and `height` are left out only for an SVG that states no size. */
  img: { src: string; srcset?: string; sizes?: string; width?: number; height?: number };
}

/**
 * The `<source>` elements and the `<img>` attributes of a picture: one source for AVIF and one
 * for WebP, and the JPEG or PNG fallback on the `<img>`, whose `width` and `height` are those of
 * its `src` (the largest copy). `sizes` is the preset's unless given (avatars give theirs).
 */
export function pictureParts(image: LocalImage, sizes: string | undefined = IMAGE_PRESETS[image.preset].sizes): PictureParts {
  const fallback = largestFallback(image);
  if (!fallback) return { sources: [], img: { src: image.src, width: image.width || undefined, height: image.height || undefined } };
  const srcset = (variants: readonly ImageVariant[]) => variants.map((v) => `${v.url} ${v.width}w`).join(", ");
  const last = image.formats.length - 1;
  return {
    sources: image.formats.slice(0, last).map((format) => ({ type: format.type, srcset: srcset(format.variants), sizes })),
    img: { src: fallback.url, srcset: srcset(image.formats[last]!.variants), sizes, width: fallback.width, height: fallback.height },
  };
}

/** How many images a run made and how many it took from the cache. */
export interface ImageStats {
  made: number;
  cached: number;
}

/**
 * Every resized copy of the images as site path → its file in the cache (which the writer may
 * copy), and the images beside posts that are copied as they are (as bytes, so that the output's
 * file gets the mode any new file gets, whatever the content file's). Resized copies are kept in
 * the image cache (each written under a temporary name and renamed, so a killed build leaves no
 * half file); an image whose copies are all there (the names hold a hash of its bytes) is not
 * resized again.
 */
export async function* imageFiles(images: Iterable<LocalImage>, stats: ImageStats): AsyncGenerator<MediaFile> {
  const seen = new Set<string>();
  for (const image of images) {
    const fallback = largestFallback(image);
    if (!fallback) {
      if (image.isCopied && !seen.has(image.src)) yield { path: image.src, content: readFileSync(image.file) };
      seen.add(image.src);
      continue;
    }
    // By bytes, not by file: the same photo in public/ and beside a post gives the same copies.
    const key = `${image.hash}\0${image.preset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const variants = image.formats.flatMap((format) => format.variants);
    if (variants.every((variant) => existsSync(cachedCopy(variant)))) stats.cached++;
    else {
      const made = await eleventyImage()(image.file, { ...imageOptions(image.preset, fallback.url.endsWith(".png") ? "png" : "jpeg"), dryRun: true });
      await mkdir(cacheDir("images"), { recursive: true });
      for (const copy of Object.values(made).flat()) {
        const target = cachedCopy(copy);
        const temporary = `${target}.${process.pid}.tmp`;
        await writeFile(temporary, copy.buffer);
        await rename(temporary, target);
      }
      stats.made++;
    }
    for (const variant of variants) yield { path: variant.url, source: cachedCopy(variant) };
  }
}
