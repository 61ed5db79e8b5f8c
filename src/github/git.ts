import { execFileSync } from 'node:child_process';

/**
 * Read-only git queries on the workspace. Arguments are passed as an array (never through a
 * shell); `--no-textconv --no-ext-diff` keep diff drivers from running anything the repository's
 * attributes name. Every function returns undefined (or false) instead of throwing when git is
 * missing, the folder is not a repository, or the object is absent.
 */
function git(cwd: string, args: string[], maxBuffer = 256 * 1024 * 1024): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** The commit checked out in the workspace (`git rev-parse HEAD`). */
export function gitHead(cwd: string): string | undefined {
  return git(cwd, ['rev-parse', 'HEAD'])?.trim() || undefined;
}

/** True when the commit object is present locally. */
export function hasCommit(cwd: string, sha: string): boolean {
  return /^[0-9a-f]{7,64}$/i.test(sha) && git(cwd, ['cat-file', '-e', `${sha}^{commit}`]) !== undefined;
}

/** A file's text at a commit (`git show <sha>:<path>`), or undefined when absent. */
export function gitShow(cwd: string, sha: string, path: string): string | undefined {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return undefined;
  return git(cwd, ['show', '--no-textconv', `${sha}:${path}`]);
}

/** One file changed between two commits, as `git diff` reports it. */
export interface GitChange {
  path: string;
  previousPath: string | undefined;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed';
  /** The unified diff from the first `@@` (the form of GitHub's `patch` field); undefined for binary files. */
  patch: string | undefined;
}

const STATUS: Record<string, GitChange['status']> = { A: 'added', M: 'modified', D: 'removed', R: 'renamed', C: 'copied', T: 'changed' };

/** The files changed from `base` to `head` with their patches (3 lines of context), or undefined. */
export function gitChanges(cwd: string, base: string, head: string): GitChange[] | undefined {
  if (!hasCommit(cwd, base) || !hasCommit(cwd, head)) return undefined;
  const out = git(cwd, ['diff', '--no-textconv', '--no-ext-diff', '--no-color', '-M', '-U3', '-z', '--name-status', base, head]);
  if (out === undefined) return undefined;
  const parts = out.split('\0').filter((p) => p !== '');
  const changes: GitChange[] = [];
  for (let i = 0; i < parts.length;) {
    const code = parts[i++]!;
    const kind = STATUS[code[0]!] ?? 'changed';
    if (kind === 'renamed' || kind === 'copied') {
      const from = parts[i++]!;
      const to = parts[i++]!;
      changes.push({ path: to, previousPath: from, status: kind, patch: undefined });
    } else changes.push({ path: parts[i++]!, previousPath: undefined, status: kind, patch: undefined });
  }
  for (const c of changes) {
    if (c.status === 'removed') continue;
    const diff = git(cwd, [
      'diff',
      '--no-textconv',
      '--no-ext-diff',
      '--no-color',
      '-M',
      '-U3',
      base,
      head,
      '--',
      ...(c.previousPath ? [c.previousPath] : []),
      c.path,
    ]);
    const at = diff?.indexOf('\n@@');
    c.patch = diff && at !== undefined && at !== -1 ? diff.slice(at + 1) : undefined;
  }
  return changes;
}

/** One entry of a git tree object (`git ls-tree`): mode as git prints it (`100644`, `100755`, `040000`, `120000`, `160000`). */
export interface GitTreeEntry {
  name: string;
  mode: string;
  /** `blob`, `tree` or `commit` (a submodule's gitlink). */
  type: string;
  oid: string;
}

/**
 * The entries of a tree (`git ls-tree -z <treeish>`): `treeish` is a commit or tree id (hex, 7 to
 * 64 digits). Undefined when git fails or the object is absent. Paths are never given to git as
 * pathspecs: callers walk trees one component at a time, so no name is ever read as a pattern.
 */
export function gitTreeEntries(cwd: string, treeish: string): GitTreeEntry[] | undefined {
  if (!/^[0-9a-f]{7,64}$/i.test(treeish)) return undefined;
  const out = git(cwd, ['ls-tree', '-z', '--full-tree', treeish]);
  if (out === undefined) return undefined;
  const entries: GitTreeEntry[] = [];
  for (const rec of out.split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(rec);
    if (m) entries.push({ mode: m[1]!, type: m[2]!, oid: m[3]!, name: m[4]! });
  }
  return entries;
}

/** A blob's bytes (`git cat-file blob <oid>`), or undefined when absent. */
export function gitBlob(cwd: string, oid: string): Buffer | undefined {
  if (!/^[0-9a-f]{7,64}$/i.test(oid)) return undefined;
  try {
    return execFileSync('git', ['cat-file', 'blob', oid], { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** The commit a revision names (`git rev-parse --verify <rev>^{commit}`), or undefined. Only `HEAD` or hex ids are accepted. */
export function gitCommitOf(cwd: string, rev: string): string | undefined {
  if (rev !== 'HEAD' && !/^[0-9a-f]{7,64}$/i.test(rev)) return undefined;
  return git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])?.trim() || undefined;
}

/** The top folder of the work tree `cwd` is in (`git rev-parse --show-toplevel`), or undefined. */
export function gitTopLevel(cwd: string): string | undefined {
  return git(cwd, ['rev-parse', '--show-toplevel'])?.trim() || undefined;
}

/** One leaf of a commit's tree, listed recursively (`git ls-tree -r -l`): a blob (regular file or link) or a submodule. */
export interface GitTreeFile {
  /** Repository-relative POSIX path, as git stores it. */
  path: string;
  /** Git's mode: `100644`, `100755` (regular files), `120000` (symbolic link), `160000` (submodule). */
  mode: string;
  /** `blob`, or `commit` for a submodule's gitlink. */
  type: string;
  oid: string;
  /** Size in bytes of a blob; undefined for a submodule. */
  size: number | undefined;
}

/**
 * Every leaf of the tree of `commit` (hex id, 7 to 64 digits) in the local repository at `cwd`:
 * `git ls-tree -r -l -z --full-tree`, no pathspec (nothing read as a pattern), folders not listed.
 * Undefined when git fails or the commit is absent. Source of the format: git-ls-tree(1), "OUTPUT
 * FORMAT" (`<mode> SP <type> SP <object> SP <object size> TAB <file>`, the size padded, `-` for a
 * non-blob).
 */
export function gitTreeFiles(cwd: string, commit: string): GitTreeFile[] | undefined {
  if (!/^[0-9a-f]{7,64}$/i.test(commit)) return undefined;
  const out = git(cwd, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit]);
  if (out === undefined) return undefined;
  const files: GitTreeFile[] = [];
  for (const rec of out.split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(rec);
    if (m) files.push({ mode: m[1]!, type: m[2]!, oid: m[3]!, size: m[4] === '-' ? undefined : Number(m[4]), path: m[5]! });
  }
  return files;
}
