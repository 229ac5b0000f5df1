/**
 * Escapes text for HTML that is written as a string rather than through preact (which escapes
 * by itself): element text and double-quoted attribute values alike.
 */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
