/**
 * Builds a pull request fixture from a REAL git repository: base and head commits in a temp folder, the PR
 * file list with `patch` taken from `git diff -M --unified=3`, blob shas from git, the webhook event payload
 * (GitHub's own `pull_request` example, adjusted) and the server state for `startGitHubApiServer`.
 *
 * `head` is a delta over `base`: a path maps to its new text, or to `null` when the PR removes it; paths
 * not named in `head` keep their base content. `renames` maps new path → old path (`git mv`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileStatus, GitHubState, PullFile, StoredFile, User } from './types.js';

/** A file of a fixture: its text, or a symbolic link to `symlink` (git stores mode 120000). */
export type FixtureFile = string | { symlink: string };

export interface PullRequestFixtureOptions {
  base: Record<string, FixtureFile>;
  head: Record<string, FixtureFile | null>;
  renames?: Record<string, string>;
  /** Paths whose `patch` GitHub omits (binary or too large diff). */
  binary?: string[];
  owner?: string;
  repo?: string;
  number?: number;
  /** Head comes from a fork (`head.repo.fork: true`, other owner): the token is read-only on GitHub. */
  fork?: boolean;
  action?: 'opened' | 'synchronize';
}

export interface PullRequestFixture {
  /** The git work tree, checked out at head. */
  dir: string;
  headSha: string;
  baseSha: string;
  owner: string;
  repo: string;
  number: number;
  /** JSON event payload file (for `GITHUB_EVENT_PATH`). */
  eventPath: string;
  event: Record<string, unknown>;
  files: PullFile[];
  /** A fresh server state (no reviews or comments yet) each call. */
  state(): GitHubState;
  /** Removes the temp folders. */
  cleanup(): void;
}

export const BOT: User = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
const HEAD_REF = 'feature';
const BASE_REF = 'main';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' },
  });
}

function initRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kube-immutable-pr-'));
  git(dir, 'init', '-q', '-b', BASE_REF);
  for (const [k, v] of [
    ['user.name', 'Fixture Bot'],
    ['user.email', 'fixture@example.invalid'],
    ['commit.gpgsign', 'false'],
    ['core.autocrlf', 'false'],
  ]) {
    git(dir, 'config', k, v);
  }
  return dir;
}

function writeFiles(dir: string, files: Record<string, FixtureFile>) {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    if (typeof text === 'string') writeFileSync(join(dir, p), text);
    else {
      // A link replaces whatever is there, a folder included (the PR turns `.github` into a link).
      rmSync(join(dir, p), { recursive: true, force: true });
      symlinkSync(text.symlink, join(dir, p));
    }
  }
}

function commit(dir: string, message: string): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '--no-verify', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

function lsTree(dir: string, commitSha: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rec of git(dir, 'ls-tree', '-r', '-z', commitSha).split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(rec);
    if (m) out.set(m[2], m[1]);
  }
  return out;
}

/** The `patch` GitHub shows: the diff from its first `@@`, without the trailing newline. */
export function patchOf(section: string): string | undefined {
  const at = section.search(/^@@ /m);
  return at < 0 ? undefined : section.slice(at).replace(/\n$/, '');
}

function countLines(patch: string | undefined): { additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const l of patch?.split('\n') ?? []) {
    if (l.startsWith('+')) additions++;
    else if (l.startsWith('-')) deletions++;
  }
  return { additions, deletions };
}

