/**
 * Issue #13: nothing a pull request changes is skipped silently. The built action on a PR that
 * adds a `{{ if` line in a ConfigMap before a privileged Pod (valid YAML: scanned), a template that
 * is not YAML, and a binary file: the Pod's finding and one file-not-scanned error per file that
 * could not be scanned reach the review, and the step fails.
 */
import { run } from '../../src/engine/index.js';
import { builtinPolicies } from '../../policies/index.js';
import { createPullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { expectNothingLost, runAction } from './helpers.js';

const HEAD: Record<string, string> = {
  'k8s/alerts.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\nimmutable: true\ndata:\n  rule: |\n    {{ if .Labels.page }}page{{ end }}\n' +
    '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: priv\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n    securityContext:\n      privileged: true\n',
  'chart/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\n{{- if .Values.debug }}\nmetadata: {name: debug}\n{{- end }}\n',
  'k8s/blob.yaml': 'a: b\u0000c\n',
};

describe('files the scan cannot read', () => {
  const fx = createPullRequestFixture({ base: { 'README.md': '# app\n' }, head: HEAD });
  afterAll(() => fx.cleanup());

  it('are file-not-scanned errors in the review, beside the findings of the valid YAML, and the step fails', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh);
      expect(gh.state.reviews).toHaveLength(1);
      const expected = run(
        Object.entries(HEAD).map(([path, text]) => ({ path, text })),
        builtinPolicies,
      ).findings;
      const notScanned = expected.filter((f) => f.policyId === 'file-not-scanned');
      expect(notScanned.map((f) => `${f.file}:${f.range.start.line}:${f.messageId}`).sort()).toEqual([
        'chart/templates/pod.yaml:3:template',
        'k8s/blob.yaml:1:binary',
      ]);
      expect(expected.some((f) => f.policyId === 'no-privileged-container' && f.file === 'k8s/alerts.yaml')).toBe(true);
      // The review (its comments or its body) names each file that was not scanned.
      const review = [gh.state.reviews[0]!.body ?? '', ...gh.state.reviewComments.map((c) => c.body)].join('\n');
      expect(review).toContain('file-not-scanned');
      expect(review).toContain('it is binary');
      expect(review).toContain('holds Helm');
      expectNothingLost(r, gh, expected, { headSha: fx.headSha });
      expect(r.code).toBe(1);
    } finally {
      await gh.close();
    }
  }, 60_000);
});
