/**
 * `scan` renders Helm charts and Kustomize roots with the real engines (test/engines.ts) and
 * puts each finding on the source line a person edits; patch files and templates are never
 * linted as objects; a chart or root it cannot render is a visible finding.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  return { ...r, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
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
    expect(r.findings.every((f) => (f.fixId ?? null) === null)).toBe(true);
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
