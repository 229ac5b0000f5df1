import { SITE_PATHS } from "../site/urls.ts";
import type { Event } from "../content/model.ts";
import { Layout } from "./Layout.tsx";

export function NotFoundPage({ event }: { event: Event }) {
  return (
    <Layout event={event} title="Page not found" description="This page does not exist." path={SITE_PATHS.notFound} noindex>
      <header class="page-head">
        <h1>Page not found</h1>
        <p class="lede">The page you asked for is not here. It may have moved when the programme changed.</p>
      </header>
      <ul class="button-row">
        <li>
          <a class="button" href={SITE_PATHS.home}>
            Go to the home page
          </a>
        </li>
        <li>
          <a class="button button--quiet" href={SITE_PATHS.talks}>
            See all talks
          </a>
        </li>
      </ul>
    </Layout>
  );
}
