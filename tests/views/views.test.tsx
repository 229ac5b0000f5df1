import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { renderToString } from "preact-render-to-string";
import { loadConference } from "../../src/content/load.ts";
import type { Conference } from "../../src/content/model.ts";
import { formatTimeRange } from "../../src/schedule/time.ts";
import { SessionCard, SessionWhen } from "../../src/views/components/SessionBits.tsx";
import { ScheduleEntry } from "../../src/views/ScheduleEntry.tsx";
import { SpeakerPage } from "../../src/views/SpeakerPage.tsx";
import { TalkPage } from "../../src/views/TalkPage.tsx";
import { WorkshopPage } from "../../src/views/WorkshopPage.tsx";
import { makeContent } from "../helpers.ts";

let conference: Conference;
const talk = (slug: string) => {
  const found = conference.talks.find((t) => t.slug === slug);
  assert.ok(found?.url, slug);
  return found as typeof found & { url: string };
};

describe("views", () => {
  before(async () => {
    conference = await loadConference({ contentDir: await makeContent("small") });
  });

  test("a talk page: title, speakers linked, time with zone and room, materials", () => {
    const html = renderToString(<TalkPage event={conference.event} talk={talk("opening")} tagUrls={conference.tagUrls} />);
    assert.match(html, /<h1>Opening keynote<\/h1>/);
    assert.match(html, /<span class="badge badge--keynote">Keynote<\/span>/);
    assert.match(html, /<a class="person__name" href="\/speakers\/jana-novak\/">Jana Novák<\/a>/);
    assert.match(html, /<time datetime="2024-10-26T09:00:00\+02:00">Saturday 26 October 2024, 09:00<\/time>–<time datetime="2024-10-26T09:45:00\+02:00">09:45<\/time> CEST<\/span> · <span class="when__room">Main Stage<\/span>/);
    assert.match(html, /<div class="facts-column"><p class="page-head__meta"><span class="when">/);
    assert.match(html, /<li class="add-to-calendar"><a class="button button--quiet" href="\/talks\/opening\.ics">Add to calendar<\/a><\/li><li><a class="button button--quiet" href="https:\/\/slides\.example\.org\/opening">Slides<\/a><\/li>/);
    assert.ok(!html.includes(">Video<"), "no video link without a video");
    assert.match(html, /<link rel="canonical" href="https:\/\/fixture\.example\.org\/conf\/talks\/opening\/"\/>/);
  });

  test("after the clocks go back, the zone abbreviation changes", () => {
    const html = renderToString(<TalkPage event={conference.event} talk={talk("after-the-change")} tagUrls={conference.tagUrls} />);
    assert.match(html, /<time datetime="2024-10-27T10:00:00\+01:00">Sunday 27 October 2024, 10:00<\/time>–<time datetime="2024-10-27T10:30:00\+01:00">10:30<\/time> CET<\/span> · /);
  });

  test("a talk past midnight shows its real end", () => {
    const html = renderToString(<SessionCard session={talk("late-night")} tagUrls={conference.tagUrls} />);
    assert.match(html, /Saturday 26 October 2024, 23:30<\/time>–<time datetime="2024-10-27T00:30:00\+02:00">00:30<\/time> CEST \(next day\)<\/span> · /);
    assert.match(html, /<a href="\/speakers\/jana-novak\/">Jana Novák<\/a> &amp; <a href="\/speakers\/sam-lee\/">Sam Lee<\/a>/);
  });

  test("a card under a day's heading gives neither the day nor the zone again; its tags are links", () => {
    const html = renderToString(<SessionCard session={talk("opening")} inDay tagUrls={conference.tagUrls} />);
    assert.match(html, /<span class="when"><span class="time-range"><time datetime="2024-10-26T09:00:00\+02:00">09:00<\/time>–<time datetime="2024-10-26T09:45:00\+02:00">09:45<\/time><\/span> · <span class="when__room">Main Stage<\/span><\/span>/);
    assert.match(html, /<li class="tag"><a href="\/schedule\/tags\/platforms\/">platforms<\/a><\/li>/);
  });

  test("a speaker page: bio as HTML, social links, sessions", () => {
    const jana = conference.speakers.find((s) => s.slug === "jana-novak")!;
    const html = renderToString(<SpeakerPage event={conference.event} speaker={jana} sessions={conference.sessionsOf(jana)} tagUrls={conference.tagUrls} />);
    assert.match(html, /<div class="prose"><p>Jana runs <strong>platforms<\/strong>\.<\/p>/);
    assert.match(html, /href="https:\/\/twitter\.com\/jananovak" rel="me">@jananovak on Twitter/);
    assert.match(html, /href="https:\/\/github\.com\/jananovak"/);
    assert.match(html, /href="\/talks\/opening\/"/);
    assert.match(html, /href="\/talks\/late-night\/"/);
  });

  test("a workshop page: level, duration, leaders, prerequisites", () => {
    const workshop = conference.workshops[0]!;
    const html = renderToString(<WorkshopPage event={conference.event} workshop={workshop} tagUrls={conference.tagUrls} />);
    assert.match(html, /Workshop · Beginner/);
    assert.match(html, /<dd>2 hours<\/dd>/);
    assert.match(html, /<dt>Leader<\/dt>/);
    assert.match(html, /<li>A laptop<\/li>/);
    assert.match(html, /Side Room/);
  });
});

