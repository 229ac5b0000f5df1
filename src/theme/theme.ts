import { statSync } from "node:fs";
import path from "node:path";
import { displayPath, type ProblemList } from "../content/errors.ts";
import { FONT_STACKS, type FontStackName, type ThemeFile } from "../content/theme.ts";
import type { ContentImages } from "../media/content-images.ts";
import type { LocalImage } from "../media/images.ts";
import { contrastProblems, themeColours, type ThemeColours } from "./colours.ts";

/** The largest web font a theme may ship: pages stay light. */
export const MAX_FONT_BYTES = 100 * 1024;

/** A font as the CSS names it: a stack of families, and the file to declare with @font-face when one ships. */
export interface ThemeFont {
  stack: string;
  /** A `.woff2` in public/: its site path and the family name it is declared under. */
  file?: { src: string; family: string };
}

/** An image of the theme: its path in public/, and its copies when it is a raster file the pipeline resizes. */
export interface ThemeImage {
  src: string;
  picture: LocalImage | undefined;
}

/** `theme:` of event.yaml, checked and complete: every colour, the images described, the fonts resolved. */
export interface Theme {
  colours: ThemeColours;
  logo: ThemeImage | undefined;
  hero: ThemeImage | undefined;
  fonts: { body: ThemeFont; headings: ThemeFont };
}

/**
 * Checks a theme and fills in its defaults: every colour pair the stylesheet draws must meet
 * WCAG AA, the logo and hero must be images in public/ and a font file a `.woff2` of at most
 * 100 KB there. Every problem is added to `problems` against `file` (event.yaml).
 */
export function resolveTheme(theme: ThemeFile, file: string, publicDir: string | undefined, images: ContentImages, problems: ProblemList): Theme {
  for (const problem of contrastProblems(theme)) problems.add(file, problem.field, problem.message);
  const image = (field: "logo" | "hero"): ThemeImage | undefined => {
    const src = theme[field];
    return src === undefined ? undefined : { src, picture: images.themeImage(file, `theme.${field}`, src, field === "logo" ? "brand" : "hero") };
  };
  const font = (field: "body" | "headings", written: string | undefined): ThemeFont | undefined => {
    if (written === undefined) return undefined;
    if (written in FONT_STACKS) return { stack: FONT_STACKS[written as FontStackName] };
    if (publicDir !== undefined) {
      const where = path.join(path.resolve(publicDir), ...written.split("/"));
      let size: number | undefined;
      try {
        size = statSync(where).isFile() ? statSync(where).size : undefined;
      } catch {
        size = undefined;
      }
      if (size === undefined) problems.add(file, `theme.font.${field}`, `no file ${displayPath(where)}`);
      else if (size > MAX_FONT_BYTES) {
        problems.add(file, `theme.font.${field}`, `${written} is ${Math.ceil(size / 1024)} KB; a web font may be at most 100 KB (subset it to the scripts the site uses)`);
      }
    }
    const family = path.posix.basename(written, path.posix.extname(written));
    return { stack: `"${family}", ${FONT_STACKS.system}`, file: { src: written, family } };
  };
  const logo = image("logo");
  const hero = image("hero");
  const body = font("body", theme.font?.body) ?? { stack: FONT_STACKS.system };
  return { colours: themeColours(theme), logo, hero, fonts: { body, headings: font("headings", theme.font?.headings) ?? body } };
}

/**
 * `/theme.css`: the theme as the custom properties styles.css reads, and an @font-face for each
 * font file. Addresses are relative to the stylesheet, which sits at the site's root, so they
 * hold under any base path.
 */
export function renderThemeCss(theme: Theme): string {
  const { colours, fonts } = theme;
  const faces = [fonts.body.file, fonts.headings.file]
    .filter((face, i, all): face is NonNullable<ThemeFont["file"]> => face !== undefined && all.findIndex((other) => other?.src === face.src) === i)
    .map((face) => `@font-face {\n  font-family: "${face.family}";\n  src: url("${face.src.slice(1)}") format("woff2");\n  font-weight: 100 900;\n  font-display: swap;\n}\n`);
  const properties = {
    "--brand": colours.primary,
    "--brand-ink": colours.on_primary,
    "--hero-middle": colours.primary,
    "--accent": colours.accent,
    "--accent-soft": `color-mix(in srgb, ${colours.accent} 12%, #ffffff)`,
    "--paper": colours.background,
    "--ink": colours.text,
    "--link": colours.link,
    "--font": fonts.body.stack,
    "--font-headings": fonts.headings.stack,
  };
  const lines = Object.entries(properties).map(([name, value]) => `  ${name}: ${value};`);
  return `/* The event's theme (event.yaml theme:), over Lectern's defaults in styles.css. */\n${faces.join("")}:root {\n${lines.join("\n")}\n}\n`;
}
