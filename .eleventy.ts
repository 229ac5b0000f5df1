import { lecternPlugin, type EleventyConfig } from "./src/eleventy/plugin.ts";

// `npm run build` and `npm start` do not run Eleventy: they render the route files in
// src/pages (Eleventy's template format) through src/output/routes.ts and render.ts, one render
// path that knows what each page shows. This configuration lets Eleventy itself render them too.
export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(lecternPlugin);
  return {
    dir: {
      input: "src/pages",
      data: "../../_data",
    },
  };
}
