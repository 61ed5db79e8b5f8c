/**
 * `scan` renders Helm charts and Kustomize roots with the real engines (test/engines.ts) and
 * puts each finding on the source line a person edits; patch files and templates are never
 * linted as objects; a chart or root it cannot render is a visible finding.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Finding } from '../../src/engine/index.js';
import { engineBinaries } from '../engines.js';
import { cli } from './helpers.js';

const RENDER_CORPUS = new URL('../render-corpus/', import.meta.url).pathname;
const e = engineBinaries();
const PATH = [dirname(e.helm4), dirname(e.kubectl)].join(':');

/** A copy of a vendored tree, to scan (and edit) without touching the repository. */
function copyOf(rel: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ki-render-cli-'));
  cpSync(join(RENDER_CORPUS, rel), dir, { recursive: true });
  return dir;
}

const json = async (args: string[], cwd: string, env: Record<string, string> = { PATH }) => {
  const r = await cli(['scan', '.', '--format', 'json', '--fail-level', 'none', ...args], cwd, { env });
  const report = JSON.parse(r.stdout) as { findings: Finding[]; files: { path: string; patch: string }[]; fixes: { file: string; patch: string }[] };
  return { ...r, findings: report.findings, files: report.files, fixes: report.fixes };
};
const where = (f: Finding) => `${f.file}:${f.range.start.line} ${f.policyId}`;

describe('scan renders Helm charts', () => {
  it('podinfo: findings on the template lines, none on templates as plain files', async () => {
    const dir = copyOf('helm/podinfo');
    const r = await json([], dir);
    expect(r.stderr).toBe('');
    const ro = r.findings.find((f) => f.policyId === 'read-only-root-filesystem')!;
    expect(ro.file).toBe('templates/deployment.yaml');
    expect(ro.range.start.line).toBeGreaterThan(1);
    expect(ro.message).toContain('(rendered by helm template .)');
    expect(r.findings.filter((f) => f.policyId === 'file-not-scanned')).toEqual([]);
    // Fixes are offered only in the chart's values (proven by rendering again), never on the rendered text.
    const fixed = r.findings.filter((f) => (f.fixId ?? null) !== null);
    expect(fixed.length).toBeGreaterThan(0);
    expect(fixed.every((f) => f.file === 'values.yaml' && /rendered from templates\/deployment\.yaml line \d+/.test(f.message))).toBe(true);
    expect(fixed.every((f) => f.origin?.file === 'templates/deployment.yaml')).toBe(true);
    // The values file's patch is in the report, as a plain file's is.
    expect(r.files.find((f) => f.path === 'values.yaml')?.patch).toMatch(/^\+ {2}allowPrivilegeEscalation: false$/m);
    expect(r.fixes.find((g) => g.file === 'values.yaml')?.patch).toMatch(/^\+ {2}allowPrivilegeEscalation: false$/m);
  });

  it('--no-render: the old plain scan (templates are file-not-scanned)', async () => {
    const r = await json(['--no-render'], copyOf('helm/podinfo'));
    expect(r.findings.some((f) => f.policyId === 'file-not-scanned' && f.messageId === 'template')).toBe(true);
    expect(r.findings.some((f) => f.message.includes('rendered by'))).toBe(false);
  });

  it('no helm on PATH: one visible finding at Chart.yaml, nothing of the chart checked silently', async () => {
    const r = await json([], copyOf('helm/podinfo'), { PATH: mkdtempSync(join(tmpdir(), 'ki-empty-')) });
    expect(r.findings.map(where)).toEqual(['Chart.yaml:1 file-not-scanned']);
    expect(r.findings[0]!.message).toMatch(/^The Helm chart "podinfo" at \. was not analysed: no helm binary was found on PATH\./);
  });

  it('Helm 3 named with --helm gives the same findings as Helm 4 on PATH', async () => {
    const dir = copyOf('helm/podinfo');
    const four = await json([], dir);
    const three = await json(['--helm', e.helm3], dir, { PATH: dirname(e.kubectl) });
    expect(three.findings.map(where)).toEqual(four.findings.map(where));
  });
});

