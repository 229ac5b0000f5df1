import type { PageData } from "../eleventy/types.ts";
import { WorkshopsIndexPage } from "../views/IndexPages.tsx";

export const data = { permalink: "/workshops/", eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <WorkshopsIndexPage conference={conference} />;
}
