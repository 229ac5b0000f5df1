// @ts-check
// The floor for a Node pipeline: read every talk file with gray-matter, render it with
// markdown-it, write one HTML file each. Plain JavaScript run by plain `node`, so the floor
// pays no TypeScript loader; the `@ts-check` line keeps it type-checked with the rest.
// Usage: node bench/floor.mjs <talks folder> <output folder>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import MarkdownIt from "markdown-it";

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: node bench/floor.mjs <talks folder> <output folder>");

const md = new MarkdownIt();
/** @param {string} s */
const escape = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

let written = 0;
for (const name of readdirSync(input)) {
  if (!name.endsWith(".md")) continue;
  const { data, content } = matter(readFileSync(path.join(input, name), "utf8"));
  const title = escape(String(data.title ?? name));
  const dir = path.join(output, name.slice(0, -3));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "index.html"),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
      `<body><main><h1>${title}</h1>${md.render(content)}</main></body></html>\n`,
  );
  written++;
}
process.stdout.write(`floor: wrote ${written} pages\n`);
