/**
 * The header's search box, as the attendee types: results from the Pagefind index (`/pagefind/`
 * under the site's root, made by the build) in a list of links under the box. Loaded on demand
 * by search-box.ts when the box is first used. Keyboard: ↓ from the box to the first result,
 * ↑/↓ between results (Tab works too), Escape closes the list and returns to the box. A live
 * region says how many results there are. Pagefind's script is the site's own file: no request
 * leaves the site.
 */

interface Messages {
  results: Record<string, string>;
  none: string;
  failed: string;
  kinds: Record<string, string>;
}

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: Array<{ data(): Promise<PagefindResult> }> } | null>;
}

const MAX_RESULTS = 8;
const DEBOUNCE_MS = 150;
const root = new URL("../", import.meta.url);

let loaded: Promise<Pagefind> | undefined;
let loadedTexts: Promise<Messages> | undefined;

/** The texts in the site's language, written by the build beside the scripts. */
function messages(): Promise<Messages> {
  loadedTexts ??= fetch(new URL("search-messages.json", import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`search-messages.json: HTTP ${response.status}`);
    return response.json() as Promise<Messages>;
  });
  return loadedTexts;
}

function pagefind(): Promise<Pagefind> {
  loaded ??= (async () => {
    const module = (await import(/* @vite-ignore */ new URL("pagefind/pagefind.js", root).href)) as Pagefind;
    await module.options({ baseUrl: root.pathname, excerptLength: 18 });
    await module.init();
    return module;
  })();
  return loaded;
}

/** Makes the search form at `form` search as the attendee types. */
export function enhance(form: HTMLFormElement): void {
  if (form.dataset.enhanced) return;
  form.dataset.enhanced = "true";
  // The results' styles, which no page loads until a reader searches (public/search.css).
  const styles = document.createElement("link");
  styles.rel = "stylesheet";
  styles.href = new URL("search.css", root).href;
  document.head.append(styles);
  const input = form.querySelector<HTMLInputElement>("input[type=search]")!;
  const plural = new Intl.PluralRules(document.documentElement.lang || "en");

  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  const panel = document.createElement("div");
  panel.className = "site-search__results";
  panel.id = "site_search_results";
  panel.hidden = true;
  const list = document.createElement("ul");
  const empty = document.createElement("p");
  empty.className = "site-search__empty";
  panel.append(list, empty);
  form.append(status, panel);
  input.setAttribute("aria-controls", panel.id);
  void pagefind().catch(() => undefined);
  void messages().catch(() => undefined);

  let timer: number | undefined;
  let latest = 0;

  const close = () => {
    panel.hidden = true;
  };
  const links = () => Array.from(list.querySelectorAll<HTMLAnchorElement>("a"));

  // `total` is every result Pagefind found; the list shows the first MAX_RESULTS.
  const show = (query: string, found: PagefindResult[] | undefined, total: number, texts: Messages) => {
    list.replaceChildren(...(found ?? []).map((result) => resultItem(result, texts)));
    const text = found === undefined ? texts.failed : found.length === 0 ? texts.none : countText(total, texts);
    empty.textContent = found !== undefined && found.length > 0 ? "" : text;
    empty.hidden = found !== undefined && found.length > 0;
    status.textContent = text;
    panel.dataset.query = query;
    panel.hidden = false;
  };

  const countText = (count: number, texts: Messages) => (texts.results[plural.select(count)] ?? texts.results.other ?? "{count}").replace("{count}", String(count));

  const resultItem = (result: PagefindResult, texts: Messages) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = result.url;
    const kind = document.createElement("span");
    kind.className = "site-search__kind";
    kind.textContent = texts.kinds[kindOf(result.url)] ?? "";
    const title = document.createElement("span");
    title.className = "site-search__title";
    title.textContent = result.meta.title ?? result.url;
    link.append(kind, " ", title);
    const excerpt = document.createElement("span");
    excerpt.className = "site-search__excerpt";
    excerpt.append(...excerptNodes(result.excerpt));
    link.append(excerpt);
    item.append(link);
    return item;
  };

  const run = async (query: string) => {
    const mine = ++latest;
    if (query.trim() === "") {
      close();
      status.textContent = "";
      return;
    }
    let found: PagefindResult[] | undefined;
    let total = 0;
    let texts: Messages;
    try {
      texts = await messages();
    } catch {
      return; // Without its texts the list would be mute: the form still opens the talk index.
    }
    try {
      const search = await (await pagefind()).search(query);
      if (search === null) return;
      total = search.results.length;
      found = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    } catch {
      found = undefined;
    }
    if (mine === latest) show(query, found, total, texts);
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void run(input.value), DEBOUNCE_MS);
  });
  form.addEventListener("keydown", (event) => {
    const items = links();
    const at = items.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      close();
      input.focus();
    } else if (event.key === "ArrowDown" && items.length > 0) {
      // ↓ reopens the list that Escape closed, or moves to the next result.
      event.preventDefault();
      if (panel.hidden) panel.hidden = false;
      else items[Math.min(at + 1, items.length - 1)]!.focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus();
      else items[at - 1]!.focus();
    }
  });
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  // What was typed while this script loaded.
  if (input.value.trim() !== "") void run(input.value);
}

/** `talks` for /conf/talks/x/, `page` for a free page. */
function kindOf(url: string): string {
  const relative = new URL(url, location.href).pathname.slice(root.pathname.length);
  const folder = /^([a-z]+)\/[^/]+\/$/.exec(relative)?.[1];
  return folder ?? "page";
}

/** Pagefind's excerpt (text with `<mark>` around the words found) as nodes: text stays text. */
function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}`, "text/html");
  return Array.from(doc.body.childNodes).map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? "");
  });
}
