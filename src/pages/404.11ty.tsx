import type { PageData } from "../eleventy/types.ts";
import { NotFoundPage } from "../views/NotFoundPage.tsx";

export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

export function render({ conference }: PageData) {
  return <NotFoundPage event={conference.event} />;
}
