import type { DateTime } from "luxon";
import type { ComponentChildren } from "preact";
import type { Session } from "../../content/model.ts";
import { CALL_SCRIPT, currentCall } from "../call-to-action.ts";
import { useTranslator } from "../i18n.ts";
import { isoOf } from "./SessionBits.tsx";

interface Variant {
  key: string;
  from: DateTime | undefined;
  until: DateTime | undefined;
  content: ComponentChildren;
}

/**
 * Live and after, on a session's page: while it is on, "Watch live" linking its room's stream;
 * after a talk, its recording, or (when its room is streamed) a note that the recording will
 * be published here; before it, nothing. Every variant is in the page with its `data-from` and
 * `data-until`; the one that holds at `now` (the build's clock) is shown, and the home page's
 * call-to-action script picks again by the reader's clock. Nothing at all when no variant can hold,
 * or the session is cancelled.
 */
export function SessionLive({ session, now }: { session: Session; now: DateTime | undefined }) {
  const { t } = useTranslator();
  if (session.cancelled) return null;
  const stream = session.room?.stream;
  const spans = session.type === "workshop" && !session.part ? session.blocks : [{ start: session.start, end: session.end }];
  const variants: Variant[] = [];
  if (stream) {
    for (const span of spans) {
      variants.push({
        key: `live-${span.start.toMillis()}`,
        from: span.start,
        until: span.end,
        content: (
          <a class="button button--live" href={stream}>
            {t("live.watch")}
          </a>
        ),
      });
    }
  }
  if (session.type === "talk" && (session.video || stream)) {
    variants.push({
      key: "after",
      from: session.end,
      until: undefined,
      content: session.video ? (
        <a class="button" href={session.video}>
          {t("live.recording")}
        </a>
      ) : (
        t("live.recordingSoon")
      ),
    });
  }
  if (variants.length === 0) return null;
  const current = now && currentCall(variants, now);
  return (
    <>
      <div class="session-live" data-cta="">
        {variants.map((variant) => (
          <p key={variant.key} data-from={variant.from && isoOf(variant.from)} data-until={variant.until && isoOf(variant.until)} hidden={variant !== current}>
            {variant.content}
          </p>
        ))}
      </div>
      <script dangerouslySetInnerHTML={{ __html: CALL_SCRIPT }} />
    </>
  );
}
