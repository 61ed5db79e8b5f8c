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
 * Load the configuration and custom policies for a pull-request run WITHOUT trusting the pull
 * request: a file is read from the base commit (local git, else the contents API); a file that is
 * not in the base commit is read from disk only when the pull request does not add or change it
 * (a separately checked-out trusted folder, e.g. an org-wide config repository). Returns the
 * settings and the trusted paths the pull request changes (their base version was used).
 * The synchronous loaders are run again until every file they asked for has been fetched.
 */
export async function loadTrustedSettings(src: TrustedSource, configPath: string | undefined): Promise<RunSettings & { changedByPr: string[] }> {
  const texts = new Map<string, string | undefined>();
  const folders = new Map<string, string[] | undefined>();
  const wantedTexts = new Set<string>();
  const wantedFolders = new Set<string>();
  const files: TrustedFiles = {
    read: (p) => (texts.has(p) ? texts.get(p) : (wantedTexts.add(p), undefined)),
    list: (f) => (folders.has(f) ? folders.get(f) : (wantedFolders.add(f), undefined)),
  };
  const baseLocal = hasCommit(src.workspace, src.baseSha);
  let settings = loadRunSettings(files, configPath);
  for (let round = 0; round < 50 && (wantedTexts.size > 0 || wantedFolders.size > 0); round++) {
    for (const p of wantedTexts) texts.set(p, await readTrusted(src, baseLocal, p));
    for (const f of wantedFolders) folders.set(f, await listTrusted(src, baseLocal, f));
    wantedTexts.clear();
    wantedFolders.clear();
    settings = loadRunSettings(files, configPath);
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
