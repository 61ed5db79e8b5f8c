import { readdirSync, readFileSync } from 'node:fs';
import { resolveInside } from '../files.js';
import type { GitHubClient } from '../github/client.js';
import { gitListFolder, gitShow, hasCommit } from '../github/git.js';
import { fetchFileText, fetchFolderNames } from '../github/pull-files.js';
import { loadRunSettings, type RunSettings, type TrustedFiles } from '../settings/load.js';

/** Where the trusted configuration of a pull-request run comes from. */
export interface TrustedSource {
  workspace: string;
  /** The pull request's base commit: configuration and custom policies are read there. */
  baseSha: string;
  /** Paths the pull request adds, changes, renames or removes (never trusted from disk). */
  changedByPr: ReadonlySet<string>;
  api: { client: GitHubClient; owner: string; repo: string } | undefined;
}

/**
 * The trusted files of one pull-request run, each fetched once (how: see
 * {@link loadTrustedSettings}). `texts` and `folders` hold every answer so far, absent files and
 * folders as undefined.
 */
export interface TrustedReader {
  /** A file's text from the trusted source, or undefined when absent or not to be trusted. */
  read(path: string): Promise<string | undefined>;
  /** A folder's entry names from the trusted source, or undefined when absent. */
  list(folder: string): Promise<string[] | undefined>;
  readonly texts: ReadonlyMap<string, string | undefined>;
  readonly folders: ReadonlyMap<string, string[] | undefined>;
}

/**
 * A reader of the trusted files of `src` with a cache, so that a file looked at before the
 * settings are loaded (the configuration file, to know whether there is one) is not fetched twice.
 * Asks git once whether the base commit is local.
 */
export function trustedReader(src: TrustedSource): TrustedReader {
  const texts = new Map<string, string | undefined>();
  const folders = new Map<string, string[] | undefined>();
  const baseLocal = hasCommit(src.workspace, src.baseSha);
  return {
    texts,
    folders,
    async read(p) {
      if (!texts.has(p)) texts.set(p, await readTrusted(src, baseLocal, p));
      return texts.get(p);
    },
    async list(f) {
      if (!folders.has(f)) folders.set(f, await listTrusted(src, baseLocal, f));
      return folders.get(f);
    },
  };
}

/**
 * Load the configuration and custom policies for a pull-request run WITHOUT trusting the pull
 * request: a file is read from the base commit (local git, else the contents API); a file that is
 * not in the base commit is read from disk only when the pull request does not add or change it
 * (a separately checked-out trusted folder, e.g. an org-wide config repository). Returns the
 * settings and the trusted paths the pull request changes (their base version was used).
 * The loader (which reads synchronously) is run again until every file it asked for has been
 * fetched. `reader` (default: a new {@link trustedReader} of `src`) may hold files already fetched.
 */
export async function loadTrustedSettings(src: TrustedSource, configPath: string | undefined, reader: TrustedReader = trustedReader(src)): Promise<RunSettings & { changedByPr: string[] }> {
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
  const changed = new Set<string>();
  for (const p of settings.filesRead) if (src.changedByPr.has(p)) changed.add(p);
  for (const [folder, names] of folders) {
    for (const p of src.changedByPr) if (p.startsWith(`${folder.replace(/\/+$/, '')}/`) && !names?.includes(p.slice(folder.length + 1))) changed.add(p);
  }
  for (const p of texts.keys()) if (src.changedByPr.has(p)) changed.add(p);
  return { ...settings, changedByPr: [...changed].sort() };
}

async function readTrusted(src: TrustedSource, baseLocal: boolean, p: string): Promise<string | undefined> {
  const fromBase = baseLocal ? gitShow(src.workspace, src.baseSha, p) : src.api ? await fetchFileText(src.api.client, src.api.owner, src.api.repo, src.baseSha, p) : undefined;
  if (fromBase !== undefined) return fromBase;
  if (src.changedByPr.has(p)) return undefined; // added by the pull request: never trusted
  const abs = resolveInside(src.workspace, p);
  if (!abs) return undefined;
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

async function listTrusted(src: TrustedSource, baseLocal: boolean, folder: string): Promise<string[] | undefined> {
  const fromBase = baseLocal ? gitListFolder(src.workspace, src.baseSha, folder) : src.api ? await fetchFolderNames(src.api.client, src.api.owner, src.api.repo, src.baseSha, folder) : undefined;
  if (fromBase !== undefined) return fromBase;
  const abs = resolveInside(src.workspace, folder);
  if (!abs) return undefined;
  try {
    const clean = folder.replace(/\/+$/, '');
    return readdirSync(abs)
      .filter((n) => !src.changedByPr.has(`${clean}/${n}`))
      .sort();
  } catch {
    return undefined;
  }
}
