import { posix } from 'node:path';
import type { GitHubClient } from '../github/client.js';
import { loadRunSettings, type RunSettings, type TrustedFiles } from '../settings/load.js';
import { apiCommitTree, gitCommitTree, openTrustedFolder, type TrustedFolder, type TrustedTree } from './trusted-tree.js';

/**
 * Where the trusted configuration of a run comes from: the git objects of one commit, plus the
 * trusted folders named by the `trusted-folder` input. NEVER the workspace's files: on a pull
 * request the workspace holds the pull request's content (symbolic links included).
 */
export interface TrustedSource {
  workspace: string;
  /** The trusted commit (full SHA): the pull request's or merge group's base, or the pushed commit. */
  sha: string;
  /** How messages name it, e.g. `base commit` or `pushed commit`. */
  role: string;
  /** For a commit that is not in the local repository: read through the contents API. */
  api: { client: GitHubClient; owner: string; repo: string } | undefined;
  /** Workspace-relative folders checked out separately from trusted repositories (the `trusted-folder` input). */
  trustedFolders: readonly string[];
}

/**
 * The trusted files of one run, each fetched once. `texts` and `folders` hold every answer so far,
 * absent (or refused) files and folders as undefined; `problems` says why anything was refused
 * (a symbolic link, a submodule, a trusted folder that is not a checkout of its own, text that is
 * not UTF-8, an API error), each once.
 */
export interface TrustedReader {
  /** A file's text (repository-relative POSIX path), or undefined when absent or refused. */
  read(path: string): Promise<string | undefined>;
  /** A folder's entry names, or undefined when absent or refused. */
  list(folder: string): Promise<string[] | undefined>;
  readonly texts: ReadonlyMap<string, string | undefined>;
  readonly folders: ReadonlyMap<string, string[] | undefined>;
  readonly problems: readonly string[];
  /** The trees files come from, for the log: `the base commit 0123456789ab via git`. */
  readonly sources: readonly string[];
  /** True when the trusted commit is read through local git objects (cheap), false through the API or not at all. */
  readonly commitIsLocal: boolean;
}

/**
 * A reader of the trusted files of `src`, with a cache. A path under a trusted folder is read from
 * that folder's own HEAD commit; every other path from the trusted commit — through local git
 * objects when the commit is local, else through the contents API at that SHA. A path that leaves
 * the repository, or a commit that can be read neither way, is refused with a problem.
 */
