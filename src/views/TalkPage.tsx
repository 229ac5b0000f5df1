import type { Event, Talk } from "../content/model.ts";
import { PeopleList } from "./components/PeopleList.tsx";
import { Prose } from "./components/Prose.tsx";
import { KindBadge, SessionWhen, TagList } from "./components/SessionBits.tsx";
import { calendarPath, SITE_PATHS } from "../site/urls.ts";
import { Layout } from "./Layout.tsx";
import { breadcrumbLd, ldDocument, sessionLd } from "./structured-data.ts";

export function TalkPage({
  event,
  talk,
  tagUrls,
}: {
  event: Event;
  talk: Talk & { url: string };
  /** Topic page of each tag, to link the tags. */
  tagUrls: ReadonlyMap<string, string>;
}) {
  const links = [
    { label: "Slides", href: talk.slides },
    { label: "Video", href: talk.video },
    { label: "Code", href: talk.code },
  ].filter((link): link is { label: string; href: string } => Boolean(link.href));
  return (
    <Layout
      event={event}
      title={talk.title}
      description={talk.summary}
      path={talk.url}
      share={{ card: { collection: "talks", slug: talk.slug, title: talk.title } }}
      structuredData={ldDocument(sessionLd(event, talk), breadcrumbLd(event, [{ name: "Talks", path: SITE_PATHS.talks }], talk.title))}
    >
      <article class="session">
        <header class="page-head">
          <p class="breadcrumb">
            <a href={SITE_PATHS.talks}>Talks</a>
          </p>
          <KindBadge session={talk} />
          <h1>{talk.title}</h1>
        </header>
        <div class="page-columns">
          <div class="facts-column">
            <p class="page-head__meta">
              <SessionWhen session={talk} />
            </p>
            {talk.speakers.length > 0 && (
              <section aria-labelledby="speakers_heading">
                <h2 id="speakers_heading" class="visually-hidden">
                  Speakers
                </h2>
                <PeopleList people={talk.speakers} />
              </section>
            )}
            <ul class="button-row" aria-label="Materials">
              <li class="add-to-calendar">
                <a class="button button--quiet" href={calendarPath(talk)}>
                  Add to calendar
                </a>
              </li>
              {links.map((link) => (
                <li key={link.label}>
                  <a class="button button--quiet" href={link.href}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
          <div class="page-columns__main">
            <Prose html={talk.html} />
            <TagList tags={talk.tags} urls={tagUrls} />
          </div>
        </div>
      </article>
    </Layout>
  );
}
