import { createReadStream } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { contentType, resolveFile, underBase } from "../../src/cli/dev-server.ts";

export interface StaticServer {
  /** e.g. http://127.0.0.1:43121 */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site on 127.0.0.1 at a free port, under `base` (default `/`), as a static host would: `/x/` serves
 * `x/index.html`, `/x` redirects to `/x/` when only the folder exists, and a missing file
 * gets status 404 with the site's own 404.html.
 */
export async function serveSite(siteDir: string, base = "/"): Promise<StaticServer> {
  const root = path.resolve(siteDir);
  const server = createServer(async (request, response) => {
    // The dev server's path mapping: nothing outside the folder, `/x` → `/x/` when only the folder
    // exists, and the site under its base path (`/boston-2016/…`), nothing outside it.
    const under = underBase((request.url ?? "/").split(/[?#]/, 1)[0] ?? "/", base);
    if (under.redirect) {
      response.writeHead(302, { location: under.redirect }).end();
      return;
    }
    const found = under.sitePath === undefined ? undefined : await resolveFile(root, under.sitePath);
    if (found?.redirect) {
      response.writeHead(301, { location: base + found.redirect.slice(1) }).end();
      return;
    }
    const file = found?.file ?? (await resolveFile(root, "/404.html"))?.file;
    response.writeHead(found ? 200 : 404, { "content-type": file ? contentType(file) : "text/plain; charset=utf-8" });
    if (file) createReadStream(file).pipe(response);
    else response.end("Not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
