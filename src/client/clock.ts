/**
 * Runs `update` now, at each turn of the minute by the viewer's clock, and when a script inserts
 * content (`lectern:content`, from My schedule): what the page says about "now" stays true on a
 * page left open all day.
 */
export function everyMinute(update: () => void): void {
  update();
  setTimeout(() => {
    update();
    setInterval(update, 60_000);
  }, 60_000 - (Date.now() % 60_000));
  document.addEventListener("lectern:content", update);
}

/** The instant an element's attribute holds (`data-start="2016-06-10T09:15:00-04:00"`), NaN when none. */
export function instantOf(element: Element, name: string): number {
  return Date.parse(element.getAttribute(name) ?? "");
}
