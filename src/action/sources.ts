import { readFileSync } from 'node:fs';
import type { SourceFile } from '../engine/index.js';
import { firstLinkOnTheWay, resolveInside } from '../files.js';
import type { GitHubClient } from '../github/client.js';
import { gitHead, gitShow, hasCommit } from '../github/git.js';
import { fetchFileText } from '../github/pull-files.js';

/** Where file texts at a commit come from, cheapest first. */
export interface CommitReader {
  /** `workspace` (checked out at the commit), `git` (object in the local repository) or `api`. */
  via: 'workspace' | 'git' | 'api';
  /** The work tree, when `via` is `workspace`. */
  workspace?: string;
  read(path: string, blobSha?: string): Promise<string | undefined>;
  /** Why a file `read` gave undefined for is there but not text (`it is not valid UTF-8 text`), if it is. */
  whyNotText?(path: string): string | undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A reader of files at `sha`: the workspace files when the workspace is checked out at that
 * commit, else `git show` when the commit is in the local repository, else the contents API
 * (one request per file). Paths that leave the workspace (`..`), symbolic links (never followed
 * in the workspace: see {@link linkOnTheWay}) and non-UTF-8 files read as undefined. PR files are only ever read as text, never executed.
 */
export function commitReader(workspace: string, sha: string, api: { client: GitHubClient; owner: string; repo: string } | undefined): CommitReader {
  if (gitHead(workspace) === sha) {
    return {
      via: 'workspace',
      workspace,
      read: async (path) => {
        // A link in the pull request's content is never followed: it could point at .git/config
        // (where actions/checkout keeps the token) or at any file of the runner.
        if (linkOnTheWay(workspace, path)) return undefined;
        const abs = resolveInside(workspace, path);
        if (!abs) return undefined;
        try {
          return utf8.decode(readFileSync(abs));
        } catch {
          return undefined;
        }
      },
      whyNotText: (path) => {
        const abs = resolveInside(workspace, path);
        if (!abs) return undefined;
        try {
          utf8.decode(readFileSync(abs));
          return undefined;
        } catch (err) {
          return err instanceof TypeError ? 'it is not valid UTF-8 text' : undefined;
        }
      },
    };
  }
  if (hasCommit(workspace, sha)) return { via: 'git', read: async (path) => gitShow(workspace, sha, path) };
  return {
    via: 'api',
    read: async (path, blobSha) => (api ? fetchFileText(api.client, api.owner, api.repo, sha, path, blobSha) : undefined),
  };
}

/**
 * True when `path` (workspace-relative) is, or goes through, a symbolic link, or names something
 * inside `.git` (case-insensitive, as git itself refuses such paths). Missing paths are false.
 */
export function linkOnTheWay(workspace: string, path: string): boolean {
  if (path.split('/').some((part) => part.toLowerCase() === '.git')) return true;
  return firstLinkOnTheWay(workspace, path) !== undefined;
}

/**
 * Read many files with a reader. Files that cannot be read are listed in `missing` with the
 * reason (absent at the commit, outside the workspace, or the API error after its retries); a
 * file that is there but not UTF-8 is a source with `unreadable` set (the engine makes it a
 * `file-not-scanned` finding); one unreadable file never stops the others.
 */
export async function readSources(
  reader: CommitReader,
  files: readonly { path: string; blobSha?: string }[],
): Promise<{ sources: SourceFile[]; missing: Array<{ path: string; reason: string }> }> {
  const sources: SourceFile[] = [];
  const missing: Array<{ path: string; reason: string }> = [];
  for (const f of files) {
    let text: string | undefined;
    try {
      text = await reader.read(f.path, f.blobSha);
    } catch (err) {
      const status = (err as { status?: unknown }).status;
      missing.push({ path: f.path, reason: `GitHub ${typeof status === 'number' ? `answered ${status}` : 'failed'}: ${(err as Error).message}` });
      continue;
    }
    // A file that is there but not text is scanned: a file-not-scanned finding, not a warning.
    const notText = text === undefined ? reader.whyNotText?.(f.path) : undefined;
    if (notText !== undefined) sources.push({ path: f.path, text: '', unreadable: notText });
    else if (text === undefined) {
      const link = reader.via === 'workspace' && reader.workspace !== undefined && linkOnTheWay(reader.workspace, f.path);
      missing.push({ path: f.path, reason: link ? 'a symbolic link (links in the checked-out files are never followed)' : 'absent or outside the workspace' });
    } else sources.push({ path: f.path, text });
  }
  return { sources, missing };
}
