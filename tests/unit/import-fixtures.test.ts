import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { c3vocScheduleErrors, FIXTURES, SHARED_SCHEMAS as SCHEMAS } from "../helpers.ts";

const fixture = (name: string) => path.join(FIXTURES, "import", name);

// The fixtures are written from the formats' documentation: the published schemas hold them to it.
test("the pretalx fixture is a valid c3voc schedule.json", async (t) => {
  if (!existsSync(SCHEMAS)) return t.skip("skipped: ../shared/schemas is not beside the checkout");
  assert.deepEqual(await c3vocScheduleErrors(JSON.parse(readFileSync(fixture("pretalx-schedule.json"), "utf8"))), []);
});

test("the frab fixture is a valid schedule.xml", (t) => {
  if (!existsSync(SCHEMAS)) return t.skip("skipped: ../shared/schemas is not beside the checkout");
  if (spawnSync("xmllint", ["--version"]).error) return t.skip("skipped: xmllint not installed (Debian package libxml2-utils)");
  const result = spawnSync("xmllint", ["--noout", "--schema", path.join(SCHEMAS, "schedule.xml.xsd"), fixture("frab-schedule.xml")], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
});
