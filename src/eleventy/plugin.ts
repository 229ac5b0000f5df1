import { pathToFileURL } from "node:url";
import { h, isValidElement, type VNode } from "preact";
import type { Conference } from "../content/model.ts";
import { basePath } from "../site/urls.ts";
import { renderPage } from "../views/render.ts";
import { StarContext } from "../views/components/SessionStar.tsx";

// Eleventy ships no TypeScript types for its configuration API; this is the part Lectern uses.
export interface EleventyConfig {
  addTemplateFormats(formats: string | string[]): void;
  addExtension(extensions: string[], options: Record<string, unknown>): void;
  addDataExtension(extension: string, options: { parser: (file: string) => unknown; read: boolean }): void;
  addPlugin(plugin: (config: EleventyConfig) => void): void;
}

interface RenderContext {
  defaultRenderer(data: unknown): Promise<unknown>;
}

/**
 * Renders what a route file returns: a preact element becomes an HTML document whose
 * addresses are hrefs under the site's base path; text (feeds) passes through.
 */
export function renderOutput(result: unknown, data: unknown): string {
  if (!isValidElement(result)) return String(result ?? "");
  const conference = (data as { conference?: Conference }).conference;
  const page: VNode = conference ? (h(StarContext.Provider, { value: conference }, result as VNode) as VNode) : (result as VNode);
  return renderPage(page, conference ? basePath(conference.event) : "/");
}

/** Everything Lectern adds to Eleventy, in one place. */
export function lecternPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addTemplateFormats(["11ty.tsx"]);
  eleventyConfig.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function (this: RenderContext, data: unknown) {
        // A Buffer, not a string: Eleventy keeps every page's output until the build ends, and
        // UTF-8 bytes take half the memory of V8's two-byte strings (pages hold "–", "·").
        return Buffer.from(renderOutput(await this.defaultRenderer(data), data));
      };
    },
  });

  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: async (file: string) => {
      const module = (await import(pathToFileURL(file).href)) as { default: unknown };
      return typeof module.default === "function" ? await (module.default as () => unknown)() : module.default;
    },
  });

}
