import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { ROOT, runAction } from './helpers.js';

const example = (p: string) => readFileSync(join(ROOT, 'examples', 'custom-policies', p), 'utf8');

/** The repository's configuration at the base commit: extends the org's, overrides it, loads custom policies. */
const REPO_CONFIG = `extends: ../platform/kube-immutable.yaml
policies:
  no-privilege-escalation: warning     # the org says error; this repository relaxes it
  owner-label:
    severity: error
    options: {labelKey: team}
customPolicies: ../kube-immutable-policies
exemptions:
  annotations: allowed                 # this repository lets a pull request's manifests exempt themselves (default: base-only)
`;

/** The org-wide configuration, checked out separately (not part of the repository). */
const ORG_CONFIG = `preset: immutability
policies:
  no-privilege-escalation: error
  immutable-configmap-secret: "off"
  image-digest: "off"
  no-runtime-mutation: "off"
  no-writable-host-path: "off"
  no-exec-access: "off"
`;

/** A custom policy that writes a marker file when it is loaded: the pull request's version must never run. */
const markerPolicy = (marker: string) => `import { definePolicy } from 'kube-immutable/policy';
const fs = (process as any).getBuiltinModule?.('node:fs');
fs?.writeFileSync(${JSON.stringify(marker)}, 'loaded');
export default definePolicy({
  id: 'marker',
  meta: { description: 'd', category: 'hardening', defaultSeverity: 'error', fixable: false, messages: { m: 'marker policy ran' }, remediation: '', docsUrl: 'https://example.com/marker' },
  check(ctx) { ctx.report({ messageId: 'm', node: ctx.manifest.node }); },
});
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {team: payments}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
      annotations:
        ignore.kube-immutable.io/read-only-root-filesystem: "containers=legacy; vendor agent writes to /opt, PAY-99"
    spec:
      containers:
      - name: app
        image: ghcr.io/acme/app:1.0
      - name: legacy
        image: ghcr.io/vendor/agent:7
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data: {a: b}
`;

