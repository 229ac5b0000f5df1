/**
 * The schedule's day pages (issue #14, part A), for a browser with script:
 * - the day lists (`nav[data-days]`) put today's day first during the event, by the viewer's clock;
 * - the filters (`[data-filters]`, hidden in the HTML) are shown and narrow the grid to
 *   the sessions whose `data-facets` match, keeping the choice in the address (`?room=hall&tag=go`).
 * Without script the pages list every day in order and show every session. Run by schedule.ts.
 */

/** The filters, in the order of the page and of the address. */
const FILTERS = ["room", "tag", "kind", "level"] as const;
type Filter = (typeof FILTERS)[number];

/**
 * Moves the day whose `data-from`/`data-until` hold `now` to the front of each day list and
 * labels it with the list's `data-today` text. Does nothing before or after the event.
 */
export function markToday(root: ParentNode, now = Date.now()): void {
  for (const nav of root.querySelectorAll<HTMLElement>("nav[data-days]")) {
    const list = nav.querySelector("ul");
    const today = Array.from(nav.querySelectorAll<HTMLElement>("li[data-from][data-until]")).find(
      (item) => Date.parse(item.dataset.from!) <= now && now < Date.parse(item.dataset.until!),
    );
    if (!list || !today || today.classList.contains("is-today")) continue;
    today.classList.add("is-today");
    const label = document.createElement("span");
    label.className = "is-today__label";
    label.textContent = `${nav.dataset.today ?? ""} · `;
    today.querySelector("a")?.prepend(label);
    list.prepend(today);
  }
}

/** The filters the address asks for: only known names with a value. */
function filtersInAddress(): Partial<Record<Filter, string>> {
  const params = new URLSearchParams(location.search);
  const chosen: Partial<Record<Filter, string>> = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) chosen[name] = value;
  }
  return chosen;
}

/** Whether a cell's `data-facets` tokens satisfy every chosen filter (a session in every room matches any room). */
function matches(facets: readonly string[], chosen: Partial<Record<Filter, string>>): boolean {
  return FILTERS.every((name) => {
    const value = chosen[name];
    if (!value) return true;
    return facets.includes(`${name}:${value}`) || (name === "room" && facets.includes("room:*"));
  });
}

/**
 * Shows the filters and applies them: the address's on load, and the chosen ones on every change, after
 * which the address carries the choice (replaced, not pushed: back leaves the page, as it would
 * without script). The status line says how many sessions match.
 */
export function enhanceFilters(filters: HTMLElement): void {
  const grid = document.querySelector(".schedule-grid");
  if (!grid) return;
  const cells = Array.from(grid.querySelectorAll<HTMLElement>("td[data-facets]"));
  const facetsOf = new Map(cells.map((cell) => [cell, cell.dataset.facets!.split(" ")]));
  const status = filters.querySelector<HTMLElement>(".schedule-filters__status");
  const selects = new Map(
    FILTERS.flatMap((name) => {
      const select = filters.querySelector(`select[name="${name}"]`);
      return select instanceof HTMLSelectElement ? [[name, select] as const] : [];
    }),
  );

  const chosenInForm = (): Partial<Record<Filter, string>> => {
    const chosen: Partial<Record<Filter, string>> = {};
    for (const [name, select] of selects) if (select.value) chosen[name] = select.value;
    return chosen;
  };

  const apply = (chosen: Partial<Record<Filter, string>>) => {
    let shown = 0;
    for (const cell of cells) {
      const out = !matches(facetsOf.get(cell)!, chosen);
      cell.classList.toggle("is-filtered-out", out);
      if (!out) shown++;
    }
    for (const row of grid.querySelectorAll("tbody tr")) {
      const sessions = row.querySelectorAll("td.slot:not(.slot--empty):not(.slot--repeat)");
      const empty = Array.from(sessions).every((cell) => cell.classList.contains("is-filtered-out"));
      row.classList.toggle("is-filtered-out", sessions.length > 0 && empty);
    }
    const active = Object.keys(chosen).length > 0;
    if (status) {
      status.textContent = active ? (filters.dataset.status ?? "").replace("{count}", String(shown)).replace("{total}", String(cells.length)) : "";
    }
  };

  const remember = (chosen: Partial<Record<Filter, string>>) => {
    const params = new URLSearchParams(location.search);
    for (const name of FILTERS) params.delete(name);
    for (const name of FILTERS) if (chosen[name]) params.append(name, chosen[name]);
    const query = params.toString();
    history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
  };

  const fromAddress = () => {
    const chosen = filtersInAddress();
    for (const [name, select] of selects) {
      const value = chosen[name];
      const known = value !== undefined && Array.from(select.options).some((option) => option.value === value);
      select.value = known ? value : "";
    }
    apply(chosenInForm());
  };

  filters.addEventListener("change", () => {
    const chosen = chosenInForm();
    apply(chosen);
    remember(chosen);
  });
  filters.querySelector("[data-clear]")?.addEventListener("click", () => {
    for (const select of selects.values()) select.value = "";
    apply({});
    remember({});
  });
  window.addEventListener("popstate", fromAddress);
  filters.hidden = false;
  fromAddress();
}
