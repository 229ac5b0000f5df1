import { catalogueLanguage, unsupportedLanguageMessage } from "../i18n/index.ts";
import { z } from "zod";
import { colour, font, publicPath } from "./theme.ts";
import { blueskyHandle, calendarDate, handle, httpsUrl, identifier, linkedinProfile, mastodonHandle, oneLine, siteUrl, text, webUrl } from "./fields.ts";

/** How many days an event may run unless `maxDays` says otherwise: more is most likely a mistyped year. */
export const DEFAULT_MAX_DAYS = 31;
/** The most `maxDays` may allow: a year, leap day included. */
export const MAX_EVENT_DAYS = 366;

/** A room sessions take place in. */
export const roomSchema = z.strictObject({
  /** Short id that talks and workshops name in `room:` (e.g. `main-hall`). */
  id: identifier,
  /** The room's name as signs and the schedule show it. */
  name: text,
  /** The room's live stream, an https:// address: a session's page links it while the session is on. */
  stream: httpsUrl.optional(),
});

/** A sponsorship level; `sponsor:` files name it by `id`. */
export const sponsorTierSchema = z.strictObject({
  /** Short id that sponsor files name in `tier:` (e.g. `gold`). */
  id: identifier,
  /** The tier's name as the site shows it, e.g. "Gold". */
  name: text,
});

/** A date, `YYYY-MM-DD`, or a date and time, `YYYY-MM-DD HH:mm`, in the event's time zone. */
export const calendarMoment = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?$/, 'expected a date "YYYY-MM-DD" or a date and time "YYYY-MM-DD HH:mm"');

/** When something is open: a sign-up or sale with its address. */
export const openWindowSchema = z.strictObject({
  /** Where to go: the ticket shop, the call for papers' form. */
  url: webUrl,
  /** When it opens, event-local: a date (from its midnight) or "YYYY-MM-DD HH:mm" (default: open already). */
  opens: calendarMoment.optional(),
  /** When it closes, event-local: a date (open to the end of that day) or "YYYY-MM-DD HH:mm". */
  closes: calendarMoment,
});

/** `content/event.yaml`: the facts of the conference itself. */
export const eventSchema = z.strictObject({
  /** The conference's name, e.g. "ContainerDays Boston 2016". */
  name: text,
  /** One line under the name on the home page. */
  tagline: text,
  /** Canonical address of the published site, e.g. https://2016.example.org/ (a path is allowed; no query or fragment). */
  url: siteUrl,
  /** IANA time zone the programme's times are written in, e.g. America/New_York (stored under its current IANA name). */
  timezone: oneLine,
  /** First day, YYYY-MM-DD. */
  start: calendarDate,
  /** Last day, YYYY-MM-DD (same as `start` for a one-day event). */
  end: calendarDate,
  /** The longest the event may run, in days (default 31): raise it, up to 366, only for a longer festival. */
  maxDays: z
    .int("expected a whole number of days")
    .min(1, "must be at least 1")
    .max(MAX_EVENT_DAYS, `must be at most ${MAX_EVENT_DAYS}`)
    .default(DEFAULT_MAX_DAYS),
  /** Language of the site's text and dates, a BCP 47 tag (default `en`): one Lectern has a catalogue for (README, "The site's language"), with any region such as `de-AT`. */
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "expected a language tag such as en or en-US")
    .refine((tag) => catalogueLanguage(tag) !== undefined, { error: (issue) => unsupportedLanguageMessage(String(issue.input)) })
    .default("en"),
  /** Where it happens. */
  venue: z.strictObject({
    /** The venue's name. */
    name: text,
    /** Street address, one line. */
    address: text,
    /** The venue's web site or a map link. */
    url: webUrl.optional(),
  }),
  /** The rooms, in the order the schedule shows them. */
  rooms: z.array(roomSchema).min(1),
  /** Who runs the event. */
  organiser: z
    .strictObject({
      /** Organiser's name. */
      name: text,
      /** Organiser's web site. */
      url: webUrl.optional(),
    })
    .optional(),
  /** Sponsorship tiers, highest first: the order the site lists sponsors in. */
  sponsor_tiers: z.array(sponsorTierSchema).default([]),
  /** Ticket sales: while they are open, the home page's first button says "Get tickets". */
  tickets: openWindowSchema.optional(),
  /** The call for papers: while it is open, the home page's first button says "Submit a talk". */
  cfp: openWindowSchema.optional(),
  /** The event's own accounts, shown in every page's footer. */
  social: z
    .strictObject({
      /** Mastodon address, `@user@server`. */
      mastodon: mastodonHandle.optional(),
      /** Bluesky handle such as `example.bsky.social`. */
      bluesky: blueskyHandle.optional(),
      /** LinkedIn: the page's address, or the name at its end (`example` for linkedin.com/company/example/). */
      linkedin: linkedinProfile.optional(),
      /** Twitter / X handle, without the @. */
      twitter: handle(/^[A-Za-z0-9_]{1,15}$/, "containerdays").optional(),
      /** GitHub user or organisation name. */
      github: handle(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "octocat").optional(),
      /** YouTube channel: its full https:// address. */
      youtube: webUrl.optional(),
    })
    .optional(),
  /** The event's own look: colours (checked against WCAG AA), logo, hero picture and fonts. Without it, Lectern's. */
  theme: z
    .strictObject({
      /** The brand colour: the header's and hero's background, link hover (default `#12355b`). */
      primary: colour.optional(),
      /** Text on `primary`: the header's and hero's text (default white). */
      on_primary: colour.optional(),
      /** The second colour: buttons (white text on it), day headings (default `#0b7a75`). */
      accent: colour.optional(),
      /** The page's background (default `#fbfaf7`). */
      background: colour.optional(),
      /** Body text (default `#172033`). */
      text: colour.optional(),
      /** Links (default: `primary` when given, else `#0a5c8a`). */
      link: colour.optional(),
      /** The logo in the header, a file in public/ such as /images/logo.svg; its alt text is the event's name. */
      logo: publicPath("/images/logo.svg").optional(),
      /** A picture for the home page's top, a file in public/ such as /images/hero.jpg (decorative: no text in it). */
      hero: publicPath("/images/hero.jpg").optional(),
      /** Fonts: a named system stack (system, humanist, geometric, serif, mono) or a .woff2 file of at most 100 KB in public/. */
      font: z
        .strictObject({
          /** The font of running text (default `system`). */
          body: font.optional(),
          /** The font of headings (default: the body's). */
          headings: font.optional(),
        })
        .optional(),
    })
    .optional(),
  /** A short note shown in the footer of every page (e.g. that times are provisional). */
  note: text.optional(),
  /**
   * Short name the schedule apps and recording tools file the event under: at least 4
   * lower-case letters, digits or underscores, e.g. `cdboston_2016` (default: made from `name`).
   */
  acronym: z
    .string()
    .regex(/^[a-z0-9_]{4,}$/, "use at least 4 lower-case letters, digits or underscores (e.g. cdboston_2016)")
    .optional(),
  /**
   * When one conference day ends and the next begins, `HH:mm` event-local (default `04:00`):
   * a session starting earlier belongs to the day before, in the schedule and the apps.
   */
  day_change: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time written HH:mm (e.g. "04:00")')
    .default("04:00"),
});

export type EventFile = z.output<typeof eventSchema>;
export type Room = z.output<typeof roomSchema>;
export type SponsorTier = z.output<typeof sponsorTierSchema>;
