import type { DateTime } from "luxon";
import { SITE_PATHS } from "../site/urls.ts";
import { peopleOf, type Conference, type Event, type OpenWindow } from "../content/model.ts";
import { CALL_SCRIPT, callsToAction, currentCall } from "./call-to-action.ts";
import { SponsorTiers } from "./components/SponsorLogo.tsx";
import { sessionAnchors } from "../schedule/tags.ts";
import { formatClock, formatDay, zoneAbbreviation } from "../schedule/time.ts";
import { eventDates } from "./site.ts";
import { Avatar } from "./components/Avatar.tsx";
import { CalendarLinks } from "./components/CalendarLinks.tsx";
import { DayZone, isoOf, SessionCard } from "./components/SessionBits.tsx";
import { ThemePicture } from "./components/ThemePicture.tsx";
import { PostSummary } from "./IndexPages.tsx";
import { Layout } from "./Layout.tsx";
import { translatorOf, useTranslator } from "./i18n.ts";
import { conferenceLd, ldDocument } from "./structured-data.ts";

/** The home page; `now` is the build's clock (src/eleventy/build-clock.ts), which picks the first button. */
export function HomePage({ conference, now }: { conference: Conference; now: DateTime }) {
  const { event, speakers, workshops, posts } = conference;
  const calls = callsToAction(conference);
  const current = currentCall(calls, now);
  const talks = conference.talkPages;
  const keynotes = talks.filter((talk) => talk.kind === "keynote");
  const anchors = sessionAnchors(conference.sessions);
  const tr = translatorOf(event);
  const { t } = tr;
  return (
    <Layout sheet="home" event={event} title={event.name} description={event.tagline} path={SITE_PATHS.home} structuredData={ldDocument(conferenceLd(conference))}>
      <section class={event.theme?.hero ? "hero hero--picture" : "hero"} aria-labelledby="hero_title">
        <h1 id="hero_title">{event.name}</h1>
        <p class="hero__tagline">{event.tagline}</p>
        <p class="hero__facts">
          <span>{eventDates(event)}</span>
          <span>
            {event.venue.name}
            {t("list.comma")}
            {event.venue.address}
          </span>
        </p>
        <ul class="button-row">
          <li data-cta="">
            {calls.map((call) => (
              <a
                key={call.state}
                class="button button--call"
                href={call.href}
                data-from={call.from?.toISO() ?? undefined}
                data-until={call.until?.toISO() ?? undefined}
                hidden={call !== current}
              >
                {call.label}
              </a>
            ))}
          </li>
          <li>
            <a class="button button--quiet" href={SITE_PATHS.talks}>
              {t("home.browseTalks", { count: talks.length })}
            </a>
          </li>
          {workshops.length > 0 && (
            <li>
              <a class="button button--quiet" href={SITE_PATHS.workshops}>
                {t("home.workshops", { count: workshops.length })}
              </a>
            </li>
          )}
          <li>
            <a class="button button--quiet" href={SITE_PATHS.speakers}>
              {t("home.speakers", { count: speakers.length })}
            </a>
          </li>
        </ul>
        <CallDates event={event} />
        <script dangerouslySetInnerHTML={{ __html: CALL_SCRIPT }} />
        {event.theme?.hero && <ThemePicture image={event.theme.hero} alt="" class="hero__picture" eager />}
      </section>

      <section aria-labelledby="glance_heading">
        <h2 id="glance_heading">{t("home.glance")}</h2>
        <p class="schedule-exports">
          <CalendarLinks event={event} />
        </p>
        <ol class="glance">
          {conference.days.map(({ date, sessions }) => {
            const onDay = sessions.filter((s) => s.url);
            const zones = [...new Set(onDay.map((s) => zoneAbbreviation(s.start)))];
            return (
              <li key={date.toISODate()} class="glance__day">
                <h3>
                  {formatDay(date, tr.locale)} <DayZone zones={zones.join(" / ") || zoneAbbreviation(date)} />
                </h3>
                <ol class="glance__list">
                  {onDay.map((session) => {
                    const people = peopleOf(session);
                    return (
                      <li key={`${session.slug} ${session.start.toMillis()}`} class="glance__item">
                        <time class="glance__time" dateTime={isoOf(session.start)}>
                          {formatClock(session.start, tr.locale)}
                          {zones.length > 1 && ` ${zoneAbbreviation(session.start)}`}
                        </time>
                        <span class="glance__what">
                          <a href={`${session.url}`}>{session.title}</a>
                          <span class="glance__meta">
                            {[session.room?.name, people.map((person) => person.name).join(t("list.comma"))].filter(Boolean).join(" · ")}
                          </span>
                        </span>
                      </li>
                    );
                  })}
                </ol>
              </li>
            );
          })}
        </ol>
      </section>

      {keynotes.length > 0 && (
        <section aria-labelledby="keynotes_heading">
          <h2 id="keynotes_heading">{t("home.keynotes", { count: keynotes.length })}</h2>
          <div class="card-list">
            {keynotes.map((talk) => (
              <SessionCard key={talk.slug} session={talk} anchor={anchors.get(talk)} tagUrls={conference.tagUrls} />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="people_heading">
        <h2 id="people_heading">{t("nav.speakers")}</h2>
        <ul class="face-row">
          {speakers.map((speaker) => (
            <li key={speaker.slug}>
              <a href={speaker.url} class="face">
                <Avatar speaker={speaker} size="s" />
                <span>{speaker.name}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      {conference.sponsors.length > 0 && (
        <section aria-labelledby="sponsors_heading" class="sponsors">
          <h2 id="sponsors_heading">{t("nav.sponsors")}</h2>
          <SponsorTiers tiers={conference.sponsorTiers} level={3} />
          <p>
            <a href={SITE_PATHS.sponsors}>{t("home.aboutSponsors")}</a>
          </p>
        </section>
      )}

      {posts[0] && (
        <section aria-labelledby="news_heading">
          <h2 id="news_heading">{t("home.fromBlog")}</h2>
          <PostSummary post={posts[0]} />
        </section>
      )}
    </Layout>
  );
}

/** The call for papers' and ticket sales' dates, written out: true without the script, whatever the day. */
function CallDates({ event }: { event: Event }) {
  const { t } = useTranslator();
  const windows = [
    { name: t("home.cfp"), window: event.cfp },
    { name: t("home.tickets"), window: event.tickets },
  ].filter((entry): entry is { name: string; window: OpenWindow } => entry.window !== undefined);
  if (windows.length === 0) return null;
  return (
    <ul class="hero__dates">
      {windows.map(({ name, window }) => (
        <li key={name}>
          {window.opensText
            ? t("home.opensCloses", { name, opens: window.opensText, closes: window.closesText })
            : t("home.closes", { name, closes: window.closesText })}
        </li>
      ))}
    </ul>
  );
}
