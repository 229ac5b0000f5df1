import { ContentError } from "../content/errors.ts";

/**
 * Runs a command's body and turns failures into an exit code: content problems are
 * listed one per line, without a stack trace; anything else is a bug and shows its stack.
 */
export async function runCommand(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof ContentError) {
      process.stderr.write(`lectern ${name}: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof BuildError) {
      process.stderr.write(`lectern ${name}: ${error.message}\n`);
      if (error.cause) process.stderr.write(`${describeCause(error.cause)}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`lectern ${name}: internal error (please report it)\n`);
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
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
