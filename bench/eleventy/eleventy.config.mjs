// @ts-check
// The plain-Eleventy baseline: one markdown file, one page, through one minimal layout.
// Run by plain `node` (no TypeScript loader) with `--input=<talks folder> --output=<folder>`.
// The layout is added as a virtual template so that the input folder holds only the talk files.
import { readFileSync } from "node:fs";

const layout = readFileSync(new URL("talk.liquid", import.meta.url), "utf8");

/** @param {{ addTemplate(name: string, content: string): void; addGlobalData(name: string, value: unknown): void }} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.addTemplate("_includes/talk.liquid", layout);
  eleventyConfig.addGlobalData("layout", "talk.liquid");
}
