import { SITE_PATHS } from "../site/urls.ts";
import type { Event } from "../content/model.ts";
import { Layout } from "./Layout.tsx";
import { translatorOf } from "./i18n.ts";

export function NotFoundPage({ event }: { event: Event }) {
  const { t } = translatorOf(event);
  return (
    <Layout event={event} title={t("notFound.title")} description={t("notFound.description")} path={SITE_PATHS.notFound} noindex>
      <header class="page-head">
        <h1>{t("notFound.title")}</h1>
        <p class="lede">{t("notFound.lede")}</p>
      </header>
      <ul class="button-row">
        <li>
          <a class="button" href={SITE_PATHS.home}>
            {t("notFound.home")}
          </a>
        </li>
        <li>
          <a class="button button--quiet" href={SITE_PATHS.talks}>
            {t("notFound.talks")}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
