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

const shownPaths = new Map<string, string>();
let shownFrom = "";

/**
 * A path as organisers see it: relative to the working directory when inside it. Remembered per
 * path while the working directory stays the same: loading 15,000 files asked for each one's
 * several times (a tenth of a check at that size went to path.relative).
 */
export function displayPath(file: string): string {
  const cwd = process.cwd();
  if (cwd !== shownFrom) {
    shownPaths.clear();
    shownFrom = cwd;
  }
  let shown = shownPaths.get(file);
  if (shown === undefined) {
    const relative = path.relative(cwd, file);
    shown = (relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file).split(path.sep).join("/");
    shownPaths.set(file, shown);
  }
  return shown;
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
