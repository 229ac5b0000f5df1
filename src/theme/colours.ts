import type { ThemeFile } from "../content/theme.ts";
import { contrastRatio, formatRatio, type Hex } from "./contrast.ts";

/** The theme's colours with Lectern's defaults filled in: the values of styles.css's :root. */
export interface ThemeColours {
  primary: Hex;
  on_primary: Hex;
  accent: Hex;
  background: Hex;
  text: Hex;
  link: Hex;
}
export type ColourField = keyof ThemeColours;

/** Lectern's own colours (public/styles.css :root), which a theme overrides field by field. */
export const DEFAULT_COLOURS: ThemeColours = {
  primary: "#12355b",
  on_primary: "#ffffff",
  accent: "#0b7a75",
  background: "#fbfaf7",
  text: "#172033",
  link: "#0a5c8a",
};

/** Colours styles.css uses with the theme's and that a theme does not set. */
const FIXED = {
  /** Cards, the schedule's slots, tiles: `--card`. */
  card: { hex: "#ffffff", label: "white" },
  /** Button text on `--accent`. */
  buttonText: { hex: "#ffffff", label: "white" },
  /** The current menu item's and the hero button's background: `--highlight`. */
  highlight: { hex: "#ffd166", label: "the highlight #ffd166" },
  /** Muted text (dates, roles, meta lines): `--ink-soft`. */
  muted: { hex: "#4a5568", label: "muted text #4a5568" },
} as const;
type Side = ColourField | keyof typeof FIXED;

/** A foreground and background that styles.css draws together, what for, and the contrast it needs. */
interface Pair {
  fg: Side;
  bg: Side;
  /** What the pair is used for, as the message names it ("button text needs 4.5:1"). */
  use: string;
  /** WCAG AA: 4.5 for text, 3 for large text (a heading) and interface parts such as the focus ring. */
  needs: number;
}

/**
 * Every pair styles.css draws with a theme colour, read off its rules. Text needs 4.5:1 even
 * where it is also used large (day headings in `accent` are large, quiet buttons in `accent` are not).
 */
export const COLOUR_PAIRS: readonly Pair[] = [
  { fg: "text", bg: "background", use: "text", needs: 4.5 }, // body
  { fg: "text", bg: "card", use: "text", needs: 4.5 }, // cards, slots, tiles
  { fg: "muted", bg: "background", use: "muted text", needs: 4.5 }, // .page-head__meta, .lede
  { fg: "primary", bg: "card", use: "text", needs: 4.5 }, // a:hover, .badge--workshop
  { fg: "link", bg: "background", use: "link text", needs: 4.5 }, // a
  { fg: "link", bg: "card", use: "link text", needs: 4.5 }, // links in cards
  { fg: "primary", bg: "background", use: "the focus ring", needs: 3 }, // :focus-visible box-shadow
  { fg: "on_primary", bg: "primary", use: "header text", needs: 4.5 }, // .site-header, .hero
  { fg: "buttonText", bg: "accent", use: "button text", needs: 4.5 }, // .button
  { fg: "on_primary", bg: "accent", use: "hero text", needs: 4.5 }, // .hero's gradient ends in accent
  { fg: "accent", bg: "background", use: "text", needs: 4.5 }, // .button--quiet, .day h2
  { fg: "accent", bg: "card", use: "text", needs: 4.5 }, // .glance__day h3
  { fg: "text", bg: "highlight", use: "text", needs: 4.5 }, // .site-nav a[aria-current], .hero .button
];

/** The theme's colours, each unset one Lectern's default (`link` falls back to `primary` first). */
export function themeColours(theme: ThemeFile): ThemeColours {
  return {
    primary: theme.primary ?? DEFAULT_COLOURS.primary,
    on_primary: theme.on_primary ?? DEFAULT_COLOURS.on_primary,
    accent: theme.accent ?? DEFAULT_COLOURS.accent,
    background: theme.background ?? DEFAULT_COLOURS.background,
    text: theme.text ?? DEFAULT_COLOURS.text,
    link: theme.link ?? theme.primary ?? DEFAULT_COLOURS.link,
  };
}

/** A pair below WCAG AA, with the field written in event.yaml it is laid to. */
export interface ContrastProblem {
  /** `theme.primary`. */
  field: string;
  /** `#7fb2e5 on white is 2.2:1; text needs 4.5:1`. */
  message: string;
}

/**
 * Every colour pair of the theme below WCAG AA. Each is laid to a colour the organiser wrote
 * (the foreground's when both were; `link` left out counts as `primary`), so that the field
 * named is one to change; a pair of defaults only never fails. One message per field and pair of colours.
 */
export function contrastProblems(theme: ThemeFile): ContrastProblem[] {
  const colours = themeColours(theme);
  const written = (side: Side): ColourField | undefined => {
    if (!(side in colours)) return undefined;
    if (theme[side as ColourField] !== undefined) return side as ColourField;
    return side === "link" && theme.primary !== undefined ? "primary" : undefined;
  };
  const hex = (side: Side): Hex => (side in colours ? colours[side as ColourField] : FIXED[side as keyof typeof FIXED].hex);
  const label = (side: Side, blamed: ColourField): string => {
    if (!(side in colours)) return FIXED[side as keyof typeof FIXED].label;
    return written(side) === blamed ? colours[side as ColourField] : `theme.${side} ${colours[side as ColourField]}`;
  };
  const problems: ContrastProblem[] = [];
  const seen = new Set<string>();
  for (const pair of COLOUR_PAIRS) {
    const ratio = contrastRatio(hex(pair.fg), hex(pair.bg));
    if (ratio >= pair.needs) continue;
    const blamed = written(pair.fg) ?? written(pair.bg);
    if (blamed === undefined) continue;
    const problem = {
      field: `theme.${blamed}`,
      message: `${label(pair.fg, blamed)} on ${label(pair.bg, blamed)} is ${formatRatio(ratio, pair.needs)}; ${pair.use} needs ${pair.needs}:1`,
    };
    const key = `${problem.field} ${hex(pair.fg)} ${hex(pair.bg)}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  return problems;
}
