import { accessSync, constants, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { displayPath, type ProblemList } from "../content/errors.ts";

/** One static file to publish: where it goes in the site and the real file it is read from. */
export interface PublicFile {
  /** Path inside the site, with forward slashes, no leading slash (`images/jane.jpg`). */
  sitePath: string;
  /** The real file, symbolic links resolved. */
  source: string;
}

/**
 * Lists the public folder's files as the site will hold them. Only regular files inside the
 * folder are published, always as copies: a symbolic link is followed only when it stays inside
 * the folder (a link to `/etc/passwd` or to `..` would publish what it points at), and anything
 * that is not a file or folder (a FIFO, a device) is refused, as is a file that cannot be read.
 * Every problem is added to `problems`; a missing public folder is simply empty.
 */
export function listPublicFiles(publicDir: string, problems: ProblemList): PublicFile[] {
  let root: string;
  try {
    root = realpathSync(publicDir);
  } catch {
    return [];
  }
  if (!statSync(root).isDirectory()) {
    problems.add(displayPath(publicDir), "", "the public folder is a file, not a folder (PUBLIC_DIR)");
    return [];
  }
  const files: PublicFile[] = [];
  // The real folders above the one being walked: a link back to one of them would loop forever.
  const walk = (shownDir: string, realDir: string, siteDir: string, ancestors: ReadonlySet<string>) => {
    let names: string[];
    try {
      names = readdirSync(realDir).sort();
    } catch (error) {
      problems.add(displayPath(shownDir), "", `cannot be read (${codeOf(error)})`);
      return;
    }
    for (const name of names) {
      const shown = path.join(shownDir, name);
      const sitePath = siteDir ? `${siteDir}/${name}` : name;
      let real = path.join(realDir, name);
      let info = lstatSync(real);
      if (info.isSymbolicLink()) {
        try {
          real = realpathSync(real);
        } catch {
          problems.add(displayPath(shown), "", "is a symbolic link to nothing");
          continue;
        }
        if (real !== root && !real.startsWith(root + path.sep)) {
          problems.add(displayPath(shown), "", "is a symbolic link to a file outside the public folder; copy the file in instead");
          continue;
        }
        info = statSync(real);
      }
      if (info.isDirectory()) {
        if (ancestors.has(real)) {
          problems.add(displayPath(shown), "", "is a symbolic link to a folder that contains it (a loop)");
          continue;
        }
        walk(shown, real, sitePath, new Set([...ancestors, real]));
      } else if (info.isFile()) {
        try {
          accessSync(real, constants.R_OK);
        } catch (error) {
          problems.add(displayPath(shown), "", `cannot be read (${codeOf(error)})`);
          continue;
        }
        files.push({ sitePath, source: real });
      } else {
        problems.add(displayPath(shown), "", "is not a regular file (a pipe, socket or device); only files are published");
      }
    }
  };
  walk(publicDir, root, "", new Set([root]));
  return files;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? "unknown error";
}
