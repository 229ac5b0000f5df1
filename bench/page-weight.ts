import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The bytes a browser fetches for one page: the HTML, its stylesheets and scripts. */
export interface PageWeight {
  /** The page's site path, e.g. /talks/x/. */
  page: string;
  html: number;
  css: number;
  js: number;
  /** Everything, uncompressed. */
  raw: number;
  /** Everything, each file gzipped on its own (as a server would send it). */
  gzip: number;
  /** External scripts and inline `<script>` blocks other than JSON data. */
  scripts: number;
}

const STYLESHEET = /<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
/** A module's static imports (`import{a}from"./chunk.js"`, `import"./x.js"`), which the browser fetches before running it; not `import()`. */
const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}=["']?([^"' >]+)`, "i").exec(tag)?.[1];

/** Weighs the page at `sitePath` of a built site, or returns undefined when there is no such page. */
export async function weighPage(siteDir: string, sitePath: string): Promise<PageWeight | undefined> {
  const file = path.join(siteDir, sitePath, sitePath.endsWith(".html") ? "" : "index.html");
  if (!existsSync(file)) return undefined;
  const html = await readFile(file);
  const text = html.toString("utf8");
  const assets: Array<{ kind: "css" | "js"; bytes: Buffer }> = [];
  const local = async (href: string | undefined) => {
    if (!href || /^(?:[a-z]+:)?\/\//i.test(href)) return undefined;
    const target = href.startsWith("/") ? path.join(siteDir, href) : path.join(path.dirname(file), href);
    return existsSync(target) ? readFile(target.split(/[?#]/)[0]!) : undefined;
  };
  for (const match of text.matchAll(STYLESHEET)) {
    const bytes = await local(attribute(match[0], "href"));
    if (bytes) assets.push({ kind: "css", bytes });
  }
  let scripts = 0;
  for (const match of text.matchAll(SCRIPT)) {
    const attrs = match[1] ?? "";
    if (/type=["']?application\/(?:ld\+)?json/i.test(attrs)) continue;
    scripts++;
    const src = attribute(attrs, "src");
    const bytes = await local(src);
    if (!bytes || !src) continue;
    assets.push({ kind: "js", bytes });
    // A module's static imports are fetched with it: count each chunk once.
    const pending = [{ href: src, text: bytes.toString("utf8") }];
    const seen = new Set([src]);
    while (pending.length > 0) {
      const module = pending.pop()!;
      for (const [, specifier] of module.text.matchAll(STATIC_IMPORT)) {
        const href = new URL(specifier!, new URL(module.href, "http://site/")).pathname;
        if (seen.has(href)) continue;
        seen.add(href);
        const imported = await local(href);
        if (!imported) continue;
        assets.push({ kind: "js", bytes: imported });
        pending.push({ href, text: imported.toString("utf8") });
      }
    }
  }
  const sum = (kind: "css" | "js") => assets.filter((a) => a.kind === kind).reduce((n, a) => n + a.bytes.length, 0);
  const css = sum("css");
  const js = sum("js");
  return {
    page: sitePath,
    html: html.length,
    css,
    js,
    raw: html.length + css + js,
    gzip: gzipSync(html).length + assets.reduce((n, a) => n + gzipSync(a.bytes).length, 0),
    scripts,
  };
}

/** The site path of the largest page directly under `section` (e.g. the heaviest talk page). */
export async function largestPage(siteDir: string, section: string): Promise<string | undefined> {
  const dir = path.join(siteDir, section);
  if (!existsSync(dir)) return undefined;
  let best: { page: string; size: number } | undefined;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = path.join(dir, entry.name, "index.html");
    if (!existsSync(file)) continue;
    const size = (await stat(file)).size;
    if (!best || size > best.size) best = { page: `/${section}/${entry.name}/`, size };
  }
  return best?.page;
}
