/**
 * The one place rendered markdown enters a page as HTML. The HTML must come from
 * `renderUntrusted` or `renderPost`, which escape or sanitise it.
 */
export function Prose({ html, class: className }: { html: string; class?: string }) {
  return <div class={className ? `prose ${className}` : "prose"} dangerouslySetInnerHTML={{ __html: html }} />;
}
