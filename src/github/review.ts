import type { GitHubClient } from './client.js';
import { httpStatus } from './client.js';

/** A review comment already on the pull request, as the review planner needs it. */
export interface ExistingReviewComment {
  id: number;
  path: string;
  line: number | null;
  body: string;
  inReplyTo: number | undefined;
  hasReplies: boolean;
  /** Posted by a bot and carrying our marker. */
  mine: boolean;
}

/**
 * The pull request's review comments (`pulls.listReviewComments`, 100 a page). `mine` needs our
 * hidden marker (recognised by `isOurs`) AND a bot author, so a person quoting a marker never
 * gets their comment deleted; `hasReplies` is set when another comment replies to it.
 */
export async function listReviewComments(
  client: GitHubClient,
  owner: string,
  repo: string,
  pullNumber: number,
  isOurs: (body: string) => boolean,
): Promise<ExistingReviewComment[]> {
  const raw = await client.paginate(client.rest.pulls.listReviewComments, { owner, repo, pull_number: pullNumber, per_page: 100 });
  const repliedTo = new Set(raw.map((c) => c.in_reply_to_id).filter((x): x is number => typeof x === 'number'));
  return raw.map((c) => ({
    id: c.id,
    path: c.path,
    line: c.line ?? null,
    body: c.body ?? '',
    inReplyTo: c.in_reply_to_id ?? undefined,
    hasReplies: repliedTo.has(c.id),
    mine: isOurs(c.body ?? '') && (c.user?.type === 'Bot' || /\[bot\]$/.test(c.user?.login ?? '')),
  }));
}

/**
 * Bodies of our earlier reviews (`pulls.listReviews`), as entries with `path: ''` and no line, so
 * the planner knows which findings an earlier review body already listed. `mine` as for comments.
 */
export async function listReviewBodies(client: GitHubClient, owner: string, repo: string, pullNumber: number, isOurs: (body: string) => boolean): Promise<ExistingReviewComment[]> {
  const raw = await client.paginate(client.rest.pulls.listReviews, { owner, repo, pull_number: pullNumber, per_page: 100 });
  return raw
    .filter((r) => isOurs(r.body ?? '') && (r.user?.type === 'Bot' || /\[bot\]$/.test(r.user?.login ?? '')))
    .map((r) => ({ id: r.id, path: '', line: null, body: r.body ?? '', inReplyTo: undefined, hasReplies: true, mine: true }));
}

/** One inline comment of a review (GitHub's `comments[]` entry). Lines are 1-based, RIGHT side. */
export interface ReviewCommentInput {
  path: string;
  body: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
}

/** What {@link createReview} did. */
export interface PostedReview {
  id: number;
  url: string | undefined;
  /** False when GitHub rejected the anchors (422) and the review was posted again without inline comments. */
  inline: boolean;
}

/**
 * Create ONE review (`POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`) at `commitId`
 * (the PR head SHA) with an `event`, so it is not left pending (suggestions in a pending review
 * cannot be applied). If GitHub answers 422 for the inline comments (it does not say which), the
 * review is posted again without them and with `fallbackBody`, so nothing is lost. Other errors
 * (a 403 for a read-only token among them) are thrown. Source: GitHub REST docs, "Create a review
 * for a pull request".
 */
export async function createReview(
  client: GitHubClient,
  args: { owner: string; repo: string; pullNumber: number; commitId: string; event: 'COMMENT' | 'REQUEST_CHANGES'; body: string; comments: ReviewCommentInput[]; fallbackBody: () => string },
): Promise<PostedReview> {
  const base = { owner: args.owner, repo: args.repo, pull_number: args.pullNumber, commit_id: args.commitId, event: args.event };
  try {
    const res = await client.rest.pulls.createReview({ ...base, body: args.body, comments: args.comments });
    return { id: res.data.id, url: res.data.html_url, inline: true };
  } catch (err) {
    if (httpStatus(err) !== 422 || args.comments.length === 0) throw err;
    const res = await client.rest.pulls.createReview({ ...base, body: args.fallbackBody() });
    return { id: res.data.id, url: res.data.html_url, inline: false };
  }
}

/** Delete review comments (our stale ones). Returns the ids that could not be deleted (404 counts as done). */
export async function deleteReviewComments(client: GitHubClient, owner: string, repo: string, ids: readonly number[]): Promise<number[]> {
  const failed: number[] = [];
  for (const id of ids) {
    try {
      await client.rest.pulls.deleteReviewComment({ owner, repo, comment_id: id });
    } catch (err) {
      if (httpStatus(err) !== 404) failed.push(id);
    }
  }
  return failed;
}
