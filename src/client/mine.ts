/**
 * My schedule (`/schedule/mine/`), loaded on demand by stars.ts on that page only: the picks by
 * day in time order, clashes marked in words, each with its star; the calendar file of the picks;
 * the share link (`#shared=<id>.<id>…`) with its QR code; and, opened from such a link, the shared
 * picks read-only with "Add these to mine". Content enters the page as text, never as HTML.
 */
import type { BrowserProgramme, BrowserSession } from "../export/browser-programme.ts";
import type { MineStrings } from "../views/MySchedulePage.tsx";
import { picksCalendar } from "./picks-ics.ts";
import { onPicksChange, readPicks, setPicked, siteRoot } from "./picks.ts";

const root = document.querySelector<HTMLElement>("[data-my-schedule]")!;
const part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-mine-${name}]`)!;
const strings = JSON.parse(root.dataset.mineStrings ?? "{}") as MineStrings;
const language = document.documentElement.lang || "en";
const pageUrl = new URL("schedule/mine/", siteRoot);
const heading = root.querySelector<HTMLElement>("h1")!;
const status = part("status");

/**
 * The share link carries the ids in the fragment: it never reaches a server (no picks in any
 * log), the page is the same file for every link (a static host, the offline copy), and ids
 * joined by dots are short and need no escaping.
 */
const SHARED = /^#shared=(\d{1,10}(?:\.\d{1,10})*)$/;

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function plural(forms: Record<string, string>, count: number): string {
  return fill(forms[new Intl.PluralRules(language).select(count)] ?? forms.other ?? "", { count });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

/** The href of a site path under the site's root (which may be a sub-path). */
function hrefOf(sitePath: string): string {
  return siteRoot.pathname + sitePath.replace(/^\//, "");
}

/** For each picked session, the other picks at the same time (cancelled ones clash with nothing). */
function clashesOf(sessions: readonly BrowserSession[]): Map<number, BrowserSession[]> {
  const clashes = new Map<number, BrowserSession[]>();
  const live = sessions.filter((s) => !s.cancelled);
  for (const a of live) {
    const others = live.filter((b) => b !== a && Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end));
    if (others.length > 0) clashes.set(a.id, others);
  }
  return clashes;
}

function star(session: BrowserSession): HTMLButtonElement {
  const button = element("button", "star");
  button.type = "button";
  button.hidden = true;
  button.setAttribute("aria-pressed", "true");
  const icon = element("span", "star__icon", "★");
  icon.setAttribute("aria-hidden", "true");
  button.append(icon, element("span", "visually-hidden", fill(strings.star, { title: session.title })));
  return button;
}

/**
 * The sessions by day, each day's in time order; `own`: with stars and clashes (the attendee's own
 * picks, days as h2), else read-only under the shared view's h2 (days as h3).
 */
function listOf(programme: BrowserProgramme, sessions: readonly BrowserSession[], own: boolean): HTMLElement {
  const box = element("div");
  const clashes = own ? clashesOf(sessions) : new Map<number, BrowserSession[]>();
  const list = new Intl.ListFormat(language, { type: "conjunction" });
  for (const day of programme.days) {
    const inDay = sessions.filter((s) => s.day === day.date);
    if (inDay.length === 0) continue;
    const section = element("section", "my-schedule__day");
    const items = element("ul", "entry-list my-schedule__picks");
    for (const session of inDay) {
      const item = element("li");
      const entry = element("article", "entry my-pick");
      if (own) {
        entry.setAttribute("data-session", String(session.id));
        entry.append(star(session));
      }
      const when = element("p", "entry__when");
      const time = element("time", undefined, session.when);
      time.dateTime = session.start;
      when.append(time);
      if (session.room) when.append(element("span", "entry__room", ` · ${session.room.name}`));
      entry.append(when);
      if (session.cancelled) entry.append(element("span", "badge badge--cancelled", strings.cancelled));
      const title = element(own ? "h3" : "h4", "entry__title");
      const link = element("a", undefined, session.title);
      link.href = hrefOf(session.url);
      title.append(link);
      entry.append(title);
      if (session.people.length > 0) entry.append(element("p", "entry__people", list.format(session.people)));
      const others = clashes.get(session.id);
      if (others) {
        entry.classList.add("my-pick--clash");
        const note = element("p", "my-pick__clash");
        const icon = element("span", "my-pick__clash-icon", "⚠ ");
        icon.setAttribute("aria-hidden", "true");
        note.append(icon, fill(strings.clash, { titles: list.format(others.map((other) => other.title)) }));
        entry.append(note);
      }
      item.append(entry);
      items.append(item);
    }
    section.append(element(own ? "h2" : "h3", "my-schedule__day-title", day.label), items);
    box.append(section);
  }
  return box;
}

/** The known sessions of `ids`, in time order (then programme order). */
function sessionsOf(programme: BrowserProgramme, ids: readonly number[]): BrowserSession[] {
  const wanted = new Set(ids);
  return programme.sessions.filter((s) => wanted.has(s.id)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

function sharedIds(): number[] | undefined {
  const match = SHARED.exec(location.hash);
  return match ? [...new Set(match[1]!.split(".").map(Number))] : undefined;
}

function shareLink(sessions: readonly BrowserSession[]): string {
  return `${pageUrl.href}#shared=${sessions.map((s) => s.id).join(".")}`;
}

