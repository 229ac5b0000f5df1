import { stringify } from "yaml";
import { z } from "zod";
import { pageSchema } from "../content/page.ts";
import { postSchema } from "../content/post.ts";
import { sponsorSchema } from "../content/sponsor.ts";
import { toSlug } from "../content/slug.ts";
import { speakerSchema } from "../content/speaker.ts";
import { talkSchema } from "../content/talk.ts";
import { workshopSchema } from "../content/workshop.ts";
import { fieldDocs } from "./field-docs.ts";

/** What `npm run new` can create, with the folder, schema and the body's placeholder of each. */
export const SCAFFOLDS = {
  talk: { folder: "talks", module: "talk.ts", schemaName: "talkSchema", schema: talkSchema, nameField: "title", body: "The abstract, in markdown." },
  speaker: { folder: "speakers", module: "speaker.ts", schemaName: "speakerSchema", schema: speakerSchema, nameField: "name", body: "The speaker's bio, in markdown." },
  workshop: { folder: "workshops", module: "workshop.ts", schemaName: "workshopSchema", schema: workshopSchema, nameField: "title", body: "What participants will do and learn, in markdown." },
  post: { folder: "blog", module: "post.ts", schemaName: "postSchema", schema: postSchema, nameField: "title", body: "The post, in markdown." },
  page: { folder: "pages", module: "page.ts", schemaName: "pageSchema", schema: pageSchema, nameField: "title", body: "The page, in markdown." },
  sponsor: { folder: "sponsors", module: "sponsor.ts", schemaName: "sponsorSchema", schema: sponsorSchema, nameField: "name", body: "An optional sentence or two about the sponsor, in markdown." },
} as const;

export type ScaffoldKind = keyof typeof SCAFFOLDS;

export function isScaffoldKind(value: string): value is ScaffoldKind {
  return Object.hasOwn(SCAFFOLDS, value);
}

/** Facts of the event that make better placeholders; all optional (event.yaml may be broken). */
export interface ScaffoldContext {
  /** The event's first and last day, YYYY-MM-DD. */
  days?: { first: string; last: string };
  /** Room ids from event.yaml, in order. */
  rooms?: string[];
  /** Sponsor tier ids from event.yaml, in order. */
  sponsorTiers?: string[];
  /** Today, YYYY-MM-DD, for a post's date. */
  today: string;
}

/** The longest file name (without `.md`) a title gives; longer slugs are cut between words. */
export const MAX_SLUG_LENGTH = 80;

/**
 * The file name for a new entry: the slug of its title, cut between words to at most
 * {@link MAX_SLUG_LENGTH} characters, or — when the title has no letters or digits that
 * make an address (an emoji, a script slugify cannot transliterate) — the kind and the first
 * free number, `talk-1`. `taken` holds the names already in the folder (any case).
 */
export function chooseSlug(kind: ScaffoldKind, title: string, taken: ReadonlySet<string>): { slug: string; fallback: boolean } {
  const slug = shorten(toSlug(title));
  if (slug) return { slug, fallback: false };
  const lower = new Set([...taken].map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    if (!lower.has(`${kind}-${n}`)) return { slug: `${kind}-${n}`, fallback: true };
  }
}

function shorten(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.lastIndexOf("-", MAX_SLUG_LENGTH);
  return (cut > 0 ? slug.slice(0, cut) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, "");
}

/**
 * A new content file: front matter with every field of the schema, each under its doc
 * comment. Fields Lectern can fill in get a value (the title, a usual length, today's date for
 * a post); optional ones are commented out with an example; the ones only the organiser
 * knows (speakers, start, room, company…) are left empty, so `npm run check` names each of
 * them until it is filled in.
 */
export function scaffold(kind: ScaffoldKind, title: string, context: ScaffoldContext): string {
  const spec = SCAFFOLDS[kind];
  const docs = fieldDocs(spec.module, spec.schemaName);
  const values = placeholders(kind, title, context);
  const lines = ["---"];
  for (const [key, field] of Object.entries(spec.schema.shape) as Array<[string, z.ZodType]>) {
    const doc = docs.get(key);
    if (doc) lines.push(`# ${doc}`);
    if (key === "tier" && context.sponsorTiers?.length) lines.push(`# Tiers in event.yaml: ${context.sponsorTiers.join(", ")}.`);
    if (key === "room" && context.rooms?.length) lines.push(`# Rooms in event.yaml: ${context.rooms.join(", ")}.`);
    if (key === "start" && context.days) lines.push(`# The event runs from ${context.days.first} to ${context.days.last}.`);
    const value = values[key];
    const optional = field.safeParse(undefined).success;
    if (value === "") lines.push(`${key}:`);
    else if (value !== undefined && !value.startsWith("#")) lines.push(`${key}: ${value}`);
    else if (optional) lines.push(`# ${key}: ${value?.slice(1).trim() ?? ""}`.trimEnd());
    else lines.push(`${key}:`);
  }
  lines.push("---", spec.body, "");
  return lines.join("\n");
}

/**
 * Values written into a new file: a value starting with `#` is an example, written commented
 * out; "" is a field left empty for the organiser to fill in (or, if optional, to delete).
 */
function placeholders(kind: ScaffoldKind, title: string, context: ScaffoldContext): Record<string, string> {
  // One line whatever the title holds: no folding of long titles, no block scalar for a line break.
  const name = stringify(title, { lineWidth: 0, blockQuote: false }).trimEnd();
  switch (kind) {
    case "talk":
      return {
        title: name,
        speakers: "[]",
        duration: "30",
        room: "",
        tags: "[]",
        kind: "# talk",
        slides: "# https://example.org/slides.pdf",
        video: "# https://www.youtube.com/watch?v=…",
        code: "# https://github.com/example/demo",
        cancelled: "# true",
      };
    case "speaker":
      return {
        name,
        twitter: "# handle",
        github: "# handle",
        website: "# https://example.org",
        mastodon: '# "@handle@mastodon.social"',
        bluesky: "# handle.bsky.social",
        linkedin: "# handle",
        pronouns: "# she/her",
        photo: "# /images/photo.jpg",
      };
    case "workshop":
      return {
        title: name,
        leaders: "[]",
        start: "",
        duration: "120",
        blocks: `# [{start: ${context.days?.first ?? "YYYY-MM-DD"} 09:00, duration: 480}, {start: ${context.days?.last ?? "YYYY-MM-DD"} 09:00, duration: 240}]`,
        prerequisites: "[]",
        tags: "[]",
        cancelled: "# true",
      };
    case "post":
      return { title: name, date: context.today, tags: "[]", summary: "# One sentence for listings." };
    case "page":
      return { title: name, summary: "# One sentence for link previews.", nav: "# {menu: footer, order: 1}" };
    case "sponsor":
      return { name, tier: context.sponsorTiers?.[0] ?? "", logo: "", url: "" };
  }
}
