import type { ProblemList } from "../content/errors.ts";
import type { PostImageWriter } from "../content/markdown.ts";
import { describeLocalImage, pictureParts, type ImagePreset, type LocalImage } from "./images.ts";

/**
 * The images the content uses, found while the content loads: speaker photos and the images
 * in posts. Each local one is described once (size, copies to make) so that the synchronous
 * markdown renderer can write its `<picture>`; the build makes the copies afterwards. Missing
 * files and missing alt text are reported as content problems, naming the file.
 */
export class ContentImages {
  private readonly described = new Map<string, LocalImage | string>();
  /** Every local image used, once each per preset. */
  readonly used: LocalImage[] = [];

  constructor(
    /** The public folder; without one, local paths are not checked and are linked as written. */
    private readonly publicDir: string | undefined,
    private readonly problems: ProblemList,
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

  /** Writes the images of one post (`file`): a `<picture>` for a local one, a plain `<img>` for a remote one. */
  postImages(file: string): PostImageWriter {
    return (src, alt, index) => {
      const field = `image "${src}"`;
      if (alt.trim() === "") this.problems.add(file, field, `needs alt text: say what the image shows between the brackets, ![like this](${src})`);
      const loading = index === 0 ? "" : ` loading="lazy"`;
      if (/^https?:\/\//i.test(src)) return `<img src="${escape(src)}" alt="${escape(alt)}"${loading} decoding="async" />`;
      if (!this.publicDir || /^[a-z][a-z0-9+.-]*:/i.test(src)) return undefined;
      if (!src.startsWith("/")) {
        this.problems.add(file, field, `write a path in public/ starting with "/", such as "/images/${src.replace(/^(\.\/)+/, "")}", or an https:// address`);
        return undefined;
      }
      const image = this.describe(src, "post");
      if (typeof image === "string") {
        this.problems.add(file, field, image);
        return undefined;
      }
      const { sources, img } = pictureParts(image);
      const attrs = (values: Record<string, string | number | undefined>) =>
        Object.entries(values)
          .filter(([, value]) => value !== undefined)
          .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
          .join("");
      const imgTag = `<img${attrs({ ...img, alt })}${loading} decoding="async" />`;
      if (sources.length === 0) return imgTag;
      return `<picture>${sources.map((source) => `<source${attrs(source)} />`).join("")}${imgTag}</picture>`;
    };
  }

  private describe(src: string, preset: ImagePreset): LocalImage | string {
    const key = `${preset} ${src}`;
    let image = this.described.get(key);
    if (image === undefined) {
      image = describeLocalImage(this.publicDir!, src, preset);
      this.described.set(key, image);
      if (typeof image !== "string") this.used.push(image);
    }
    return image;
  }
}

function escape(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
