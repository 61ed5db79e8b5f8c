/**
 * A commit's files through GitHub's git database API, for a commit that is not in the local
 * repository: the tree listed once, recursively (`GET /repos/{owner}/{repo}/git/trees/{tree_sha}?recursive=1`),
 * and blobs by id (`GET /repos/{owner}/{repo}/git/blobs/{file_sha}`). Source: GitHub REST docs,
 * "Git trees" ("Get a tree": `tree_sha` may name a commit; `truncated` when the listing passes
 * 100,000 entries or 7 MB) and "Git blobs". API errors are thrown as Octokit RequestErrors (after
 * the client's retries).
 */
import type { GitHubClient } from './client.js';
import type { GitTreeFile } from './git.js';

/**
 * Every leaf (blob or submodule) of the tree of commit `sha`, folders left out; `truncated` when
 * GitHub did not list them all. A 404 (no such commit) gives undefined.
 */
export async function fetchTreeFiles(
  client: GitHubClient,
  owner: string,
  repo: string,
  sha: string,
): Promise<{ files: GitTreeFile[]; truncated: boolean } | undefined> {
  let data;
  try {
    ({ data } = await client.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: '1' }));
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw err;
  }
  const files: GitTreeFile[] = [];
  for (const e of data.tree) {
    if (e.type === 'tree' || typeof e.path !== 'string' || typeof e.mode !== 'string' || typeof e.sha !== 'string' || typeof e.type !== 'string') continue;
    files.push({ path: e.path, mode: e.mode, type: e.type, oid: e.sha, size: e.type === 'blob' ? e.size : undefined });
  }
  return { files, truncated: data.truncated };
}

/** A blob's bytes by its id (base64 as GitHub sends it). A 404 gives undefined. */
export async function fetchBlob(client: GitHubClient, owner: string, repo: string, oid: string): Promise<Buffer | undefined> {
  try {
    const { data } = await client.rest.git.getBlob({ owner, repo, file_sha: oid });
    return Buffer.from(data.content, (data.encoding as BufferEncoding) || 'base64');
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw err;
  }
}
