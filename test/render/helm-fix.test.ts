/**
 * Fixes of rendered Helm objects moved to the chart's values and proven by rendering again
 * (src/render/helm-fix.ts), with the real Helm (test/engines.ts): the probe finds where each
 * values key renders, the values file is edited in its own style, and the edited file, rendered
 * again, clears the findings — or the reason there is no values fix is said.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { builtinPolicies } from '../../policies/index.js';
import type { Finding, RunResult } from '../../src/engine/index.js';
import { dataChanges, valuesCandidates } from '../../src/render/helm-fix.js';
import { renderForScan } from '../../src/render/index.js';
import { applyEdits } from '../../src/yaml/index.js';
import { engineBinaries } from '../engines.js';

const e = engineBinaries();
const RENDER_CORPUS = new URL('../render-corpus/', import.meta.url).pathname;

/** A folder with `files` (relative path → text) written. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ki-helm-fix-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  return dir;
}

/** Every file under `dir`, relative path → text. */
function treeOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const abs = join(d, n);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.set(relative(dir, abs), readFileSync(abs, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

async function scan(dir: string): Promise<RunResult> {
  const r = await renderForScan(treeOf(dir), builtinPolicies, {}, { repoRoot: dir, engines: { helm: e.helm4, path: dirname(e.helm4) } });
  return r.result;
}

/** Apply the fix group of `f` to its file on disk. */
function applyFix(dir: string, result: RunResult, f: Finding): string {
  const g = result.fixes.find((x) => x.id === f.fixId)!;
  const path = join(dir, g.file);
  const fixed = applyEdits(readFileSync(path, 'utf8'), g.edits);
  writeFileSync(path, fixed);
  return fixed;
}

const CHART = 'apiVersion: v2\nname: app\nversion: 1.0.0\n';
const deployment = (name: string, containerSc: string, podSc = '', volumes = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
${podSc}      containers:
        - name: app
          image: "registry.example/app@sha256:${'a'.repeat(64)}"
${containerSc}${volumes}`;

describe('dataChanges', () => {
  it('new keys are set, named list items matched by name and new ones appended', () => {
    const before = { a: 1, c: [{ name: 'x', v: 1 }] };
    const after = { a: 1, b: { z: true }, c: [{ name: 'x', v: 2 }, { name: 'y' }] };
    expect(dataChanges(before, after)).toEqual([
      { op: 'set', path: [{ key: 'b' }], value: { z: true } },
      { op: 'set', path: [{ key: 'c' }, { name: 'x' }, { key: 'v' }], value: 2 },
      { op: 'append', path: [{ key: 'c' }], item: { name: 'y' } },
    ]);
  });
  it('a removed key or named item is no fix a values key can make', () => {
    expect(dataChanges({ a: 1, b: 2 }, { a: 1 })).toBeUndefined();
    expect(dataChanges({ c: [{ name: 'x' }] }, { c: [{ name: 'y' }] })).toBeUndefined();
  });
  it('a scalar list: kept items then appended ones, else the list is set whole', () => {
    expect(dataChanges({ d: ['A'] }, { d: ['A', 'B'] })).toEqual([{ op: 'append', path: [{ key: 'd' }], item: 'B' }]);
    expect(dataChanges({ d: ['all'] }, { d: ['ALL'] })).toEqual([{ op: 'set', path: [{ key: 'd' }], value: ['ALL'] }]);
  });
});

describe('valuesCandidates', () => {
  it('security-context maps and volume lists the templates read, where the values allow them', () => {
    const t = [
      '{{ toYaml .Values.securityContext }} {{ .Values.controller.containerSecurityContext.runAsUser }}',
      '{{ with .Values.extraVolumes }}{{ end }} {{ .Values.image.tag }} {{ .Values.podSecurityContext }}',
    ];
    const merged = { securityContext: {}, controller: {}, extraVolumes: [], podSecurityContext: 'oops' };
    expect(valuesCandidates(t, merged)).toEqual([
      { key: ['securityContext'], type: 'map' },
      { key: ['controller', 'containerSecurityContext'], type: 'map' },
      { key: ['extraVolumes'], type: 'list' },
    ]);
  });
});

describe('values fixes proven by helm template', () => {
  it('podinfo: the fix group lands on values.yaml, fills the {} placeholder in block style, and the edited chart renders clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ki-helm-fix-podinfo-'));
    cpSync(join(RENDER_CORPUS, 'helm/podinfo'), dir, { recursive: true });
    const before = readFileSync(join(dir, 'values.yaml'), 'utf8');
    const r = await scan(dir);
    const npe = r.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    expect(npe.file).toBe('values.yaml');
    expect(before.split('\n')[npe.range.start.line - 1]).toBe('securityContext: {}');
    expect(npe.message).toMatch(/rendered from templates\/deployment\.yaml line \d+; the fix goes through \.Values\.securityContext/);
    expect(npe.fixId).toBeDefined();
    const group = r.fixes.find((g) => g.id === npe.fixId)!;
    expect(group.file).toBe('values.yaml');
    // The values file entry carries the text `fix` writes.
    expect(r.files.find((f) => f.path === 'values.yaml')?.fixedText).toBe(applyEdits(before, group.edits));
    const fixed = applyFix(dir, r, npe);
    // Only lines added, below the key, in block style.
    const added = fixed.split('\n').filter((l) => !before.split('\n').includes(l));
    const placeholders = new Map([
      ['securityContext: {}', 'securityContext:'],
      ['podSecurityContext: {}', 'podSecurityContext:'],
    ]);
    expect(fixed.split('\n').filter((l) => !added.includes(l))).toEqual(before.split('\n').filter((l) => !placeholders.has(l)));
    expect(added.filter((l) => [...placeholders.values()].includes(l))).toEqual(['securityContext:', 'podSecurityContext:']);
    expect(added).toContain('  allowPrivilegeEscalation: false');
    const again = await scan(dir);
    for (const fp of group.findings) expect(again.findings.some((f) => f.fingerprint === fp)).toBe(false);
    expect(again.findings.some((f) => f.policyId === 'no-privilege-escalation')).toBe(false);
    // Nothing new appeared: every finding after the fix was there before.
    const key = (f: Finding) => `${f.policyId}/${f.messageId}/${f.container?.name ?? ''}`;
    expect(again.findings.map(key).filter((k) => !r.findings.map(key).includes(k))).toEqual([]);
  });

  it('a key that replaces the template defaults (ingress-nginx style) gets the whole fixed map', async () => {
    const tpl = deployment(
      'web',
      `          securityContext:
            {{- if .Values.containerSecurityContext }}
            {{- toYaml .Values.containerSecurityContext | nindent 12 }}
            {{- else }}
            runAsNonRoot: true
            runAsUser: 101
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
            {{- end }}
`,
    );
    const dir = folder({ 'Chart.yaml': CHART, 'values.yaml': 'containerSecurityContext: {}\n', 'templates/deployment.yaml': tpl });
    const r = await scan(dir);
    const npe = r.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    expect(npe.file).toBe('values.yaml');
    const fixed = applyFix(dir, r, npe);
    // The chart's defaults are written to the key with the fix, so none is lost when it is set.
    expect(fixed).toMatch(/runAsUser: 101/);
    expect(fixed).toMatch(/readOnlyRootFilesystem: true/);
    expect(fixed).toMatch(/allowPrivilegeEscalation: false/);
    const again = await scan(dir);
    expect(again.findings.filter((f) => ['no-privilege-escalation', 'read-only-root-filesystem', 'run-as-non-root'].includes(f.policyId))).toEqual([]);
  });

  it('a key two Deployments share: one values fix clears both', async () => {
    const sc = `          {{- with .Values.securityContext }}
          securityContext: {{- toYaml . | nindent 12 }}
          {{- end }}
`;
    const dir = folder({
      'Chart.yaml': CHART,
      'values.yaml': '# shared\nsecurityContext:\n  runAsNonRoot: true\n',
      'templates/a.yaml': deployment('a', sc),
      'templates/b.yaml': deployment('b', sc),
    });
    const r = await scan(dir);
    const npe = r.findings.filter((f) => f.policyId === 'no-privilege-escalation');
    expect(npe).toHaveLength(2);
    expect(new Set(npe.map((f) => f.fixId)).size).toBe(1);
    expect(npe.every((f) => f.file === 'values.yaml' && f.range.start.line === 2)).toBe(true);
    applyFix(dir, r, npe[0]!);
    const values = readFileSync(join(dir, 'values.yaml'), 'utf8');
    expect(values.startsWith('# shared\nsecurityContext:\n  runAsNonRoot: true\n')).toBe(true);
    expect(values).toContain('\n  allowPrivilegeEscalation: false\n');
    const again = await scan(dir);
    expect(again.findings.filter((f) => f.policyId === 'no-privilege-escalation')).toEqual([]);
  });

  it('a literal in the template no values key reaches: no values fix, and the reason names the path', async () => {
    const dir = folder({
      'Chart.yaml': CHART,
      'values.yaml': 'podSecurityContext: {}\n',
      'templates/deployment.yaml': deployment(
        'web',
        '          securityContext:\n            allowPrivilegeEscalation: true\n',
        '      {{- with .Values.podSecurityContext }}\n      securityContext: {{- toYaml . | nindent 8 }}\n      {{- end }}\n',
      ),
    });
    const r = await scan(dir);
    const npe = r.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    expect(npe.file).toBe('templates/deployment.yaml');
    expect(npe.fixId).toBeUndefined();
    expect(npe.fixProblem).toMatch(
      /no fix in the chart's values: no values key of the chart is rendered at spec\.template\.spec\.containers\[name=app\]\.securityContext\.allowPrivilegeEscalation/,
    );
  });

  it('a key also rendered into a ConfigMap: the proof sees the other object change and refuses', async () => {
    const sc = `          {{- with .Values.securityContext }}
          securityContext: {{- toYaml . | nindent 12 }}
          {{- end }}
`;
    const dir = folder({
      'Chart.yaml': CHART,
      'values.yaml': 'securityContext:\n  runAsNonRoot: true\n',
      'templates/deployment.yaml': deployment('web', sc),
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dump\nimmutable: true\ndata:\n  sc: {{ toJson .Values.securityContext | quote }}\n',
    });
    const r = await scan(dir);
    const npe = r.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    expect(npe.fixId).toBeUndefined();
    expect(npe.fixProblem).toMatch(/also changes ConfigMap\/\/dump at data\.sc/);
  });

  it('a values schema that refuses unknown keys: the probe fails and says so', async () => {
    const sc = `          {{- with .Values.securityContext }}
          securityContext: {{- toYaml . | nindent 12 }}
          {{- end }}
`;
    const schema = JSON.stringify({
      type: 'object',
      properties: { securityContext: { type: 'object', additionalProperties: false, properties: { runAsNonRoot: { type: 'boolean' } } } },
    });
    const dir = folder({
      'Chart.yaml': CHART,
      'values.yaml': 'securityContext:\n  runAsNonRoot: true\n',
      'values.schema.json': schema,
      'templates/deployment.yaml': deployment('web', sc),
    });
    const r = await scan(dir);
    const npe = r.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    expect(npe.fixId).toBeUndefined();
    expect(npe.fixProblem).toMatch(/does not render with marked values keys/);
  });
});