const STATUS: Record<string, FileStatus> = { A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' };

function diffFiles(dir: string, baseSha: string, headSha: string, heads: Map<string, string>, bases: Map<string, string>, binary: Set<string>): PullFile[] {
  const tokens = git(dir, 'diff', '-M', '--name-status', '-z', baseSha, headSha).split('\0').filter(Boolean);
  const sections = git(dir, 'diff', '-M', '--unified=3', '--no-color', '--no-ext-diff', baseSha, headSha)
    .split(/^(?=diff --git )/m)
    .filter(Boolean);
  const files: PullFile[] = [];
  for (let i = 0; i < tokens.length;) {
    const code = tokens[i++];
    if (!code) break;
    const twoPaths = code[0] === 'R' || code[0] === 'C';
    const from = twoPaths ? tokens[i++] : undefined;
    const filename = tokens[i++];
    const status = STATUS[code[0]] ?? 'modified';
    const section = sections[files.length] ?? '';
    const patch = binary.has(filename) ? undefined : patchOf(section);
    const { additions, deletions } = countLines(patchOf(section));
    const f: PullFile = {
      sha: (status === 'removed' ? bases : heads).get(filename) ?? '',
      filename,
      status,
      additions,
      deletions,
      changes: additions + deletions,
    };
    if (patch !== undefined) f.patch = patch;
    if (from !== undefined) f.previous_filename = from;
    files.push(f);
  }
  return files;
}

/** git's blob id of some bytes (what `git hash-object` prints). */
export function gitBlobSha(content: Buffer | string): string {
  const buf = Buffer.from(content);
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}

function storeTree(texts: Record<string, FixtureFile>, blobs: Record<string, Buffer>): Record<string, StoredFile> {
  const tree: Record<string, StoredFile> = {};
  for (const [p, text] of Object.entries(texts)) {
    const content = Buffer.from(typeof text === 'string' ? text : text.symlink);
    const sha = gitBlobSha(content);
    tree[p] = typeof text === 'string' ? { sha, content } : { sha, content, mode: '120000' };
    blobs[sha] = content;
  }
  return tree;
}

let examples: Array<{ action: string; pull_request: Record<string, unknown> }> | undefined;

/** GitHub's own `pull_request` webhook example for `action`, deep-copied and pointed at this PR. */
export function pullRequestEvent(o: {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  fork?: boolean;
  action?: 'opened' | 'synchronize';
  files: PullFile[];
}): Record<string, unknown> {
  if (!examples) {
    const index = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as Array<{ name: string; examples: typeof examples }>;
    examples = index.find((e) => e.name === 'pull_request')!.examples;
  }
  const action = o.action ?? 'opened';
  const event = structuredClone(examples!.find((e) => e.action === action)!) as Record<string, any>;
  const fullName = `${o.owner}/${o.repo}`;
  const repository = event.repository;
  Object.assign(repository, {
    name: o.repo,
    full_name: fullName,
    html_url: `https://github.com/${fullName}`,
    url: `https://api.github.com/repos/${fullName}`,
    default_branch: BASE_REF,
    fork: false,
  });
  Object.assign(repository.owner, { login: o.owner, html_url: `https://github.com/${o.owner}` });
  const pr = event.pull_request;
  const headOwner = o.fork ? `${o.owner}-fork` : o.owner;
  const headRepo = structuredClone(repository);
  if (o.fork) {
    Object.assign(headRepo, {
      full_name: `${headOwner}/${o.repo}`,
      fork: true,
      html_url: `https://github.com/${headOwner}/${o.repo}`,
      url: `https://api.github.com/repos/${headOwner}/${o.repo}`,
    });
    Object.assign(headRepo.owner, { login: headOwner, html_url: `https://github.com/${headOwner}` });
  }
  Object.assign(pr.head, { sha: o.headSha, ref: HEAD_REF, label: `${headOwner}:${HEAD_REF}`, repo: headRepo, user: headRepo.owner });
  Object.assign(pr.base, { sha: o.baseSha, ref: BASE_REF, label: `${o.owner}:${BASE_REF}`, repo: structuredClone(repository), user: repository.owner });
  const sum = (k: 'additions' | 'deletions') => o.files.reduce((n, f) => n + f[k], 0);
  Object.assign(pr, {
    number: o.number,
    url: `https://api.github.com/repos/${fullName}/pulls/${o.number}`,
    html_url: `https://github.com/${fullName}/pull/${o.number}`,
    diff_url: `https://github.com/${fullName}/pull/${o.number}.diff`,
    changed_files: o.files.length,
    additions: sum('additions'),
    deletions: sum('deletions'),
    commits: 1,
  });
  event.number = o.number;
  return event;
}

function finish(o: {
  dir: string;
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  files: PullFile[];
  fork?: boolean;
  action?: 'opened' | 'synchronize';
  baseTexts: Record<string, FixtureFile>;
  headTexts: Record<string, FixtureFile>;
}): PullRequestFixture {
  const event = pullRequestEvent(o);
  const eventDir = mkdtempSync(join(tmpdir(), 'kube-immutable-event-'));
  const eventPath = join(eventDir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event, null, 2));
  return {
    dir: o.dir,
    headSha: o.headSha,
    baseSha: o.baseSha,
    owner: o.owner,
    repo: o.repo,
    number: o.number,
    eventPath,
    event,
    files: o.files,
    state() {
      const blobs: Record<string, Buffer> = {};
      const base = storeTree(o.baseTexts, blobs);
      const head = storeTree(o.headTexts, blobs);
      return {
        owner: o.owner,
        repo: o.repo,
        pullRequest: structuredClone(event.pull_request) as GitHubState['pullRequest'],
        files: structuredClone(o.files),
        trees: { [o.baseSha]: base, [BASE_REF]: base, [o.headSha]: head, [HEAD_REF]: head },
        blobs,
        defaultRef: BASE_REF,
        reviews: [],
        reviewComments: [],
        issueComments: [],
        user: { ...BOT },
      };
    },
    cleanup() {
      rmSync(o.dir, { recursive: true, force: true });
      rmSync(eventDir, { recursive: true, force: true });
    },
  };
}

