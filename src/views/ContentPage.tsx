import type { Event, Page } from "../content/model.ts";
import { Prose } from "./components/Prose.tsx";
import { Layout } from "./Layout.tsx";

/** A free page from `content/pages/`: its title and body. */
export function ContentPage({ event, page }: { event: Event; page: Page }) {
  return (
    <Layout event={event} title={page.title} description={page.summary} path={page.url}>
      <article class="post">
        <header class="page-head">
          <h1>{page.title}</h1>
        </header>
        <Prose html={page.html} class="prose--long" />
      </article>
    </Layout>
  );
}
