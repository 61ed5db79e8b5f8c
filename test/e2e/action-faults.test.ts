/**
 * API faults the issue lists that need more than one request to show: a newer push landing
 * during the run, connection resets, GitHub failing for good, a 404 for a head file and a 403
 * for a write beyond creating the review. Each case asserts the issue's invariant with
 * `expectNothingLost`: the exit status follows fail-level and every finding reaches a channel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/engine/index.js';
import { SEED_CONFIG } from '../cli/helpers.js';
import { createPullRequestFixture, type PullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { seedPolicies } from '../seed-policies.js';
import { expectNothingLost, ROOT, runAction } from './helpers.js';

const NGINX = readFileSync(join(ROOT, 'examples', 'nginx-deployment.yaml'), 'utf8');
const POD = readFileSync(join(ROOT, 'examples', 'seeds', 'nginx-pod-readonly.yaml'), 'utf8');
const REVIEWS = 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews';
const PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
const FILES = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files';
const CONTENTS = 'GET /repos/{owner}/{repo}/contents/{path}';

const HEAD = { 'web.yaml': NGINX, 'pod.yaml': POD };
const expected = () =>
  run(
    Object.entries(HEAD).map(([path, text]) => ({ path, text })),
    seedPolicies,
  ).findings;
let fx: PullRequestFixture;
beforeAll(() => {
  fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head: HEAD });
});
afterAll(() => fx.cleanup());
const sarifPath = (name: string) => join(fx.dir, '..', `${name}-${process.pid}.sarif`);

describe('the head SHA moving during the run (a newer push)', () => {
  it('posts no stale review and deletes nothing; the findings reach annotations, the job summary and SARIF; exit per fail-level', async () => {
    const gh = await startGitHubApiServer(fx.state());
    const newer = 'e'.repeat(40);
    try {
      // A first run on the old head posts its review.
      const first = await runAction(fx, gh);
      expect(gh.state.reviews).toHaveLength(1);
      const commentsBefore = gh.state.reviewComments.map((c) => c.id);
      expect(first.code).toBe(1);

      // Second run (a re-run of the same event): the push lands while it lists the files.
      gh.state.reviewComments.forEach((c) => (c.body = c.body.replace(/fp=[^;]*/, 'fp=gone'))); // our earlier comments are now all stale
      gh.faults.add(FILES, { after: true, mutate: (s) => void (s.pullRequest.head.sha = newer) });
      const logStart = gh.log.length;
      const sarifFile = sarifPath('moved');
      const r = await runAction(fx, gh, { 'sarif-file': sarifFile });
      expect(gh.rejections).toEqual([]);
      expect(r.stdout).toContain(
        `::notice::kube-immutable: the pull request's head moved from ${fx.headSha.slice(0, 12)} to ${newer.slice(0, 12)} (a newer push) while this run scanned ${fx.headSha.slice(0, 12)}; no review was posted`,
      );
      expect(gh.log.slice(logStart).map((l) => l.route)).toEqual([FILES, PULL]); // nothing written, not even a delete
      expect(gh.state.reviews).toHaveLength(1);
      expect(gh.state.reviewComments.map((c) => c.id)).toEqual(commentsBefore);
      expect(r.summary).toMatch(/No review was posted: the pull request's head moved to eeeeeeeeeeee during this run/);
      expect(r.outputs['review-url']).toBe('');
      const channels = expectNothingLost(r, gh, expected(), { headSha: fx.headSha, sarifFile });
      for (const c of channels.values()) expect(c).toEqual(expect.arrayContaining(['annotation', 'job summary', 'SARIF']));

      gh.faults.add(FILES, { after: true, mutate: (s) => void (s.pullRequest.head.sha = 'd'.repeat(40)) });
      const none = await runAction(fx, gh, { 'fail-level': 'none' });
      expectNothingLost(none, gh, expected(), { headSha: fx.headSha, failLevel: 'none' });
    } finally {
      await gh.close();
    }
  });

  it('costs one request: a first run stays within ceil(files/100) + 3 (the pull request GET replaces listing review comments when there are none)', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh);
      expect(gh.log.map((l) => l.route)).toEqual([FILES, PULL, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', REVIEWS]);
      expect(gh.counts().total).toBeLessThanOrEqual(Math.ceil(fx.files.length / 100) + 3);
      expectNothingLost(r, gh, expected(), { headSha: fx.headSha });
    } finally {
      await gh.close();
    }
  });
});