export function createPullRequestFixture(opts: PullRequestFixtureOptions): PullRequestFixture {
  const owner = opts.owner ?? 'octo-org';
  const repo = opts.repo ?? 'deployments';
  const number = opts.number ?? 42;
  const dir = initRepo();
  writeFiles(dir, opts.base);
  const baseSha = commit(dir, 'base');
  git(dir, 'checkout', '-q', '-b', HEAD_REF);
  const headTexts: Record<string, FixtureFile> = { ...opts.base };
  for (const [to, from] of Object.entries(opts.renames ?? {})) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    git(dir, 'mv', from, to);
    headTexts[to] = headTexts[from];
    delete headTexts[from];
  }
  for (const [p, text] of Object.entries(opts.head)) {
    if (text === null) {
      rmSync(join(dir, p), { force: true });
      delete headTexts[p];
    } else {
      // A link over a folder hides the folder's files.
      if (typeof text !== 'string') for (const q of Object.keys(headTexts)) if (q.startsWith(`${p}/`)) delete headTexts[q];
      headTexts[p] = text;
    }
  }
  writeFiles(dir, Object.fromEntries(Object.entries(opts.head).filter((e): e is [string, FixtureFile] => e[1] !== null)));
  const headSha = commit(dir, 'head');
  const files = diffFiles(dir, baseSha, headSha, lsTree(dir, headSha), lsTree(dir, baseSha), new Set(opts.binary ?? []));
  return finish({ dir, owner, repo, number, headSha, baseSha, files, fork: opts.fork, action: opts.action, baseTexts: opts.base, headTexts });
}

/**
 * A PR adding `count` generated manifests (default 3,100: beyond GitHub's 3,000-file listing cap). The
 * work tree is written and committed in ONE git commit on top of an empty base (fast even for thousands
 * of files), but the file list and patches are synthesized rather than diffed file by file: every file is
 * `added` with `@@ -0,0 +1,N @@`, and its `sha` is git's blob id, equal to what git stored.
 */
export function createLargePullRequestFixture(
  opts: {
    count?: number;
    owner?: string;
    repo?: string;
    number?: number;
    content?: (i: number) => string;
    files?: Record<string, string>;
    base?: Record<string, string>;
  } = {},
): PullRequestFixture {
  const count = opts.count ?? 3100;
  const content = opts.content ?? ((i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  k: v\n`);
  const dir = initRepo();
  // `base`: files of the base commit; `files`: the files the pull request adds (instead of generated ConfigMaps).
  writeFiles(dir, opts.base ?? {});
  const baseSha = commit(dir, 'base');
  git(dir, 'checkout', '-q', '-b', HEAD_REF);
  const headTexts: Record<string, string> = {};
  if (opts.files) Object.assign(headTexts, opts.files);
  else for (let i = 0; i < count; i++) headTexts[`manifests/cm-${String(i).padStart(5, '0')}.yaml`] = content(i);
  writeFiles(dir, headTexts);
  const headSha = commit(dir, 'head');
  const files: PullFile[] = Object.entries(headTexts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([filename, text]) => {
      const lines = text.replace(/\n$/, '').split('\n');
      const patch = `@@ -0,0 +1${lines.length === 1 ? '' : `,${lines.length}`} @@\n${lines.map((l) => `+${l}`).join('\n')}${text.endsWith('\n') ? '' : '\n\\ No newline at end of file'}`;
      return { sha: gitBlobSha(text), filename, status: 'added' as const, additions: lines.length, deletions: 0, changes: lines.length, patch };
    });
  return finish({
    dir,
    owner: opts.owner ?? 'octo-org',
    repo: opts.repo ?? 'deployments',
    number: opts.number ?? 42,
    headSha,
    baseSha,
    files,
    baseTexts: opts.base ?? {},
    headTexts: { ...opts.base, ...headTexts },
  });
}
