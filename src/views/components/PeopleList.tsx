import type { Speaker } from "../../content/model.ts";
import { useTranslator } from "../i18n.ts";
import { Avatar } from "./Avatar.tsx";

/** Speakers or leaders with avatar, linked name, role and company. */
export function PeopleList({ people, compact = false }: { people: readonly Speaker[]; compact?: boolean }) {
  const { t } = useTranslator();
  return (
    <ul class={compact ? "people people--compact" : "people"}>
      {people.map((person) => (
        <li key={person.slug} class="person">
          <Avatar speaker={person} size={compact ? "s" : "m"} />
          <span>
            <a class="person__name" href={person.url}>
              {person.name}
            </a>
            {person.pronouns && <span class="pronouns"> ({person.pronouns})</span>}
            <span class="person__role">
              {person.role}
              {t("list.comma")}
              {person.company}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
