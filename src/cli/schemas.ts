import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { eventSchema } from "../content/event.ts";
import { pageSchema } from "../content/page.ts";
import { postSchema } from "../content/post.ts";
import { sponsorSchema } from "../content/sponsor.ts";
import { speakerSchema } from "../content/speaker.ts";
import { talkSchema } from "../content/talk.ts";
import { workshopSchema } from "../content/workshop.ts";
import { fieldDocs } from "./field-docs.ts";

/** Where the generated JSON Schemas live, one per content type. */
export const SCHEMAS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "schemas");

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema>; items?: JsonSchema };

const SOURCES = [
  { name: "event", title: "Lectern event.yaml", schema: eventSchema, module: "event.ts", schemaName: "eventSchema", lists: { rooms: "roomSchema", sponsor_tiers: "sponsorTierSchema", tickets: "openWindowSchema", cfp: "openWindowSchema" } },
  { name: "talk", title: "Lectern talk (front matter of talks/*.md)", schema: talkSchema, module: "talk.ts", schemaName: "talkSchema" },
  { name: "speaker", title: "Lectern speaker (front matter of speakers/*.md)", schema: speakerSchema, module: "speaker.ts", schemaName: "speakerSchema" },
  { name: "workshop", title: "Lectern workshop (front matter of workshops/*.md)", schema: workshopSchema, module: "workshop.ts", schemaName: "workshopSchema", lists: { blocks: "timeBlockSchema" } },
  { name: "post", title: "Lectern blog post (front matter of blog/*.md)", schema: postSchema, module: "post.ts", schemaName: "postSchema" },
  { name: "page", title: "Lectern page (front matter of pages/*.md)", schema: pageSchema, module: "page.ts", schemaName: "pageSchema" },
  { name: "sponsor", title: "Lectern sponsor (front matter of sponsors/*.md)", schema: sponsorSchema, module: "sponsor.ts", schemaName: "sponsorSchema" },
] as const;

/**
 * A JSON Schema for each content type, from the same zod schemas the loader validates with
 * (as written, so fields with a default are optional), with the schema's doc comments as
 * descriptions. Draft 7, the newest the YAML language server (VS Code's YAML extension) reads. Checks such as "a known speaker" or "a real date" are not in them: only
 * `npm run check` knows those.
 */
export function jsonSchemas(): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  for (const source of SOURCES) {
    const generated = z.toJSONSchema(source.schema, { io: "input", target: "draft-7" }) as JsonSchema;
    const docs = fieldDocs(source.module, source.schemaName);
    const lists = new Map(
      Object.entries("lists" in source ? source.lists : {}).map(([key, schemaName]) => [key, fieldDocs(source.module, schemaName)]),
    );
    const { $schema, ...rest } = generated;
    out.set(`${source.name}.schema.json`, { $schema, title: source.title, ...describe(rest, docs, lists, "") });
  }
  return out;
}

function describe(node: JsonSchema, docs: Map<string, string>, lists: Map<string, Map<string, string>>, prefix: string): JsonSchema {
  if (!node.properties) return node;
  const properties: Record<string, JsonSchema> = {};
  for (const [key, child] of Object.entries(node.properties)) {
    const at = prefix ? `${prefix}.${key}` : key;
    let described = describe(child, docs, lists, at);
    const itemDocs = lists.get(at);
    if (itemDocs && described.items) described = { ...described, items: describe(described.items, itemDocs, new Map(), "") };
    // A field whose object schema is declared on its own (tickets, cfp): its fields' comments are there.
    else if (itemDocs) described = describe(described, itemDocs, new Map(), "");
    const doc = docs.get(at);
    properties[key] = doc ? { description: doc, ...described } : described;
  }
  return { ...node, properties };
}

/** The text of each schema file, as written to schemas/. */
export function schemaFiles(): Map<string, string> {
  return new Map([...jsonSchemas()].map(([file, schema]) => [file, `${JSON.stringify(schema, null, 2)}\n`]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await mkdir(SCHEMAS_DIR, { recursive: true });
  for (const [file, text] of schemaFiles()) {
    const target = path.join(SCHEMAS_DIR, file);
    const old = await readFile(target, "utf8").catch(() => "");
    if (old !== text) await writeFile(target, text);
    process.stdout.write(`lectern schemas: ${old === text ? "unchanged" : "wrote"} schemas/${file}\n`);
  }
}
