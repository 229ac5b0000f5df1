// html-validate's settings for the built site, used by tests/browser and by `npx html-validate`.
// A module rather than .htmlvalidate.json so that each departure from the preset can say why.
import { defineConfig } from "html-validate";

export default defineConfig({
  root: true,
  extends: ["html-validate:recommended", "html-validate:document"],
  rules: {
    // preact writes void elements as <meta ... />.
    "void-style": ["error", { style: "selfclosing" }],
    // The views name lists (<ul aria-label="Tags">, "Materials", "Elsewhere"). A list's role
    // takes a name under ARIA 1.2, and axe-core accepts it; the preset only warns that some
    // screen readers skip names on lists, so allow it where the role is namable.
    "aria-label-misuse": ["error", { allowAnyNamable: true }],
    // Off: a talk's <title> is "<talk title> · <event name>", both written by organisers.
    // The 70-character limit is a search-engine snippet heuristic, not validity or access.
    "long-title": "off",
    // SRI only for resources from other origins: the site's own stylesheet and icon are
    // served with the page, and a hash would go stale with every edit to public/.
    "require-sri": ["error", { target: "crossorigin" }],
    // A markdown table's column alignment: markdown-it writes it as style="text-align:…" on
    // th and td, the only inline style the site has (the blog sanitiser allows nothing else).
    "no-inline-style": ["error", { allowedProperties: ["display", "text-align"] }],
    // HTML allows any id without white space. The strict form also wants a leading letter,
    // but a session's anchor is its slug, and a slug such as 2024-recap starts with a digit.
    "valid-id": ["error", { relaxed: true }],
  },
});
