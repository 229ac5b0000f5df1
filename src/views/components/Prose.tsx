import { useTranslator } from "../i18n.ts";

/**
 * The one place rendered markdown enters a page as HTML. The HTML must come from
 * `renderUntrusted` or `renderPost`, which escape or sanitise it. On a right-to-left site it
 * takes its direction from its own text (`dir="auto"`), so an abstract written in English keeps
 * its full stop at its end.
 */
export function Prose({ html, class: className }: { html: string; class?: string }) {
  const { dir } = useTranslator();
  return <div class={className ? `prose ${className}` : "prose"} dir={dir === "rtl" ? "auto" : undefined} dangerouslySetInnerHTML={{ __html: html }} />;
}
