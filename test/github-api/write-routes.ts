/** Routes that create, edit or delete reviews and comments, with GitHub's review rules. */
import { commentableFile, resolveAnchor, type Anchor } from './anchors.js';
import {
  error,
  isOurPull,
  issueCommentJson,
  nextId,
  notFound,
  now,
  reviewCommentJson,
  reviewJson,
  type Route,
  type RouteContext,
  type RouteResult,
} from './routes.js';
import type { Review, ReviewComment, ReviewState } from './types.js';

const MAX_BODY = 65536;
const STATES: Record<string, ReviewState> = { COMMENT: 'COMMENTED', APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED' };

/** 422 in the shape GitHub uses for review-level failures: `{message: "Unprocessable Entity", errors: [text]}`. */
function unprocessable(text: string, kind: 'anchor' | 'commit_id' | 'pending' | 'rule', detail = text): RouteResult {
  return { ...error(422, 'Unprocessable Entity', { errors: [text] }), rejection: { kind, detail } };
}

function checkCommit(ctx: RouteContext): RouteResult | undefined {
  const id = ctx.body.commit_id;
  if (id !== undefined && id !== ctx.state.pullRequest.head.sha) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the request's JSON value, shown as given (a string in practice)
    return unprocessable('commit_id is not part of the pull request', 'commit_id', `commit_id ${String(id)} is not the head ${ctx.state.pullRequest.head.sha}`);
  }
  return undefined;
}

function tooLong(...bodies: unknown[]): RouteResult | undefined {
  return bodies.some((b) => typeof b === 'string' && b.length > MAX_BODY)
    ? unprocessable(`Body is too long (maximum is ${MAX_BODY} characters)`, 'rule')
    : undefined;
}

function newComment(ctx: RouteContext, review: Review, path: string, body: string, a: Anchor | null): ReviewComment {
  const id = nextId(ctx.state);
  const t = now();
  return {
    id,
    node_id: `PRRC_${id}`,
    pull_request_review_id: review.id,
    path,
    body,
    commit_id: review.commit_id,
    original_commit_id: review.commit_id,
    line: a?.line ?? null,
    original_line: a?.line ?? null,
    start_line: a?.start_line ?? null,
    original_start_line: a?.start_line ?? null,
    side: a?.side ?? null,
    start_side: a?.start_side ?? null,
    position: a?.position ?? null,
    original_position: a?.position ?? null,
    subject_type: a ? 'line' : 'file',
    diff_hunk: a?.diff_hunk ?? '',
    user: ctx.state.user,
    created_at: t,
    updated_at: t,
  };
}

function newReview(ctx: RouteContext, state: ReviewState, body: unknown): Review {
  const id = nextId(ctx.state);
  const review: Review = {
    id,
    node_id: `PRR_${id}`,
    user: ctx.state.user,
    body: typeof body === 'string' ? body : '',
    state,
    commit_id: ctx.state.pullRequest.head.sha,
  };
  if (state !== 'PENDING') review.submitted_at = now();
  ctx.state.reviews.push(review);
  return review;
}

const findComment = (ctx: RouteContext) => ctx.state.reviewComments.find((c) => String(c.id) === ctx.params.comment_id);

function createReview(ctx: RouteContext): RouteResult {
  if (!isOurPull(ctx)) return notFound();
  const { body, event } = ctx.body;
  const comments = (ctx.body.comments ?? []) as Array<Record<string, unknown>>;
  const bad = checkCommit(ctx) ?? tooLong(body, ...comments.map((c) => c.body));
  if (bad) return bad;
  if (ctx.state.reviews.some((r) => r.state === 'PENDING' && r.user.login === ctx.state.user.login)) {
    return unprocessable('User can only have one pending review per pull request', 'pending');
  }
  if (event === 'APPROVE' && ctx.state.user.login === 'github-actions[bot]') {
    return unprocessable('GitHub Actions is not permitted to approve pull requests.', 'rule');
  }
  if ((event === 'COMMENT' || event === 'REQUEST_CHANGES') && !body && !comments.length) {
    return unprocessable('Body is required for this event', 'rule');
  }
  const anchors = comments.map((c) => resolveAnchor(ctx.state.files, c, ctx.state.allowLeftSide));
  const failures = anchors.flatMap((a, i) => (a.ok ? [] : [`comments[${i}]: ${a.reason}`]));
  if (failures.length) return unprocessable('Line could not be resolved', 'anchor', failures.join('; '));
  const review = newReview(ctx, event === undefined ? 'PENDING' : STATES[event as string], body);
  comments.forEach((c, i) => {
    const a = anchors[i];
    ctx.state.reviewComments.push(newComment(ctx, review, c.path as string, c.body as string, a.ok ? a : null));
  });
  return { status: 200, body: reviewJson(ctx, review) };
}

