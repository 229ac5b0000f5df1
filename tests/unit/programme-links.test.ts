import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { ContentError, formatProblem, ProblemList } from "../../src/content/errors.ts";
import { loadConference } from "../../src/content/load.ts";
import { checkProgrammeLinks, renderPost, renderUntrusted } from "../../src/content/markdown.ts";
import { mayHoldProgrammeLinks, ProgrammeLinks, type LinkTarget } from "../../src/content/programme-links.ts";
import { makeContent } from "../helpers.ts";

const FILE = "content/blog/recap.md";

/** A small programme: a talk, a lunch row, a speaker, a workshop, a post and a draft post. */
function programme(): ProgrammeLinks {
  const map = (entries: Array<[string, LinkTarget]>) => new Map(entries);
  return new ProgrammeLinks({
    targets: {
      talk: map([
        ["yelps-journey-into-containers", { url: "/talks/yelps-journey-into-containers/" }],
        ["lunch-day-1", { url: undefined, kind: "meal", place: "/schedule/2016-06-10/#lunch-day-1" }],
      ]),
      speaker: map([["chris-kuehl", { url: "/speakers/chris-kuehl/" }]]),
      workshop: map([["kubernetes-deep-dive", { url: "/workshops/kubernetes-deep-dive/" }]]),
      post: map([
        ["containerdays-boston-recap", { url: "/blog/containerdays-boston-recap/" }],
        ["cfp", { url: "/blog/cfp/", isDraft: true }],
      ]),
    },
    broken: { talk: new Set(["half-written"]), speaker: new Set(), workshop: new Set(), post: undefined },
  });
}

/** Renders with both renderers; returns each one's HTML and the problem lines (the same for both, asserted). */
function render(markdown: string): { untrusted: string; post: string; problems: string[] } {
  const links = programme();
  const fromUntrusted = new ProblemList();
  const fromPost = new ProblemList();
  const untrusted = renderUntrusted(markdown, links.resolverFor(FILE, fromUntrusted));
  const post = renderPost(markdown, { links: links.resolverFor(FILE, fromPost) });
  const problems = fromUntrusted.items.map(formatProblem);
  assert.deepEqual(fromPost.items.map(formatProblem), problems, "both renderers report the same problems");
  return { untrusted, post, problems };
}