export function trustedReader(src: TrustedSource): TrustedReader {
  const texts = new Map<string, string | undefined>();
  const folders = new Map<string, string[] | undefined>();
  const problems: string[] = [];
  const problem = (p: string) => {
    if (!problems.includes(p)) problems.push(p);
  };
  const label = `the ${src.role} ${src.sha.slice(0, 12)}`;
  const local = gitCommitTree(src.workspace, src.sha, label);
  const commitTree: TrustedTree | undefined = local ?? (src.api && /^[0-9a-f]{40,64}$/i.test(src.sha) ? apiCommitTree(src.api, src.sha, label) : undefined);
  const sources = [`${label} via ${local ? 'git' : commitTree ? 'the contents API' : 'nothing'}`];
  const mounts: TrustedFolder[] = [];
  for (const f of src.trustedFolders) {
    const opened = openTrustedFolder(src.workspace, f);
    if ('problem' in opened) problem(opened.problem);
    else {
      mounts.push(opened);
      sources.push(`${opened.tree.label} via git`);
    }
  }
  /** The tree and the path inside it for a repository-relative path. */
  const route = (p: string): { tree: TrustedTree; path: string } | { refused: string } => {
    const clean = posix
      .normalize(p)
      .replace(/^\.\/+/, '')
      .replace(/\/+$/, '');
    if (clean === '..' || clean.startsWith('../') || clean.startsWith('/')) return { refused: `${p} is outside the repository` };
    const mount = mounts.find((m) => clean === m.path || clean.startsWith(`${m.path}/`));
    if (mount) return { tree: mount.tree, path: clean === mount.path ? '' : clean.slice(mount.path.length + 1) };
    if (!commitTree)
      return {
        refused: `${label} is not in the local git history and there is no GitHub token to read it with; check out with fetch-depth: 0 or pass github-token`,
      };
    return { tree: commitTree, path: clean === '.' ? '' : clean };
  };
  const failed = (what: string, err: unknown) => {
    const status = (err as { status?: unknown }).status;
    problem(`${what}: GitHub ${typeof status === 'number' ? `answered ${status}` : 'failed'}: ${(err as Error).message}`);
  };
  /**
   * One cached answer: `p` routed to its tree and asked with `ask`; a refusal or an API error is a
   * problem and the answer undefined.
   */
  const answer = async <T>(
    cache: Map<string, T | undefined>,
    p: string,
    verb: string,
    ask: (tree: TrustedTree, path: string) => Promise<{ kind: 'absent' } | { kind: 'refused'; reason: string } | { kind: 'file' | 'folder'; value: T }>,
  ): Promise<T | undefined> => {
    if (cache.has(p)) return cache.get(p);
    let value: T | undefined;
    const r = route(p);
    if ('refused' in r) problem(r.refused);
    else {
      try {
        const got = await ask(r.tree, r.path);
        if (got.kind === 'refused') problem(got.reason);
        else if (got.kind !== 'absent') value = got.value;
      } catch (err) {
        failed(`could not ${verb} ${p} at ${r.tree.label}`, err);
      }
    }
    cache.set(p, value);
    return value;
  };
  return {
    texts,
    folders,
    problems,
    sources,
    commitIsLocal: local !== undefined,
    read: (p) =>
      answer(texts, p, 'read', async (tree, path) => {
        const got = await tree.read(path);
        return got.kind === 'file' ? { kind: 'file', value: got.text } : got;
      }),
    list: (f) =>
      answer(folders, f, 'list', async (tree, path) => {
        const got = await tree.list(path);
        return got.kind === 'folder' ? { kind: 'folder', value: got.names } : got;
      }),
  };
}

/**
 * Load the configuration and custom policies from trusted git objects only (see
 * {@link trustedReader}): nothing is read from the workspace, so a pull request that changes,
 * adds, links or hides a configuration or policy file changes nothing that runs. The loader (which
 * reads synchronously) is run again until every file it asked for has been fetched (at most 50
 * rounds: one per level of `extends` or of imports). Returns the settings, with the reader's
 * problems (refused links, submodules, API errors) among `problems`, and `changedByPr`: the
 * trusted paths read (or looked for) that `changed` — the pull request's changed paths — names,
 * for a notice; trust never depends on that list (it may be cut at GitHub's 3,000 files).
 * `reader` (default: a new {@link trustedReader} of `src`) may hold files already fetched.
 */
export async function loadTrustedSettings(
  src: TrustedSource,
  configPath: string | undefined,
  reader: TrustedReader = trustedReader(src),
  changed: ReadonlySet<string> = new Set(),
): Promise<RunSettings & { changedByPr: string[] }> {
  const { texts, folders } = reader;
  const wantedTexts = new Set<string>();
  const wantedFolders = new Set<string>();
  const files: TrustedFiles = {
    read: (p) => (texts.has(p) ? texts.get(p) : (wantedTexts.add(p), undefined)),
    list: (f) => (folders.has(f) ? folders.get(f) : (wantedFolders.add(f), undefined)),
  };
  let settings = await loadRunSettings(files, configPath);
  for (let round = 0; round < 50 && (wantedTexts.size > 0 || wantedFolders.size > 0); round++) {
    for (const p of wantedTexts) await reader.read(p);
    for (const f of wantedFolders) await reader.list(f);
    wantedTexts.clear();
    wantedFolders.clear();
    settings = await loadRunSettings(files, configPath);
  }
  const touched = new Set<string>();
  for (const p of texts.keys()) if (changed.has(p)) touched.add(p);
  for (const folder of folders.keys()) {
    const prefix = `${folder.replace(/\/+$/, '')}/`;
    for (const p of changed) if (p.startsWith(prefix)) touched.add(p);
  }
  return { ...settings, problems: [...reader.problems, ...settings.problems], changedByPr: [...touched].sort() };
}
