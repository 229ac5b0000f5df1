import type { ProblemList } from "./errors.ts";
import { closestMatch, editDistance } from "./suggest.ts";

/** The schemes of markdown links into the programme: `[Yelp's journey](talk:yelps-journey-into-containers)`. */
export const PROGRAMME_SCHEMES = ["talk", "speaker", "workshop", "post"] as const;
export type ProgrammeScheme = (typeof PROGRAMME_SCHEMES)[number];

const PROGRAMME_HREF = /^(talk|speaker|workshop|post):/i;

/** Whether a link's address (as markdown-it read it) is a programme link, whatever the case of its scheme. */
export function isProgrammeHref(href: string): boolean {
  return PROGRAMME_HREF.test(href);
}

/**
 * Whether a markdown body may hold a programme link, without parsing it: a scheme name followed by
 * `:`, or by what markdown could turn into one (`\:`, `&colon;`), or any numeric character reference.
 * Never false for a body that has one, so checking only the bodies it picks finds every link.
 */
export function mayHoldProgrammeLinks(markdown: string): boolean {
  // Same answer as /(?:talk|speaker|workshop|post)[:\\&]|&#/i.test(markdown) (tested so), in 40 %
  // of its time: V8 tries the four names case-blind at every position, which at 10,000 talks was
  // 0.05 s of `npm run check`; this looks only where a `:`, `\` or `&` is, then behind it.
  CANDIDATE.lastIndex = 0;
  for (let hit = CANDIDATE.exec(markdown); hit; hit = CANDIDATE.exec(markdown)) {
    const at = hit.index;
    if (markdown.charCodeAt(at) === AMPERSAND && markdown.charCodeAt(at + 1) === NUMBER_SIGN) return true;
    const before = asciiLower(markdown.slice(Math.max(0, at - LONGEST_SCHEME), at));
    if (SCHEMES.some((scheme) => before.endsWith(scheme))) return true;
  }
  return false;
}

const CANDIDATE = /[:\\&]/g;
const AMPERSAND = 0x26;
const NUMBER_SIGN = 0x23;
const SCHEMES = ["talk", "speaker", "workshop", "post"] as const;
const LONGEST_SCHEME = Math.max(...SCHEMES.map((scheme) => scheme.length));

/** ASCII letters in lower case, nothing else changed: what a case-blind regex without `u` matches. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) | 0x20));
}

/**
 * Turns a programme link's address (`talk:slug`) into its page's site path; undefined when it
 * leads to no page (the resolver has reported why).
 */
export type LinkResolver = (href: string) => string | undefined;

/**
 * What a slug of one scheme leads to: a page, or a programme row without one (a break, lunch),
 * with `place`, the site path of its entry in the schedule (`/schedule/2016-06-10/#lunch-day-1`).
 */
export type LinkTarget = { url: string; isDraft?: boolean } | { url: undefined; kind: string; place: string };

/** Every slug a programme link may name, by scheme. */
export interface LinkTargets {
  targets: Record<ProgrammeScheme, ReadonlyMap<string, LinkTarget>>;
  /**
   * Per scheme, the slugs of files that exist but have problems of their own (already reported,
   * so links to them are not), or undefined when the folder could not be read: nothing is known.
   */
  broken: Record<ProgrammeScheme, ReadonlySet<string> | undefined>;
}

/** Resolves programme links against every file of the content folder, reporting those that lead nowhere. */
export class ProgrammeLinks {
  constructor(private readonly known: LinkTargets) {}

  /**
   * A resolver for the links of one file, which adds each problem once to `problems`. A link to a
   * draft post is an error unless the linking file is a draft itself (`isDraft`).
   */
  resolverFor(file: string, problems: ProblemList, isDraft = false): LinkResolver {
    // Made on the first problem: most bodies have none (15,000 resolvers a build at 10,000 talks).
    let reported: Set<string> | undefined;
    return (href) => {
      const result = this.resolve(href, isDraft);
      if (typeof result === "string") return result;
      if (result && !reported?.has(href)) {
        (reported ??= new Set()).add(href);
        problems.add(file, `link "${href}"`, result.problem);
      }
      return undefined;
    };
  }

  /** The page's path, a problem, or undefined for a link to a file whose own problems are reported. */
  private resolve(href: string, isDraft: boolean): string | { problem: string } | undefined {
    const colon = href.indexOf(":");
    const scheme = href.slice(0, colon).toLowerCase() as ProgrammeScheme;
    const slug = href.slice(colon + 1);
    if (slug === "") return { problem: `name a ${scheme} after "${scheme}:": its file name without .md` };
    const target = this.known.targets[scheme].get(slug);
    if (target) {
      if (target.url === undefined) {
        return { problem: `${scheme} "${slug}" is a ${target.kind} row, which has no page; link to its row in the schedule instead: ${target.place}` };
      }
      if (target.isDraft && !isDraft) return { problem: `post "${slug}" is a draft, which the published site leaves out` };
      return target.url;
    }
    const broken = this.known.broken[scheme];
    if (!broken || broken.has(slug)) return undefined;
    const elsewhere = PROGRAMME_SCHEMES.find((other) => other !== scheme && this.known.targets[other].get(slug)?.url !== undefined);
    const hint = elsewhere
      ? ` (a ${elsewhere} has that name: write "${elsewhere}:${slug}")`
      : didYouMeanSlug(slug, [...this.known.targets[scheme]].filter(([, t]) => t.url !== undefined).map(([s]) => s));
    return { problem: `unknown ${scheme} "${slug}"${hint}` };
  }
}

/**
 * ` (did you mean "x"?)` for a close slug, or for one that begins like the slug written: a link's
 * slug is often a shortened or half-remembered title (`yelps-journy` for `yelps-journey-into-containers`).
 */
function didYouMeanSlug(slug: string, candidates: readonly string[]): string {
  let match = closestMatch(slug, candidates);
  if (match === undefined && slug.length >= 4) {
    const limit = Math.max(1, Math.floor(slug.length / 4));
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
      const distance = Math.min(
        editDistance(slug, candidate.slice(0, slug.length), limit),
        editDistance(slug, candidate.slice(0, slug.length + 1), limit),
      );
      // Of equally close ones, the shortest: the least the reader did not write.
      if (distance < bestDistance || (distance === bestDistance && match !== undefined && candidate.length < match.length)) {
        match = candidate;
        bestDistance = distance;
      }
    }
  }
  return match === undefined ? "" : ` (did you mean "${match}"?)`;
}
