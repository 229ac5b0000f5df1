import { ContentError } from "../content/errors.ts";
import { escapeForTerminal } from "./terminal.ts";

/**
 * Runs a command's body and turns failures into an exit code: content problems are
 * listed one per line, without a stack trace; anything else is a bug and shows its stack.
 * Everything printed is escaped for the terminal (it quotes file names and fields).
 */
export async function runCommand(name: string, body: () => Promise<void>): Promise<void> {
  const print = (text: string) => process.stderr.write(`${escapeForTerminal(text)}\n`);
  try {
    await body();
  } catch (error) {
    if (error instanceof ContentError) {
      print(`lectern ${name}: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof BuildError) {
      print(`lectern ${name}: ${error.message}`);
      if (error.cause) print(describeCause(error.cause));
      process.exitCode = 1;
      return;
    }
    print(`lectern ${name}: internal error (please report it)`);
    print(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  }
}

/** A failure of the build after the content was valid (a template or file system error). */
export class BuildError extends Error {
  override name = "BuildError";
}

/** The message of an error and of every error it wraps, one line each. */
export function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const lines = [cause.message];
  let inner: unknown = (cause as { originalError?: unknown }).originalError ?? cause.cause;
  while (inner instanceof Error) {
    lines.push(`  caused by: ${inner.message}`);
    inner = (inner as { originalError?: unknown }).originalError ?? inner.cause;
  }
  return lines.join("\n");
}
