import { closeSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { firstLinkOnTheWay } from '../files.js';

/**
 * Why `path` may not be written, or undefined: a folder on the way (below `workspace`) or the
 * file itself is a symbolic link. On pull-request events the workspace holds the pull request's
 * files, so `sarif-file: kube-immutable.sarif` could otherwise be a link the pull request
 * committed, pointing anywhere the runner user can write. Paths outside the workspace (e.g.
 * `${{ runner.temp }}`) are the workflow's own and only their final file is checked.
 */
export function outputRefusal(path: string, workspace: string): string | undefined {
  const abs = resolve(path);
  let root: string;
  try {
    root = realpathSync(resolve(workspace));
  } catch {
    root = resolve(workspace);
  }
  const rel = relative(root, abs);
  const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  // Inside the workspace every part may be the pull request's; outside, only the file itself is checked.
  const link = inside ? firstLinkOnTheWay(root, rel) : firstLinkOnTheWay(dirname(abs), basename(abs)) && abs;
  return link ? `${link} is a symbolic link (in a pull request's checkout it can point anywhere), so it is not written through` : undefined;
}

/**
 * Write an output file of the action (`sarif-file`, `patch-file`; `text` whole or in pieces, written
 * in order) without following a symbolic link (see {@link outputRefusal}): the text goes to a new temporary file beside it (created
 * exclusively, so never through an existing link), which is then renamed over the target (a
 * rename replaces a link itself). Returns false — after `report`ing why, naming the input — when
 * the path is refused or cannot be written; the run goes on (no note then names the file).
 */
export function writeOutputFile(input: string, path: string, text: string | Iterable<string>, workspace: string, report: (message: string) => void): boolean {
  const why = outputRefusal(path, workspace);
  if (why) {
    report(`kube-immutable: could not write the ${input} ${path}: ${why}. Write it outside the checkout, e.g. under \${{ runner.temp }}.`);
    return false;
  }
  const abs = resolve(path);
  const tmp = join(dirname(abs), `.${basename(abs)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      if (typeof text === 'string') writeSync(fd, text);
      else for (const piece of text) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, abs);
    return true;
  } catch (err) {
    rmSync(tmp, { force: true });
    report(`kube-immutable: could not write the ${input} ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    return false;
  }
}
