/**
 * Paths of a tree that were not read as regular files — symbolic links (git mode 120000) and
 * submodules (160000) of a commit read from git objects, files past a read budget — and the
 * renders they stop: a chart holding one, or a Kustomize root whose closure names one (or a path
 * below one), is not rendered, as the copy code refuses a link it finds on disk (helm.ts,
 * kustomize.ts). Pure.
 */
import type { HelmProblem } from './helm.js';

/** One path that was not read: `link` for a symbolic link, `other` for anything else (a submodule, a budget). */
export interface RefusedPath {
  kind: 'link' | 'other';
  /** The whole sentence, e.g. `charts/web/templates/x.yaml is a symbolic link in the head commit 0123456789ab: ...`. */
  reason: string;
}

/** Repository-relative POSIX path → why it was not read. */
export type RefusedPaths = ReadonlyMap<string, RefusedPath>;

const problem = (path: string, r: RefusedPath): HelmProblem => ({
  code: r.kind === 'link' ? 'symlink' : 'special-file',
  severity: 'error',
  file: path,
  line: 1,
  message: r.reason,
});

/** The problem of the first refused path (in path order) inside folder `dir` (`''`: the whole tree), or undefined. */
export function refusedInFolder(refused: RefusedPaths | undefined, dir: string): HelmProblem | undefined {
  if (!refused) return undefined;
  const hit = [...refused.keys()].sort().find((p) => dir === '' || p.startsWith(`${dir}/`));
  return hit === undefined ? undefined : problem(hit, refused.get(hit)!);
}

/** The problem of the first refused path (in path order) that is one of `paths`, or a folder on the way to one; or undefined. */
export function refusedAmong(refused: RefusedPaths | undefined, paths: Iterable<string>): HelmProblem | undefined {
  if (!refused || refused.size === 0) return undefined;
  const hits = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const up = parts.slice(0, i).join('/');
      if (refused.has(up)) hits.add(up);
    }
  }
  const first = [...hits].sort()[0];
  return first === undefined ? undefined : problem(first, refused.get(first)!);
}
