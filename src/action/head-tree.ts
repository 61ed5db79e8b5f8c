/**
 * The files the renders of a pull request need, materialised from git objects of its head
 * commit — never from the workspace, which may hold another commit (actions/checkout checks out
 * the merge commit by default), nothing (a job without checkout), or files a step wrote. Every
 * file is read as a blob (nothing is run): through the local repository when it holds the head
 * commit, else through GitHub's git database API (src/github/trees.ts). Only regular files (modes
 * 100644, 100755) are written, into a fresh temporary folder that becomes the render's
 * `repoRoot`; symbolic links (120000) and submodules (160000) are never written nor followed:
 * they are refused paths (src/render/refused.ts), and the charts and roots holding them are not
 * rendered, as the copy code refuses a link on disk. Source of the modes: gitformat-index,
 * "object type and permissions".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { firstLinkOnTheWay } from '../files.js';
import type { GitHubClient } from '../github/client.js';
import { gitBlob, gitTreeFiles, hasCommit, type GitTreeFile } from '../github/git.js';
import { fetchBlob, fetchTreeFiles } from '../github/trees.js';
import { analyseKustomize, isKustomizationFile, kustomizeClosure, kustomizeRootsFor } from '../render/kustomize.js';
import type { RefusedPath } from '../render/refused.js';

/** At most this many files are read for the renders of one run (as a chart's copy: src/render/helm.ts MAX_CHART_FILES). */
export const MAX_HEAD_FILES = 10_000;
/** At most this many bytes are read for the renders of one run (as a chart's copy: src/render/helm.ts MAX_CHART_BYTES). */
export const MAX_HEAD_BYTES = 64 * 1024 * 1024;

/** A commit's files as git objects: its tree listed once, blobs read by id. */
export interface CommitObjects {
  /** How messages name the commit: `the head commit 0123456789ab`. */
  label: string;
  /** Every leaf of the commit's tree, or why it cannot be listed. Throws only for API errors after retries. */
  list(): Promise<{ files: GitTreeFile[] } | { problem: string }>;
  /** A blob's bytes, undefined when absent. Throws only for API errors after retries. */
  blob(oid: string): Promise<Buffer | undefined>;
}

/**
 * The objects of commit `sha`: the local repository at `workspace` when it holds the commit
 * (a checkout at the head, or one that fetched it), else GitHub's API (`api`; undefined: the
 * commit cannot be read).
 */
export function commitObjects(workspace: string, sha: string, api: { client: GitHubClient; owner: string; repo: string } | undefined): CommitObjects {
  const label = `the head commit ${sha.slice(0, 12)}`;
  if (hasCommit(workspace, sha)) {
    return {
      label,
      list: async () => {
        const files = gitTreeFiles(workspace, sha);
        return files ? { files } : { problem: `git could not list the tree of ${label}` };
      },
      blob: async (oid) => gitBlob(workspace, oid),
    };
  }
  return {
    label,
    list: async () => {
      if (!api) return { problem: `${label} is not in the local repository` };
      const r = await fetchTreeFiles(api.client, api.owner, api.repo, sha);
      if (!r) return { problem: `GitHub does not know ${label}` };
      if (r.truncated) return { problem: `GitHub lists only part of the tree of ${label} (more than 100,000 entries or 7 MB)` };
      return { files: r.files };
    },
    blob: async (oid) => (api ? fetchBlob(api.client, api.owner, api.repo, oid) : undefined),
  };
}