let shownLink = "";

function showShare(link: string): void {
  const anchor = part<HTMLAnchorElement>("link");
  anchor.href = link;
  anchor.textContent = link;
  if (link === shownLink) return;
  shownLink = link;
  part("copied").textContent = "";
  const box = part("qr");
  void import("./qr.ts").then(({ qrSvg }) => {
    if (shownLink === link) box.replaceChildren(qrSvg(link, fill(strings.qr, { link })));
  });
}

function render(programme: BrowserProgramme): void {
  const shared = sharedIds();
  const list = part("list");
  const sharedBox = part("shared");
  const stars = [...list.querySelectorAll("button.star")];
  const focused = stars.indexOf(document.activeElement as Element);
  if (shared) {
    const sessions = sessionsOf(programme, shared);
    sharedBox.hidden = false;
    part("shared-title").textContent = plural(strings.shared, sessions.length);
    part("shared-list").replaceChildren(listOf(programme, sessions, false));
    part("add").hidden = sessions.length === 0;
    part("empty").hidden = true;
    part("tools").hidden = true;
    list.replaceChildren();
    document.dispatchEvent(new CustomEvent("lectern:content", { detail: part("shared-list") }));
    return;
  }
  sharedBox.hidden = true;
  part("shared-list").replaceChildren();
  const picks = sessionsOf(programme, readPicks());
  part("empty").hidden = picks.length > 0;
  part("tools").hidden = picks.length === 0;
  list.replaceChildren(picks.length > 0 ? listOf(programme, picks, true) : "");
  if (picks.length > 0) showShare(shareLink(picks));
  document.dispatchEvent(new CustomEvent("lectern:content", { detail: list }));
  // A star removed its own entry: the focus goes to the next star, or to the heading.
  if (focused >= 0) {
    const left = list.querySelectorAll<HTMLElement>("button.star");
    (left[Math.min(focused, left.length - 1)] ?? heading).focus();
  }
}

function download(programme: BrowserProgramme): void {
  const picks = sessionsOf(programme, readPicks());
  const text = picksCalendar(programme, picks, strings.calendarName, pageUrl.href);
  const link = element("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
  link.download = "my-schedule.ics";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function copyLink(): Promise<void> {
  const anchor = part<HTMLAnchorElement>("link");
  try {
    await navigator.clipboard.writeText(anchor.href);
    part("copied").textContent = strings.copied;
  } catch {
    // No clipboard (an insecure page, a refusal): the link is selected for the attendee to copy.
    getSelection()?.selectAllChildren(anchor);
  }
}

async function start(): Promise<void> {
  part("needs-script").hidden = true;
  let programme: BrowserProgramme;
  try {
    const response = await fetch(new URL("schedule/sessions.json", siteRoot));
    if (!response.ok) throw new Error(String(response.status));
    programme = (await response.json()) as BrowserProgramme;
  } catch {
    status.textContent = strings.loadError;
    return;
  }
  part("download").addEventListener("click", () => download(programme));
  part("copy").addEventListener("click", () => void copyLink());
  part("add").addEventListener("click", () => {
    const ids = sessionsOf(programme, sharedIds() ?? []).map((s) => s.id);
    history.replaceState(null, "", pageUrl.pathname);
    setPicked(ids, true);
    status.textContent = strings.added;
    heading.focus();
  });
  addEventListener("hashchange", () => render(programme));
  onPicksChange(() => {
    render(programme);
    if (!sharedIds()) status.textContent = plural(strings.picked, sessionsOf(programme, readPicks()).length);
  });
  render(programme);
}

void start();
