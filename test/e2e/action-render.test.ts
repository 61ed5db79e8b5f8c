/**
 * The action renders the Kustomize roots a pull request changes (real kubectl kustomize from
 * test/engines.ts on the runner's PATH) and reviews the rendered objects on the lines a person
 * edits: an overlay patch that sets privileged: true is commented at that patch line; the patch is
 * never linted as an object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { engineBinaries } from '../engines.js';
import { createPullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { SEED_CONFIG } from '../cli/helpers.js';
import { runAction } from './helpers.js';

const BASE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
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
        volumeMounts:
        - {name: cache, mountPath: /var/cache/nginx}
        - {name: run, mountPath: /var/run}
      volumes:
      - {name: cache, emptyDir: {}}
      - {name: run, emptyDir: {}}
`;

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
  '.github/kube-immutable.yaml': SEED_CONFIG,
  'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
  'base/deployment.yaml': BASE_DEPLOYMENT,
  'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: prod-\n',
};
const head = {
  'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: prod-\npatches:\n- path: privileged.yaml\n',
  'overlays/prod/privileged.yaml': PATCH,
};

describe('a pull request whose overlay patch sets privileged: true', () => {
  const fx = createPullRequestFixture({ base, head });
  afterAll(() => fx.cleanup());
  const PATH = `${dirname(engineBinaries().kubectl)}:/usr/bin:/bin`;

  it('is reviewed on the patch line, with no finding that lints the patch as an object', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'fail-level': 'warning' }, { PATH });
      expect(gh.rejections).toEqual([]);
      expect(r.code).toBe(1);
      const comments = gh.state.reviewComments;
      const privileged = comments.filter((c) => c.body.includes('no-privileged-container'));
      expect(privileged.map((c) => [c.path, c.line])).toEqual([['overlays/prod/privileged.yaml', 11]]);
      expect(privileged[0]!.body).toContain('rendered by kustomize build overlays/prod');
      expect(comments.some((c) => c.body.includes('valid-manifest'))).toBe(false);
    } finally {
      await gh.close();
    }
  });

  it('a workspace without the checkout (an empty folder): rendered from the head commit through the API, on the same patch line', async () => {
    const gh = await startGitHubApiServer(fx.state());
    const empty = mkdtempSync(join(tmpdir(), 'ki-empty-workspace-'));
    try {
      const r = await runAction(fx, gh, { 'fail-level': 'warning' }, { PATH, GITHUB_WORKSPACE: empty });
      expect(gh.rejections).toEqual([]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/rendered 1 chart\(s\) and Kustomize root\(s\) \(1 objects\) from 4 file\(s\) of the head commit [0-9a-f]{12}/);
      expect(gh.log.some((l) => l.route?.endsWith('/git/trees/{tree_sha}'))).toBe(true);
      const privileged = gh.state.reviewComments.filter((c) => c.body.includes('no-privileged-container'));
      expect(privileged.map((c) => [c.path, c.line])).toEqual([['overlays/prod/privileged.yaml', 11]]);
      expect(gh.state.reviewComments.some((c) => c.body.includes('valid-manifest'))).toBe(false);
    } finally {
      await gh.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('with render: false, the patch is scanned as a plain file (the old behaviour)', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      await runAction(fx, gh, { 'fail-level': 'warning', render: 'false' }, { PATH });
      const all = [...gh.state.reviewComments.map((c) => c.body), ...gh.state.reviews.map((x) => x.body)].join('\n');
      expect(all).not.toContain('rendered by');
      // The patch is linted as a whole object: a Deployment without selector or image.
      expect(all).toContain('valid-manifest');
    } finally {
      await gh.close();
    }
  });
});

const TEMPLATE = `apiVersion: apps/v1
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
          {{- toYaml .Values.securityContext | nindent 10 }}
        volumeMounts:
        - {name: cache, mountPath: /var/cache/nginx}
        - {name: run, mountPath: /var/run}
      volumes:
      - {name: cache, emptyDir: {}}
      - {name: run, emptyDir: {}}
`;

describe('a pull request that changes a render profile’s values file outside the chart', () => {
  // The profile is in the trusted configuration (base commit); the values file is data of the head.
  const config = `${SEED_CONFIG}
render:
  helm:
    charts:
      - path: charts/web
        profiles:
          - name: prod
            valuesFiles: [deploy/web-prod.yaml]
            releaseName: web
            namespace: shop
`;
  const fx = createPullRequestFixture({
    base: {
      '.github/kube-immutable.yaml': config,
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'charts/web/values.yaml': 'securityContext:\n  readOnlyRootFilesystem: true\n',
      'charts/web/templates/deployment.yaml': TEMPLATE,
      'deploy/web-prod.yaml': 'securityContext: {}\n',
    },
    // The pull request also rewrites the profiles (to render with values of its choosing): the base's are used.
    head: { 'deploy/web-prod.yaml': 'securityContext:\n  privileged: true\n', '.github/kube-immutable.yaml': config.replace('name: prod', 'name: from-pr') },
  });
  afterAll(() => fx.cleanup());
  const PATH = `${dirname(engineBinaries().helm4)}:/usr/bin:/bin`;

  it('renders the chart with the trusted profile and reports what the values file does, naming the profile', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'fail-level': 'warning' }, { PATH });
      expect(gh.rejections).toEqual([]);
      expect(r.code).toBe(1);
      // Markdown escapes dropped.
      const all = [...gh.state.reviewComments.map((c) => c.body), ...gh.state.reviews.map((x) => x.body), r.summary].join('\n').replace(/\\/g, '');
      expect(all).toContain('no-privileged-container');
      expect(all).toContain('rendered by helm template charts/web (prod)');
      // Only the configured profile renders the listed chart, and the values file is never linted as an object.
      expect(all).not.toContain('rendered by helm template charts/web)');
      expect(all).not.toContain('valid-manifest');
      expect(all).not.toContain('from-pr');
    } finally {
      await gh.close();
    }
  });
});
