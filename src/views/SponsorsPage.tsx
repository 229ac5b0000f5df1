import { SITE_PATHS } from "../site/urls.ts";
import type { Conference } from "../content/model.ts";
import { SponsorTiers } from "./components/SponsorLogo.tsx";
import { Layout } from "./Layout.tsx";

/** `/sponsors/`: every sponsor by tier, with their blurbs. */
export function SponsorsPage({ conference }: { conference: Conference }) {
  const { event } = conference;
  return (
    <Layout event={event} title="Sponsors" description={`The sponsors of ${event.name}.`} path={SITE_PATHS.sponsors}>
      <header class="page-head">
        <h1>Sponsors</h1>
        <p class="page-head__meta">{event.name} is made possible by these organisations.</p>
      </header>
      <SponsorTiers tiers={conference.sponsorTiers} level={2} withBlurbs />
    </Layout>
  );
}