describe("programme links in markdown", () => {
  test("each scheme becomes a link to its page, in both renderers", () => {
    const { untrusted, post, problems } = render(
      "[Yelp](talk:yelps-journey-into-containers), [Chris](speaker:chris-kuehl), [the lab](workshop:kubernetes-deep-dive) and [the recap](post:containerdays-boston-recap).",
    );
    const expected =
      '<p><a href="/talks/yelps-journey-into-containers/">Yelp</a>, <a href="/speakers/chris-kuehl/">Chris</a>, <a href="/workshops/kubernetes-deep-dive/">the lab</a> and <a href="/blog/containerdays-boston-recap/">the recap</a>.</p>\n';
    assert.equal(untrusted, expected);
    assert.equal(post, expected);
    assert.deepEqual(problems, []);
  });

  test("an unknown slug is reported with its file, the link and a close match", () => {
    const { untrusted, post, problems } = render("See [Yelp](talk:yelps-journy) and [Chris](speaker:chris-kuhel) and [Yelp again](talk:yelps-journy).");
    assert.deepEqual(problems, [
      'content/blog/recap.md: link "talk:yelps-journy": unknown talk "yelps-journy" (did you mean "yelps-journey-into-containers"?)',
      'content/blog/recap.md: link "speaker:chris-kuhel": unknown speaker "chris-kuhel" (did you mean "chris-kuehl"?)',
    ]);
    assert.equal(untrusted, "<p>See <a>Yelp</a> and <a>Chris</a> and <a>Yelp again</a>.</p>\n");
    assert.equal(post, untrusted);
  });

  test("a slug of another kind, an empty slug, and a slug with no close match", () => {
    assert.deepEqual(render("[a](talk:kubernetes-deep-dive) [b](workshop:) [c](speaker:nobody-at-all) [d](talk:yelps) [e](talk:Lunch-Day-1)").problems, [
      'content/blog/recap.md: link "talk:kubernetes-deep-dive": unknown talk "kubernetes-deep-dive" (a workshop has that name: write "workshop:kubernetes-deep-dive")',
      'content/blog/recap.md: link "workshop:": name a workshop after "workshop:": its file name without .md',
      'content/blog/recap.md: link "speaker:nobody-at-all": unknown speaker "nobody-at-all"',
      'content/blog/recap.md: link "talk:yelps": unknown talk "yelps" (did you mean "yelps-journey-into-containers"?)',
      'content/blog/recap.md: link "talk:Lunch-Day-1": unknown talk "Lunch-Day-1"',
    ]);
  });

  test("a link to a row without a page (lunch) is an error", () => {
    assert.deepEqual(render("Meet at [lunch](talk:lunch-day-1).").problems, [
      'content/blog/recap.md: link "talk:lunch-day-1": talk "lunch-day-1" is a meal row, which has no page; link to its row in the schedule instead: /schedule/2016-06-10/#lunch-day-1',
    ]);
  });

  test("a link to a draft post is an error, unless the linking post is a draft too", () => {
    assert.deepEqual(render("[CfP](post:cfp)").problems, [
      'content/blog/recap.md: link "post:cfp": post "cfp" is a draft, which the published site leaves out',
    ]);
    const problems = new ProblemList();
    assert.equal(renderPost("[CfP](post:cfp)", { links: programme().resolverFor(FILE, problems, true) }), '<p><a href="/blog/cfp/">CfP</a></p>\n');
    assert.deepEqual(problems.items, []);
  });

  test("a file with its own problems, or a folder that could not be read, gets no second report", () => {
    assert.deepEqual(render("[a](talk:half-written) [b](post:anything)").problems, []);
  });

  test("the title, an upper-case scheme, a reference link and an autolink resolve too", () => {
    const { untrusted, post, problems } = render(
      '[Yelp](talk:yelps-journey-into-containers "Yelp\'s talk") [Chris](SPEAKER:chris-kuehl) [lab][l] <talk:yelps-journey-into-containers>\n\n[l]: workshop:kubernetes-deep-dive',
    );
    const expected =
      '<p><a href="/talks/yelps-journey-into-containers/" title="Yelp\'s talk">Yelp</a> <a href="/speakers/chris-kuehl/">Chris</a> <a href="/workshops/kubernetes-deep-dive/">lab</a> <a href="/talks/yelps-journey-into-containers/">talk:yelps-journey-into-containers</a></p>\n';
    assert.equal(untrusted, expected);
    assert.equal(post, expected);
    assert.deepEqual(problems, []);
  });

  test("hostile link text is escaped or sanitised, and the title cannot break out", () => {
    const { untrusted, post } = render('[<img src=x onerror=alert(1)>"&](talk:yelps-journey-into-containers "a\\" onmouseover=\\"x")');
    assert.equal(
      untrusted,
      '<p><a href="/talks/yelps-journey-into-containers/" title="a&quot; onmouseover=&quot;x">&lt;img src=x onerror=alert(1)&gt;&quot;&amp;</a></p>\n',
    );
    assert.equal(post, '<p><a href="/talks/yelps-journey-into-containers/" title="a&quot; onmouseover=&quot;x"><img src="x" />"&amp;</a></p>\n');
  });

  test("the sanitiser keeps programme links and still refuses unsafe schemes", () => {
    const html = renderPost(
      '[ok](talk:yelps-journey-into-containers) [js](javascript:alert(1)) <a href="javascript:alert(1)">raw</a> <a href="talk:yelps-journey-into-containers">raw talk</a> [data](data:text/html,x)',
      { links: programme().resolverFor(FILE, new ProblemList()) },
    );
    assert.equal(html, '<p><a href="/talks/yelps-journey-into-containers/">ok</a> [js](javascript:alert(1)) <a>raw</a> <a>raw talk</a> [data](data:text/html,x)</p>\n');
  });

  test("without a resolver a programme link keeps its text and loses its address", () => {
    assert.equal(renderUntrusted("[Yelp](talk:yelps-journey-into-containers)"), "<p><a>Yelp</a></p>\n");
  });

  test("checking without rendering reports exactly what rendering reports", () => {
    const markdown = [
      "[a](talk:yelps-journy) [b](t&#97;lk:nope) [c](talk\\:also-nope) [d](Talk&colon;lunch-day-1)",
      "",
      "<div>",
      "[in html](talk:nope-html)",
      "</div>",
    ].join("\n");
    for (const kind of ["untrusted", "post"] as const) {
      const rendered = new ProblemList();
      const checked = new ProblemList();
      const links = programme();
      if (kind === "post") renderPost(markdown, { links: links.resolverFor(FILE, rendered) });
      else renderUntrusted(markdown, links.resolverFor(FILE, rendered));
      checkProgrammeLinks(markdown, kind, links.resolverFor(FILE, checked));
      assert.deepEqual(checked.items, rendered.items, kind);
      assert.equal(rendered.items.length, kind === "post" ? 4 : 5, kind);
    }
  });
});

/** Loads the `small` fixture with changes, rendering or only validating; every problem line, paths relative to the content folder. */
async function loadProblems(changes: Record<string, string>, render: boolean): Promise<string[]> {
  const dir = await makeContent("small", changes);
  try {
    await loadConference({ contentDir: dir, render });
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    return error.problems.map((p) => formatProblem(p).split(`${dir}/`).join(""));
  }
  return [];
}

