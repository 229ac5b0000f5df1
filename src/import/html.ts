import TurndownService from "turndown";

let service: TurndownService | undefined;

/**
 * HTML from a schedule (pretalx and frab abstracts and bios) as markdown, through turndown.
 * Scripts, styles and other elements with no text for a reader are dropped; what remains goes
 * through Lectern's own rules when the site is built (raw HTML in an abstract shows as text).
 */
export function htmlToMarkdown(html: string): string {
  if (!/<[a-z!/][^>]*>|&[#a-z0-9]+;/i.test(html)) return html.replace(/\r\n?/g, "\n").trim();
  service ??= new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "_" }).remove([
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "form",
    "noscript",
    "template",
  ]);
  return service.turndown(html).trim();
}
