import { readFile } from "node:fs/promises";
import path from "node:path";
import { HtmlValidate, Parser, type HtmlElement } from "html-validate";
import htmlValidateConfig from "../../.htmlvalidate.mjs";
import { listFiles } from "../helpers.ts";

/** One thing wrong with a built site: the page's address and what is wrong there. */
export interface Problem {
  page: string;
  message: string;
}

/** One line a problem, sorted, ready for an assertion message. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map((problem) => `${problem.page}: ${problem.message}`)
    .sort()
    .join("\n");
}

/** The address of every HTML file in a built site (`/talks/x/` for `talks/x/index.html`), sorted. */
export async function listPages(siteDir: string): Promise<string[]> {
  return (await listFiles(siteDir)).filter((file) => file.endsWith(".html")).map(pageAddress);
}

function pageAddress(file: string): string {
  return "/" + file.replace(/(^|\/)index\.html$/, "$1");
}

/** Where the built site is published: its canonical address, whose path is the base path hrefs carry. */
export interface Hosting {
  /**
   * e.g. `https://example.org/boston-2016/`; absolute links under it are checked as internal
   * ones. Default: the canonical address of the site's home page, if it names one.
   */
  siteUrl?: string;
}

/** Runs every check that needs no browser: links and references, then the HTML validator. */
export async function checkBuiltSite(siteDir: string, hosting: Hosting = {}): Promise<Problem[]> {
  return [...(await checkLinks(siteDir, hosting)), ...(await validateHtml(siteDir))];
}

/** Every built HTML file through html-validate with the project's `.htmlvalidate.mjs`. */
export async function validateHtml(siteDir: string): Promise<Problem[]> {
  const validator = new HtmlValidate(htmlValidateConfig);
  const problems: Problem[] = [];
  for (const file of (await listFiles(siteDir)).filter((name) => name.endsWith(".html"))) {
    const report = await validator.validateString(await readFile(path.join(siteDir, file), "utf8"), file);
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push({
          page: pageAddress(file),
          message: `html-validate ${message.ruleId} (line ${message.line}:${message.column}): ${message.message}`,
        });
      }
    }
  }
  return problems;
}

/** Attributes that point at another resource, by element. */
const REFERENCES: Array<{ selector: string; attribute: string; list?: boolean }> = [
  { selector: "a[href]", attribute: "href" },
  { selector: "area[href]", attribute: "href" },
  { selector: "link[href]", attribute: "href" },
  { selector: "img[src]", attribute: "src" },
  { selector: "img[srcset]", attribute: "srcset", list: true },
  { selector: "source[src]", attribute: "src" },
  { selector: "source[srcset]", attribute: "srcset", list: true },
  { selector: "script[src]", attribute: "src" },
  { selector: "iframe[src]", attribute: "src" },
  { selector: "video[src]", attribute: "src" },
  { selector: "video[poster]", attribute: "poster" },
  { selector: "audio[src]", attribute: "src" },
  { selector: "track[src]", attribute: "src" },
  { selector: "object[data]", attribute: "data" },
  { selector: "form[action]", attribute: "action" },
  { selector: "meta[property='og:image']", attribute: "content" },
  { selector: "meta[name='twitter:image']", attribute: "content" },
];

const BASE = "http://lectern.invalid";
const EXTERNAL_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:", "webcal:"]);

/**
 * Checks that every internal reference in the built HTML and CSS (links, images, stylesheets,
 * feeds, exports, `#fragments`) resolves to a built file, and that every external one is a
 * well-formed URL. Works on the files alone: no server, no browser.
 */
export async function checkLinks(siteDir: string, hosting: Hosting = {}): Promise<Problem[]> {
  const files = await listFiles(siteDir);
  const siteUrl = hosting.siteUrl ?? (await canonicalHome(siteDir));
  const site = new SiteFiles(siteDir, new Set(files), siteUrl ? new URL(siteUrl) : undefined);
  const problems: Problem[] = [];
  for (const file of files) {
    const page = pageAddress(file);
    const references = file.endsWith(".html")
      ? await site.htmlReferences(file)
      : file.endsWith(".css")
        ? cssReferences(await readFile(path.join(siteDir, file), "utf8"))
        : [];
    for (const reference of references) {
      const message = await site.check(page, reference);
      if (message) problems.push({ page, message });
    }
  }
  return problems;
}

/** The site's own address as its home page names it (`<link rel="canonical">`), if it does. */
async function canonicalHome(siteDir: string): Promise<string | undefined> {
  try {
    const home = await readFile(path.join(siteDir, "index.html"), "utf8");
    return /<link rel="canonical" href="([^"]+)"/.exec(home)?.[1];
  } catch {
    return undefined;
  }
}