/** What {@link materialiseRenderTree} wrote. */
export interface MaterialisedTree {
  /** The temporary folder holding the files (the render's `repoRoot`); remove it with {@link cleanup}. */
  dir: string;
  /** Repository-relative path → text of every file written (`'\0'` for a file holding NUL, `''` for one that is not UTF-8), and `''` for each refused path. */
  tree: Map<string, string>;
  /** The paths not written, with why (src/render/refused.ts): links, submodules, past the budgets, unsafe paths. */
  refused: Map<string, RefusedPath>;
  /** How many files were written, and their bytes. */
  read: { files: number; bytes: number };
  cleanup(): void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a file for the render layer's tree, as src/files.ts collectFiles reads it. */
function textOf(bytes: Buffer): string {
  if (bytes.includes(0)) return '\u0000';
  try {
    return utf8.decode(bytes);
  } catch {
    return '';
  }
}

/** Why a path of a git tree is not written, or undefined when it is a plain relative path. */
function unsafePath(path: string): string | undefined {
  const parts = path.split('/');
  if (parts.some((s) => s === '' || s === '.' || s === '..')) return 'is not a plain relative path';
  if (parts.some((s) => s.toLowerCase() === '.git')) return 'names a .git folder';
  if (/[\\\0]/.test(path)) return 'holds a backslash or NUL';
  return undefined;
}

/** True when `path` is `dir` or inside it (`''`: the whole tree). */
const inside = (dir: string, path: string) => dir === '' || path.startsWith(`${dir}/`);

/**
 * Write the files the renders of `changed` (repository-relative paths of the pull request) need,
 * from `objects`, into a temporary folder: every file of each Helm chart folder (a folder holding
 * a `Chart.yaml`) that holds a changed file, and every kustomization file of the commit with the
 * files of the closure of each Kustomize root whose closure holds a changed file
 * (src/render/kustomize.ts, computed on the kustomizations first). Refused, never written
 * (`refused`, with the reason): symbolic links and submodules, paths with `..`, `.git` or a
 * backslash, a path that collides with another on this file system, files past `budget`
 * (default {@link MAX_HEAD_FILES} files, {@link MAX_HEAD_BYTES} bytes; in path order).
 * `valuesFiles` (chart folder → the values files its render profiles name, repository-relative):
 * a chart is needed when one of them changed too, and they are written with it. Undefined when the commit
 * holds no `Chart.yaml` nor kustomization file; `{ problem }` when its tree cannot be listed.
 * Throws only for API errors after retries (the folder is removed then).
 */
export async function materialiseRenderTree(
  objects: CommitObjects,
  changed: ReadonlySet<string>,
  budget: { files: number; bytes: number } = { files: MAX_HEAD_FILES, bytes: MAX_HEAD_BYTES },
  valuesFiles: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<MaterialisedTree | { problem: string } | undefined> {
  const listed = await objects.list();
  if ('problem' in listed) return listed;
  const byPath = new Map(listed.files.map((f) => [f.path, f]));
  const chartDirs = listed.files.filter((f) => posix.basename(f.path) === 'Chart.yaml').map((f) => posix.dirname(f.path).replace(/^\.$/, ''));
  const kustomizations = listed.files.filter((f) => isKustomizationFile(f.path));
  if (chartDirs.length === 0 && kustomizations.length === 0) return undefined;

  const dir = mkdtempSync(join(tmpdir(), 'kube-immutable-head-'));
  const tree = new Map<string, string>();
  const refused = new Map<string, RefusedPath>();
  const read = { files: 0, bytes: 0 };
  const size = budget.bytes % (1024 * 1024) === 0 ? `${budget.bytes / 1024 / 1024} MiB` : `${budget.bytes} bytes`;
  const pastBudget = `passes the budget of files read for renders (${budget.files} files, ${size}): not rendered`;
  const refuse = (path: string, kind: RefusedPath['kind'], why: string) => {
    refused.set(path, { kind, reason: `${path} ${why}` });
    tree.set(path, '');
  };
  /** Read and write one listed file, or refuse it. */
  const take = async (f: GitTreeFile): Promise<void> => {
    if (tree.has(f.path)) return;
    if (f.mode === '120000')
      return refuse(
        f.path,
        'link',
        `is a symbolic link in ${objects.label}: kube-immutable never follows links, so it is not rendered (commit the file itself)`,
      );
    if (f.mode === '160000' || f.type !== 'blob')
      return refuse(f.path, 'other', `is a submodule in ${objects.label}: files of another repository are never read, so it is not rendered`);
    if (f.mode !== '100644' && f.mode !== '100755')
      return refuse(f.path, 'other', `has the git mode ${f.mode} in ${objects.label}, not a regular file's: not rendered`);
    const unsafe = unsafePath(f.path);
    if (unsafe) return refuse(f.path, 'other', `${unsafe}: it is never written, so it is not rendered`);
    if (read.files + 1 > budget.files || read.bytes + (f.size ?? 0) > budget.bytes) return refuse(f.path, 'other', pastBudget);
    const bytes = await objects.blob(f.oid);
    if (bytes === undefined) return refuse(f.path, 'other', `could not be read from ${objects.label}: not rendered`);
    if (read.bytes + bytes.length > budget.bytes) return refuse(f.path, 'other', pastBudget);
    // Only folders this function made are on the way (no link is ever written); a name that
    // collides with another on a case-insensitive file system is refused, never overwritten.
    try {
      mkdirSync(join(dir, posix.dirname(f.path)), { recursive: true });
      if (firstLinkOnTheWay(dir, f.path) !== undefined) throw new Error('a link on the way');
      writeFileSync(join(dir, f.path), bytes, { flag: 'wx', mode: 0o600 });
    } catch {
      return refuse(f.path, 'other', `collides with another path of ${objects.label} on this file system: not rendered`);
    }
    read.files++;
    read.bytes += bytes.length;
    tree.set(f.path, textOf(bytes));
  };
  try {
    // 1. Every kustomization (a changed base is built through the overlays that reference it).
    for (const k of kustomizations.sort((a, b) => (a.path < b.path ? -1 : 1))) await take(k);
    // 2. The closures of the roots that hold a changed file, computed on the kustomizations and
    //    the commit's paths (a listed path tells a file from a folder).
    const skeleton = new Map<string, string>([...listed.files.map((f) => [f.path, ''] as [string, string]), ...tree]);
    const analysis = analyseKustomize(skeleton);
    const wanted = new Set<string>();
    for (const root of kustomizeRootsFor(analysis, changed)) {
      const c = kustomizeClosure(analysis, root);
      for (const p of [...c.kustomizations, ...c.files]) {
        // The path, or the link or submodule on its way (git lists no file below one).
        const parts = p.split('/');
        for (let i = 1; i <= parts.length; i++) if (byPath.has(parts.slice(0, i).join('/'))) wanted.add(parts.slice(0, i).join('/'));
      }
    }
    // 3. Each chart folder holding a changed file, whole (a subchart comes with its parent).
    //    A chart one of whose render profiles' values files changed is one too, and those files come with it.
    const charts = chartDirs.filter((d) => [...changed].some((p) => inside(d, p) || valuesFiles.get(d)?.includes(p)));
    for (const f of listed.files) if (charts.some((d) => inside(d, f.path) || valuesFiles.get(d)?.includes(f.path))) wanted.add(f.path);
    for (const p of [...wanted].sort()) await take(byPath.get(p)!);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, tree, refused, read, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
