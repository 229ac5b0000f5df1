import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

/** What the exports name as their generator (`<generator>` in the XML, `generator` in the JSON). */
export const GENERATOR = { name: "Lectern", version: manifest.version } as const;
