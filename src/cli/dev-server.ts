import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import http from "node:http";
import { isIP, type AddressInfo } from "node:net";
import { hostname, networkInterfaces } from "node:os";
import path from "node:path";

/** The path the browser's live-reload script listens on (server-sent events). */
export const EVENTS_PATH = "/__lectern/events";

const reloadScript = (base: string) =>
  `<script>(() => { const s = new EventSource(${JSON.stringify(base + EVENTS_PATH.slice(1))}); ` +
  `s.addEventListener("reload", () => location.reload()); })();</script>`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".pdf": "application/pdf",
  ".webmanifest": "application/manifest+json",
};

/** The Content-Type a static host would send for a file, by its extension. */
export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export interface DevServerOptions {
  /** The folder served; nothing outside it is ever read. */
  root: string;
  host: string;
  /** The first port tried; 0 lets the system choose. */
  port: number;
  /** How many following ports to try when the first is taken. */
  portAttempts?: number;
  /** While this returns a page, every HTML request gets it (with status 500) instead of the site. */
  errorPage?: () => string | undefined;
  /**
   * The base path the site is served under (`/boston-2016/` for an event `url` with a path),
   * as the last build said; default `/`. Requests outside it get a 404, `/` a redirect to it.
   */
  basePath?: () => string;
}

export interface DevServer {
  url: string;
  port: number;
  /** Tells every open page to reload. Returns how many pages were told. */
  reload(): number;
  close(): Promise<void>;
}

/**
 * A small static file server for the dev loop: it serves only files inside `root`,
 * injects a live-reload script into HTML pages, and shows the error page while the
 * content is broken. Bound to `host` only (127.0.0.1 unless the organiser says otherwise).
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const root = path.resolve(options.root);
  const clients = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "internal error\n");
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;

  let port = 0;
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, options.host, port)) {
      send(
        res,
        403,
        "text/plain; charset=utf-8",
        "lectern dev: forbidden: this dev server answers only to localhost, 127.0.0.1, [::1] and the HOST it was started with, " +
          `on port ${port} (a guard against DNS rebinding)\n`,
        req.method === "HEAD",
      );
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      send(res, 405, "text/plain; charset=utf-8", "method not allowed\n");
      return;
    }
    const base = options.basePath?.() ?? "/";
    const requested = (req.url ?? "/").split(/[?#]/, 1)[0] ?? "/";
    const under = underBase(requested, base);
    if (under.redirect) {
      res.writeHead(302, { Location: under.redirect, "Cache-Control": "no-store" });
      res.end();
      return;
    }
    const rawPath = under.sitePath;
    if (rawPath === EVENTS_PATH) {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }

    const found = rawPath === undefined ? undefined : await resolveFile(root, rawPath);
    const page = options.errorPage?.();
    if (page !== undefined && (!found || found.file.endsWith(".html"))) {
      send(res, 500, TYPES[".html"]!, withReloadScript(page, base), req.method === "HEAD");
      return;
    }
    if (found?.redirect) {
      res.writeHead(301, { Location: base + found.redirect.slice(1), "Cache-Control": "no-store" });
      res.end();
      return;
    }
    if (!found) {
      const notFound = await resolveFile(root, "/404.html");
      if (notFound) await sendFile(req, res, notFound.file, 404);
      else send(res, 404, "text/plain; charset=utf-8", "not found\n", req.method === "HEAD");
      return;
    }
    await sendFile(req, res, found.file, 200);
  }

  async function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, status: number): Promise<void> {
    const type = contentType(file);
    if (type.startsWith("text/html")) {
      send(res, status, type, withReloadScript(await readFile(file, "utf8"), options.basePath?.() ?? "/"), req.method === "HEAD");
      return;
    }
    const info = await stat(file);
    res.writeHead(status, { "Content-Type": type, "Content-Length": info.size, "Cache-Control": "no-store" });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  }

  port = await listen(server, options.host, options.port, options.portAttempts ?? 20);
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    reload() {
      for (const client of clients) client.write("event: reload\ndata: {}\n\n");
      return clients.size;
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * Whether a request's `Host` header names this server, so that a page of another site whose
 * name was made to point at this computer (DNS rebinding) cannot read it. Accepted: the
 * loopback names `localhost`, `*.localhost`, `127.0.0.1` and `[::1]`; the `host` the server
 * was started with; and, when that is every address (`0.0.0.0` or `::`), this computer's own
 * addresses, its host name and `<host name>.local`. The port must be the server's (or be
 * left out when that is 80).
 */
