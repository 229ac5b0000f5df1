import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { CARD_SIZE } from "./card-size.ts";

/** One person on a card: a photo (a local file) or initials on their avatar colour. */
export interface CardPerson {
  name: string;
  initials: string;
  /** The hue of their initials avatar, as on the site. */
  hue: number;
  /** A local photo: a small JPEG or PNG of it (the avatar's largest size), and a hash of the original (part of the card's cache key). */
  photo?: { file: string; hash: string };
}

/** Everything a share card shows; a card is drawn again only when this (or the renderer) changes. */
export interface CardContent {
  /** "Talk", "Keynote", "Workshop · Beginner", "Speaker", "Blog". */
  label: string;
  title: string;
  /** A line under the title: a speaker's role, a post's author. */
  subtitle?: string;
  people: CardPerson[];
  /** Day, time, room: short lines shown in a row. */
  facts: string[];
  event: string;
  dates: string;
}

/**
 * Bumped whenever the card's layout changes, so every cached card is drawn again. The versions
 * of satori, resvg and the font are part of the cache key too (from package.json).
 */
const LAYOUT_VERSION = "1";

const COLOURS = {
  // public/styles.css: --brand, --accent, --highlight, --ink.
  brand: "#12355b",
  accent: "#0b7a75",
  highlight: "#ffd166",
  ink: "#172033",
  white: "#ffffff",
};

const require = createRequire(import.meta.url);

let fonts: Array<{ name: string; data: Buffer; weight: 400 | 700; style: "normal" }> | undefined;

/** Inter from @fontsource/inter (woff: satori reads TTF, OTF and WOFF, not WOFF2), loaded once. */
function cardFonts() {
  if (!fonts) {
    const dir = path.join(path.dirname(require.resolve("@fontsource/inter/package.json")), "files");
    fonts = [];
    for (const subset of ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "vietnamese"]) {
      for (const weight of [400, 700] as const) {
        fonts.push({ name: "Inter", data: readFileSync(path.join(dir, `inter-${subset}-${weight}-normal.woff`)), weight, style: "normal" });
      }
    }
  }
  return fonts;
}

let rendererKey: string | undefined;

/** The layout version and the pinned versions of the libraries that draw a card. */
function rendererVersion(): string {
  if (rendererKey === undefined) {
    const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const deps = manifest.dependencies;
    rendererKey = `layout ${LAYOUT_VERSION}; satori ${deps.satori}; resvg ${deps["@resvg/resvg-js"]}; inter ${deps["@fontsource/inter"]}`;
  }
  return rendererKey;
}

/** The cache key of a card: a hash of what it shows (a photo by its hash, not where it lies) and of the renderer's version. */
export function cardKey(card: CardContent): string {
  const shown = JSON.stringify(card, (key, value: unknown) => (key === "file" ? undefined : value));
  return createHash("sha256").update(rendererVersion()).update("\0").update(shown).digest("hex").slice(0, 32);
}

/** How many cards a run drew and how many it took from the cache. */
export interface CardStats {
  drawn: number;
  cached: number;
}

/**
 * The card: its file in `cacheFolder` when a card with the same key was drawn before, else its PNG
 * bytes, drawn now and stored there (written under a temporary name and renamed, so two builds
 * sharing the cache never read half a file). The cached file is copied, not read: at 10,000 talks
 * reading 15,000 cards into memory to write them again took about 1.5 s more than copying them.
 */
