import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLargePullRequestFixture, createPullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { SEED_CONFIG } from '../cli/helpers.js';
import { run } from '../../src/engine/index.js';
import { seedPolicies } from '../seed-policies.js';
import { expectNothingLost, ROOT, runAction } from './helpers.js';

const NGINX = readFileSync(join(ROOT, 'examples', 'nginx-deployment.yaml'), 'utf8');
const REVIEWS = 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews';

function eventFile(payload: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ki-ev-')), 'event.json');
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

describe('push, merge_group and workflow_dispatch', () => {
  const fx = createPullRequestFixture({
    base: { '.github/kube-immutable.yaml': SEED_CONFIG, 'ok.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n' },
    head: { 'web.yaml': NGINX, 'notes.txt': 'x\n' },
  });
  afterAll(() => fx.cleanup());

  it('push: scans the changed files, annotates, and posts no review', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(
        { ...fx, eventPath: eventFile({ before: fx.baseSha, after: fx.headSha, repository: { full_name: 'octo-org/deployments' } }) },
        gh,
        {},
        { GITHUB_EVENT_NAME: 'push' },
      );
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/::error title=read-only-root-filesystem,file=web\.yaml,line=19,/);
      expect(r.outputs.findings).toBe('2');
      expect(gh.counts().total).toBe(0);
    } finally {
      await gh.close();
    }
  });

  it('merge_group without the base commit locally: asks the compare API, and reads the configuration at base_sha', async () => {
    const missingBase = 'c'.repeat(40);
    const state = fx.state();
    // The queue's base differs from the PR's base: its configuration makes read-only-root-filesystem a warning.
    const baseConfig = Buffer.from(SEED_CONFIG.replace(/^policies:\n/m, 'policies:\n  read-only-root-filesystem: warning\n'));
    state.trees[missingBase] = { ...state.trees[fx.baseSha]!, '.github/kube-immutable.yaml': { sha: 'd'.repeat(40), content: baseConfig } };
    const gh = await startGitHubApiServer(state);
    try {
      const r = await runAction(
        { ...fx, eventPath: eventFile({ merge_group: { base_sha: missingBase, head_sha: fx.headSha }, repository: { full_name: 'octo-org/deployments' } }) },
        gh,
        {},
        { GITHUB_EVENT_NAME: 'merge_group' },
      );
      expect(gh.log.map((l) => `${l.route} ${l.status}`)).toEqual([
        'GET /repos/{owner}/{repo}/compare/{basehead} 200',
        'GET /repos/{owner}/{repo}/contents/{path} 200',
      ]);
      expect(r.outputs.findings).toBe('2');
      expect(r.stdout).toMatch(/::warning title=read-only-root-filesystem,file=web\.yaml,line=19,/);
      expect(r.code).toBe(1);
    } finally {
      await gh.close();
    }
  });

  it('workflow_dispatch: scans the whole workspace', async () => {
    const r = await runAction({ ...fx, eventPath: eventFile({}) }, undefined, { 'fail-level': 'none' }, { GITHUB_EVENT_NAME: 'workflow_dispatch' });
    expect(r.code).toBe(0);
    expect(r.outputs.findings).toBe('2');
    expect(r.summary).toMatch(/web\\?\.yaml/);
  });
});

describe('reading the head files', () => {
  it('uses the contents API when the workspace is not checked out at the head SHA', async () => {
    const fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head: { 'web.yaml': NGINX } });
    const gh = await startGitHubApiServer(fx.state());
    try {
      const empty = mkdtempSync(join(tmpdir(), 'ki-empty-'));
      const r = await runAction(fx, gh, {}, { GITHUB_WORKSPACE: empty });
      expect(gh.rejections).toEqual([]);
      expect(r.code).toBe(1);
      // The configuration is read at the base commit, the manifest at the head.
      expect(
        gh.log.filter((l) => l.route === 'GET /repos/{owner}/{repo}/contents/{path}').map((l) => `${l.path.replace(/^.*\/contents\//, '')} ${l.status}`),
      ).toEqual(['.github%2Fkube-immutable.yaml 200', 'web.yaml 200']);
      expect(gh.state.reviewComments).toHaveLength(1);
    } finally {
      await gh.close();
      fx.cleanup();
    }
  });
});

describe('API faults', () => {
  it('a 422 for the anchors: the review is posted again without inline comments, every finding in its body', async () => {
    const fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head: { 'web.yaml': NGINX } });
    const gh = await startGitHubApiServer(fx.state());
    gh.faults.add(REVIEWS, { status: 422, body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] } });
    try {
      const r = await runAction(fx, gh);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/GitHub rejected the inline comments \(422\)/);
      expect(gh.state.reviews).toHaveLength(1);
      expect(gh.state.reviewComments).toHaveLength(0);
      const body = gh.state.reviews[0]!.body;
      expect(body).toContain('read-only-root-filesystem');
      expect(body).toContain('no-privilege-escalation');
      expect(body).toMatch(/```diff/);
      const channels = expectNothingLost(r, gh, run([{ path: 'web.yaml', text: NGINX }], seedPolicies).findings, { headSha: fx.headSha });
      for (const c of channels.values()) expect(c).toContain('review body');
    } finally {
      await gh.close();
      fx.cleanup();
    }
  });

  it('5xx answers are retried; a secondary rate limit waits for retry-after', async () => {
    const fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head: { 'web.yaml': NGINX } });
    const gh = await startGitHubApiServer(fx.state());
    gh.faults.add('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { status: 502 });
    gh.faults.add(REVIEWS, { secondaryRateLimit: true, retryAfter: 1 });
    try {
      const r = await runAction(fx, gh);
      expect(r.code).toBe(1);
      expect(gh.state.reviews).toHaveLength(1);
      expect(gh.state.reviewComments).toHaveLength(1);
      expect(r.stdout).toMatch(/secondary rate limit/);
      expect(r.ms).toBeGreaterThanOrEqual(1000);
      expectNothingLost(r, gh, run([{ path: 'web.yaml', text: NGINX }], seedPolicies).findings, { headSha: fx.headSha });
    } finally {
      await gh.close();
      fx.cleanup();
    }
  });
});

describe('a pull request of more than 3,000 files', () => {
  it('warns, takes the full list from git, and stays within ceil(files/100) + 3 requests', async () => {
    const fx = createLargePullRequestFixture({ count: 3100 });
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'fail-level': 'none' });
      expect(gh.rejections).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/::warning::This pull request changes more than 3000 files/);
      expect(r.outputs.findings).toBe('3100');
      expect(gh.counts().total).toBeLessThanOrEqual(Math.ceil(3000 / 100) + 3);
      expect(gh.counts().contentCreating).toBe(1);
      expect(gh.state.reviewComments).toHaveLength(30);
      expect(gh.state.reviews[0]!.body.length).toBeLessThanOrEqual(65536);
    } finally {
      await gh.close();
      fx.cleanup();
    }
  }, 120_000);
});
