import { z } from "zod";
import { imageProblem } from "./fields.ts";
import { describeValue } from "./validate.ts";
import type { EventFile } from "./event.ts";

/** Why `value` is not a colour Lectern takes (`#rgb` or `#rrggbb`), or undefined when it is one. */
export function colourProblem(value: unknown): string | undefined {
  if (value === null) return `expected a colour such as "#12355b" in quotes, got an empty value (YAML reads an unquoted # as the start of a comment)`;
  if (typeof value !== "string") return `expected a colour such as "#12355b", got ${describeValue(value)}`;
  if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value.trim())) return undefined;
  if (/^[0-9a-f]{6}$|^[0-9a-f]{3}$/i.test(value.trim())) return `expected a colour written #rgb or #rrggbb, got "${value}" (did you mean "#${value.trim()}"?)`;
  return `expected a colour written #rgb or #rrggbb, such as "#12355b", got ${describeValue(value)}`;
}

/** A colour, `#rgb` or `#rrggbb` (quoted in YAML); kept as `#rrggbb` in lower case. */
// Not z.string(): an unquoted "#12355b" reaches the schema as null, and that gets its own hint.
export const colour = z
  .unknown()
  .refine((value) => colourProblem(value) === undefined, { error: (issue) => colourProblem(issue.input) })
  .transform((value) => {
    const hex = String(value).trim().toLowerCase();
    return (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join("")}` : hex) as `#${string}`;
  })
  .meta({ type: "string", pattern: "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$" });

/** A path in public/ (never an address on another site): the theme's files ship with the site. */
export const publicPath = (example: string) =>
  z.string().refine((value) => localProblem(value, example) === undefined, { error: (issue) => localProblem(String(issue.input), example) });

function localProblem(value: string, example: string): string | undefined {
  if (/^https?:/i.test(value) || value.startsWith("//")) return `expected a path in public/ such as ${example}: the theme's files ship with the site`;
  return imageProblem(value)?.replace("/images/photo.jpg", example);
}

/** The system font stacks a theme may name. */
export const FONT_STACKS = {
  /** The platform's own interface font (the default). */
  system: `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`,
  /** Warm, open sans-serifs. */
  humanist: `Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", source-sans-pro, sans-serif`,
  /** Round, geometric sans-serifs. */
  geometric: `Avenir, Montserrat, Corbel, "URW Gothic", source-sans-pro, sans-serif`,
  /** Book serifs made for screens. */
  serif: `Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif`,
  /** Monospaced, for a technical look. */
  mono: `ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, "DejaVu Sans Mono", monospace`,
} as const;
export type FontStackName = keyof typeof FONT_STACKS;

const STACK_NAMES = Object.keys(FONT_STACKS) as FontStackName[];

/** A font: one of the named system stacks, or a `.woff2` file in public/ such as `/fonts/inter.woff2`. */
export const font = z.string().refine((value) => fontProblem(value) === undefined, { error: (issue) => fontProblem(String(issue.input)) });

function fontProblem(value: string): string | undefined {
  if ((STACK_NAMES as string[]).includes(value)) return undefined;
  const usage = `expected one of ${STACK_NAMES.join(", ")} or a .woff2 file in public/ such as /fonts/inter.woff2`;
  if (value.startsWith("/")) return localProblem(value, "/fonts/inter.woff2") ?? (/\.woff2$/i.test(value) ? undefined : `${usage}, got "${value}" (convert the font to WOFF2)`);
  return `${usage}, got "${value}"`;
}

/** `theme:` of event.yaml as written (its schema is in event.ts, with the other fields). */
export type ThemeFile = NonNullable<EventFile["theme"]>;
