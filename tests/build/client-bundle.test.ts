import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildSite, listFiles, ROOT } from "../helpers.ts";

test("every page loads one module script, the same one, and it stays under 15 KB gzipped", async () => {
  const site = await buildSite(path.join(ROOT, "content"));
  const pages = (await listFiles(site)).filter((file) => file.endsWith(".html"));
  assert.ok(pages.length > 50, `only ${pages.length} pages`);
  for (const page of pages) {
    const html = await readFile(path.join(site, page), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/g)].map((match) => match[1]);
    assert.deepEqual(scripts, ["/assets/site.js"], page);
  }
  const script = await readFile(path.join(site, "assets", "site.js"));
  const gzipped = gzipSync(script).length;
  assert.ok(gzipped < 15 * 1024, `site.js is ${gzipped} bytes gzipped`);
});
