import type { PageData } from "../eleventy/types.ts";
import { SchedulePage } from "../views/SchedulePage.tsx";

export const data = { permalink: "/schedule/", eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <SchedulePage conference={conference} />;
}
