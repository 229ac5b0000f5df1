import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { displayPath } from "../content/errors.ts";
import { paths } from "../eleventy/conference-data.ts";
import { chooseSlug, isScaffoldKind, scaffold, SCAFFOLDS, type ScaffoldContext } from "./scaffold.ts";

const USAGE = `usage: npm run new -- <${Object.keys(SCAFFOLDS).join("|")}> "Title or name"`;

/** `npm run new -- talk "Title"`: writes a new content file with every field, never over an existing one. */
async function main(args: string[]): Promise<number> {
  const [kind, ...words] = args;
  const title = words.join(" ").trim();
  if (!kind || !isScaffoldKind(kind) || !title) {
    process.stderr.write(`lectern new: ${USAGE}\n`);
    return 1;
  }
  const { contentDir } = paths();
  const folder = path.join(contentDir, SCAFFOLDS[kind].folder);
  const taken = new Set(existsSync(folder) ? readdirSync(folder).map((name) => name.replace(/\.md$/, "")) : []);
  const { slug, fallback } = chooseSlug(kind, title, taken);
  const file = path.join(folder, `${slug}.md`);
  await mkdir(folder, { recursive: true });
  try {
    await writeFile(file, scaffold(kind, title, eventContext(contentDir)), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    process.stderr.write(`lectern new: ${displayPath(file)} already exists; edit it, or choose another ${SCAFFOLDS[kind].nameField}\n`);
    return 1;
  }
  process.stdout.write(`lectern new: wrote ${displayPath(file)}\n`);
  if (fallback) {
    process.stdout.write(`lectern new: "${title}" gives no letters for an address, so the file is named ${slug}.md; rename it to choose the address\n`);
  }
  process.stdout.write("lectern new: fill in the empty fields, then run npm run check\n");
  return 0;
}

/** The event's first day and rooms, when event.yaml can be read; placeholders otherwise. */
function eventContext(contentDir: string): ScaffoldContext {
  const today = DateTime.now().toISODate()!;
  try {
    const event = parse(readFileSync(path.join(contentDir, "event.yaml"), "utf8"), { schema: "core" }) as {
      start?: unknown;
      end?: unknown;
      rooms?: Array<{ id?: unknown }>;
    };
    const rooms = Array.isArray(event.rooms) ? event.rooms.map((room) => String(room?.id ?? "")).filter(Boolean) : [];
    const days = typeof event.start === "string" && typeof event.end === "string" ? { first: event.start, last: event.end } : undefined;
    return { today, days, rooms };
  } catch {
    return { today };
  }
}

process.exitCode = await main(process.argv.slice(2));
