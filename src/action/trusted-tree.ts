/**
 * Trees of trusted files read from git objects — never from a work tree a pull request could have
 * written. A trusted tree is a commit's tree (the pull request's base commit, the merge group's
 * base, the pushed commit), read through local git objects or, when the commit is not local,
 * through GitHub's contents API at that commit; or the HEAD commit of a separately checked-out
 * repository (a central policy repository, see {@link openTrustedFolder}).
 *
 * Symbolic links (tree mode 120000) and submodules (160000) are refused with a reason, wherever
 * they are on a path: a trusted file is a regular blob of the trusted tree, reached through
 * folders of that tree. Source of the modes: git's `tree.c` / gitformat-index ("object type and
 * permissions": 100644, 100755, 120000, 160000, 040000).
 */
import { lstatSync, realpathSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { firstLinkOnTheWay } from '../files.js';
import type { GitHubClient } from '../github/client.js';
import { gitBlob, gitCommitOf, gitTopLevel, gitTreeEntries, type GitTreeEntry } from '../github/git.js';

/** What reading one path of a trusted tree found. */
export type TrustedRead = { kind: 'file'; text: string } | { kind: 'absent' } | { kind: 'refused'; reason: string };

/** What listing one folder of a trusted tree found: entry names in name order. */
export type TrustedListing = { kind: 'folder'; names: string[] } | { kind: 'absent' } | { kind: 'refused'; reason: string };

/** A tree of trusted files. Paths are POSIX, relative to the tree's root, without `.`/`..` segments. */
export interface TrustedTree {
  /** How messages name the tree, e.g. `the base commit 0123456789ab`. */
  readonly label: string;
  /** A file's text; absent when there is no such file (or it is a folder). Throws only for API errors after retries. */
  read(path: string): Promise<TrustedRead>;
  /** A folder's entry names; absent when there is no such folder. Throws only for API errors after retries. */
  list(folder: string): Promise<TrustedListing>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The segments of a clean relative path, or undefined for '', '.', '..', absolute or empty segments. */
function segments(path: string): string[] | undefined {
  const clean = path.replace(/\/+$/, '');
  if (clean === '' || clean === '.') return [];
  const parts = clean.split('/');
  if (parts.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return parts;
}

/** Why an entry that is not a regular file or folder is refused, or undefined when it is one. */
function refusal(e: Pick<GitTreeEntry, 'mode'>, shown: string, label: string): string | undefined {
  if (e.mode === '120000') return `${shown} is a symbolic link in ${label}; trusted files are read only as regular files of the trusted tree, so it is refused`;
  if (e.mode === '160000') return `${shown} is a submodule in ${label}; trusted files are never read from another repository's commit, so it is refused`;
  return undefined;
}

/**
 * The tree of `commit` in the local repository at `cwd`, read with `git ls-tree` / `git cat-file`
 * (no work tree, no pathspec: each path is walked one tree at a time). `prefix` is prepended to
 * paths in messages (a trusted folder's place in the workspace). Returns undefined when the commit
 * is not in the local object store.
 */
export function gitCommitTree(cwd: string, commit: string, label: string, prefix = ''): TrustedTree | undefined {
  const sha = gitCommitOf(cwd, commit);
  if (!sha) return undefined;
  const trees = new Map<string, GitTreeEntry[] | undefined>();
  const entriesOf = (oid: string) => {
    if (!trees.has(oid)) trees.set(oid, gitTreeEntries(cwd, oid));
    return trees.get(oid);
  };
  const shown = (parts: string[], n: number) => `${prefix}${parts.slice(0, n).join('/')}`;
  /** Walk to the entry named by `parts` (undefined for the root); a refusal or absence ends the walk. */
  const walk = (parts: string[]): { entry: GitTreeEntry | undefined } | { kind: 'absent' } | { kind: 'refused'; reason: string } => {
    let tree = sha;
    let entry: GitTreeEntry | undefined;
    for (let i = 0; i < parts.length; i++) {
      const entries = entriesOf(tree);
      if (!entries) return { kind: 'refused', reason: `git could not read the tree of ${shown(parts, i) || 'the root'} in ${label}` };
      entry = entries.find((e) => e.name === parts[i]);
      if (!entry) return { kind: 'absent' };
      const why = refusal(entry, shown(parts, i + 1), label);
      if (why) return { kind: 'refused', reason: why };
      if (i < parts.length - 1) {
        if (entry.type !== 'tree') return { kind: 'absent' };
        tree = entry.oid;
      }
    }
    return { entry };
  };
  return {
    label,
    async read(path) {
      const parts = segments(path);
      if (!parts || parts.length === 0) return { kind: 'absent' };
      const w = walk(parts);
      if ('kind' in w) return w;
      if (w.entry!.type !== 'blob') return { kind: 'absent' };
      const bytes = gitBlob(cwd, w.entry!.oid);
      if (!bytes) return { kind: 'refused', reason: `git could not read ${prefix}${path} in ${label}` };
      try {
        return { kind: 'file', text: utf8.decode(bytes) };
      } catch {
        return { kind: 'refused', reason: `${prefix}${path} in ${label} is not UTF-8 text` };
      }
    },
    async list(folder) {
      const parts = segments(folder);
      if (!parts) return { kind: 'absent' };
      const w = walk(parts);
      if ('kind' in w) return w;
      if (w.entry && w.entry.type !== 'tree') return { kind: 'absent' };
      const entries = entriesOf(w.entry ? w.entry.oid : sha);
      if (!entries) return { kind: 'refused', reason: `git could not read the tree of ${prefix}${folder} in ${label}` };
      return { kind: 'folder', names: entries.map((e) => e.name).sort() };
    },
  };
}

interface ContentEntry {
  type?: string;
  path?: string;
  name?: string;
  sha?: string;
  content?: string;
  encoding?: string;
}

/**
 * The tree of commit `sha` through GitHub's contents API (`GET /repos/{owner}/{repo}/contents/{path}?ref=`),
 * for a commit that is not in the local repository. The API answers `type: symlink` / `submodule`
 * for those entries (refused here), and for a symbolic link to a file it answers with the TARGET
 * file (another `path`): refused too. Files over 1 MB come through the blob API. 404 is absence;
 * other errors are thrown (Octokit RequestError, after the client's retries).
 * Source: GitHub REST docs, "Get repository content".
 */
export function apiCommitTree(api: { client: GitHubClient; owner: string; repo: string }, sha: string, label: string): TrustedTree {
  const get = async (path: string): Promise<ContentEntry | ContentEntry[] | undefined> => {
    try {
      const res = await api.client.rest.repos.getContent({ owner: api.owner, repo: api.repo, path, ref: sha });
      return res.data as ContentEntry | ContentEntry[];
    } catch (err) {
      if ((err as { status?: number }).status === 404) return undefined;
      throw err;
    }
  };
  const typeRefusal = (e: ContentEntry, path: string): string | undefined => {
    if (e.type === 'symlink') return refusal({ mode: '120000' }, path, label);
    if (e.type === 'submodule') return refusal({ mode: '160000' }, path, label);
    if (e.type === 'file' && e.path !== undefined && e.path !== path)
      return `${path} is a symbolic link to ${e.path} in ${label}; trusted files are read only as regular files of the trusted tree, so it is refused`;
    return undefined;
  };
  /**
   * After a 404 for `parts`: GitHub does not follow a folder that is a link, so look at the
   * folders on the way (deepest first, until one exists) to say why, instead of "absent".
   * One request in the common case (the parent folder exists).
   */
  const parentRefusal = async (parts: string[]): Promise<{ kind: 'absent' } | { kind: 'refused'; reason: string }> => {
    for (let i = parts.length - 1; i >= 1; i--) {
      const up = parts.slice(0, i).join('/');
      const data = await get(up);
      if (data === undefined) continue;
      if (Array.isArray(data)) return { kind: 'absent' };
      const why = typeRefusal(data, up);
      return why ? { kind: 'refused', reason: why } : { kind: 'absent' };
    }
    return { kind: 'absent' };
  };
  return {
    label,
    async read(path) {
      const parts = segments(path);
      if (!parts || parts.length === 0) return { kind: 'absent' };
      const data = await get(parts.join('/'));
      if (data === undefined) return parentRefusal(parts);
      if (Array.isArray(data)) return { kind: 'absent' };
      const why = typeRefusal(data, parts.join('/'));
      if (why) return { kind: 'refused', reason: why };
      if (data.type !== 'file') return { kind: 'absent' };
      let bytes: Buffer;
      if (data.encoding === 'base64' && typeof data.content === 'string' && data.content !== '') bytes = Buffer.from(data.content, 'base64');
      else if (data.sha) {
        const blob = await api.client.rest.git.getBlob({ owner: api.owner, repo: api.repo, file_sha: data.sha });
        bytes = Buffer.from(blob.data.content, (blob.data.encoding as BufferEncoding) || 'base64');
      } else return { kind: 'refused', reason: `GitHub gave no content for ${path} in ${label}` };
      try {
        return { kind: 'file', text: utf8.decode(bytes) };
      } catch {
        return { kind: 'refused', reason: `${path} in ${label} is not UTF-8 text` };
      }
    },
    async list(folder) {
      const parts = segments(folder);
      if (!parts) return { kind: 'absent' };
      // The root folder is the empty path; `getContent` needs a path, and '' lists the root.
      const data = await get(parts.join('/'));
      if (data === undefined) return parts.length > 1 ? parentRefusal(parts) : { kind: 'absent' };
      if (!Array.isArray(data)) {
        const why = typeRefusal(data, parts.join('/'));
        return why ? { kind: 'refused', reason: why } : { kind: 'absent' };
      }
      return {
        kind: 'folder',
        names: data
          .map((e) => e.name ?? '')
          .filter(Boolean)
          .sort(),
      };
    },
  };
}

/** A trusted folder as mounted: its workspace-relative POSIX path and its tree. */
export interface TrustedFolder {
  /** Workspace-relative POSIX path without `./` or a trailing `/`, e.g. `.kube-immutable-org`. */
  path: string;
  tree: TrustedTree;
}

/**
 * Open a separately checked-out trusted repository (e.g. a central policy repository checked out
 * by `actions/checkout` with `repository:` and `path:`) at `path`, relative to `workspace`.
 * Its files are read from the git objects of ITS OWN `HEAD` commit, never from its work tree.
 * Refused (a message, never thrown) when the path is absolute or leaves the workspace, when any
 * folder on the way is a symbolic link, when its `.git` is not a real folder (a submodule's
 * `.git` file points into the pull request's repository), or when git's top folder for it is not
 * the folder itself (it would be the pull request's checkout).
 */
export function openTrustedFolder(workspace: string, path: string): TrustedFolder | { problem: string } {
  const shown = JSON.stringify(path);
  const clean = posix
    .normalize(path.trim().replace(/\\/g, '/'))
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  if (clean === '' || clean === '.' || clean === '..' || clean.startsWith('../') || clean.startsWith('/') || /^[A-Za-z]:/.test(clean)) {
    return { problem: `trusted-folder ${shown} must be a folder inside the workspace (where actions/checkout puts it with path:), not the workspace itself` };
  }
  const link = firstLinkOnTheWay(workspace, clean);
  if (link) return { problem: `trusted-folder ${shown}: ${link} is a symbolic link; a trusted folder is a real checkout, so it is refused` };
  const at = resolve(workspace, clean);
  let st;
  try {
    st = lstatSync(at);
  } catch {
    return { problem: `trusted-folder ${shown} does not exist (check it out with actions/checkout, repository: and path:)` };
  }
  if (!st.isDirectory()) return { problem: `trusted-folder ${shown} is not a folder` };
  try {
    if (!lstatSync(resolve(at, '.git')).isDirectory())
      return {
        problem: `trusted-folder ${shown} has a .git file, not a .git folder (a submodule of the checked-out repository?); check it out as a repository of its own`,
      };
  } catch {
    return {
      problem: `trusted-folder ${shown} is not a git repository of its own (no .git folder); check it out with actions/checkout, repository: and path:`,
    };
  }
  const top = gitTopLevel(at);
  let real: string;
  try {
    real = realpathSync(at);
  } catch {
    return { problem: `trusted-folder ${shown} cannot be read` };
  }
  if (!top || realpathOr(top) !== real) return { problem: `trusted-folder ${shown} is not the top folder of its own git repository` };
  const tree = gitCommitTree(at, 'HEAD', `the trusted folder ${clean}`, `${clean}/`);
  if (!tree) return { problem: `trusted-folder ${shown} has no commit checked out` };
  return { path: clean, tree };
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
