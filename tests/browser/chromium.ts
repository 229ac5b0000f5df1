import assert from "node:assert/strict";
import { access, constants } from "node:fs/promises";
import { describe, test } from "node:test";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const DEFAULT_PATH = "/usr/bin/chromium";

export const INSTALL_HINT = "install it with `apt-get install chromium`, or set CHROME_PATH to a Chrome or Chromium executable";

/**
 * Where Chromium is: `CHROME_PATH` when set, else Debian's /usr/bin/chromium.
 * Gives the reason instead when there is no executable there.
 */
export async function findChromium(): Promise<{ path: string } | { missing: string }> {
  const candidate = process.env.CHROME_PATH || DEFAULT_PATH;
  try {
    await access(candidate, constants.X_OK);
    return { path: candidate };
  } catch {
    const where = process.env.CHROME_PATH ? `CHROME_PATH=${candidate}` : candidate;
    return { missing: `no Chromium at ${where}: ${INSTALL_HINT}` };
  }
}

/** One headless Chromium for a whole test file. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
}

/** How long a request for a new tab may go unanswered before it is made again. */
const NEW_TAB_MS = 30_000;

/**
 * A new tab in `context`. Now and then Chromium never answers a request for a new page
 * (playwright issues 3939 and 4761; once here, a CI run hung on it for 17 minutes): after
 * 30 s the request is given up and made once more, and a second silence fails the test
 * rather than holding the whole run until its time limit.
 */
export async function newTab(context: Pick<BrowserContext, "newPage">, waitMs = NEW_TAB_MS): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const request = context.newPage();
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, waitMs, undefined)));
    const tab = await Promise.race([request, silence]).finally(() => clearTimeout(timer));
    if (tab) return tab;
    // Should the answer come after all, the tab is closed.
    request.then((late) => late.close()).catch(() => undefined);
    if (attempt === 2) throw new Error(`Chromium opened no new tab in ${waitMs / 1000} s, twice`);
  }
}

/**
 * A suite that needs Chromium: skipped with the reason when there is none, except with
 * CI=true, where a missing browser is a failing test instead. `body` gets the executable.
 */
export function describeInChromium(name: string, body: (executablePath: string) => void): void {
  if ("missing" in found && process.env.CI === "true") {
    test(`${name}: Chromium is installed (CI=true never skips the browser tests)`, () => {
      assert.fail(found.missing);
    });
    return;
  }
  const skip = "missing" in found ? `browser tests skipped: ${found.missing}` : false;
  describe(name, { skip }, () => body("path" in found ? found.path : ""));
}

const found = await findChromium();
