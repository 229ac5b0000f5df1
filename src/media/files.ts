import { peopleOf, type Conference, type Session, type Speaker } from "../content/model.ts";
import { formatDay, formatTimeRange } from "../schedule/time.ts";
import { hueOf } from "../views/components/Avatar.tsx";
import { eventDates } from "../views/site.ts";
import { kindLabel } from "../views/components/SessionBits.tsx";
import { translatorFor, type Translator } from "../i18n/index.ts";
import { cacheDir } from "./cache.ts";
import { cardPath } from "../site/urls.ts";
import { cardFile, type CardContent, type CardPerson, type CardStats } from "./cards.ts";
import { cachedCopy, imageFiles, largestFallback, type ImageStats } from "./images.ts";

/**
 * One generated file, at its site path: its bytes, or a file on disk (in a cache, or an image
 * copied as it is) whose bytes it has, which a writer may copy without reading.
 */
export type MediaFile = { path: string; content: Buffer } | { path: string; source: string };

/** What a run made and what it took from the cache, for the command's report and for tests. */
export interface MediaStats {
  images: ImageStats;
  cards: CardStats;
}

export function newMediaStats(): MediaStats {
  return { images: { made: 0, cached: 0 }, cards: { drawn: 0, cached: 0 } };
}

/** Cards drawn at once: satori lays one out while resvg paints others on libuv's threads. */
const CARDS_IN_FLIGHT = 4;

/**
 * Every generated binary file of the site: the resized copies of local images (speaker photos,
 * images in posts), then a share card for every talk, workshop, speaker and post page. Made or
 * taken from the cache one after another, so a writer holds a few files at once. `keep` is
 * asked with each card's content first, and leaves out a card the caller already has.
 */
export async function* mediaFiles(
  conference: Conference,
  stats: MediaStats = newMediaStats(),
  keep?: (path: string, inputs: unknown) => boolean,
): AsyncGenerator<MediaFile> {
  yield* imageFiles(conference.images, stats.images);
  const folder = cacheDir("cards");
  const pending: Array<Promise<MediaFile>> = [];
  for (const { path: where, card } of shareCards(conference)) {
    if (keep?.(where, card)) continue;
    const made = cardFile(card, folder, stats.cards).then((file): MediaFile => ({ path: where, ...file }));
    made.catch(() => undefined); // Awaited below; this keeps a failure while an earlier card is awaited from being "unhandled".
    pending.push(made);
    if (pending.length >= CARDS_IN_FLIGHT) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}

/** "37 share cards drawn, 0 from the cache" (and the images, when there are any). */
export function describeMediaStats(stats: MediaStats): string {
  const cards = `${stats.cards.drawn + stats.cards.cached} share cards (${stats.cards.drawn} drawn, ${stats.cards.cached} from the cache)`;
  const count = stats.images.made + stats.images.cached;
  if (count === 0) return cards;
  return `${cards}, ${count} ${count === 1 ? "image" : "images"} resized (${stats.images.made} made, ${stats.images.cached} from the cache)`;
}


/** What every page with a card shows on it, in site order. */
export function* shareCards(conference: Conference): Generator<{ path: string; card: CardContent }> {
  const { event } = conference;
  const common = { event: event.name, dates: eventDates(event) };
  const tr = translatorFor(event.language);
  const { t } = tr;
  for (const session of [...conference.talkPages, ...conference.workshops]) {
    const card = remembered(session, event, [], () => {
      const label = kindLabel(session, tr) ?? t("card.talk");
      return { label, title: session.title, people: peopleOf(session).map(cardPerson), facts: sessionFacts(session, tr), ...common };
    });
    yield { path: cardPath(session.url)!, card };
  }
  for (const speaker of conference.speakers) {
    const sessions = conference.sessionsOf(speaker);
    const card = remembered(speaker, event, [sessions[0], sessions.length], () => {
      const facts = sessions[0] ? sessionFacts(sessions[0], tr) : [];
      if (sessions.length > 1) facts.push(t("card.moreSessions", { count: sessions.length - 1 }));
      return { label: t("card.speaker"), title: speaker.name, subtitle: `${speaker.role}, ${speaker.company}`, people: [cardPerson(speaker)], facts, ...common };
    });
    yield { path: cardPath(speaker.url)!, card };
  }
  for (const post of conference.posts) {
    yield {
      path: cardPath(post.url)!,
      card: { label: t("nav.blog"), title: post.title, subtitle: t("post.by", { author: post.author }), people: [], facts: [formatDay(post.date, tr.locale)], ...common },
    };
  }
}

const cardsOf = new WeakMap<object, { event: object; also: unknown[]; card: CardContent }>();

/**
 * The card made before for the same page of the same event (and the same `also`), else a new
 * one. The dev server's loader keeps unchanged content's objects from build to build, so an
 * unchanged card is neither laid out again nor fingerprinted again.
 */
function remembered(source: object, event: object, also: unknown[], make: () => CardContent): CardContent {
  const known = cardsOf.get(source);
  if (known && known.event === event && known.also.length === also.length && known.also.every((item, i) => item === also[i])) return known.card;
  const card = make();
  cardsOf.set(source, { event, also, card });
  return card;
}

function sessionFacts(session: Session, tr: Translator): string[] {
  const room = session.room ? session.room.name : tr.t("session.allRooms");
  if (session.type === "workshop" && session.blocks.length > 1) {
    const [first, ...rest] = session.blocks;
    const range = formatTimeRange(first!.start, first!.end, tr);
    return [formatDay(first!.start, tr.locale), tr.t("card.moreParts", { range, count: rest.length }), room];
  }
  return [formatDay(session.start, tr.locale), formatTimeRange(session.start, session.end, tr), room];
}

function cardPerson(speaker: Speaker): CardPerson {
  const photo = speaker.picture && largestFallback(speaker.picture);
  return {
    name: speaker.name,
    initials: speaker.initials,
    hue: hueOf(speaker.slug),
    ...(photo && speaker.picture ? { photo: { file: cachedCopy(photo), hash: speaker.picture.hash } } : {}),
  };
}