describe('org config + repo config + annotation exemption + custom policy, from the base commit', () => {
  const marker = join(tmpdir(), `ki-marker-${process.pid}-${Date.now()}`);
  const fx = createPullRequestFixture({
    base: {
      '.github/kube-immutable.yaml': REPO_CONFIG,
      'kube-immutable-policies/owner-label.ts': example('owner-label.ts'),
      'kube-immutable-policies/lib/labels.ts': example('lib/labels.ts'),
    },
    head: {
      'deploy/web.yaml': DEPLOYMENT,
      // The pull request tries to turn everything off and to add a policy that writes a marker.
      '.github/kube-immutable.yaml': 'preset: immutability\npolicies:\n  read-only-root-filesystem: "off"\n  no-privilege-escalation: "off"\n',
      'kube-immutable-policies/marker.ts': markerPolicy(marker),
      'kube-immutable-policies/owner-label.ts': markerPolicy(marker).replace("id: 'marker'", "id: 'owner-label'"),
    },
  });
  // The org configuration: a repository of its own checked out inside the workspace (actions/checkout
  // with repository: and path: platform), named by the trusted-folder input.
  mkdirSync(join(fx.dir, 'platform'), { recursive: true });
  writeFileSync(join(fx.dir, 'platform', 'kube-immutable.yaml'), ORG_CONFIG);
  const orgGit = (...a: string[]) =>
    execFileSync('git', ['-c', 'user.name=o', '-c', 'user.email=o@example.invalid', ...a], { cwd: join(fx.dir, 'platform'), stdio: 'ignore' });
  orgGit('init', '-q');
  orgGit('add', '-A');
  orgGit('commit', '-q', '-m', 'org');
  afterAll(() => fx.cleanup());

  it('behaves as documented, and never loads the pull request version of the configuration or policies', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const sarifPath = join(fx.dir, '..', 'config.sarif');
      const r = await runAction(fx, gh, { 'sarif-file': sarifPath, 'trusted-folder': 'platform' });
      expect(gh.rejections).toEqual([]);
      expect(existsSync(marker)).toBe(false);
      expect(r.stdout).toMatch(
        /::notice::kube-immutable: this pull request changes \.github\/kube-immutable\.yaml, kube-immutable-policies\/marker\.ts, kube-immutable-policies\/owner-label\.ts; the configuration and custom policies of the base commit were used/,
      );
      const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
      const results = sarif.runs[0].results as {
        ruleId: string;
        level: string;
        message: { text: string };
        suppressions?: { kind: string; justification: string }[];
      }[];
      const summary = results.map((x) => `${x.ruleId}:${x.level}:${x.suppressions ? 'suppressed' : 'active'}`).sort();
      expect(summary).toEqual(
        [
          // read-only-root-filesystem: app is reported, legacy is exempted by the pod-template annotation
          'read-only-root-filesystem:error:active',
          'read-only-root-filesystem:error:suppressed',
          // the repo config relaxes the org's error to a warning
          'no-privilege-escalation:warning:active',
          'no-privilege-escalation:warning:active',
          // the custom policy, from the base commit, with the repo's options (labelKey: team): the template lacks it
          'owner-label:error:active',
        ].sort(),
      );
      // The org config turned immutable-configmap-secret off; the marker policy never ran.
      expect(results.some((x) => x.ruleId === 'immutable-configmap-secret' || x.ruleId === 'marker')).toBe(false);
      const suppressed = results.find((x) => x.suppressions)!;
      expect(suppressed.suppressions![0]).toMatchObject({ kind: 'inSource' });
      expect(suppressed.suppressions![0]!.justification).toMatch(/vendor agent writes to \/opt, PAY-99/);
      // Review comments: never for the suppressed finding.
      const comments = gh.state.reviewComments.map((c) => c.body).join('\n');
      expect(comments).toContain('owner-label');
      expect(comments).not.toMatch(/container "legacy"[^\n]*readOnlyRootFilesystem/);
      expect(r.summary).toMatch(/suppressed/);
      expect(r.summary).toMatch(/base commit's configuration and custom policies were used/);
      expect(r.code).toBe(1);
    } finally {
      await gh.close();
    }
  });

  it('the same marker policy, when it is in the trusted base, does run (so the test above would catch a load)', async () => {
    const marker2 = `${marker}-base`;
    const fx2 = createPullRequestFixture({
      base: { '.github/kube-immutable.yaml': 'customPolicies: ../kube-immutable-policies\n', 'kube-immutable-policies/marker.ts': markerPolicy(marker2) },
      head: { 'deploy/web.yaml': DEPLOYMENT },
    });
    const gh = await startGitHubApiServer(fx2.state());
    try {
      const r = await runAction(fx2, gh, { 'fail-level': 'none' });
      expect(existsSync(marker2)).toBe(true);
      expect(gh.state.reviewComments.map((c) => c.body).join('\n')).toContain('marker policy ran');
      expect(r.code).toBe(0);
    } finally {
      await gh.close();
      fx2.cleanup();
    }
  });

  it('a bad configuration is an error naming the file, line and key, and fails the step', async () => {
    const fx3 = createPullRequestFixture({
      base: { '.github/kube-immutable.yaml': 'policies:\n  read-only-root-filesystem: loud\n' },
      head: { 'deploy/web.yaml': DEPLOYMENT },
    });
    const gh = await startGitHubApiServer(fx3.state());
    try {
      const r = await runAction(fx3, gh, { 'fail-level': 'none' });
      expect(r.stdout).toMatch(
        /::error title=kube-immutable configuration,file=\.github\/kube-immutable\.yaml,line=2,col=\d+::kube-immutable configuration: policies\.read-only-root-filesystem: /,
      );
      expect(r.code).toBe(1);
    } finally {
      await gh.close();
      fx3.cleanup();
    }
  });
});
