import { z } from "zod";
import { text } from "./fields.ts";

/** `content/pages/<slug>.md`: a page of its own at `/<slug>/` (code of conduct, venue, FAQ). Body: markdown (HTML allowed, sanitised). */
export const pageSchema = z.strictObject({
  /** The page's title. */
  title: text,
  /** One sentence for the meta description and link previews (default: the start of the page). */
  summary: text.optional(),
  /** Where the page is linked from every page: `{menu: main, order: 1}` in the header, `menu: footer` in the footer (default: not linked). */
  nav: z
    .strictObject({
      /** `main` (the header's navigation, after Lectern's own entries) or `footer`. */
      menu: z.enum(["main", "footer"]),
      /** Position among the pages of that menu, lowest first (default 0; equal orders by title). */
      order: z.int("expected a whole number").default(0),
    })
    .optional(),
});

export type PageFile = z.output<typeof pageSchema>;
