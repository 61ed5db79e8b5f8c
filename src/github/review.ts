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
export async function listReviewBodies(
  client: GitHubClient,
  owner: string,
  repo: string,
  pullNumber: number,
  isOurs: (body: string) => boolean,
): Promise<ExistingReviewComment[]> {
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
 * True for an error after which a write may or may not have taken effect: a 5xx answer or a
 * broken connection (Octokit reports a reset or a refused connection as status 500 with no
 * response).
 */
function outcomeUnknown(err: unknown): boolean {
  const status = httpStatus(err);
  return status === undefined || status >= 500;
}

/**
 * Create ONE review (`POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`) at `commitId`
 * (the PR head SHA) with an `event`, so it is not left pending (suggestions in a pending review
 * cannot be applied). If GitHub answers 422 for the inline comments (it does not say which), the
 * review is posted again without them and with `fallbackBody`, so nothing is lost.
 *
 * The POST is not idempotent, so it is never retried blindly: after a 5xx answer or a reset
 * connection the reviews are listed first, and a review of ours with the same body at the same
 * commit counts as posted (GitHub created it; the answer was lost). Otherwise it is posted again,
 * up to `attempts` times in all (default 3), waiting `retryDelayMs` (default 1000 ms, doubled each
 * time) in between. Other errors (a 403 for a read-only token among them) and the last failure are
 * thrown. Source: GitHub REST docs, "Create a review for a pull request".
 */
export async function createReview(
  client: GitHubClient,
  args: {
    owner: string;
    repo: string;
    pullNumber: number;
    commitId: string;
    event: 'COMMENT' | 'REQUEST_CHANGES';
    body: string;
    comments: ReviewCommentInput[];
    fallbackBody: () => string;
    attempts?: number;
    retryDelayMs?: number;
    onRetry?: (message: string) => void;
  },
): Promise<PostedReview> {
  const base = { owner: args.owner, repo: args.repo, pull_number: args.pullNumber, commit_id: args.commitId, event: args.event };
  const attempts = Math.max(1, args.attempts ?? 3);
  const post = async (body: string, comments: ReviewCommentInput[] | undefined): Promise<{ id: number; html_url: string }> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await client.rest.pulls.createReview({ ...base, body, ...(comments ? { comments } : {}), request: { retries: 0 } });
        return res.data;
      } catch (err) {
        if (!outcomeUnknown(err) || attempt >= attempts) throw err;
        const done = await findPostedReview(client, args.owner, args.repo, args.pullNumber, args.commitId, body);
        if (done) return done;
        const wait = (args.retryDelayMs ?? 1000) * 2 ** (attempt - 1);
        args.onRetry?.(
          `creating the review failed (${httpStatus(err) ?? 'no answer'}: ${(err as Error).message}) and GitHub has no such review; posting again in ${wait} ms`,
        );
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };
  try {
    const data = await post(args.body, args.comments);
    return { id: data.id, url: data.html_url, inline: true };
  } catch (err) {
    if (httpStatus(err) !== 422 || args.comments.length === 0) throw err;
    const data = await post(args.fallbackBody(), undefined);
    return { id: data.id, url: data.html_url, inline: false };
  }
}

/** A submitted review by a bot with exactly `body` at `commitId`, if the pull request has one. */
async function findPostedReview(
  client: GitHubClient,
  owner: string,
  repo: string,
  pullNumber: number,
  commitId: string,
  body: string,
): Promise<{ id: number; html_url: string } | undefined> {
  const raw = await client.paginate(client.rest.pulls.listReviews, { owner, repo, pull_number: pullNumber, per_page: 100 });
  return raw.find(
    (r) => r.body === body && r.commit_id === commitId && r.state !== 'PENDING' && (r.user?.type === 'Bot' || /\[bot\]$/.test(r.user?.login ?? '')),
  );
}

/** What the pull request looks like now (`GET /repos/{owner}/{repo}/pulls/{pull_number}`). */
export interface PullRequestNow {
  /** The head commit now: differs from the event's when a newer push landed during the run. */
  headSha: string;
  /** `open` or `closed`. */
  state: string;
  /** How many review comments the pull request has (anyone's, replies included). */
  reviewComments: number;
}

/**
 * Read the pull request as it is now (one request). Used right before writing anything, to stop
 * when the head moved (a newer push: comments on the old commit would be stale) and to skip
 * listing review comments when there are none. API errors are thrown as Octokit RequestErrors.
 */
export async function readPullRequest(client: GitHubClient, owner: string, repo: string, pullNumber: number): Promise<PullRequestNow> {
  const { data } = await client.rest.pulls.get({ owner, repo, pull_number: pullNumber });
  return { headSha: data.head.sha, state: data.state, reviewComments: typeof data.review_comments === 'number' ? data.review_comments : -1 };
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
