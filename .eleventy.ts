import { lecternPlugin, type EleventyConfig } from "./src/eleventy/plugin.ts";

// The output folder is not set here: `npm run build` renders into a staging folder it
// names itself, and `npm start` passes `--output`.
export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(lecternPlugin);
  return {
    dir: {
      input: "src/pages",
      data: "../../_data",
    },
  };
}
