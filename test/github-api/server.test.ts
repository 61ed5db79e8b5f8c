import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createLargePullRequestFixture, createPullRequestFixture, patchOf, type PullRequestFixture } from './fixture.js';
import { startGitHubApiServer, type GitHubApiServer } from './server.js';

const REVIEWS = 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews';
const FILES = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files';
const lines = (n: number, tag = '') => Array.from({ length: n }, (_, i) => `key${i + 1}: value${i + 1}${tag}`).join('\n') + '\n';
const edit = (text: string, changes: Record<number, string>) =>
  text
    .split('\n')
    .map((l, i) => changes[i + 1] ?? l)
    .join('\n');

let fx: PullRequestFixture;
let gh: GitHubApiServer;
let pr: string;

/** fetch with a token, JSON body and parsed JSON answer. */
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${gh.url}${path}`, {
    method,
    headers: { authorization: 'token test-token', accept: 'application/vnd.github+json', ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

const review = (comments: unknown[], extra: Record<string, unknown> = {}) =>
  call('POST', `${pr}/reviews`, { commit_id: fx.headSha, body: 'kube-immutable', event: 'COMMENT', comments, ...extra });

beforeAll(() => {
  const deploy = lines(30);
  fx = createPullRequestFixture({
    base: { 'k8s/deploy.yaml': deploy, 'k8s/old.yaml': lines(3), 'a/before.yaml': lines(12), 'k8s/big.yaml': lines(5) },
    head: {
      'k8s/deploy.yaml': edit(deploy, { 3: 'key3: changed', 25: 'key25: changed' }),
      'k8s/old.yaml': null,
      'k8s/new.yaml': lines(4, ' new'),
      'b/after.yaml': edit(lines(12), { 12: 'key12: moved' }),
      'k8s/big.yaml': lines(6),
    },
    renames: { 'b/after.yaml': 'a/before.yaml' },
    binary: ['k8s/big.yaml'],
  });
  pr = `/repos/${fx.owner}/${fx.repo}/pulls/${fx.number}`;
});
afterAll(() => fx.cleanup());
beforeEach(async () => {
  gh = await startGitHubApiServer(fx.state());
});
afterEach(async () => {
  await gh.close();
});

describe('fixture', () => {
  it('takes statuses, patches and blob shas from git', () => {
    const git = (...a: string[]) => execFileSync('git', a, { cwd: fx.dir, encoding: 'utf8' });
    const byName = Object.fromEntries(fx.files.map((f) => [f.filename, f]));
    expect(Object.fromEntries(fx.files.map((f) => [f.filename, f.status]))).toEqual({
      'b/after.yaml': 'renamed',
      'k8s/big.yaml': 'modified',
      'k8s/deploy.yaml': 'modified',
      'k8s/new.yaml': 'added',
      'k8s/old.yaml': 'removed',
    });
    expect(byName['b/after.yaml'].previous_filename).toBe('a/before.yaml');
    expect(byName['k8s/big.yaml'].patch).toBeUndefined();
    expect(byName['k8s/deploy.yaml'].patch).toBe(patchOf(git('diff', '--unified=3', fx.baseSha, fx.headSha, '--', 'k8s/deploy.yaml')));
    expect(byName['k8s/deploy.yaml'].patch).toMatch(/^@@ -1,6 \+1,6 @@\n key1: value1\n/);
    expect(byName['k8s/deploy.yaml'].patch!.match(/^@@/gm)).toHaveLength(2);
    expect(byName['b/after.yaml'].patch).toBe(patchOf(git('diff', '-M', fx.baseSha, fx.headSha, '--', 'a/before.yaml', 'b/after.yaml')));
    expect(byName['k8s/new.yaml'].patch).toBe(
      '@@ -0,0 +1,4 @@\n' +
        lines(4, ' new')
          .trimEnd()
          .split('\n')
          .map((l) => `+${l}`)
          .join('\n'),
    );
    expect(byName['k8s/deploy.yaml']).toMatchObject({ additions: 2, deletions: 2, changes: 4 });
    expect(byName['k8s/deploy.yaml'].sha).toBe(git('rev-parse', `${fx.headSha}:k8s/deploy.yaml`).trim());
    expect(git('rev-parse', 'HEAD').trim()).toBe(fx.headSha);
    const event = JSON.parse(readFileSync(fx.eventPath, 'utf8'));
    expect(event).toMatchObject({ action: 'opened', number: 42, repository: { full_name: 'octo-org/deployments', owner: { login: 'octo-org' } } });
    expect(event.pull_request).toMatchObject({ number: 42, head: { sha: fx.headSha, repo: { fork: false } }, base: { sha: fx.baseSha } });
  });

  it('has a fork variant', () => {
    const fork = createPullRequestFixture({ base: { 'a.yaml': 'a: 1\n' }, head: { 'a.yaml': 'a: 2\n' }, fork: true, action: 'synchronize' });
    try {
      const pull = fork.event as {
        action: string;
        pull_request: { head: { repo: { fork: boolean; full_name: string } }; base: { repo: { full_name: string } } };
      };
      expect(pull.action).toBe('synchronize');
      expect(pull.pull_request.head.repo).toMatchObject({ fork: true, full_name: 'octo-org-fork/deployments' });
      expect(pull.pull_request.base.repo.full_name).toBe('octo-org/deployments');
    } finally {
      fork.cleanup();
    }
  });
});

describe('reads', () => {
  it('serves the PR, contents (base64, by ref) and blobs; 404s like GitHub', async () => {
    expect((await call('GET', pr)).json).toMatchObject({ number: 42, head: { sha: fx.headSha } });
    const c = await call('GET', `/repos/${fx.owner}/${fx.repo}/contents/k8s/new.yaml?ref=${fx.headSha}`);
    expect(c.json).toMatchObject({ type: 'file', encoding: 'base64', path: 'k8s/new.yaml' });
    expect(Buffer.from(c.json.content, 'base64').toString()).toBe(lines(4, ' new'));
    const blob = await call('GET', `/repos/${fx.owner}/${fx.repo}/git/blobs/${c.json.sha}`);
    expect(Buffer.from(blob.json.content, 'base64').toString()).toBe(lines(4, ' new'));
    expect((await call('GET', `/repos/${fx.owner}/${fx.repo}/contents/k8s/new.yaml?ref=${fx.baseSha}`)).status).toBe(404);
    const missing = await call('GET', '/repos/o/r/nope');
    expect(missing).toMatchObject({ status: 404, json: { message: 'Not Found', documentation_url: expect.any(String) } });
    expect((await fetch(`${gh.url}${pr}`)).status).toBe(401);
    const diff = await fetch(`${gh.url}${pr}`, { headers: { authorization: 'token t', accept: 'application/vnd.github.v3.diff' } });
    expect(await diff.text()).toContain(`diff --git a/k8s/deploy.yaml b/k8s/deploy.yaml\n--- a/k8s/deploy.yaml\n+++ b/k8s/deploy.yaml\n@@ -1,6 +1,6 @@`);
  });

  it('paginates files with Link headers, per_page ≤ 100 and the 3,000-file cap', async () => {
    const big = createLargePullRequestFixture({ count: 3100 });
    const server = await startGitHubApiServer(big.state());
    try {
      const get = async (q: string) => {
        const res = await fetch(`${server.url}/repos/octo-org/deployments/pulls/42/files${q}`, { headers: { authorization: 'Bearer x' } });
        return { link: res.headers.get('link'), body: (await res.json()) as Array<{ filename: string; patch: string }> };
      };
      const first = await get('?per_page=250');
      expect(first.body).toHaveLength(100);
      expect(first.link).toBe(
        `<${server.url}/repos/octo-org/deployments/pulls/42/files?per_page=100&page=2>; rel="next", <${server.url}/repos/octo-org/deployments/pulls/42/files?per_page=100&page=30>; rel="last"`,
      );
      const last = await get('?per_page=100&page=30');
      expect(last.body).toHaveLength(100);
      expect(last.link).not.toMatch(/rel="next"/);
      expect(last.link).toMatch(/page=29>; rel="prev".*page=1>; rel="first"/);
      expect((await get('?per_page=100&page=31')).body).toEqual([]);
      const dflt = await get('');
      expect(dflt.body).toHaveLength(30);
      expect(dflt.link).toMatch(/files\?page=2>; rel="next", <[^>]*files\?page=100>; rel="last"$/);
      const diff = await fetch(`${server.url}/repos/octo-org/deployments/pulls/42`, {
        headers: { authorization: 'Bearer x', accept: 'application/vnd.github.diff' },
      });
      expect(diff.status).toBe(406);
      expect(last.body[99].filename).toBe('manifests/cm-02999.yaml');
      expect(last.body[0].patch).toMatch(/^@@ -0,0 \+1,6 @@\n\+apiVersion: v1/);
    } finally {
      await server.close();
      big.cleanup();
    }
  });
});

describe('OpenAPI validation', () => {
  it.each([
    ['a string line', { comments: [{ path: 'k8s/deploy.yaml', body: 'x', line: 'x' }] }, /For 'properties\/line', "x" is not an integer/],
    ['an unknown event', { event: 'SHIP_IT' }, /"SHIP_IT" is not a member of \["APPROVE","REQUEST_CHANGES","COMMENT"\]/],
    ['a comment without body', { comments: [{ path: 'k8s/deploy.yaml', line: 3 }] }, /"body" wasn't supplied/],
  ])('rejects %s with 422 and records it', async (_name, extra, message) => {
    const r = await review([], { body: 'b', ...extra });
    expect(r.status).toBe(422);
    expect(r.json.message).toMatch(/^Invalid request\.\n\n/);
    expect(r.json.message).toMatch(message);
    expect(r.json.documentation_url).toBe('https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request');
    expect(gh.rejections).toMatchObject([{ kind: 'openapi', route: REVIEWS }]);
    expect(gh.state.reviews).toEqual([]);
  });

  it('validates query parameters and rejects malformed JSON', async () => {
    expect((await call('GET', `${pr}/files?per_page=lots`)).status).toBe(422);
    expect((await call('POST', `${pr}/reviews`, '{not json')).status).toBe(400);
    expect(gh.rejections.map((r) => r.kind)).toEqual(['openapi', 'json']);
  });

  it('accepts a good review and lists it with its comments', async () => {
    const r = await review([{ path: 'k8s/deploy.yaml', body: '```suggestion\nkey3: fixed\n```', line: 3, side: 'RIGHT' }]);
    expect(r.status).toBe(200); // GitHub answers 200 (not 201) to "create a review"
    expect(r.json).toMatchObject({ state: 'COMMENTED', commit_id: fx.headSha, user: { login: 'github-actions[bot]', type: 'Bot' } });
    const comments = await call('GET', `${pr}/comments`);
    expect(comments.json).toMatchObject([
      { path: 'k8s/deploy.yaml', line: 3, side: 'RIGHT', start_line: null, pull_request_review_id: r.json.id, user: { login: 'github-actions[bot]' } },
    ]);
    expect(comments.json[0].diff_hunk).toMatch(/^@@ -1,6 \+1,6 @@[^]*\+key3: changed$/);
    expect((await call('GET', `${pr}/reviews`)).json).toHaveLength(1);
    expect(gh.rejections).toEqual([]);
  });
});

describe('anchor rules', () => {
  const anchor = (c: Record<string, unknown>) => ({ path: 'k8s/deploy.yaml', body: 'b', ...c });
  it.each([
    ['a line outside every hunk', [anchor({ line: 3 }), anchor({ line: 10 })], /^comments\[1\]: .*RIGHT line 10 is not inside a hunk$/],
    ['a range across two hunks', [anchor({ start_line: 5, line: 23 })], /start_line 5 is not in the same hunk as line 23/],
    ['start_line equal to line', [anchor({ start_line: 3, line: 3 })], /start_line 3 must precede line 3/],
    ['a LEFT side line', [anchor({ line: 3, side: 'LEFT' })], /side LEFT/],
    ['a removed file', [{ path: 'k8s/old.yaml', body: 'b', line: 1 }], /was removed/],
    ['the old name of a renamed file', [{ path: 'a/before.yaml', body: 'b', line: 12 }], /is not a file of the pull request/],
    ['a file without patch', [{ path: 'k8s/big.yaml', body: 'b', line: 6 }], /has no patch/],
  ])('fails the whole review for %s', async (_name, comments, detail) => {
    const r = await review(comments);
    expect(r).toMatchObject({ status: 422, json: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] } });
    expect(gh.rejections).toMatchObject([{ kind: 'anchor', detail: expect.stringMatching(detail) }]);
    expect(gh.state.reviews).toEqual([]);
    expect(gh.state.reviewComments).toEqual([]);
  });

  it('accepts a multi-line range inside one hunk, context lines and renamed files', async () => {
    const r = await review([
      anchor({ start_line: 2, line: 4, start_side: 'RIGHT' }),
      anchor({ line: 28 }),
      { path: 'b/after.yaml', body: 'b', line: 12 },
      { path: 'k8s/new.yaml', body: 'b', line: 1 },
    ]);
    expect(r.status).toBe(200);
    expect(gh.state.reviewComments.map((c) => [c.path, c.start_line, c.line])).toEqual([
      ['k8s/deploy.yaml', 2, 4],
      ['k8s/deploy.yaml', null, 28],
      ['b/after.yaml', null, 12],
      ['k8s/new.yaml', null, 1],
    ]);
  });

  it('requires commit_id to be the head sha', async () => {
    const r = await review([], { commit_id: fx.baseSha });
    expect(r).toMatchObject({ status: 422, json: { errors: ['commit_id is not part of the pull request'] } });
  });

  it('allows one pending review per user', async () => {
    expect((await review([anchor({ line: 3 })], { event: undefined })).json.state).toBe('PENDING');
    const second = await review([], { body: 'again' });
    expect(second).toMatchObject({ status: 422, json: { errors: ['User can only have one pending review per pull request'] } });
    const pending = gh.state.reviews[0];
    expect((await call('DELETE', `${pr}/reviews/${pending.id}`)).status).toBe(200);
    expect((await review([], { body: 'now' })).status).toBe(200);
  });

  it('handles single comments: file-level, line, reply, edit, delete', async () => {
    const file = await call('POST', `${pr}/comments`, { commit_id: fx.headSha, path: 'k8s/old.yaml', body: 'f', subject_type: 'file' });
    expect(file.status).toBe(422); // removed file
    const ok = await call('POST', `${pr}/comments`, { commit_id: fx.headSha, path: 'k8s/big.yaml', body: 'f', subject_type: 'file' });
    expect(ok).toMatchObject({ status: 201, json: { subject_type: 'file', line: null } });
    const outside = await call('POST', `${pr}/comments`, { commit_id: fx.headSha, path: 'k8s/deploy.yaml', body: 'x', line: 12, side: 'RIGHT' });
    expect(outside.json).toMatchObject({ message: 'Validation Failed', errors: [{ field: 'pull_request_review_thread.line' }] });
    const line = await call('POST', `${pr}/comments`, { commit_id: fx.headSha, path: 'k8s/deploy.yaml', body: 'x', line: 25, side: 'RIGHT' });
    const replyTo = await call('POST', `${pr}/comments`, { commit_id: fx.headSha, path: 'k8s/deploy.yaml', body: 'reply', in_reply_to: line.json.id });
    expect(replyTo.json).toMatchObject({ in_reply_to_id: line.json.id, line: 25 });
    expect((await call('PATCH', `/repos/${fx.owner}/${fx.repo}/pulls/comments/${line.json.id}`, { body: 'edited' })).json.body).toBe('edited');
    expect((await call('DELETE', `/repos/${fx.owner}/${fx.repo}/pulls/comments/${ok.json.id}`)).status).toBe(204);
    expect((await call('DELETE', `/repos/${fx.owner}/${fx.repo}/pulls/comments/${ok.json.id}`)).status).toBe(404);
    expect((await call('GET', `${pr}/comments`)).json.map((c: { body: string }) => c.body)).toEqual(['edited', 'reply']);
    const issue = await call('POST', `/repos/${fx.owner}/${fx.repo}/issues/42/comments`, { body: 'summary' });
    expect(issue.status).toBe(201);
    expect((await call('GET', `/repos/${fx.owner}/${fx.repo}/issues/42/comments`)).json).toHaveLength(1);
  });
});

describe('faults, read-only token and counting', () => {
  it('injects each fault kind once (or n times), then behaves', async () => {
    gh.faults.add(FILES, { status: 500, times: 2 });
    gh.faults.add(FILES, { status: 404 });
    gh.faults.add(FILES, { status: 403, message: 'Resource not accessible by integration' });
    gh.faults.add(FILES, { status: 422, message: 'Nope' });
    gh.faults.add(FILES, { secondaryRateLimit: true, retryAfter: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('GET', `${pr}/files`)).status);
    expect(statuses).toEqual([500, 500, 404, 403, 422, 403]);
    const limited = gh.log[5];
    expect(limited.fault).toEqual({ secondaryRateLimit: true, retryAfter: 1 });
    const again = await call('GET', `${pr}/files`);
    expect(again.status).toBe(200);
    gh.faults.add(FILES, { secondaryRateLimit: true, retryAfter: 7 });
    const sl = await call('GET', `${pr}/files`);
    expect(sl.headers.get('retry-after')).toBe('7');
    expect(sl.json.message).toMatch(/secondary rate limit/);
    expect(gh.faults.pending()).toEqual([]);
  });

  it('resets the connection, before or after the request took effect', async () => {
    gh.faults.add(REVIEWS, { reset: true });
    await expect(review([])).rejects.toThrow();
    expect(gh.state.reviews).toHaveLength(0);
    gh.faults.add(REVIEWS, { reset: true, after: true });
    await expect(review([])).rejects.toThrow();
    expect(gh.state.reviews).toHaveLength(1); // GitHub created it; the client never heard back
    expect(gh.log.map((e) => e.status)).toEqual([0, 0]);
  });

  it('runs a mutate hook before or after the request (a push landing mid-run) and answers normally', async () => {
    const newer = 'f'.repeat(40);
    gh.faults.add(FILES, { after: true, mutate: (s) => void (s.pullRequest.head.sha = newer) });
    const listed = await call('GET', `${pr}/files`);
    expect(listed.status).toBe(200);
    expect(listed.json[0].contents_url).toContain(`ref=${fx.headSha}`); // answered from the state before the hook
    expect((await call('GET', pr)).json.head.sha).toBe(newer);
    const stale = await review([]);
    expect(stale.status).toBe(422);
    expect(gh.rejections.map((r) => r.kind)).toEqual(['commit_id']);
    expect(gh.faults.pending()).toEqual([]);
  });

  it('keeps the pull request counters (review_comments, comments) in step with the state', async () => {
    expect((await call('GET', pr)).json).toMatchObject({ review_comments: 0, comments: 0 });
    await review([{ path: 'k8s/deploy.yaml', line: 4, body: 'x' }]);
    expect((await call('GET', pr)).json).toMatchObject({ review_comments: 1 });
  });

  it('answers 403 to every write with a read-only token', async () => {
    gh.state.readOnly = true;
    const r = await review([]);
    expect(r).toMatchObject({ status: 403, json: { message: 'Resource not accessible by integration' } });
    expect((await call('GET', `${pr}/files`)).status).toBe(200);
  });

  it('counts requests by route and content-creating ones', async () => {
    await call('GET', `${pr}/files`);
    await call('GET', `${pr}/files?page=2`);
    await review([]);
    await call('DELETE', `/repos/${fx.owner}/${fx.repo}/pulls/comments/1`);
    expect(gh.counts()).toEqual({
      total: 4,
      contentCreating: 2,
      byRoute: { [FILES]: 2, [REVIEWS]: 1, 'DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}': 1 },
      byStatus: { 200: 3, 404: 1 },
    });
    expect(gh.log[2]).toMatchObject({ method: 'POST', route: REVIEWS, path: `${pr}/reviews`, status: 200, body: { event: 'COMMENT' } });
    expect(() => gh.faults.add('GET /nope', { status: 500 })).toThrow(/unknown route key/);
  });
});

describe('Octokit', () => {
  it('lists PR files and creates a review with getOctokit, retrying a 500 and a secondary rate limit', async () => {
    const { getOctokit } = await import('@actions/github');
    const { retry } = await import('@octokit/plugin-retry');
    const { throttling } = await import('@octokit/plugin-throttling');
    const limited: number[] = [];
    const octokit = getOctokit(
      'test-token',
      {
        baseUrl: gh.url,
        throttle: {
          onRateLimit: () => true,
          onSecondaryRateLimit: (after: number) => {
            limited.push(after);
            return true;
          },
        },
      },
      retry,
      throttling,
    );
    gh.faults.add(FILES, { status: 500 });
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: fx.owner, repo: fx.repo, pull_number: fx.number, per_page: 2 });
    expect(files.map((f) => f.filename)).toEqual(fx.files.map((f) => f.filename));
    expect(gh.counts().byRoute[FILES]).toBe(4); // 500, then pages 1..3
    gh.faults.add(REVIEWS, { secondaryRateLimit: true, retryAfter: 1 });
    const { data } = await octokit.rest.pulls.createReview({
      owner: fx.owner,
      repo: fx.repo,
      pull_number: fx.number,
      commit_id: fx.headSha,
      event: 'COMMENT',
      body: 'ok',
      comments: [{ path: 'k8s/deploy.yaml', line: 4, start_line: 2, body: 's' }],
    });
    expect(data.state).toBe('COMMENTED');
    expect(limited).toEqual([1]); // plugin-throttling recognised the secondary limit and honoured retry-after
    expect(gh.counts().byRoute[REVIEWS]).toBe(2);
    expect(gh.rejections).toEqual([]);
  });
});
