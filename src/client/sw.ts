/**
 * The service worker, served at the site's root (`/sw.js` under the base path). The build puts
 * `LECTERN_SW` before this script: its build id, the precache list (the programme's pages, the
 * styles and the scripts, each with a revision) and the localised offline note.
 *
 * Pages are network first: online, the attendee always gets the deployed page; only when the
 * network fails or takes longer than `timeout` does the cached copy answer, with the note
 * "Offline — programme as of <build time>" shown at the top of its main content. Talk, workshop
 * and speaker pages past the precache's budget (a very large programme) are kept as they are
 * visited, until the next build. A new build
 * has a new id, so the browser installs the new worker, which caches afresh (reusing entries
 * whose revision did not change) and deletes the old caches of this site.
 */

interface Config {
  id: string;
  precache: Array<[string, string]>;
  runtime: string[];
  note: string;
  timeout: number;
}
declare const LECTERN_SW: Config;

/** The parts of the service worker's global scope used here (the DOM types do not describe it). */
interface WorkerScope {
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: LifecycleEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
}
interface LifecycleEvent {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends LifecycleEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

const worker = self as unknown as WorkerScope;
const config = LECTERN_SW;
const scope = new URL(worker.registration.scope);
// Cache names hold the site's root: two conferences on one origin keep their own caches.
const prefix = `lectern:${scope.pathname}:`;
const current = prefix + config.id;
const revisions = new Map(config.precache.map(([address, revision]) => [new URL(address, scope).href, revision]));
const REVISION_HEADER = "x-lectern-revision";

worker.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => worker.skipWaiting()));
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(prefix) && name !== current).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") url.search = "";
  if (revisions.has(url.href)) event.respondWith(networkFirst(request, url.href, false));
  else if (request.mode === "navigate" && isKeptWhenVisited(url)) event.respondWith(networkFirst(request, url.href, true));
});

/** A talk, workshop or speaker page past the precache's budget: kept when visited, until the next build. */
function isKeptWhenVisited(url: URL): boolean {
  if (!url.href.startsWith(scope.href)) return false;
  const relative = url.href.slice(scope.href.length);
  return config.runtime.some((folder) => relative.startsWith(folder) && /^[^/]+\/(?:[^/]+\/)?$/.test(relative));
}

/** Fills the new cache: an entry whose revision an older cache of this site holds is copied, the rest fetched. */
async function precache(): Promise<void> {
  const cache = await caches.open(current);
  const older = (await caches.keys()).filter((name) => name.startsWith(prefix) && name !== current);
  await Promise.all(
    [...revisions].map(async ([address, revision]) => {
      for (const name of older) {
        const kept = await (await caches.open(name)).match(address);
        if (kept?.headers.get(REVISION_HEADER) === revision) return cache.put(address, kept);
      }
      const response = await fetch(address, { cache: "no-cache" });
      if (!response.ok) throw new Error(`${address}: HTTP ${response.status}`);
      const headers = new Headers(response.headers);
      headers.set(REVISION_HEADER, revision);
      return cache.put(address, new Response(await response.blob(), { status: response.status, headers }));
    }),
  );
}

async function networkFirst(request: Request, address: string, keep: boolean): Promise<Response> {
  const network = fetch(request);
  if (keep) {
    void network
      .then(async (response) => {
        if (!response.ok) return;
        const copy = response.clone(); // Before the page reads the body.
        await (await caches.open(current)).put(address, copy);
      })
      .catch(() => undefined);
  }
  let timer: number | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = self.setTimeout(resolve, config.timeout)));
  const first = await Promise.race([network.catch(() => undefined), timeout]);
  clearTimeout(timer);
  if (first && first.status < 500) return first;
  const cached = await caches.open(current).then((cache) => cache.match(address));
  if (!cached) return first ?? network;
  if (request.mode !== "navigate") return cached;
  // A page from the cache says so: the note takes the place of its empty placeholder.
  const html = (await cached.text()).replace(/<p class="offline-note"[^>]*><\/p>/, config.note);
  const headers = new Headers(cached.headers);
  headers.delete("content-length");
  return new Response(html, { status: 200, headers });
}
