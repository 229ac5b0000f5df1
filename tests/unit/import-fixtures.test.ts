import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { FIXTURES, ROOT } from "../helpers.ts";

const SCHEMAS = path.join(ROOT, "..", "shared", "schemas");
const require = createRequire(import.meta.url);
const fixture = (name: string) => path.join(FIXTURES, "import", name);

// The fixtures are written from the formats' documentation: the published schemas hold them to it.
test("the pretalx fixture is a valid c3voc schedule.json", (t) => {
  if (!existsSync(SCHEMAS)) return t.skip("skipped: ../shared/schemas is not beside the checkout");
  const ajv = new Ajv.default({ allErrors: true, allowUnionTypes: true });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  addFormats.default(ajv);
  ajv.addFormat("color", /^#[0-9a-fA-F]{6}$/);
  ajv.addKeyword("$oneOf");
  ajv.addKeyword("$todo");
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, "schedule.schema.json"), "utf8")));
  const ok = validate(JSON.parse(readFileSync(fixture("pretalx-schedule.json"), "utf8")));
  assert.deepEqual(ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`), []);
});

test("the frab fixture is a valid schedule.xml", (t) => {
  if (!existsSync(SCHEMAS)) return t.skip("skipped: ../shared/schemas is not beside the checkout");
  if (spawnSync("xmllint", ["--version"]).error) return t.skip("skipped: xmllint not installed (Debian package libxml2-utils)");
  const result = spawnSync("xmllint", ["--noout", "--schema", path.join(SCHEMAS, "schedule.xml.xsd"), fixture("frab-schedule.xml")], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
});