/** Single review comment: a line comment, a file-level comment (`subject_type: "file"`) or a reply. */
function createComment(ctx: RouteContext): RouteResult {
  if (!isOurPull(ctx)) return notFound();
  const b = ctx.body;
  const bad = checkCommit(ctx) ?? tooLong(b.body);
  if (bad) return bad;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the request's JSON value (a number in practice), as a route parameter
  if (b.in_reply_to !== undefined) return reply(ctx, String(b.in_reply_to));
  let anchor: Anchor | null = null;
  if (b.subject_type === 'file') {
    const file = commentableFile(ctx.state.files, b.path);
    if (typeof file === 'string') return validationFailed('path', 'pull_request_review_thread.path could not be resolved', file);
  } else {
    const a = resolveAnchor(ctx.state.files, b, ctx.state.allowLeftSide);
    if (!a.ok) {
      const msg =
        a.field === 'start_line'
          ? 'pull_request_review_thread.start_line must be part of the same hunk as the line.'
          : 'pull_request_review_thread.line must be part of the diff';
      return validationFailed(a.field === 'start_line' ? 'start_line' : 'line', msg, a.reason);
    }
    anchor = a;
  }
  const review = newReview(ctx, 'COMMENTED', '');
  const comment = newComment(ctx, review, b.path as string, b.body as string, anchor);
  ctx.state.reviewComments.push(comment);
  return { status: 201, body: reviewCommentJson(ctx, comment) };
}

function validationFailed(field: string, message: string, detail: string): RouteResult {
  return {
    ...error(422, 'Validation Failed', {
      errors: [{ resource: 'PullRequestReviewComment', code: 'custom', field: `pull_request_review_thread.${field}`, message }],
    }),
    rejection: { kind: 'anchor', detail },
  };
}

function reply(ctx: RouteContext, to: string): RouteResult {
  const parent = ctx.state.reviewComments.find((c) => String(c.id) === to);
  if (!parent) return notFound();
  const rootId = parent.in_reply_to_id ?? parent.id; // replies to replies join the thread
  const review = newReview(ctx, 'COMMENTED', '');
  const c: ReviewComment = { ...newComment(ctx, review, parent.path, ctx.body.body as string, null), in_reply_to_id: rootId };
  Object.assign(c, {
    line: parent.line,
    start_line: parent.start_line,
    side: parent.side,
    start_side: parent.start_side,
    subject_type: parent.subject_type,
    diff_hunk: parent.diff_hunk,
  });
  ctx.state.reviewComments.push(c);
  return { status: 201, body: reviewCommentJson(ctx, c) };
}

export const writeRoutes: Route[] = [
  { method: 'POST', template: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', handle: createReview },
  { method: 'POST', template: '/repos/{owner}/{repo}/pulls/{pull_number}/comments', handle: createComment },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies',
    handle: (ctx) => (isOurPull(ctx) ? (tooLong(ctx.body.body) ?? reply(ctx, ctx.params.comment_id)) : notFound()),
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/pulls/comments/{comment_id}',
    handle(ctx) {
      const c = isOurPull(ctx) ? findComment(ctx) : undefined;
      if (!c) return notFound();
      const bad = tooLong(ctx.body.body);
      if (bad) return bad;
      Object.assign(c, { body: ctx.body.body, updated_at: now() });
      return { status: 200, body: reviewCommentJson(ctx, c) };
    },
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/pulls/comments/{comment_id}',
    handle(ctx) {
      const c = isOurPull(ctx) ? findComment(ctx) : undefined;
      if (!c) return notFound();
      ctx.state.reviewComments.splice(ctx.state.reviewComments.indexOf(c), 1);
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}',
    handle(ctx) {
      const r = isOurPull(ctx) ? ctx.state.reviews.find((x) => String(x.id) === ctx.params.review_id) : undefined;
      if (!r) return notFound();
      if (r.state !== 'PENDING') return unprocessable('Can not delete a non-pending pull request review', 'rule');
      ctx.state.reviews.splice(ctx.state.reviews.indexOf(r), 1);
      ctx.state.reviewComments = ctx.state.reviewComments.filter((c) => c.pull_request_review_id !== r.id);
      return { status: 200, body: reviewJson(ctx, r) };
    },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events',
    handle(ctx) {
      const r = isOurPull(ctx) ? ctx.state.reviews.find((x) => String(x.id) === ctx.params.review_id) : undefined;
      if (!r) return notFound();
      if (r.state !== 'PENDING') return unprocessable('Can not submit a non-pending pull request review', 'rule');
      Object.assign(r, { state: STATES[ctx.body.event as string], submitted_at: now() });
      if (typeof ctx.body.body === 'string') r.body = ctx.body.body;
      return { status: 200, body: reviewJson(ctx, r) };
    },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    handle(ctx) {
      if (!isOurPull(ctx)) return notFound();
      const bad = tooLong(ctx.body.body);
      if (bad) return bad;
      const id = nextId(ctx.state);
      const t = now();
      const c = { id, node_id: `IC_${id}`, body: ctx.body.body as string, user: ctx.state.user, created_at: t, updated_at: t };
      ctx.state.issueComments.push(c);
      return { status: 201, body: issueCommentJson(ctx, c) };
    },
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    handle(ctx) {
      const c = isOurPull(ctx) ? ctx.state.issueComments.find((x) => String(x.id) === ctx.params.comment_id) : undefined;
      if (!c) return notFound();
      Object.assign(c, { body: ctx.body.body, updated_at: now() });
      return { status: 200, body: issueCommentJson(ctx, c) };
    },
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    handle(ctx) {
      const i = isOurPull(ctx) ? ctx.state.issueComments.findIndex((x) => String(x.id) === ctx.params.comment_id) : -1;
      if (i < 0) return notFound();
      ctx.state.issueComments.splice(i, 1);
      return { status: 204 };
    },
  },
];
