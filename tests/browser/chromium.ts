import assert from "node:assert/strict";
import { access, constants } from "node:fs/promises";
import { describe, test } from "node:test";
import { chromium, type Browser } from "playwright-core";

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
