import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import matter from "gray-matter";
import { parse } from "yaml";
import { schemaFiles, SCHEMAS_DIR } from "../../src/cli/schemas.ts";
import { ROOT } from "../helpers.ts";

type Node = { type?: unknown; description?: string; properties?: Record<string, Node>; items?: Node; required?: string[] };

test("schemas/ is up to date with the zod schemas (run npm run schemas after changing a schema)", async () => {
  const files = schemaFiles();
  assert.deepEqual((await readdir(SCHEMAS_DIR)).sort(), [...files.keys()].sort());
  for (const [file, text] of files) {
    assert.equal(await readFile(path.join(SCHEMAS_DIR, file), "utf8"), text, `schemas/${file} is stale`);
  }
});

test("every field in every schema carries its doc comment as a description", () => {
  const missing: string[] = [];
  const walk = (node: Node, at: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (!child.description) missing.push(`${at}${key}`);
      walk(child, `${at}${key}.`);
      if (child.items) walk(child.items, `${at}${key}[].`);
    }
  };
  for (const [file, text] of schemaFiles()) walk(JSON.parse(text) as Node, `${file}: `);
  assert.deepEqual(missing, []);
});

test("fields with a default are optional, as an organiser writes them", () => {
  const talk = JSON.parse(schemaFiles().get("talk.schema.json")!) as Node;
  assert.deepEqual(talk.required, ["title", "start", "duration"]);
  const event = JSON.parse(schemaFiles().get("event.schema.json")!) as Node;
  assert.ok(!event.required!.includes("language"));
});

test("the sample content uses only fields the schemas know, and every required one", async () => {
  const schemas = new Map([...schemaFiles()].map(([file, text]) => [file, JSON.parse(text) as Node]));
  const check = (schema: Node, data: Record<string, unknown>, where: string) => {
    for (const key of Object.keys(data)) assert.ok(schema.properties?.[key], `${where}: ${key} is in the schema`);
    for (const key of schema.required ?? []) assert.ok(key in data, `${where}: ${key} is present`);
  };
  const content = path.join(ROOT, "content");
  check(schemas.get("event.schema.json")!, parse(await readFile(path.join(content, "event.yaml"), "utf8")) as Record<string, unknown>, "event.yaml");
  for (const [folder, file] of [["talks", "talk"], ["speakers", "speaker"], ["workshops", "workshop"], ["blog", "post"]] as const) {
    for (const name of await readdir(path.join(content, folder))) {
      const { data } = matter(await readFile(path.join(content, folder, name), "utf8"));
      check(schemas.get(`${file}.schema.json`)!, data, `${folder}/${name}`);
    }
  }
});