export function isAllowedHost(header: string | undefined, host: string, port: number, machine = machineNames): boolean {
  if (!header) return false;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(header);
  if (!match) return false;
  const given = match[2] === undefined ? 80 : Number(match[2]);
  if (given !== port) return false;
  const name = match[1]!.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost") || name === "127.0.0.1" || name === "[::1]") return true;
  if (name === hostName(host)) return true;
  return (host === "0.0.0.0" || host === "::") && machine().includes(name);
}

/** This computer's addresses (IPv6 in brackets) and names, as a `Host` header writes them. */
function machineNames(): string[] {
  const names = Object.values(networkInterfaces())
    .flat()
    .flatMap((address) => (address ? [hostName(address.address)] : []));
  const own = hostname().toLowerCase();
  return own ? [...names, own, `${own}.local`] : names;
}

function hostName(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, "");
  return isIP(name) === 6 ? `[${name}]` : name;
}

/**
 * Maps a request path to a file inside `root`, or undefined (a 404). The path is decoded
 * once; anything that could step outside the folder (`..`, backslashes, NUL, a symbolic
 * link leading out) is refused rather than cleaned up. A folder with an index.html is
 * served as that file, or redirected to its address with a trailing slash.
 */
export async function resolveFile(root: string, rawPath: string): Promise<{ file: string; redirect?: string } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith("/") || /[\\\0]/.test(decoded)) return undefined;
  const segments = decoded.split("/");
  if (segments.some((segment) => segment === ".." || segment === ".")) return undefined;

  const candidate = path.resolve(root, `.${decoded}`);
  if (!isInside(root, candidate)) return undefined;
  const file = await existingInside(root, candidate);
  if (!file) return undefined;
  const info = await stat(file);
  if (info.isFile()) return { file };
  if (!info.isDirectory()) return undefined;
  const index = await existingInside(root, path.join(file, "index.html"));
  if (!index) return undefined;
  if (decoded.endsWith("/")) return { file: index };
  const relative = path.relative(root, candidate).split(path.sep).join("/");
  return { file: index, redirect: `/${relative}/` };
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

async function existingInside(root: string, candidate: string): Promise<string | undefined> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(candidate)]);
    return isInside(realRoot, real) ? real : undefined;
  } catch {
    return undefined;
  }
}

function withReloadScript(html: string, base: string): string {
  const script = reloadScript(base);
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + script : html.slice(0, at) + script + html.slice(at);
}

/**
 * Where a request lands when the site is served under `base`: the site path inside it, a
 * redirect (`/` and the base without its slash lead to the base), or neither (outside the site).
 */
export function underBase(requested: string, base: string): { sitePath?: string; redirect?: string } {
  if (base === "/") return { sitePath: requested };
  if (requested.startsWith(base)) return { sitePath: `/${requested.slice(base.length)}` };
  if (requested === "/" || requested === base.slice(0, -1)) return { redirect: base };
  return {};
}

function send(res: http.ServerResponse, status: number, type: string, body: string, headOnly = false): void {
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
  res.end(headOnly ? undefined : body);
}

async function listen(server: http.Server, host: string, first: number, attempts: number): Promise<number> {
  for (let i = 0; ; i++) {
    const port = first === 0 ? 0 : first + i;
    try {
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => {
          server.off("listening", onListening);
          reject(error);
        };
        const onListening = () => {
          server.off("error", onError);
          resolve();
        };
        server.once("error", onError);
        server.once("listening", onListening);
        server.listen({ host, port, exclusive: true });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EADDRINUSE" || first === 0 || i + 1 >= attempts) throw error;
    }
  }
}