describe('scan renders the render profiles of the configuration', () => {
  const config = (profiles: string) => `render:\n  helm:\n    charts:\n      - path: .\n        profiles:\n${profiles}`;

  it('podinfo with two profiles: each finding names the profiles that render it; the prod values file is not scanned as a manifest', async () => {
    const dir = copyOf('helm/podinfo');
    mkdirSync(join(dir, '.github'));
    writeFileSync(
      join(dir, '.github/kube-immutable.yaml'),
      config('          - name: dev\n          - name: prod\n            valuesFiles: [values-prod.yaml]\n'),
    );
    const r = await json([], dir);
    expect(r.stderr).toBe('');
    const ro = r.findings.find((f) => f.policyId === 'read-only-root-filesystem' && f.file === 'templates/deployment.yaml')!;
    expect(ro.message).toContain('(rendered by helm template . (dev), helm template . (prod))');
    const redis = r.findings.filter((f) => f.file === 'templates/redis/deployment.yaml');
    expect(redis.length).toBeGreaterThan(0);
    expect(redis.every((f) => f.message.endsWith('(rendered by helm template . (prod))'))).toBe(true);
    // values-prod.yaml is never linted as a manifest; findings there are fixes moved to it (it sets securityContext last for prod).
    expect(r.findings.filter((f) => (f.file === 'values-prod.yaml' && f.origin === undefined) || f.policyId === 'file-not-scanned')).toEqual([]);
    const prodFixes = r.findings.filter((f) => f.file === 'values-prod.yaml');
    expect(prodFixes.every((f) => (f.fixId !== null || f.suggestions.length > 0) && f.message.endsWith('(rendered by helm template . (prod))'))).toBe(true);
  });

  it('a profile with a release name Helm refuses is a configuration problem at its line (exit 2)', async () => {
    const dir = copyOf('helm/podinfo');
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github/kube-immutable.yaml'), config('          - name: prod\n            releaseName: Prod_Web\n'));
    const r = await cli(['scan', '.', '--format', 'json'], dir, { env: { PATH } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.github/kube-immutable.yaml:7:26: render.helm.charts[0].profiles[0].releaseName: must be a lowercase DNS-1123 name');
  });
});

describe('scan builds Kustomize roots', () => {
  it('springboot: the base findings on base lines, once for both overlays; patches are not linted as objects', async () => {
    const r = await json([], copyOf('kustomize/springboot'));
    expect(r.stderr).toBe('');
    const files = new Set(r.findings.map((f) => f.file));
    expect([...files].filter((f) => /patch/.test(f))).toEqual([]);
    expect(r.findings.some((f) => f.policyId === 'valid-manifest')).toBe(false);
    const ro = r.findings.filter((f) => f.policyId === 'read-only-root-filesystem');
    expect(ro.map(where)).toEqual(['base/deployment.yaml:17 read-only-root-filesystem']);
    expect(ro[0]!.message).toContain('kustomize build overlays/production');
    expect(ro[0]!.message).toContain('kustomize build overlays/staging');
  });

  it('an overlay patch that sets privileged: true is seen, and pointed at that line of the patch', async () => {
    const dir = copyOf('kustomize/springboot');
    writeFileSync(
      join(dir, 'overlays/production/privileged_patch.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sbdemo\nspec:\n  template:\n    spec:\n      containers:\n        - name: sbdemo\n          securityContext:\n            privileged: true\n',
    );
    writeFileSync(
      join(dir, 'overlays/production/kustomization.yaml'),
      'resources:\n- ../../base\npatches:\n- path: patch.yaml\n- path: healthcheck_patch.yaml\n- path: memorylimit_patch.yaml\n- path: privileged_patch.yaml\nnamePrefix: production-\n',
    );
    const r = await json([], dir);
    const p = r.findings.filter((f) => f.policyId === 'no-privileged-container');
    expect(p).toHaveLength(1);
    expect(p[0]!.file).toBe('overlays/production/privileged_patch.yaml');
    expect(p[0]!.range.start.line).toBe(11);
    expect(p[0]!.message).toContain('(set by this patch)');
    expect(p[0]!.message).toContain('(rendered by kustomize build overlays/production)');
    // The patch file itself is never linted as an object.
    expect(r.findings.filter((f) => f.file.endsWith('_patch.yaml') && f.policyId !== 'no-privileged-container')).toEqual([]);
  });

  it('base findings keep their plain fixes; fix writes the base and the builds confirm it', async () => {
    const dir = copyOf('kustomize/springboot');
    const before = await json([], dir);
    const npe = before.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    expect(npe.file).toBe('base/deployment.yaml');
    expect(npe.fixId ?? null).not.toBeNull();
    const r = await cli(['fix', '.', '--fail-level', 'none'], dir, { env: { PATH } });
    expect(r.stdout).toMatch(/^fixed base\/deployment\.yaml: \d+ findings$/m);
    expect(readFileSync(join(dir, 'base/deployment.yaml'), 'utf8')).toContain('allowPrivilegeEscalation: false');
    const after = await json([], dir);
    expect(after.findings.some((f) => f.policyId === 'no-privilege-escalation')).toBe(false);
    expect(r.stdout).not.toMatch(/no-privilege-escalation/);
  });

  it('fix writes the fix of a value an overlay patch sets into that patch, with the base fix; nothing of either is left', async () => {
    const dir = copyOf('kustomize/springboot');
    const patch = (value: boolean) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sbdemo\nspec:\n  template:\n    spec:\n      containers:\n        - name: sbdemo\n          securityContext:\n            allowPrivilegeEscalation: ${value}\n`;
    writeFileSync(join(dir, 'overlays/production/ape_patch.yaml'), patch(true));
    const k = join(dir, 'overlays/production/kustomization.yaml');
    writeFileSync(k, readFileSync(k, 'utf8').replace(/^patches:\n/m, 'patches:\n- path: ape_patch.yaml\n'));
    const before = await json([], dir);
    const inPatch = before.findings.filter((f) => f.file === 'overlays/production/ape_patch.yaml');
    expect(inPatch.map(where)).toEqual(['overlays/production/ape_patch.yaml:11 no-privilege-escalation']);
    expect(inPatch[0]!.fixId ?? null).not.toBeNull();
    // The JSON report holds the patch's diff, for the file and for its fix.
    const report = JSON.parse(before.stdout) as { files: { path: string; patch: string }[]; fixes: { id: string; patch: string }[] };
    expect(report.files.find((f) => f.path === 'overlays/production/ape_patch.yaml')!.patch).toContain('+            allowPrivilegeEscalation: false');
    expect(report.fixes.find((g) => g.id === inPatch[0]!.fixId)!.patch).toContain('-            allowPrivilegeEscalation: true');
    const dry = await cli(['fix', '.', '--dry-run', '--fail-level', 'none'], dir, { env: { PATH } });
    expect(dry.stdout).toContain('+++ b/overlays/production/ape_patch.yaml');
    expect(readFileSync(join(dir, 'overlays/production/ape_patch.yaml'), 'utf8')).toBe(patch(true));
    const r = await cli(['fix', '.', '--fail-level', 'none'], dir, { env: { PATH } });
    expect(r.stdout).toMatch(/^fixed overlays\/production\/ape_patch\.yaml: 1 finding$/m);
    expect(r.stdout).toMatch(/^fixed base\/deployment\.yaml: \d+ findings$/m);
    expect(readFileSync(join(dir, 'overlays/production/ape_patch.yaml'), 'utf8')).toBe(patch(false));
    expect(r.stdout).not.toMatch(/no-privilege-escalation/);
    const after = await json([], dir);
    expect(after.findings.filter((f) => f.policyId === 'no-privilege-escalation')).toEqual([]);
    // Every finding the first scan offered a fix for is gone.
    const fixed = new Set(before.findings.filter((f) => (f.fixId ?? null) !== null).map(where));
    expect(fixed.size).toBeGreaterThan(1);
    expect(after.findings.filter((f) => fixed.has(where(f)))).toEqual([]);
  });

  it('fix does not write a base fix that an overlay patch turns back (its rebuild still shows the finding)', async () => {
    const dir = copyOf('kustomize/springboot');
    const basePath = join(dir, 'base/deployment.yaml');
    const baseText = readFileSync(basePath, 'utf8').replace(
      '          image: jingfang/sbdemo\n',
      '          image: jingfang/sbdemo\n          securityContext:\n            allowPrivilegeEscalation: true\n',
    );
    writeFileSync(basePath, baseText);
    writeFileSync(
      join(dir, 'overlays/production/ape_patch.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sbdemo\nspec:\n  template:\n    spec:\n      containers:\n        - name: sbdemo\n          securityContext:\n            allowPrivilegeEscalation: true\n',
    );
    const k = join(dir, 'overlays/production/kustomization.yaml');
    writeFileSync(k, readFileSync(k, 'utf8').replace(/^patches:\n/m, 'patches:\n- path: ape_patch.yaml\n'));
    const before = await json([], dir);
    const npe = before.findings.filter((f) => f.policyId === 'no-privilege-escalation');
    expect(npe.map(where)).toEqual(['base/deployment.yaml:20 no-privilege-escalation']);
    expect(npe[0]!.fixId ?? null).toBeNull();
    expect(npe[0]!.fixProblem).toMatch(/kustomize build overlays\/production still shows no-privilege-escalation/);
    const r = await cli(['fix', '.', '--fail-level', 'none'], dir, { env: { PATH } });
    // The container's fix is not written; the pod's own (seccomp), which both rebuilds confirm, is.
    const written = readFileSync(basePath, 'utf8');
    expect(written).toContain('allowPrivilegeEscalation: true');
    expect(written).not.toContain('allowPrivilegeEscalation: false');
    expect(written).toContain('type: RuntimeDefault');
    expect(r.stdout).toMatch(/no-privilege-escalation/);
  });

  it('a base finding every overlay fixes with a patch is not reported (no deployed object has it)', async () => {
    const dir = copyOf('kustomize/springboot');
    const patch =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sbdemo\nspec:\n  template:\n    spec:\n      containers:\n        - name: sbdemo\n          securityContext:\n            allowPrivilegeEscalation: false\n';
    for (const overlay of ['production', 'staging']) {
      writeFileSync(join(dir, `overlays/${overlay}/ape_patch.yaml`), patch);
      const k = join(dir, `overlays/${overlay}/kustomization.yaml`);
      const text = readFileSync(k, 'utf8');
      writeFileSync(
        k,
        /^patches:/m.test(text) ? text.replace(/^patches:\n/m, 'patches:\n- path: ape_patch.yaml\n') : `${text}patches:\n- path: ape_patch.yaml\n`,
      );
    }
    const r = await json([], dir);
    expect(r.stderr).toBe('');
    expect(r.findings.some((f) => f.policyId === 'no-privilege-escalation')).toBe(false);
    expect(r.findings.some((f) => f.policyId === 'read-only-root-filesystem')).toBe(true);
  });

  it('a remote base is refused before anything runs: a finding at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ki-render-remote-'));
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n- https://github.com/example/repo//deploy?ref=main\n');
    const r = await json([], dir);
    expect(r.findings.map(where)).toEqual(['kustomization.yaml:2 file-not-scanned']);
    expect(r.findings[0]!.message).toMatch(/^The Kustomize root \. \(kustomize build\): /);
  });
});

describe('scan finds a root whose kustomization is the extensionless Kustomization', () => {
  it('builds it: the patch that sets privileged: true is pointed at, and neither the patch nor Kustomization is linted as an object', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ki-render-extensionless-'));
    writeFileSync(join(dir, 'Kustomization'), 'resources:\n- deployment.yaml\npatches:\n- path: privileged.yaml\n');
    writeFileSync(
      join(dir, 'deployment.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n',
    );
    writeFileSync(
      join(dir, 'privileged.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        securityContext:\n          privileged: true\n',
    );
    const r = await json([], dir);
    const p = r.findings.filter((f) => f.policyId === 'no-privileged-container');
    expect(p.map(where)).toEqual(['privileged.yaml:11 no-privileged-container']);
    expect(p[0]!.message).toContain('(rendered by kustomize build .)');
    expect(r.findings.filter((f) => f.file === 'privileged.yaml' && f.policyId !== 'no-privileged-container')).toEqual([]);
    expect(r.findings.filter((f) => f.file === 'Kustomization')).toEqual([]);
    // --no-render: the patch is linted as an object again (what the render step keeps out).
    const plain = await json(['--no-render'], dir);
    expect(plain.findings.some((f) => f.file === 'privileged.yaml' && f.policyId === 'valid-manifest')).toBe(true);
  });
});
