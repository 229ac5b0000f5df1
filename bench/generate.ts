import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** What one synthetic conference holds, for the table. */
export interface GeneratedConference {
  /** The content folder (event.yaml, talks/, speakers/, workshops/, blog/). */
  contentDir: string;
  talks: number;
  /** Programme rows without a page (one lunch per day), also in talks/. */
  meals: number;
  speakers: number;
  workshops: number;
  posts: number;
  days: number;
  rooms: number;
}

export interface GenerateOptions {
  /** Number of talks (sessions with speakers); must be even (two talks per speaker). */
  talks: number;
  seed: number;
  /** The folder to create; replaced if it exists. Default: a folder in the OS temp folder named after size and seed. */
  dir?: string;
}

const ROOMS = 8;
const FIRST_DAY = Date.UTC(2030, 5, 3);
const DAY_MS = 24 * 60 * 60 * 1000;
const MORNING = { from: 8 * 60, to: 12 * 60 };
const LUNCH = { from: 12 * 60, to: 13 * 60 };
const AFTERNOON = { from: 13 * 60, to: 23 * 60 };
const WORKSHOP = { from: 6 * 60 + 30, minutes: 90 };

const WORDS = (
  "container cluster scheduler latency throughput replica shard index cache queue stream event pipeline " +
  "deploy rollout canary metric trace log alert budget incident postmortem service mesh proxy gateway " +
  "network overlay kernel runtime image registry signature policy secret vault token identity audit " +
  "compliance storage volume snapshot backup restore failover quorum consensus leader follower partition " +
  "compiler parser type module package build test fixture benchmark profile memory allocation garbage " +
  "thread fiber async promise callback socket protocol header payload schema migration database query"
).split(" ");
const TAGS = (
  "kubernetes docker observability security networking storage databases devops sre testing performance " +
  "rust go typescript python java wasm serverless edge ci-cd gitops platform-engineering ai ml data " +
  "streaming frontend accessibility design architecture microservices monoliths cloud on-prem linux " +
  "kernel compilers tooling open-source community leadership careers ethics privacy compliance finops " +
  "embedded iot mobile graphql rest grpc caching search messaging scheduling chaos-engineering"
).split(" ");
const FIRST = "Ada Alan Barbara Chidi Dana Emeka Fatima Grace Hiro Ines Jonas Kavya Lena Mateo Nadia Omar Priya Quinn Rosa Sven Tariq Uma Vera Wei Xenia Yusuf Zoe".split(" ");
const LAST = "Abara Berg Costa Dubois Eze Fischer Garcia Hansen Ito Jensen Kowalski Lindqvist Moreau Nakamura Okafor Petrov Quispe Rossi Sato Tanaka Ueda Varga Weber Xu Yilmaz Zhang".split(" ");
const COMPANIES = "Acme Cloud|Northwind Systems|Globex|Initech|Umbrella Compute|Hooli|Stark Industries|Tyrell Data|Wayne Ops|Soylent Labs".split("|");
const ROLES = "Staff Engineer|Developer Advocate|SRE|Engineering Manager|Principal Engineer|CTO|Researcher|Security Engineer".split("|");

/** A small, fast PRNG (mulberry32): the same seed gives the same conference. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

function words(rng: Random, n: number): string {
  return Array.from({ length: n }, () => rng.pick(WORDS)).join(" ");
}

function sentence(rng: Random): string {
  const s = words(rng, 8 + rng.int(12));
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

/** A few paragraphs of markdown with the usual inline syntax. */
function prose(rng: Random, paragraphs: number): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences = Array.from({ length: 3 + rng.int(3) }, () => sentence(rng));
    if (p === 0) sentences.splice(1, 0, `We cover *${rng.pick(WORDS)}*, \`${rng.pick(WORDS)}()\` and [the ${rng.pick(WORDS)} docs](https://example.org/${rng.pick(WORDS)}).`);
    out.push(sentences.join(" "));
    if (p === 1 && rng.next() < 0.4) out.push(["- " + sentence(rng), "- " + sentence(rng), "- " + sentence(rng)].join("\n"));
  }
  return out.join("\n\n");
}

const pad = (n: number, width = 5) => String(n).padStart(width, "0");
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const dayDate = (day: number) => new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
const quote = (s: string) => JSON.stringify(s);

