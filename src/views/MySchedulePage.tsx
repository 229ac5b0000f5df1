import type { Event } from "../content/model.ts";
import type { MessageKey, Translator } from "../i18n/index.ts";
import { SITE_PATHS } from "../site/urls.ts";
import { Layout } from "./Layout.tsx";
import { breadcrumbLd, ldDocument } from "./structured-data.ts";
import { translatorOf } from "./i18n.ts";

/**
 * The texts the My schedule script writes (src/client/mine.ts), in the site's language, as JSON
 * in the page's `data-mine-strings` (an attribute, escaped as every attribute is); a
 * plural as its forms by Intl.PluralRules category, `{count}` left in.
 */
export type MineStrings = {
  star: string;
  clash: string;
  cancelled: string;
  calendarName: string;
  qr: string;
  copied: string;
  added: string;
  loadError: string;
  picked: Record<string, string>;
  shared: Record<string, string>;
};

/**
 * "My schedule" (`/schedule/mine/`): the attendee's starred sessions, which live in their browser.
 * The page says so and what to do without JavaScript; its script fills in the list by day with
 * clashes marked, the calendar file of the picks, the share link and its QR code, and the
 * read-only view of picks shared by link. Every control it needs is here, `hidden` until then.
 */
export function MySchedulePage({ event }: { event: Event }) {
  const tr = translatorOf(event);
  const { t } = tr;
  const strings: MineStrings = {
    star: t("star.add"),
    clash: t("mine.clash"),
    cancelled: t("mine.cancelled"),
    calendarName: t("mine.calendarName", { event: event.name }),
    qr: t("mine.qr"),
    copied: t("mine.copied"),
    added: t("mine.added"),
    loadError: t("mine.loadError"),
    picked: pluralForms(tr, "mine.picked"),
    shared: pluralForms(tr, "mine.shared"),
  };
  return (
    <Layout
      sheet="schedule"
      event={event}
      title={t("mine.title")}
      description={t("mine.description")}
      path={SITE_PATHS.mySchedule}
      structuredData={ldDocument(breadcrumbLd(event, [{ name: t("nav.schedule"), path: SITE_PATHS.schedule }], t("mine.title")))}
    >
      <article class="my-schedule" data-my-schedule="" data-mine-strings={JSON.stringify(strings)}>
        <header class="page-head">
          <p class="breadcrumb">
            <a href={SITE_PATHS.schedule}>{t("nav.schedule")}</a>
          </p>
          <h1 id="my_schedule_heading" tabIndex={-1}>
            {t("mine.title")}
          </h1>
        </header>
        <div class="my-schedule__about">
          <p>{t("mine.intro")}</p>
          <p>{t("mine.private")}</p>
          <p class="callout my-schedule__script" data-mine-needs-script="">
            {t("mine.needsScript")} <a href={SITE_PATHS.schedule}>{t("mine.scheduleLink")}</a>
          </p>
        </div>
        <p class="my-schedule__status" role="status" data-mine-status=""></p>
        <div class="callout my-schedule__empty" data-mine-empty="" hidden>
          <p>
            {t("mine.empty")} <a href={SITE_PATHS.schedule}>{t("mine.scheduleLink")}</a>
          </p>
        </div>
        <section class="my-schedule__shared" data-mine-shared="" aria-labelledby="mine_shared_heading" hidden>
          <h2 id="mine_shared_heading" data-mine-shared-title="">
            {t("mine.sharedHeading")}
          </h2>
          <p>{t("mine.sharedNote")}</p>
          <p class="my-schedule__actions">
            <button type="button" class="button" data-mine-add="">
              {t("mine.addShared")}
            </button>
            <a class="button button--quiet" href={SITE_PATHS.mySchedule}>
              {t("mine.own")}
            </a>
          </p>
          <div data-mine-shared-list=""></div>
        </section>
        <div class="my-schedule__list" data-mine-list=""></div>
        <section class="my-schedule__tools" data-mine-tools="" aria-labelledby="mine_share_heading" hidden>
          <p class="my-schedule__actions">
            <button type="button" class="button" data-mine-download="">
              {t("mine.download")}
            </button>
          </p>
          <p class="my-schedule__note">{t("mine.downloadNote")}</p>
          <h2 id="mine_share_heading">{t("mine.share")}</h2>
          <p>{t("mine.shareNote")}</p>
          <p class="my-schedule__share">
            <span class="my-schedule__label">{t("mine.link")}</span>{" "}
            <a class="my-schedule__link" data-mine-link="" href={SITE_PATHS.mySchedule}></a>
          </p>
          <p class="my-schedule__actions">
            <button type="button" class="button button--quiet" data-mine-copy="">
              {t("mine.copy")}
            </button>
            <span role="status" data-mine-copied=""></span>
          </p>
          <div class="my-schedule__qr" data-mine-qr=""></div>
        </section>
      </article>
    </Layout>
  );
}

/** A plural message's forms by the categories the language uses, `{count}` left in for the script to fill. */
function pluralForms(tr: Translator, key: MessageKey): Record<string, string> {
  const rules = new Intl.PluralRules(tr.locale);
  const forms: Record<string, string> = {};
  for (let n = 0; n <= 200; n++) {
    const category = rules.select(n);
    if (category in forms) continue;
    forms[category] = tr
      .parts(key, { count: n })
      .map((part) => (part === n ? "{count}" : String(part)))
      .join("");
  }
  return forms;
}