interface Reference {
  /** e.g. `<a href>` */
  source: string;
  value: string;
}

function cssReferences(css: string): Reference[] {
  const references: Reference[] = [];
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g)) {
    const value = match[1] ?? match[2] ?? match[3] ?? "";
    if (!value.startsWith("data:")) references.push({ source: "CSS url()", value });
  }
  for (const match of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) {
    references.push({ source: "CSS @import", value: match[1] ?? match[2] ?? "" });
  }
  return references;
}

/** The built files, with each HTML page's ids parsed once. */
class SiteFiles {
  private readonly parser = new HtmlValidate(htmlValidateConfig).getConfigFor("page.html").then((config) => new Parser(config));
  private readonly ids = new Map<string, Promise<Set<string>>>();

  /** The path every href must start with: the site's base path, `/` by default. */
  private readonly base: string;

  constructor(
    private readonly dir: string,
    private readonly files: Set<string>,
    private readonly siteUrl?: URL,
  ) {
    this.base = siteUrl?.pathname ?? "/";
  }

  async htmlReferences(file: string): Promise<Reference[]> {
    const root = await this.parse(file);
    const references: Reference[] = [];
    for (const { selector, attribute, list } of REFERENCES) {
      for (const element of root.querySelectorAll(selector)) {
        const value = element.getAttributeValue(attribute) ?? "";
        const source = `<${element.tagName} ${attribute}>`;
        if (list) {
          for (const candidate of value.split(",")) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url) references.push({ source, value: url });
          }
        } else references.push({ source, value });
      }
    }
    return references;
  }

  /** A reason the reference is broken, or undefined when it is sound. */
  async check(page: string, { source, value }: Reference): Promise<string | undefined> {
    const shown = `${source} "${value}"`;
    if (value.trim() === "") return `${shown} is empty`;
    if (/\s/.test(value.trim())) return `${shown} contains white space (encode it as %20)`;
    let url: URL;
    try {
      url = new URL(value.trim(), BASE + this.base + page.slice(1));
    } catch {
      return `${shown} is not a well-formed URL`;
    }
    // An absolute address of the published site is checked like a link within it.
    if (this.siteUrl && url.origin === this.siteUrl.origin) {
      if (!url.pathname.startsWith(this.base)) return `${shown} leaves the site's base path ${this.base}`;
      url = new URL(url.pathname + url.hash, BASE);
    }
    if (url.origin !== BASE) {
      if (!EXTERNAL_SCHEMES.has(url.protocol)) return `${shown} uses the scheme ${url.protocol}, which is not allowed`;
      if (url.protocol.startsWith("http") && !/^[^.]+(\.[^.]+)+$|^localhost$/.test(url.hostname)) {
        return `${shown} has no proper host name`;
      }
      if (!url.protocol.startsWith("http") && url.pathname === "") return `${shown} has no address after ${url.protocol}`;
      return undefined;
    }
    if (!url.pathname.startsWith(this.base)) return `${shown} leaves the site's base path ${this.base}`;
    let target: string | undefined;
    try {
      target = this.resolve(decodeURIComponent(`/${url.pathname.slice(this.base.length)}`));
    } catch {
      return `${shown} has a malformed %-escape`;
    }
    if (!target) return `${shown} does not resolve to a built file (no ${url.pathname} in the site)`;
    const fragment = url.hash.slice(1);
    if (!fragment || fragment === "top" || !target.endsWith(".html")) return undefined;
    const ids = await this.idsOf(target);
    const id = safeDecode(fragment);
    if (!ids.has(id)) return `${shown} points at #${id}, but ${pageAddress(target)} has no element with that id`;
    return undefined;
  }

  /** The built file a site path is served from, as a server for static files would find it. */
  private resolve(pathname: string): string | undefined {
    const relative = path.posix.normalize(pathname).replace(/^\/+/, "");
    if (relative.startsWith("..")) return undefined;
    const candidates = pathname.endsWith("/") ? [`${relative}index.html`] : [relative, `${relative}/index.html`];
    return candidates.find((candidate) => this.files.has(candidate));
  }

  private idsOf(file: string): Promise<Set<string>> {
    let ids = this.ids.get(file);
    if (!ids) {
      ids = this.parse(file).then((root) => {
        const found = new Set<string>();
        for (const element of root.querySelectorAll("[id]")) found.add(element.id ?? "");
        for (const element of root.querySelectorAll("a[name]")) found.add(element.getAttributeValue("name") ?? "");
        return found;
      });
      this.ids.set(file, ids);
    }
    return ids;
  }

  private async parse(file: string): Promise<HtmlElement> {
    const html = await readFile(path.join(this.dir, file), "utf8");
    return (await this.parser).parseHtml(html);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

