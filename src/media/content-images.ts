import path from "node:path";
import { IMAGE_FILE_NAME, IMAGE_TYPES_TEXT, isIgnored } from "../content/content-folder.ts";
import { displayPath, type ProblemList } from "../content/errors.ts";
import { escapeHtml } from "../content/escape-html.ts";
import type { PostOptions } from "../content/markdown.ts";
import { didYouMean } from "../content/suggest.ts";
import { describeContentImage, describeLocalImage, pictureParts, type ImagePreset, type LocalImage } from "./images.ts";

/** The image files beside the posts, as the content folder's listing found them. */
export interface ImagesBesidePosts {
  /** The posts' folder (`content/blog`). */
  dir: string;
  /** Each image by file name: its real path, or undefined for one refused and reported already. */
  files: ReadonlyMap<string, string | undefined>;
}

/**
 * The images the content uses, found while the content loads: speaker photos and the images
 * in posts (from public/ or beside the post). Each local one is described once (size, copies to make) so that the synchronous
 * markdown renderer can write its `<picture>`; the build makes the copies afterwards. Missing
 * files and missing alt text are reported as content problems, naming the file.
 */
export class ContentImages {
  /** By `<preset> <site path>` for public/, `beside <real path>` for an image beside a post. */
  private readonly described = new Map<string, LocalImage | string>();
  /** Every local image used, once each per preset. */
  readonly used: LocalImage[] = [];

  constructor(
    /** The public folder; without one, local paths are not checked and are linked as written. */
    private readonly publicDir: string | undefined,
    private readonly problems: ProblemList,
    private readonly besidePosts: ImagesBesidePosts = { dir: "", files: new Map() },
  ) {}

  /** A speaker's `photo`: the described image for a path in public/, undefined for an https:// address. */
  photo(file: string, src: string): LocalImage | undefined {
    if (!src.startsWith("/") || !this.publicDir) return undefined;
    const image = this.describe(src, "avatar");
    if (typeof image === "string") {
      this.problems.add(file, "photo", image);
      return undefined;
    }
    return image;
  }

  /** A sponsor's `logo`: the described image for a path in public/, undefined for an https:// address. */
  logo(file: string, src: string): LocalImage | undefined {
    if (!src.startsWith("/") || !this.publicDir) return undefined;
    const image = this.describe(src, "logo");
    if (typeof image === "string") {
      this.problems.add(file, "logo", image);
      return undefined;
    }
    return image;
  }

  /** The theme's `logo` or `hero` (`field`, such as `theme.logo`), a path in public/: its description, undefined when reported. */
  themeImage(file: string, field: string, src: string, preset: "brand" | "hero"): LocalImage | undefined {
    if (!this.publicDir) return undefined;
    const image = this.describe(src, preset);
    if (typeof image === "string") {
      this.problems.add(file, field, image);
      return undefined;
    }
    return image;
  }

  /**
   * Writes the markdown images of one post (`file`): a `<picture>` for a local one, a plain `<img>`
   * for a remote one. Its raw HTML `<img>` tags are checked the same way (alt text, file), where
   * only a missing `alt` is a problem: `alt=""` marks a decorative image.
   */
  postImages(file: string): Required<Pick<PostOptions, "writeImage" | "checkImage">> {
    return {
      writeImage: (src, alt, index) => {
        const image = this.postImage(file, src, alt.trim() === "", `say what the image shows between the brackets, ![like this](${src})`);
        const loading = index === 0 ? "" : ` loading="lazy"`;
        if (image === "remote") return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${loading} decoding="async" />`;
        if (image === undefined) return undefined;
        const { sources, img } = pictureParts(image);
        const attrs = (values: Record<string, string | number | undefined>) =>
          Object.entries(values)
            .filter(([, value]) => value !== undefined)
            .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
            .join("");
        const imgTag = `<img${attrs({ ...img, alt })}${loading} decoding="async" />`;
        if (sources.length === 0) return imgTag;
        return `<picture>${sources.map((source) => `<source${attrs(source)} />`).join("")}${imgTag}</picture>`;
      },
      checkImage: (src, alt) => {
        // A raw tag keeps its address as written, so an image beside the post (copied to /img/
        // only for markdown images) would not be found from the post's page.
        if (!/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith("/")) {
          this.problems.add(file, `image "${src}"`, `in an <img> tag, write a path in public/ ("/images/${src.replace(/^(\.\/)+/, "")}") or an https:// address; for an image beside the post, use markdown: ![what it shows](${src})`);
          return;
        }
        this.postImage(file, src, alt === undefined, `say what the image shows in its alt attribute, <img src="${src}" alt="like this">, or write alt="" for a decorative image`);
      },
    };
  }

  /**
   * Checks one image of a post, reporting a missing alt (with `altHint`) and a missing or
   * unreadable file: the described local image, "remote" for an https:// one, undefined otherwise.
   */
  private postImage(file: string, src: string, missingAlt: boolean, altHint: string): LocalImage | "remote" | undefined {
    const field = `image "${src}"`;
    if (missingAlt) this.problems.add(file, field, `needs alt text: ${altHint}`);
    if (/^https?:\/\//i.test(src)) return "remote";
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return undefined;
    if (src.startsWith("/") && !this.publicDir) return undefined;
    const image = src.startsWith("/") ? this.describe(src, "post") : this.besidePost(src);
    if (image === null) return undefined;
    if (typeof image === "string") {
      this.problems.add(file, field, image);
      return undefined;
    }
    return image;
  }

  /**
   * An image written as a path relative to the post (`hall.jpg`, `./hall.jpg`): a file directly
   * in the posts' folder, looked up among the files its listing found (so nothing outside it is
   * ever opened). Null when the file was refused and reported already.
   */
  private besidePost(src: string): LocalImage | string | null {
    let name: string;
    try {
      name = decodeURIComponent(src.split(/[?#]/)[0]!).replace(/^(\.\/)+/, "");
    } catch {
      return `"${src}" is not a valid path`;
    }
    if (name === "") return `write the image's file name, such as "hall.jpg", or an https:// address between the parentheses`;
    const parts = name.split(/[\\/]/);
    const base = parts.at(-1) || "photo.jpg";
    if (parts.includes("..")) return `leads outside blog/; put the image beside the post and write its name, such as "${base}", or in public/ and write "/images/${base}"`;
    if (parts.length > 1) return `only images directly in blog/ are read; put it beside the post and write "${base}"`;
    if (!IMAGE_FILE_NAME.test(name)) return `is not an image; use ${IMAGE_TYPES_TEXT}`;
    const { dir, files } = this.besidePosts;
    const shown = displayPath(path.join(dir, name));
    if (isIgnored(name)) return `${shown} is not read (names starting with "." or "_" are set aside); rename it`;
    if (!files.has(name)) return `no file ${shown}${didYouMean(name, files.keys())}`;
    const real = files.get(name);
    if (real === undefined) return null;
    return this.remember(`beside ${real}`, () => describeContentImage(real, shown, "post"));
  }

  private describe(src: string, preset: ImagePreset): LocalImage | string {
    return this.remember(`${preset} ${src}`, () => describeLocalImage(this.publicDir!, src, preset));
  }

  private remember(key: string, describe: () => LocalImage | string): LocalImage | string {
    let image = this.described.get(key);
    if (image === undefined) {
      image = describe();
      this.described.set(key, image);
      if (typeof image !== "string") this.used.push(image);
    }
    return image;
  }
}
