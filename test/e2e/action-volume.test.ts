/**
 * No finding lost on a big pull request: more findings than the review (65,536 characters,
 * max-comments), the annotations (10 per level per step) and — with long names — the job
 * summary (1 MiB) can hold, and no sarif-file. Every finding must reach a channel that really
 * holds it, and no text may name a channel that does not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { run } from '../../src/engine/index.js';
import { SEED_CONFIG } from '../cli/helpers.js';
import { createPullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { seedPolicies } from '../seed-policies.js';
import { annotationsOf, expectNothingLost, loggedFindingsOf, runAction } from './helpers.js';

/** `n` ConfigMaps (one warning each, with a fix) in one file; names padded to `nameLength`. */
function configMaps(n: number, nameLength = 0): string {
  return Array.from({ length: n }, (_, i) => {
    const name = `cfg-${i}`.padEnd(nameLength, 'x');
    return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "${i}"\n`;
  }).join('---\n');
}

const MiB = 1024 * 1024;

describe('a pull request with 600 findings, no sarif-file', () => {
  const head = { 'k8s/many.yaml': configMaps(600) };
  const fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head });
  afterAll(() => fx.cleanup());
  const expected = run([{ path: 'k8s/many.yaml', text: head['k8s/many.yaml'] }], seedPolicies).findings;

  it('fills the review (30 inline, the body up to 65,536 characters); the rest are in the job summary, which says where everything is and never names SARIF', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'fail-level': 'warning' });
      expect(expected.length).toBe(600);
      expect(gh.state.reviews).toHaveLength(1);
      expect(gh.state.reviewComments).toHaveLength(30);
      const body = gh.state.reviews[0]!.body;
      expect(body.length).toBeLessThanOrEqual(65_536);
      expect(body).toMatch(/_Note: \d+ more entries \(\d+ findings\) did not fit in this review body \(65,536 characters\); they are in the job summary\._/);
      const channels = expectNothingLost(r, gh, expected, { headSha: fx.headSha, failLevel: 'warning' });
      const inReview = [...channels.values()].filter((c) => c.includes('review comment') || c.includes('review body')).length;
      expect(inReview).toBeLessThan(600);
      // Every finding the review does not hold is in the job summary.
      for (const c of channels.values()) if (!c.includes('review comment') && !c.includes('review body')) expect(c).toContain('job summary');
      expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(MiB);
      expect(r.summary).not.toMatch(/SARIF/);
      expect(body).not.toMatch(/SARIF|annotations/);
      // Annotations (the findings outside the review) stay within GitHub's per-step limits.
      const warnings = annotationsOf(r.stdout).filter((a) => a.level === 'warning');
      expect(warnings.length).toBeLessThanOrEqual(10);
      expect(r.summary).toMatch(
        /_Note: \d+ findings outside the review were not annotated \(GitHub shows at most 10 annotations of each level per step and 50 per job\); they are in the job summary\._/,
      );
      expect(loggedFindingsOf(r.stdout)).toEqual([]);
      expect(r.outputs['sarif-file']).toBe('');
    } finally {
      await gh.close();
    }
  }, 120_000);

  it('a read-only token: no review; annotations take what GitHub keeps, the job summary has every finding, and the warning names only those channels', async () => {
    const gh = await startGitHubApiServer(fx.state());
    gh.state.readOnly = true;
    try {
      const r = await runAction(fx, gh, { 'fail-level': 'none' });
      expect(gh.state.reviews).toHaveLength(0);
      expect(r.stdout).toMatch(/::warning::kube-immutable could not post its review: .* Findings are reported in the job summary and as annotations instead\./);
      const channels = expectNothingLost(r, gh, expected, { headSha: fx.headSha, failLevel: 'none' });
      for (const c of channels.values()) expect(c).toContain('job summary');
      // 10 warnings a step: the review's own warning takes one.
      expect(annotationsOf(r.stdout).filter((a) => a.level === 'warning')).toHaveLength(10);
      expect(annotationsOf(r.stdout).filter((a) => a.level === 'warning' && a.properties.title === 'immutable-configmap-secret')).toHaveLength(9);
      expect(r.summary).toContain('_Note: 591 findings outside the review were not annotated');
      expect(r.summary).not.toMatch(/SARIF/);
    } finally {
      await gh.close();
    }
  }, 120_000);
});

describe('a pull request whose findings do not fit in the job summary either (2,500 ConfigMaps with 250-character names)', () => {
  const head = { 'k8s/huge.yaml': configMaps(2_500, 250) };
  const fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': SEED_CONFIG }, head });
  afterAll(() => fx.cleanup());
  const expected = run([{ path: 'k8s/huge.yaml', text: head['k8s/huge.yaml'] }], seedPolicies).findings;

  it('keeps the summary under 1 MiB with honest notes; what neither it nor the annotations hold is in the step log', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'fail-level': 'none' });
      expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(MiB);
      const channels = expectNothingLost(r, gh, expected, { headSha: fx.headSha, failLevel: 'none' });
      const logged = loggedFindingsOf(r.stdout);
      expect(logged.length).toBeGreaterThan(0);
      // The log has exactly the findings no other channel holds.
      expect([...channels.values()].filter((c) => c.includes('step log')).every((c) => c.length === 1)).toBe(true);
      const m =
        /_Note: (\d+) more findings not listed here \(the job summary is limited to 1,048,576 bytes\); of these, (\d+) are in the review, (\d+) in the annotations and (\d+) in the step log\._/.exec(
          r.summary,
        );
      expect(m).not.toBeNull();
      const [, omitted, review, annotated, log] = m!.map(Number);
      expect(review! + annotated! + log!).toBe(omitted);
      expect(log).toBe(logged.length);
      expect(r.summary).toContain(
        `_Note: ${logged.length} findings are in no other report of this run (set the sarif-file input to get every finding in one file): the step log lists them._`,
      );
      expect(gh.state.reviews[0]!.body).toMatch(
        /did not fit in this review body \(65,536 characters\); of these, \d+ are in the job summary, \d+ in the annotations and \d+ in the step log\._/,
      );
      expect(r.summary).not.toMatch(/SARIF file/);
    } finally {
      await gh.close();
    }
  }, 300_000);

  it('with a sarif-file: the notes name it, and nothing needs the step log', async () => {
    const gh = await startGitHubApiServer(fx.state());
    const sarifFile = join(tmpdir(), `ki-volume-${process.pid}.sarif`);
    try {
      const r = await runAction(fx, gh, { 'fail-level': 'none', 'sarif-file': sarifFile });
      expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(MiB);
      expectNothingLost(r, gh, expected, { headSha: fx.headSha, failLevel: 'none', sarifFile });
      expect(JSON.parse(readFileSync(sarifFile, 'utf8')).runs[0].results).toHaveLength(2_500);
      expect(loggedFindingsOf(r.stdout)).toEqual([]);
      expect(r.summary).toMatch(/_Note: \d+ more findings not listed here \(the job summary is limited to 1,048,576 bytes\); they are in the SARIF file\._/);
      expect(gh.state.reviews[0]!.body).toMatch(
        /did not fit in this review body \(65,536 characters\); they are in the SARIF file(?: and the job summary)?\._/,
      );
    } finally {
      await gh.close();
    }
  }, 300_000);
});
