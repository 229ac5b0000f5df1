import { SITE_PATHS } from "../site/urls.ts";
import type { Event, Session, Speaker } from "../content/model.ts";
import { Avatar } from "./components/Avatar.tsx";
import { Prose } from "./components/Prose.tsx";
import { SessionCard } from "./components/SessionBits.tsx";
import { Layout } from "./Layout.tsx";
import { translatorOf } from "./i18n.ts";
import { socialLinks } from "./social.ts";
import { breadcrumbLd, ldDocument, personLd } from "./structured-data.ts";

export function SpeakerPage({
  event,
  speaker,
  sessions,
  anchors,
  tagUrls,
}: {
  event: Event;
  speaker: Speaker;
  sessions: readonly Session[];
  /** Each session's id on the page, from sessionAnchors over the whole programme. */
  anchors?: ReadonlyMap<Session, string>;
  /** Topic page of each tag, to link the sessions' tags. */
  tagUrls: ReadonlyMap<string, string>;
}) {
  const tr = translatorOf(event);
  const { t } = tr;
  const social = socialLinks(speaker, "person", tr);
  return (
    <Layout
      event={event}
      title={speaker.name}
      description={speaker.summary || t("speaker.description", { name: speaker.name, role: speaker.role, company: speaker.company })}
      path={speaker.url}
      share={{ type: "profile", card: { collection: "speakers", slug: speaker.slug, title: speaker.name } }}
      structuredData={ldDocument(personLd(event, speaker, sessions), breadcrumbLd(event, [{ name: t("nav.speakers"), path: SITE_PATHS.speakers }], speaker.name))}
    >
      <article class="speaker">
        <header class="page-head speaker__head">
          <Avatar speaker={speaker} size="l" />
          <div>
            <p class="breadcrumb">
              <a href={SITE_PATHS.speakers}>{t("nav.speakers")}</a>
            </p>
            <h1>
              {speaker.name}
              {speaker.pronouns && <span class="pronouns"> ({speaker.pronouns})</span>}
            </h1>
            <p class="page-head__meta">
              {speaker.role}
              {t("list.comma")}
              {speaker.company}
            </p>
          </div>
        </header>
        <div class="page-columns">
          <div class="facts-column facts-column--plain">
            {sessions.length > 0 && (
              <section aria-labelledby="sessions_heading">
                <h2 id="sessions_heading">{t("speaker.at", { event: event.name })}</h2>
                <div class="card-list">
                  {sessions.map((session) => (
                    <SessionCard key={session.slug} session={session} anchor={anchors?.get(session)} tagUrls={tagUrls} />
                  ))}
                </div>
              </section>
            )}
            {social.length > 0 && (
              <ul class="button-row" aria-label={t("speaker.elsewhere")}>
                {social.map((link) => (
                  <li key={link.href}>
                    <a class="button button--quiet" href={link.href} rel="me">
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div class="page-columns__main">
            <Prose html={speaker.html} />
          </div>
        </div>
      </article>
    </Layout>
  );
}
