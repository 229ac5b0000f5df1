/**
 * Registers the service worker (src/client/sw.ts, served at the site's root as `/sw.js`), which
 * keeps the programme for offline use. After the page has loaded, so it never slows the first
 * visit; the site's root comes from this script's own address (`/assets/site.js` under the base
 * path), so a site hosted under a sub-path registers its own worker with its own scope.
 */
function register(): void {
  const root = new URL("../", import.meta.url);
  navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(() => {
    // No worker (a private window, storage refused): the site works as before, online only.
  });
}

if ("serviceWorker" in navigator && window.isSecureContext) {
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