const SPEAKER = "---\nname: Sam Lee\ncompany: Acme\nrole: SRE\n---\n";
const TALK = "---\ntitle: Opening keynote\nspeakers: [jana-novak]\nstart: 2024-10-26 09:00\nduration: 45\nroom: main\nkind: keynote\n---\n";
const WORKSHOP = "---\ntitle: Hands-on platforms\nleaders: [sam-lee]\nstart: 2024-10-26 14:00\nduration: 120\nroom: side\nlevel: beginner\n---\n";
const POST = "---\ntitle: Hello\ndate: 2024-09-01\nauthor: The Organisers\n---\n";

describe("programme links in a content folder", () => {
  test("a bio links to a talk, read before it, and every body kind links to every kind", async () => {
    const dir = await makeContent("small", {
      "speakers/sam-lee.md": `${SPEAKER}Sam opens with [the keynote](talk:opening).`,
      "talks/opening.md": `${TALK}With [Sam](speaker:sam-lee) and [news](post:hello).`,
      "workshops/hands-on.md": `${WORKSHOP}After [the keynote](talk:opening).`,
      "blog/hello.md": `${POST}Join [the workshop](workshop:hands-on).`,
    });
    const conference = await loadConference({ contentDir: dir });
    const html = (items: ReadonlyArray<{ slug: string; html: string }>, slug: string) => items.find((item) => item.slug === slug)?.html;
    assert.equal(html(conference.speakers, "sam-lee"), '<p>Sam opens with <a href="/talks/opening/">the keynote</a>.</p>\n');
    assert.equal(html(conference.talks, "opening"), '<p>With <a href="/speakers/sam-lee/">Sam</a> and <a href="/blog/hello/">news</a>.</p>\n');
    assert.equal(html(conference.workshops, "hands-on"), '<p>After <a href="/talks/opening/">the keynote</a>.</p>\n');
    assert.equal(html(conference.posts, "hello"), '<p>Join <a href="/workshops/hands-on/">the workshop</a>.</p>\n');
  });

  test("every bad link in every body is reported at once, the same when only validating", async () => {
    const changes = {
      "speakers/sam-lee.md": `${SPEAKER}Sam opens with [the keynote](talk:openin).`,
      "speakers/broken.md": "---\nname: Broken\n---\nSee [lunch](talk:lunch).",
      "talks/opening.md": `${TALK}With [Sam](speaker:sam-le).`,
      "talks/late-night.md": "---\ntitle: Late\nspeakers: [sam-lee]\nstart: 2024-10-26 23:30\nduration: forty\nroom: side\n---\nSee [x](speaker:broken) and [y](workshop:hands-on).",
      "workshops/hands-on.md": `${WORKSHOP}After [the keynote](talk:late-night).`,
      "blog/hello.md": `${POST}Join [the workshop](workshop:hands-onn) and [the draft](post:draft).`,
      "blog/draft.md": "---\ntitle: Draft\ndate: 2024-09-02\nauthor: The Organisers\ndraft: true\n---\nSee [nothing](post:nope).",
    };
    const expected = [
      'blog/draft.md: link "post:nope": unknown post "nope"',
      'blog/hello.md: link "workshop:hands-onn": unknown workshop "hands-onn" (did you mean "hands-on"?)',
      'blog/hello.md: link "post:draft": post "draft" is a draft, which the published site leaves out',
      "speakers/broken.md: company: required field is missing",
      "speakers/broken.md: role: required field is missing",
      'speakers/broken.md: link "talk:lunch": talk "lunch" is a meal row, which has no page; link to its row in the schedule instead: /schedule/2024-10-26/#lunch',
      'speakers/sam-lee.md: link "talk:openin": unknown talk "openin" (did you mean "opening"?)',
      'talks/late-night.md: duration: expected a number, got text "forty"',
      'talks/opening.md: link "speaker:sam-le": unknown speaker "sam-le" (did you mean "sam-lee"?)',
    ];
    assert.deepEqual(await loadProblems(changes, true), expected);
    assert.deepEqual(await loadProblems(changes, false), expected);
  });
});

test("mayHoldProgrammeLinks answers as the case-blind pattern it replaced, for any text", () => {
  const pattern = /(?:talk|speaker|workshop|post)[:\\&]|&#/i;
  // Pieces that make near misses likely: the names in any case, the three characters, and
  // letters outside ASCII that a case-blind match must not take for K or S (Kelvin sign, long s).
  const piece = fc.constantFrom("talk", "TALK", "tAlK", "speaker", "SpEaKeR", "workshop", "post", "pos", "alk", ":", "\\", "&", "#", "&#", "\u212a", "\u017f", "x", " ", "é", "\n");
  const text = fc.oneof(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join("")), fc.string({ unit: "grapheme", maxLength: 40 }));
  fc.assert(fc.property(text, (body) => mayHoldProgrammeLinks(body) === pattern.test(body)), { numRuns: 5000 });
  for (const [body, expected] of [["see talk:x", true], ["WorkShop\\:y", true], ["&#58;", true], ["tal\u212a:x", false], ["po\u017ft:x", false], ["talks: none", false]] as const) {
    assert.equal(mayHoldProgrammeLinks(body), expected, body);
  }
});
