import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { rm } from "node:fs/promises";
import { test } from "node:test";
import { makeContent, ROOT, tempDir } from "../helpers.ts";
import { processes, startDev } from "./dev-helpers.ts";

/** Resolves true when nothing listens on 127.0.0.1:`port`. */
function isClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });
}

test("SIGTERM to the npm start process alone stops the dev server and its builder, and frees the port", async () => {
  const contentDir = await makeContent("small");
  const outputDir = path.join(await tempDir("lectern-dev-"), "site");
  const dev = await startDev({ CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir }, undefined, { viaNpm: true });
  const group = dev.child.pid!;
  const ours = () =>
    processes().filter((p) => p.group === group && /src\/cli\/dev(-builder)?\.ts/.test(p.command) && p.pid !== group);
  try {
    const running = ours().map((p) => p.command);
    assert.ok(running.some((c) => c.endsWith("src/cli/dev.ts")) && running.some((c) => c.endsWith("src/cli/dev-builder.ts")), running.join("\n"));

    process.kill(dev.child.pid!, "SIGTERM");
    const deadline = Date.now() + 5000;
    let left = ours();
    while ((left.length > 0 || !(await isClosed(dev.port))) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = ours();
    }
    assert.deepEqual(left.map((p) => p.command), [], "no dev.ts or dev-builder.ts process is left");
    assert.equal(await isClosed(dev.port), true, `port ${dev.port} is closed`);
  } finally {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      /* all gone */
    }
    await rm(path.dirname(contentDir), { recursive: true, force: true });
    await rm(path.dirname(outputDir), { recursive: true, force: true });
  }
});

for (const host of ["nope.invalid", "999.1.1.1"]) {
  test(`HOST=${host}: one line and exit code 1, no stack trace`, async () => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "cli", "dev.ts")], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: path.join(ROOT, "tests", "fixtures", "small"), OUTPUT_DIR: path.join(await tempDir(), "site"), HOST: host, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on("close", resolve));
    assert.equal(stderr, `lectern dev: HOST "${host}" is neither an IP address nor a host name this computer can look up\n`);
    assert.equal(stdout, "");
    assert.equal(code, 1);
  });
}
