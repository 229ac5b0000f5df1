import type { Event } from "../content/model.ts";
import { Layout } from "./Layout.tsx";

export function NotFoundPage({ event }: { event: Event }) {
  return (
    <Layout event={event} title="Page not found" description="This page does not exist." path="/404.html" noindex>
      <header class="page-head">
        <h1>Page not found</h1>
        <p class="lede">The page you asked for is not here. It may have moved when the programme changed.</p>
      </header>
      <ul class="button-row">
        <li>
          <a class="button" href="/">
            Go to the home page
          </a>
        </li>
        <li>
          <a class="button button--quiet" href="/talks/">
            See all talks
          </a>
        </li>
      </ul>
    </Layout>
  );
}
