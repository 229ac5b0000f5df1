import { renderToString } from "preact-render-to-string";
import type { Conference } from "../content/model.ts";
import { translatorFor } from "../i18n/index.ts";
import { absoluteUrl, SITE_PATHS } from "../site/urls.ts";
import { changeLink, changeText, releaseAnchor } from "../views/ChangesPage.tsx";
import { historyOf } from "./changes.ts";
import { GENERATOR } from "./generator.ts";
import { XmlWriter } from "./xml-writer.ts";

/**
 * The schedule's changes as an Atom feed (RFC 4287): one entry a release, newest first, dated
 * when it was recorded, its changes as an HTML list with absolute links. Changes not released
 * yet are on the page only: a feed entry is what was published.
 */
export function renderChangesFeed(conference: Conference): string {
  const { event } = conference;
  const tr = translatorFor(event.language);
  const steps = historyOf(conference).steps.filter((step) => step.release);
  const page = absoluteUrl(event, SITE_PATHS.scheduleChanges);
  const href = changeLink(conference);
  const xml = new XmlWriter();
  xml.start("feed", { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": event.language });
  xml.leaf("title", tr.t("changes.feedTitle", { event: event.name }));
  xml.leaf("id", absoluteUrl(event, SITE_PATHS.scheduleChangesFeed));
  xml.leaf("link", "", { rel: "self", type: "application/atom+xml", href: absoluteUrl(event, SITE_PATHS.scheduleChangesFeed) });
  xml.leaf("link", "", { rel: "alternate", type: "text/html", href: page });
  xml.leaf("updated", iso(steps[0]!.release!.recorded));
  xml.leaf("generator", GENERATOR.name, { version: GENERATOR.version });
  for (const step of steps) {
    const release = step.release!;
    const url = `${page}#${releaseAnchor(step)}`;
    const html = !step.previous
      ? renderToString(<p>{tr.t("changes.first", { count: release.sessions.length })}</p>)
      : step.changes.length === 0
        ? renderToString(<p>{tr.t("changes.none")}</p>)
        : renderToString(
            <ul>
              {step.changes.map((change) => (
                <li>
                  {changeText(change, event, tr, (text, session) => (
                    <a href={absoluteUrl(event, href(session))}>{text}</a>
                  ))}
                </li>
              ))}
            </ul>,
          );
    xml.start("entry");
    xml.leaf("title", release.name);
    xml.leaf("link", "", { rel: "alternate", type: "text/html", href: url });
    xml.leaf("id", url);
    xml.leaf("updated", iso(release.recorded));
    xml.start("author").leaf("name", event.name).end();
    xml.leaf("content", html, { type: "html" });
    xml.end();
  }
  xml.end();
  return xml.toString();
}

function iso(time: Conference["event"]["start"]): string {
  return time.toUTC().toISO({ suppressMilliseconds: true }) ?? "";
}
