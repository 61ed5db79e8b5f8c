/**
 * The action's renders (src/action/render.ts) from git objects of the head commit, with the real
 * engines (test/engines.ts, named as inputs: the runner's PATH is not searched): a workspace at
 * another commit, or an empty one, still gives the rendered findings of a changed chart and
 * overlay on the head's lines; a symbolic link in a changed chart is a visible finding, and the
 * chart is not rendered.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinPolicies } from '../../policies/index.js';
import { commitObjects } from '../../src/action/head-tree.js';
import { renderForPullRequest } from '../../src/action/render.js';
import type { Finding } from '../../src/engine/index.js';
import { createClient } from '../../src/github/client.js';
import { engineBinaries } from '../engines.js';
import { createPullRequestFixture, type PullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';

const e = engineBinaries();
const inputs = { render: true, helm: e.helm4, kubectl: e.kubectl };

const DEPLOYMENT = (privileged: boolean) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            privileged: ${privileged}
`;
const BASE_DEPLOYMENT = DEPLOYMENT(false).replace('{{ .Release.Name }}-web', 'web').replace('            privileged: false\n', '');
const PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        securityContext:
          privileged: true
`;
const base = {
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'charts/web/values.yaml': '{}\n',
  'charts/web/templates/deployment.yaml': DEPLOYMENT(false),
  'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
  'base/deployment.yaml': BASE_DEPLOYMENT,
  'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\n',
};
// The head adds two lines above the container, so head lines differ from the base's.
const HEAD_TEMPLATE = DEPLOYMENT(true).replace('spec:\n  selector:', 'spec:\n  replicas: 2\n  revisionHistoryLimit: 3\n  selector:');
const head = {
  'charts/web/templates/deployment.yaml': HEAD_TEMPLATE,
  'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\npatches:\n- path: privileged.yaml\n',
  'overlays/prod/privileged.yaml': PATCH,
};
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const where = (f: Finding) => `${f.file}:${f.range.start.line}`;

async function render(fx: PullRequestFixture, workspace: string, api?: Parameters<typeof commitObjects>[2]) {
  const changed = fx.files.map((f) => f.filename);
  const r = await renderForPullRequest(commitObjects(workspace, fx.headSha, api), workspace, changed, inputs, builtinPolicies, {});
  if (!r || 'notRendered' in r) throw new Error(`not rendered: ${JSON.stringify(r)}`);
  return r;
}

async function withApi<T>(
  fx: PullRequestFixture,
  state: ReturnType<PullRequestFixture['state']>,
  run: (api: Parameters<typeof commitObjects>[2]) => Promise<T>,
) {
  const gh = await startGitHubApiServer(state);
  const before = process.env.GITHUB_API_URL;
  process.env.GITHUB_API_URL = gh.url;
  try {
    const client = await createClient('test-token', { info: () => {}, warning: () => {} }, { maxRetries: 0 });
    return await run({ client, owner: fx.owner, repo: fx.repo });
  } finally {
    if (before === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = before;
    await gh.close();
  }
}

describe('renderForPullRequest renders the head commit, whatever the workspace holds', () => {
  const fx = createPullRequestFixture({ base, head });
  afterAll(() => fx.cleanup());
  const expected = [
    `charts/web/templates/deployment.yaml:${lineOf(HEAD_TEMPLATE, 'privileged:')}`,
    `overlays/prod/privileged.yaml:${lineOf(PATCH, 'privileged:')}`,
  ];
  const privileged = (r: Awaited<ReturnType<typeof render>>) => r.join.rest().findings.filter((f) => f.policyId === 'no-privileged-container');

  it('a workspace at the base commit: the chart and the overlay are rendered from the head, on head lines', async () => {
    execFileSync('git', ['checkout', '-q', '--detach', fx.baseSha], { cwd: fx.dir });
    try {
      const r = await render(fx, fx.dir);
      expect(r.problems).toEqual([]);
      expect(privileged(r).map(where)).toEqual(expected);
      expect(privileged(r)[0]!.message).toContain('(rendered by helm template charts/web)');
      expect(privileged(r)[1]!.message).toContain('(rendered by kustomize build overlays/prod)');
      expect([...r.excluded]).toEqual(expect.arrayContaining(['charts/web/templates/deployment.yaml', 'overlays/prod/privileged.yaml']));
      expect(r.rendered).toMatchObject({ charts: 2, files: 7 });
    } finally {
      execFileSync('git', ['checkout', '-q', 'feature'], { cwd: fx.dir });
    }
  });

  it('an empty workspace: the same findings, through the API', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ki-empty-ws-'));
    try {
      const local = await render(fx, fx.dir);
      const viaApi = await withApi(fx, fx.state(), (api) => render(fx, empty, api));
      expect(privileged(viaApi).map(where)).toEqual(expected);
      expect(viaApi.join.rest().findings.map((f) => [where(f), f.policyId, f.fingerprint])).toEqual(
        local.join.rest().findings.map((f) => [where(f), f.policyId, f.fingerprint]),
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('renderForPullRequest: a symbolic link in a changed chart of the head commit', () => {
  const fx = createPullRequestFixture({ base, head: { ...head, 'charts/web/templates/secret.yaml': { symlink: '/etc/hostname' } } });
  afterAll(() => fx.cleanup());

  it('is a visible finding at the link, the chart is not rendered, the overlay still is (local and API)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ki-empty-ws-'));
    try {
      for (const r of [await render(fx, fx.dir), await withApi(fx, fx.state(), (api) => render(fx, empty, api))]) {
        const findings = r.join.rest().findings;
        const link = findings.filter((f) => f.file === 'charts/web/templates/secret.yaml');
        expect(link.map((f) => [where(f), f.policyId, f.severity])).toEqual([['charts/web/templates/secret.yaml:1', 'file-not-scanned', 'error']]);
        expect(link[0]!.message).toMatch(
          /^The Helm chart "web" at charts\/web \(helm template\): .*is a symbolic link in the head commit [0-9a-f]{12}: kube-immutable never follows links/,
        );
        expect(findings.filter((f) => f.message.includes('rendered by helm template'))).toEqual([]);
        expect(findings.filter((f) => f.policyId === 'no-privileged-container').map(where)).toEqual([
          `overlays/prod/privileged.yaml:${lineOf(PATCH, 'privileged:')}`,
        ]);
        expect(r.rendered.charts).toBe(1);
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