describe("time ranges across midnight and the clock change", () => {
  let berlin: Conference;
  const session = (slug: string) => {
    const found = berlin.sessions.find((s) => s.slug === slug);
    assert.ok(found, slug);
    return found;
  };
  before(async () => {
    berlin = await loadConference({
      contentDir: await makeContent("berlin-dst", {
        "talks/across-the-change.md":
          "---\ntitle: Across the change\nspeakers: [ada-lovelace]\nstart: 2024-10-27 02:00 +02:00\nduration: 60\nroom: main\n---\nx\n",
      }),
    });
  });

  test("an end after the clocks go back shows its own zone", () => {
    const across = session("across-the-change");
    assert.equal(formatTimeRange(across.start, across.end), "02:00 CEST – 02:00 CET");
    assert.match(
      renderToString(<SessionWhen session={across} />),
      /<time datetime="2024-10-27T02:00:00\+02:00">Sunday 27 October 2024, 02:00<\/time> CEST – <time datetime="2024-10-27T02:00:00\+01:00">02:00<\/time> CET<\/span> · /,
    );
    assert.match(
      renderToString(<ScheduleEntry session={across} tagUrls={new Map()} />),
      /<p class="entry__when"><span class="time-range"><time datetime="2024-10-27T02:00:00\+02:00">02:00<\/time> CEST – <time datetime="2024-10-27T02:00:00\+01:00">02:00<\/time> CET<\/span><span class="entry__room">/,
    );
  });

  test("an end on the next calendar day says so, with the end's own date in datetime", () => {
    const owls = session("night-owls");
    assert.equal(formatTimeRange(owls.start, owls.end), "23:30–01:00 CEST (next day)");
    assert.match(
      renderToString(<SessionWhen session={owls} />),
      /<time datetime="2024-10-26T23:30:00\+02:00">Saturday 26 October 2024, 23:30<\/time>–<time datetime="2024-10-27T01:00:00\+02:00">01:00<\/time> CEST \(next day\)<\/span> · /,
    );
    assert.match(
      renderToString(<ScheduleEntry session={owls} tagUrls={new Map()} />),
      /<time datetime="2024-10-26T23:30:00\+02:00">23:30<\/time>–<time datetime="2024-10-27T01:00:00\+02:00">01:00<\/time> CEST \(next day\)<\/span><span class="entry__room">/,
    );
  });

  test("a range within one day and one zone is unchanged", () => {
    const after = session("after-the-change");
    assert.equal(formatTimeRange(after.start, after.end), "10:00–10:30 CET");
    const { start } = after;
    assert.equal(formatTimeRange(start.minus({ hours: 10 }), start.plus({ hours: 40 })), "01:00 CEST – 02:00 CET (2 days later)");
  });
});
