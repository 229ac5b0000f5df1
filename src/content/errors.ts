import path from "node:path";

/** One thing wrong with the content, tied to the file and field it came from. */
export interface Problem {
  /** The file's path, relative to the working directory, with forward slashes. */
  file: string;
  /** The field, as `speakers[1]` or `venue.name`; empty when the problem is the whole file. */
  field: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return problem.field
    ? `${problem.file}: ${problem.field}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

/**
 * Every problem found in a content folder, raised once after all files were read.
 * Its message is meant for organisers: one line a problem, no stack trace.
 */
export class ContentError extends Error {
  override name = "ContentError";
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const sorted = [...problems].sort(compareProblems);
    const noun = sorted.length === 1 ? "problem" : "problems";
    super(`${sorted.length} content ${noun}:\n${sorted.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    this.problems = sorted;
  }
}

function compareProblems(a: Problem, b: Problem): number {
  return a.file === b.file ? 0 : a.file < b.file ? -1 : 1;
}

/** A path as organisers see it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
  return shown.split(path.sep).join("/");
}

/** Collects problems for one file so that checks can report and carry on. */
export class ProblemList {
  readonly items: Problem[] = [];

  add(file: string, field: string, message: string): void {
    this.items.push({ file, field, message });
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  throwIfAny(): void {
    if (!this.isEmpty) throw new ContentError(this.items);
  }
}