export async function cardFile(card: CardContent, cacheFolder: string, stats: CardStats): Promise<{ content: Buffer } | { source: string }> {
  const file = path.join(cacheFolder, `${cardKey(card)}.png`);
  if (statSync(file, { throwIfNoEntry: false })?.isFile()) {
    stats.cached++;
    return { source: file };
  }
  const png = await drawCard(card);
  stats.drawn++;
  await mkdir(cacheFolder, { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(temporary, png);
  await rename(temporary, file);
  return { content: png };
}

/** Draws one card: satori lays it out as SVG, resvg paints the PNG. Both load on the first card drawn, not in a build whose cards are all cached. */
export async function drawCard(card: CardContent): Promise<Buffer> {
  const [{ default: satori }, { renderAsync }] = await Promise.all([import("satori"), import("@resvg/resvg-js")]);
  const photos = await Promise.all(card.people.slice(0, MAX_FACES).map((person) => (person.photo ? photoDataUrl(person.photo.file) : undefined)));
  // satori's types want a React element; this tree has the same shape without React.
  const svg = await satori(layout(card, photos) as Parameters<typeof satori>[0], {
    width: CARD_SIZE.width,
    height: CARD_SIZE.height,
    fonts: cardFonts(),
  });
  const image = await renderAsync(svg, { fitTo: { mode: "width", value: CARD_SIZE.width }, font: { loadSystemFonts: false } });
  return image.asPng();
}

const MAX_FACES = 4;
const FACE = 88;

async function photoDataUrl(file: string): Promise<string> {
  const type = file.endsWith(".png") ? "image/png" : "image/jpeg";
  return `data:${type};base64,${(await readFile(file)).toString("base64")}`;
}

/** A node in satori's element tree (the shape of a React element, without React). */
interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: Array<Node | string> | Node | string; src?: string; width?: number; height?: number };
}

function el(type: string, style: Record<string, string | number>, ...children: Array<Node | string | false | undefined>): Node {
  const kept = children.filter((child): child is Node | string => Boolean(child));
  return { type, props: { style, children: kept } };
}

function layout(card: CardContent, photos: Array<string | undefined>): Node {
  const titleSize = card.title.length > 90 ? 48 : card.title.length > 50 ? 58 : 68;
  const faces = card.people.slice(0, MAX_FACES);
  const names = card.people.map((person) => person.name).join(", ");
  return el(
    "div",
    {
      width: CARD_SIZE.width,
      height: CARD_SIZE.height,
      boxSizing: "border-box",
      display: "flex",
      flexDirection: "column",
      padding: "56px 64px",
      background: COLOURS.brand,
      borderLeft: `16px solid ${COLOURS.accent}`,
      color: COLOURS.white,
      fontFamily: "Inter",
    },
    el(
      "div",
      { display: "flex" },
      el(
        "div",
        { display: "flex", background: COLOURS.highlight, color: COLOURS.ink, borderRadius: 999, padding: "6px 22px", fontSize: 26, fontWeight: 700, letterSpacing: 1 },
        card.label.toUpperCase(),
      ),
    ),
    el(
      "div",
      { display: "block", width: CARD_SIZE.width - 144, marginTop: 28, fontSize: titleSize, fontWeight: 700, lineHeight: 1.12, lineClamp: 3, letterSpacing: -1 },
      card.title,
    ),
    card.subtitle && el("div", { display: "flex", marginTop: 14, fontSize: 32, opacity: 0.9 }, card.subtitle),
    el("div", { display: "flex", flexGrow: 1 }),
    faces.length > 0 &&
      el(
        "div",
        { display: "flex", alignItems: "center", marginBottom: 22 },
        ...faces.map((person, i) => face(person, photos[i], i)),
        el("div", { display: "block", marginLeft: 22, fontSize: 32, fontWeight: 700, lineClamp: 1, maxWidth: 1200 - 128 - faces.length * (FACE - 18) - 40 }, names),
      ),
    card.facts.length > 0 && el("div", { display: "flex", fontSize: 28, opacity: 0.92, marginBottom: 22 }, card.facts.join("  ·  ")),
    el(
      "div",
      { display: "flex", alignItems: "center", borderTop: `4px solid ${COLOURS.highlight}`, paddingTop: 18, fontSize: 28 },
      el("div", { display: "flex", fontWeight: 700 }, card.event),
      el("div", { display: "flex", marginLeft: 18, opacity: 0.85 }, card.dates),
    ),
  );
}

function face(person: CardPerson, photo: string | undefined, index: number): Node {
  const frame = {
    width: FACE,
    height: FACE,
    borderRadius: FACE / 2,
    border: `4px solid ${COLOURS.white}`,
    marginLeft: index === 0 ? 0 : -18,
  };
  if (photo) return { type: "img", props: { src: photo, width: FACE, height: FACE, style: { ...frame, objectFit: "cover" } } };
  return el(
    "div",
    { ...frame, display: "flex", alignItems: "center", justifyContent: "center", background: `hsl(${person.hue}, 45%, 30%)`, fontSize: 34, fontWeight: 700 },
    person.initials,
  );
}
