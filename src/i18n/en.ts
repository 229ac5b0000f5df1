import type { PluralMessage } from "./message.ts";

/**
 * The English catalogue: every interface string of the site, exports and feeds. Its keys are
 * the catalogue's type (`Catalogue`): every other language file must have each of them.
 * `{name}` is a placeholder; an object is a plural, chosen by `{count}` with Intl.PluralRules.
 */
export const en = {
  "nav.home": "Home",
  "nav.schedule": "Schedule",
  "nav.talks": "Talks",
  "nav.speakers": "Speakers",
  "nav.workshops": "Workshops",
  "nav.blog": "Blog",
  "nav.sponsors": "Sponsors",
  "nav.main": "Main",
  "nav.footer": "More about the event",

  "layout.skip": "Skip to content",
  "layout.programmeFeed": "{event} programme ({format})",
  "layout.blogFeed": "{event} blog ({format})",
  "layout.organisedBy": "Organised by {organiser}.",
  "layout.elsewhere": "{event} elsewhere",

  "notFound.title": "Page not found",
  "notFound.description": "This page does not exist.",
  "notFound.lede": "The page you asked for is not here. It may have moved when the programme changed.",
  "notFound.home": "Go to the home page",
  "notFound.talks": "See all talks",

  "cta.live": "Today's schedule",
  "cta.after": "Recordings and recap",
  "cta.cfp": "Submit a talk, closes {date}",
  "cta.tickets": "Get tickets",

  "home.browseTalks": { one: "Browse the talk", other: "Browse the {count} talks" },
  "home.workshops": { one: "{count} workshop", other: "{count} workshops" },
  "home.speakers": { one: "{count} speaker", other: "{count} speakers" },
  "home.glance": "The programme at a glance",
  "home.keynotes": { one: "Keynote", other: "Keynotes" },
  "home.aboutSponsors": "About our sponsors",
  "home.fromBlog": "From the blog",
  "home.cfp": "Call for papers",
  "home.tickets": "Tickets",
  "home.opensCloses": "{name}: opens {opens}, closes {closes}",
  "home.closes": "{name}: closes {closes}",

  "calendar.addAll": "Add all to your calendar",
  "calendar.subscribe": "Subscribe in your calendar app",
  "calendar.add": "Add to calendar",

  "schedule.description": "The programme of {event}: {count} talks and workshops, day by day and room by room.",
  "schedule.allTimes": "All times are {zones} ({timezone}), the time at the venue.",
  "schedule.days": "Days",
  "schedule.byTopic": "By topic",
  "schedule.forApps": "For schedule apps:",
  "schedule.timesIn": "times in {zones}",
  "schedule.empty": "Nothing on the programme yet.",
  "schedule.caption": "Programme for {day}, times in {zones}",
  "schedule.time": "Time",
  "schedule.browseByTopic": "Browse by topic",

  "session.allRooms": "All rooms",
  "session.part": "part {index} of {count}",
  "session.tags": "Tags",
  "session.and": " & ",
  /** Between items of a list (names, rooms; a role and a company). */
  "list.comma": ", ",
  "session.dayTime": "{day}, {time}",
  "time.nextDay": "(next day)",
  "time.daysLater": { one: "({count} day later)", other: "({count} days later)" },
  "duration.hours": { one: "{count} hour", other: "{count} hours" },
  "duration.minutes": { one: "{count} minute", other: "{count} minutes" },

  "kind.keynote": "Keynote",
  "kind.panel": "Panel",
  "kind.lightning": "Lightning talk",
  "kind.openSpace": "Open space",
  "kind.workshop": "Workshop",
  "level.beginner": "beginner",
  "level.intermediate": "intermediate",
  "level.advanced": "advanced",

  "talk.slides": "Slides",
  "talk.video": "Video",
  "talk.code": "Code",
  "talk.materials": "Materials",

  "workshop.level": "Level",
  "workshop.duration": "Duration",
  "workshop.inParts": { one: "{duration} in {count} part", other: "{duration} in {count} parts" },
  "workshop.leaders": { one: "Leader", other: "Leaders" },
  "workshop.before": "Before you come",

  "speaker.description": "{name}, {role} at {company}",
  "speaker.elsewhere": "Elsewhere",
  "speaker.at": "At {event}",

  "social.twitter": "@{handle} on Twitter",
  "social.github": "{handle} on GitHub",
  "social.mastodon": "@{handle} on Mastodon",
  "social.bluesky": "@{handle} on Bluesky",
  "social.website": "Website",

  "post.by": "by {author}",
  "post.readingTime": { one: "{count} min read", other: "{count} min read" },
  "post.draft": "Draft",
  "post.more": "More posts",
  "post.previous": "Previous post",
  "post.next": "Next post",
  "pager.label": "Blog pages",
  "pager.previous": "← Previous page",
  "pager.next": "Next page →",
  "pager.page": "Page {number}",

  "talks.description": "All {count} talks of {event}, day by day.",
  "talks.lede": "{talks} over {days}.",
  "talks.count": { one: "{count} talk", other: "{count} talks" },
  "talks.days": { one: "{count} day", other: "{count} days" },
  "workshops.description": "Hands-on workshops at {event}.",
  "workshops.lede": "Hands-on sessions: bring a laptop and check the list of what to install first.",
  "workshops.none": "No workshops yet.",
  "speakers.description": "The {count} speakers and workshop leaders of {event}.",
  "speakers.lede": { one: "{count} person sharing what they build and run.", other: "{count} people sharing what they build and run." },

  "blog.page": "Blog, page {number} of {count}",
  "blog.description": "News and recaps from {event}.",
  "blog.byTag": "Posts by tag",
  "blog.none": "No posts yet.",
  "blogTag.title": "Posts tagged {tag}",
  "blogTag.description": { one: "The {count} post tagged {tag} on the {event} blog.", other: "The {count} posts tagged {tag} on the {event} blog." },
  "blogTag.lede": { one: "{count} post, newest first.", other: "{count} posts, newest first." },
  "blogTags.title": "Blog tags",
  "blogTags.description": "The tags of the {event} blog.",
  "blogTags.none": "No tags yet.",

  "topic.title": "Topic: {tag}",
  "topic.description": { one: "The {count} session on {tag} at {event}.", other: "The {count} sessions on {tag} at {event}." },
  "topic.lede": { one: "{count} session, in time order.", other: "{count} sessions, in time order." },
  "topics.title": "Topics",
  "topics.description": "The topics of {event}'s programme.",
  "topics.none": "No topics yet.",

  "sponsors.description": "The sponsors of {event}.",
  "sponsors.lede": "{event} is made possible by these organisations.",

  "card.talk": "Talk",
  "card.speaker": "Speaker",
  "card.moreSessions": "and {count} more",
  "card.moreParts": { one: "{range} and {count} more part", other: "{range} and {count} more parts" },
  "share.logoAlt": "The {event} logo",
  "feed.title": "{event} blog",
  "ics.speakers": { one: "Speaker: {names}", other: "Speakers: {names}" },
  "ics.leaders": { one: "Leader: {names}", other: "Leaders: {names}" },
} satisfies Record<string, string | PluralMessage>;

/** A catalogue: every key of the English one, each a text or (where English has one) a plural. */
export type Catalogue = { [K in keyof typeof en]: (typeof en)[K] extends string ? string : PluralMessage };

/** A key of the catalogue. */
export type MessageKey = keyof Catalogue;
