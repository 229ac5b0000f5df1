/**
 * Loads the search (src/client/search.ts, a chunk of its own) when the header's search box is
 * first focused or typed in, so a page that is only read never downloads it.
 */
const form = document.querySelector<HTMLFormElement>("form[data-search]");
const input = form?.querySelector<HTMLInputElement>("input[type=search]");

if (form && input) {
  const load = () => {
    input.removeEventListener("focus", load);
    input.removeEventListener("keydown", load);
    import("./search.ts").then(
      (search) => search.enhance(form),
      () => undefined, // Not loaded (offline, a new deploy): the form still opens the talk index.
    );
  };
  input.addEventListener("focus", load);
  input.addEventListener("keydown", load);
}