describe('connection resets', () => {
  it('are retried on reads and on the review, which is never posted twice when GitHub created it before the connection broke', async () => {
    const gh = await startGitHubApiServer(fx.state());
    gh.faults.add(FILES, { reset: true });
    gh.faults.add(PULL, { reset: true });
    gh.faults.add(REVIEWS, { reset: true, after: true }); // created, but the answer never arrives
    try {
      const sarifFile = sarifPath('reset');
      const r = await runAction(fx, gh, { 'sarif-file': sarifFile });
      expect(gh.rejections).toEqual([]);
      expect(gh.log.filter((l) => l.status === 0).map((l) => l.route)).toEqual([FILES, PULL, REVIEWS]);
      expect(gh.state.reviews).toHaveLength(1);
      expect(gh.counts().byRoute[REVIEWS]).toBe(1); // found by listing the reviews, not posted again
      expect(r.outputs['review-url']).toMatch(/^http/);
      const channels = expectNothingLost(r, gh, expected(), { headSha: fx.headSha, sarifFile });
      for (const c of channels.values()) expect(c.some((x) => x === 'review comment' || x === 'review body')).toBe(true);
    } finally {
      await gh.close();
    }
  });

  it('a reset before GitHub created the review: posted again once, with a clear line in the log', async () => {
    const gh = await startGitHubApiServer(fx.state());
    gh.faults.add(REVIEWS, { reset: true });
    try {
      const r = await runAction(fx, gh);
      expect(r.stdout).toMatch(/kube-immutable: creating the review failed \(500: .+\) and GitHub has no such review; posting again in 1000 ms/);
      expect(gh.state.reviews).toHaveLength(1);
      expect(gh.log.filter((l) => l.route === REVIEWS).map((l) => l.status)).toEqual([0, 200]);
      expectNothingLost(r, gh, expected(), { headSha: fx.headSha });
    } finally {
      await gh.close();
    }
  });
});

describe('GitHub failing for good', () => {
  it('a review that cannot be created (5xx after every retry): a warning, annotations, summary and SARIF; exit per fail-level', async () => {
    const gh = await startGitHubApiServer(fx.state());
    gh.faults.add(REVIEWS, { status: 502, times: 10 });
    try {
      const sarifFile = sarifPath('502');
      const r = await runAction(fx, gh, { 'sarif-file': sarifFile, 'fail-level': 'warning' });
      expect(r.stdout).toMatch(
        /::warning::kube-immutable could not post its review \(GitHub answered 502: Bad Gateway - https:\/\/docs\.github\.com\/rest\)\. Findings are reported in the SARIF file, in the job summary and as annotations instead\./,
      );
      expect(gh.counts().byRoute[REVIEWS]).toBe(3);
      expect(gh.state.reviews).toHaveLength(0);
      expect(r.summary).toContain('No review was posted (GitHub answered 502: Bad Gateway - https://docs.github.com/rest).');
      const channels = expectNothingLost(r, gh, expected(), { headSha: fx.headSha, failLevel: 'warning', sarifFile });
      for (const c of channels.values()) expect(c).toEqual(['annotation', 'job summary', 'SARIF']);
    } finally {
      await gh.close();
    }
  }, 30_000);

  it('the file list failing for good: taken from the local git history, with a warning', async () => {
    const gh = await startGitHubApiServer(fx.state());
    gh.faults.add(FILES, { status: 503, times: 4 });
    try {
      const r = await runAction(fx, gh);
      expect(r.stdout).toMatch(
        /::warning::kube-immutable: could not list the pull request's changed files \(Service Unavailable - https:\/\/docs\.github\.com\/rest\); they were taken from the local git history instead\./,
      );
      expect(gh.state.reviews).toHaveLength(1);
      expectNothingLost(r, gh, expected(), { headSha: fx.headSha });
    } finally {
      await gh.close();
    }
  }, 30_000);
});

describe('a head file GitHub does not serve (404)', () => {
  it('is named in a warning; the other files are scanned and reported', async () => {
    const gh = await startGitHubApiServer(fx.state());
    delete gh.state.trees[fx.headSha]!['pod.yaml'];
    try {
      const empty = join(fx.dir, '..', `ki-empty-${process.pid}`);
      const r = await runAction(fx, gh, {}, { GITHUB_WORKSPACE: empty });
      expect(r.stdout).toMatch(
        new RegExp(
          `::warning::kube-immutable: could not read pod\\.yaml at ${fx.headSha.slice(0, 12)} \\(absent or outside the workspace\\); it was not scanned\\.`,
        ),
      );
      expect(gh.log.filter((l) => l.route === CONTENTS).map((l) => l.status)).toEqual([200, 404, 200]); // the configuration at the base, then pod.yaml and web.yaml at the head
      const web = expected().filter((f) => f.file === 'web.yaml');
      expectNothingLost(r, gh, web, { headSha: fx.headSha });
      expect(Number(r.outputs.findings)).toBe(web.length);
    } finally {
      await gh.close();
    }
  });
});

describe('a 403 for a write beyond creating the review', () => {
  it('deleting our outdated comment is refused: a warning, and the run goes on', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      await runAction(fx, gh);
      gh.state.reviewComments.forEach((c) => (c.body = c.body.replace(/fp=[^;]*/, 'fp=gone')));
      gh.faults.add('DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}', { status: 403, message: 'Resource not accessible by integration', times: 100 });
      const r = await runAction(fx, gh);
      expect(r.stdout).toMatch(/::warning::kube-immutable could not delete \d+ of its outdated comments\./);
      expect(gh.state.reviews).toHaveLength(2);
      expectNothingLost(r, gh, expected(), { headSha: fx.headSha });
    } finally {
      await gh.close();
    }
  });
});
