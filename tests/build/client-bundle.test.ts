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

test("site.js and the chunks it imports statically stay under 15 KB gzipped; My schedule and its QR code load on demand", async (t) => {
  const site = await buildSite(path.join(ROOT, "content"));
  const assets = path.join(site, "assets");
  const read = (name: string) => readFile(path.join(assets, name), "utf8");
  const staticImports = (code: string) => [...code.matchAll(/(?:^|[;}])\s*import\s*(?:[^"'();]*?from\s*)?"\.\/([^"]+)"/g)].map((m) => m[1]!);
  const dynamicImports = (code: string) => [...code.matchAll(/\bimport\("\.\/([^"]+)"\)/g)].map((m) => m[1]!);
  const loaded = new Set<string>();
  const queue = ["site.js"];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (loaded.has(name)) continue;
    loaded.add(name);
    queue.push(...staticImports(await read(name)));
  }
  let gzipped = 0;
  for (const name of loaded) gzipped += gzipSync(await read(name)).length;
  t.diagnostic(`site.js with its static imports (${[...loaded].join(", ")}): ${gzipped} bytes gzipped`);
  assert.ok(gzipped < 15 * 1024, `${gzipped} bytes gzipped`);
  const siteScript = await read("site.js");
  const mine = dynamicImports(siteScript).find((name) => name.startsWith("mine-"));
  assert.ok(mine, "site.js imports the My schedule chunk on demand");
  assert.ok(!loaded.has(mine), "and never statically");
  const mineCode = await read(mine);
  const qr = dynamicImports(mineCode).find((name) => name.startsWith("qr-"));
  assert.ok(qr && !loaded.has(qr) && !staticImports(mineCode).includes(qr), "the QR code generator is imported on demand by the My schedule chunk only");
  t.diagnostic(`on demand: ${mine} ${gzipSync(mineCode).length} bytes gzipped, ${qr} ${gzipSync(await read(qr)).length} bytes gzipped`);
});

test("the scripts' names and bytes do not depend on where the project is checked out", async () => {
  const { cp, mkdir, symlink, rm } = await import("node:fs/promises");
  const { execFileSync } = await import("node:child_process");
  const { tempDir } = await import("../helpers.ts");
  // The same sources in a folder at another depth, with the packages by a link, as a CI cache may hold them.
  const elsewhere = path.join(await tempDir(), "a", "deeper", "checkout");
  await mkdir(elsewhere, { recursive: true });
  try {
    await cp(path.join(ROOT, "src"), path.join(elsewhere, "src"), { recursive: true });
    for (const file of ["package.json", "tsconfig.json"]) await cp(path.join(ROOT, file), path.join(elsewhere, file));
    await symlink(path.join(ROOT, "node_modules"), path.join(elsewhere, "node_modules"));
    const script =
      'import { createHash } from "node:crypto"; const m = await import(process.argv[1]); const h = (t) => createHash("sha256").update(t).digest("hex");' +
      "console.log(JSON.stringify([...m.clientFiles().map((f) => [f.path, h(f.content)]), ['sw', h(m.serviceWorkerScript())]]));";
    const bundleOf = (root: string) =>
      execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, path.join(root, "src", "client", "bundle.ts")], { cwd: root, encoding: "utf8" });
    const here = JSON.parse(bundleOf(ROOT)) as Array<[string, string]>;
    assert.ok(here.some(([name]) => /^\/assets\/mine-[A-Z0-9]+\.js$/.test(name)), JSON.stringify(here));
    assert.deepEqual(JSON.parse(bundleOf(elsewhere)), here);
  } finally {
    await rm(path.dirname(path.dirname(elsewhere)), { recursive: true, force: true });
  }
});
