import type { GitHubClient } from './client.js';

/** GitHub lists at most this many files of a pull request. Source: REST docs, "List pull requests files". */
export const PULL_FILES_CAP = 3000;

/** One changed file of a pull request (`pulls.listFiles`). */
export interface ChangedFile {
  /** Path at the head (the new path of a renamed file). */
  path: string;
  previousPath: string | undefined;
  status: string;
  /** Blob SHA at the head. */
  blobSha: string;
  /** Unified diff from the first `@@`; missing for binary or very large diffs. */
  patch: string | undefined;
}

/**
 * List a pull request's files, 100 a page (`per_page` maximum), up to GitHub's 3,000-file cap.
 * `capped` is true when the list reached the cap (more files may have changed). API errors are
 * thrown as Octokit RequestErrors.
 */
export async function listPullFiles(client: GitHubClient, owner: string, repo: string, pullNumber: number): Promise<{ files: ChangedFile[]; capped: boolean }> {
  const raw = await client.paginate(client.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 });
  const files = raw.map((f) => ({
    path: f.filename,
    previousPath: f.previous_filename ?? undefined,
    status: f.status,
    blobSha: f.sha ?? '',
    patch: f.patch ?? undefined,
  }));
  return { files, capped: files.length >= PULL_FILES_CAP };
}

/**
 * A file's text at a commit through the API (`repos.getContent` with `ref`), for files the
 * workspace does not hold. Undefined when the file does not exist there (404). Decodes base64;
 * falls back to the blob API for files over 1 MB (the contents API returns no content then).
 */
export async function fetchFileText(
  client: GitHubClient,
  owner: string,
  repo: string,
  ref: string,
  path: string,
  blobSha?: string,
): Promise<string | undefined> {
  try {
    const res = await client.rest.repos.getContent({ owner, repo, path, ref });
    const data = res.data as { type?: string; content?: string; encoding?: string; sha?: string };
    if (data.type === 'file' && data.encoding === 'base64' && typeof data.content === 'string' && data.content !== '') {
      return Buffer.from(data.content, 'base64').toString('utf8');
    }
    const sha = blobSha ?? data.sha;
    if (!sha) return undefined;
    const blob = await client.rest.git.getBlob({ owner, repo, file_sha: sha });
    return Buffer.from(blob.data.content, (blob.data.encoding as BufferEncoding) || 'base64').toString('utf8');
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw err;
  }
}

/**
 * The files changed between two commits through the compare API (`repos.compareCommitsWithBasehead`):
 * at most 300 files (GitHub's limit; `capped` says when it was reached). Used when the workspace
 * lacks the base commit (a shallow checkout on `merge_group`).
 */
export async function compareFiles(
  client: GitHubClient,
  owner: string,
  repo: string,
  base: string,
  head: string,
): Promise<{ files: ChangedFile[]; capped: boolean }> {
  const res = await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 100 });
  const files = (res.data.files ?? []).map((f) => ({
    path: f.filename,
    previousPath: f.previous_filename ?? undefined,
    status: f.status,
    blobSha: f.sha ?? '',
    patch: f.patch ?? undefined,
  }));
  return { files, capped: files.length >= 300 };
}
