import { SITE_PATHS } from "../site/urls.ts";
import type { Conference } from "../content/model.ts";
import { SponsorTiers } from "./components/SponsorLogo.tsx";
import { Layout } from "./Layout.tsx";
import { translatorOf } from "./i18n.ts";

/** `/sponsors/`: every sponsor by tier, with their blurbs. */
export function SponsorsPage({ conference }: { conference: Conference }) {
  const { event } = conference;
  const { t } = translatorOf(event);
  return (
    <Layout event={event} title={t("nav.sponsors")} description={t("sponsors.description", { event: event.name })} path={SITE_PATHS.sponsors}>
      <header class="page-head">
        <h1>{t("nav.sponsors")}</h1>
        <p class="page-head__meta">{t("sponsors.lede", { event: event.name })}</p>
      </header>
      <SponsorTiers tiers={conference.sponsorTiers} level={2} withBlurbs />
    </Layout>
  );
}
