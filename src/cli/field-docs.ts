import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const CONTENT_SOURCES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "content");

/**
 * The doc comments of a schema's fields, read from the source of the module that declares
 * it, so the comments written for the schema are the only copy: `venue.name` → "The venue's name.".
 * Fields are found by indentation: a field's own fields are indented further than it.
 */
export function fieldDocs(moduleFile: string, schemaName: string): Map<string, string> {
  const source = readFileSync(path.join(CONTENT_SOURCES, moduleFile), "utf8");
  const lines = source.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`export const ${schemaName} =`));
  if (start === -1) throw new Error(`${moduleFile} does not declare ${schemaName}`);

  const docs = new Map<string, string>();
  const stack: Array<{ indent: number; key: string }> = [];
  let pending: string[] | undefined;
  let inComment = false;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const trimmed = line.trim();
    if (inComment || trimmed.startsWith("/**")) {
      if (!inComment) pending = [];
      inComment = !trimmed.endsWith("*/");
      const text = trimmed.replace(/^\/\*\*/, "").replace(/\*\/$/, "").replace(/^\*\s?/, "").trim();
      if (text) pending!.push(text);
      continue;
    }
    const field = /^(\s*)([A-Za-z_]\w*):/.exec(line);
    if (!field) continue;
    const indent = field[1]!.length;
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    const key = [...stack.map((entry) => entry.key), field[2]!].join(".");
    stack.push({ indent, key: field[2]! });
    if (pending?.length) docs.set(key, pending.join(" "));
    pending = undefined;
  }
  return docs;
}