function frontMatter(fields: Record<string, string | number | readonly string[] | undefined>, body: string): string {
  const lines = ["---"];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) lines.push(`${key}: [${value.join(", ")}]`);
    else lines.push(`${key}: ${value as string | number}`);
  }
  lines.push("---", body, "");
  return lines.join("\n");
}

/** The days of an N-talk conference: three per 1,000 talks, at least one. */
export function daysFor(talks: number): number {
  return Math.max(1, Math.round((3 * talks) / 1000));
}

/**
 * Writes a synthetic conference of `talks` talks: talks/2 speakers with two talks each, 8 rooms,
 * three days per 1,000 talks, a lunch row per day, a few workshops (before the talks start) and posts.
 * Every session fits its day, no room holds two sessions at once and no speaker is in two places at once.
 */
export async function generateConference(options: GenerateOptions): Promise<GeneratedConference> {
  const { talks, seed } = options;
  if (talks < 2 || talks % 2 !== 0) throw new Error(`talks must be an even number ≥ 2, got ${talks}`);
  const rng = random(seed * 1_000_003 + talks);
  const dir = options.dir ?? path.join(os.tmpdir(), `lectern-bench-${talks}-seed${seed}`);
  const contentDir = path.join(dir, "content");
  await rm(dir, { recursive: true, force: true });
  for (const sub of ["talks", "speakers", "workshops", "blog"]) await mkdir(path.join(contentDir, sub), { recursive: true });

  const days = daysFor(talks);
  const slotsPerRoomDay = Math.ceil(talks / (ROOMS * days));
  const morningMinutes = MORNING.to - MORNING.from;
  const dayMinutes = morningMinutes + (AFTERNOON.to - AFTERNOON.from);
  const slotLength = Math.min(60, Math.floor(dayMinutes / slotsPerRoomDay / 5) * 5);
  if (slotLength < 10) throw new Error(`${talks} talks do not fit ${days} days of ${ROOMS} rooms`);
  const morningSlots = Math.floor(morningMinutes / slotLength);
  const slotStart = (slot: number) =>
    slot < morningSlots ? MORNING.from + slot * slotLength : AFTERNOON.from + (slot - morningSlots) * slotLength;
  if (slotStart(slotsPerRoomDay - 1) + slotLength > AFTERNOON.to) throw new Error(`${talks} talks do not fit ${days} days`);

  const rooms = Array.from({ length: ROOMS }, (_, i) => ({ id: `room-${i + 1}`, name: `Room ${i + 1}` }));
  const files: Array<[string, string]> = [];
  files.push([
    "event.yaml",
    [
      `name: Benchmark Conf ${talks}`,
      `tagline: A synthetic conference of ${talks} talks (seed ${seed})`,
      "url: https://bench.example.org",
      "timezone: Europe/Berlin",
      `start: ${dayDate(0)}`,
      `end: ${dayDate(days - 1)}`,
      "venue:",
      "  name: Benchmark Centre",
      "  address: 1 Example Street, Berlin",
      "rooms:",
      ...rooms.flatMap((room) => [`  - id: ${room.id}`, `    name: ${room.name}`]),
      "",
    ].join("\n"),
  ]);

  const speakerCount = talks / 2;
  const speakerSlugs: string[] = [];
  for (let i = 0; i < speakerCount; i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const slug = `${first}-${last}-${pad(i)}`.toLowerCase();
    speakerSlugs.push(slug);
    const handle = `${first}${last}${i}`.toLowerCase().slice(0, 15);
    files.push([
      `speakers/${slug}.md`,
      frontMatter(
        {
          name: quote(`${first} ${last} ${i}`),
          company: quote(rng.pick(COMPANIES)),
          role: quote(rng.pick(ROLES)),
          twitter: rng.next() < 0.5 ? quote(handle) : undefined,
          github: rng.next() < 0.5 ? quote(handle) : undefined,
          website: rng.next() < 0.3 ? `https://example.org/~${handle}` : undefined,
        },
        prose(rng, 1 + rng.int(2)),
      ),
    ]);
  }

  // Talk k sits in cell k of the (day, slot, room) grid; speaker s gives talks s and s + N/2,
  // which are at least N/2 cells apart and so never at the same time.
  const cellsPerDay = slotsPerRoomDay * ROOMS;
  for (let k = 0; k < talks; k++) {
    const day = Math.floor(k / cellsPerDay);
    const slot = Math.floor((k % cellsPerDay) / ROOMS);
    const room = rooms[k % ROOMS]!;
    const roll = rng.next();
    const kind = roll < 0.05 ? "keynote" : roll < 0.1 ? "panel" : roll < 0.2 ? "lightning" : undefined;
    const duration = kind === "lightning" ? Math.min(10, slotLength) : slotLength - (rng.next() < 0.5 ? 0 : 5);
    const title = `${sentence(rng).slice(0, -1).split(" ").slice(0, 3 + rng.int(5)).join(" ")} ${k}`;
    const tags = [...new Set(Array.from({ length: 1 + rng.int(3) }, () => rng.pick(TAGS)))];
    files.push([
      `talks/t${pad(k)}-${title.split(" ")[0]!.toLowerCase()}.md`,
      frontMatter(
        {
          title: quote(title),
          speakers: [speakerSlugs[k % speakerCount]!],
          start: `${dayDate(day)} ${hhmm(slotStart(slot))}`,
          duration,
          room: room.id,
          tags,
          kind,
          slides: rng.next() < 0.3 ? `https://slides.example.org/${k}.pdf` : undefined,
          video: rng.next() < 0.3 ? `https://video.example.org/watch/${k}` : undefined,
        },
        prose(rng, 2 + rng.int(3)),
      ),
    ]);
  }
  for (let day = 0; day < days; day++) {
    files.push([
      `talks/lunch-day-${day + 1}.md`,
      frontMatter({ title: "Lunch", start: `${dayDate(day)} ${hhmm(LUNCH.from)}`, duration: LUNCH.to - LUNCH.from, kind: "meal" }, ""),
    ]);
  }

  // Workshops run before the first talk of the day, one per room and day at most.
  const workshops = Math.min(ROOMS * days, Math.max(3, Math.ceil(talks / 1000) * 4));
  for (let w = 0; w < workshops; w++) {
    files.push([
      `workshops/w${pad(w, 3)}-hands-on-${rng.pick(WORDS)}.md`,
      frontMatter(
        {
          title: quote(`Hands-on ${rng.pick(WORDS)} ${w}`),
          leaders: [speakerSlugs[rng.int(speakerCount)]!],
          start: `${dayDate(Math.floor(w / ROOMS))} ${hhmm(WORKSHOP.from)}`,
          duration: WORKSHOP.minutes,
          room: rooms[w % ROOMS]!.id,
          level: rng.pick(["beginner", "intermediate", "advanced"]),
          prerequisites: [quote("A laptop"), quote(`Some ${rng.pick(WORDS)} experience`)],
          tags: [rng.pick(TAGS)],
        },
        prose(rng, 2),
      ),
    ]);
  }

  const posts = Math.max(3, Math.ceil(talks / 1000) * 2);
  for (let p = 0; p < posts; p++) {
    files.push([
      `blog/p${pad(p, 3)}-news.md`,
      frontMatter(
        {
          title: quote(`News ${p}: ${sentence(rng).slice(0, 40)}`),
          date: dayDate(-60 + p),
          author: quote(`${rng.pick(FIRST)} ${rng.pick(LAST)}`),
          tags: [rng.pick(TAGS)],
        },
        `${prose(rng, 3)}\n\n## More\n\n${prose(rng, 2)}`,
      ),
    ]);
  }

  await writeAll(contentDir, files);
  return { contentDir, talks, meals: days, speakers: speakerCount, workshops, posts, days, rooms: ROOMS };
}

async function writeAll(root: string, files: ReadonlyArray<[string, string]>): Promise<void> {
  const batch = 256;
  for (let i = 0; i < files.length; i += batch) {
    await Promise.all(files.slice(i, i + batch).map(([name, text]) => writeFile(path.join(root, name), text)));
  }
}

if (process.argv[1]?.endsWith(path.join("bench", "generate.ts"))) {
  const talks = Number(process.argv[2] ?? 100);
  const seed = Number(process.argv[3] ?? 1);
  const result = await generateConference({ talks, seed });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
