import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { displayPath } from "../content/errors.ts";
import { paths } from "../eleventy/conference-data.ts";
import { chooseSlug, isScaffoldKind, scaffold, SCAFFOLDS, type ScaffoldContext } from "./scaffold.ts";
import { escapeForTerminal } from "./terminal.ts";

const USAGE = `usage: npm run new -- <${Object.keys(SCAFFOLDS).join("|")}> "Title or name"`;

/** `npm run new -- talk "Title"`: writes a new content file with every field, never over an existing one. */
async function main(args: string[]): Promise<number> {
  const [kind, ...words] = args;
  const title = words.join(" ").trim();
  if (!kind || !isScaffoldKind(kind) || !title) {
    print("stderr", USAGE);
    return 1;
  }
  const { folder: folderName, nameField } = SCAFFOLDS[kind];
  if (/[\n\r\v\f\u0085\u2028\u2029]/.test(title)) {
    print("stderr", `the ${nameField} must be one line; it has a line break`);
    return 1;
  }
  const { contentDir } = paths();
  const folder = path.join(contentDir, folderName);
  const names = existsSync(folder) ? readdirSync(folder) : [];
  const { slug, fallback } = chooseSlug(kind, title, new Set(names.map((name) => name.replace(/\.md$/i, ""))));
  const name = `${slug}.md`;
  const file = path.join(folder, name);
  // On a case-insensitive disk the two would be one file; on any other, two slugs that collide.
  const twin = names.find((other) => other !== name && other.toLowerCase() === name);
  if (twin) {
    print("stderr", `${displayPath(path.join(folder, twin))} already exists (its name differs from ${name} only in case); edit it, or choose another ${nameField}`);
    return 1;
  }
  await mkdir(folder, { recursive: true });
  try {
    await writeFile(file, scaffold(kind, title, eventContext(contentDir)), { flag: "wx" });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    print("stderr", code === "EEXIST" ? `${displayPath(file)} already exists; edit it, or choose another ${nameField}` : `cannot write ${displayPath(file)}: ${message}`);
    return 1;
  }
  print("stdout", `wrote ${displayPath(file)}`);
  if (fallback) print("stdout", `"${title}" gives no letters for an address, so the file is named ${name}; rename it to choose the address`);
  print("stdout", "fill in the empty fields, then run npm run check");
  return 0;
}

function print(stream: "stdout" | "stderr", line: string): void {
  process[stream].write(`lectern new: ${escapeForTerminal(line)}\n`);
}

/** The event's first day and rooms, when event.yaml can be read; placeholders otherwise. */
function eventContext(contentDir: string): ScaffoldContext {
  const today = DateTime.now().toISODate()!;
  try {
    const event = parse(readFileSync(path.join(contentDir, "event.yaml"), "utf8"), { schema: "core" }) as {
      start?: unknown;
      end?: unknown;
      rooms?: Array<{ id?: unknown }>;
      sponsor_tiers?: Array<{ id?: unknown }>;
    };
    const sponsorTiers = Array.isArray(event.sponsor_tiers) ? event.sponsor_tiers.map((tier) => String(tier?.id ?? "")).filter(Boolean) : [];
    const rooms = Array.isArray(event.rooms) ? event.rooms.map((room) => String(room?.id ?? "")).filter(Boolean) : [];
    const days = typeof event.start === "string" && typeof event.end === "string" ? { first: event.start, last: event.end } : undefined;
    return { today, days, rooms, sponsorTiers };
  } catch {
    return { today };
  }
}

process.exitCode = await main(process.argv.slice(2));
