/**
 * An attacker's review of the values-fix proof (src/render/helm-fix.ts), with the real Helm
 * (test/engines.ts): a chart in a pull request is data, and a "proven" values fix must never do
 * more than the fix — whatever the chart's templates render around the probe's markers.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { builtinPolicies } from '../../policies/index.js';
import type { RunResult } from '../../src/engine/index.js';
import { renderForScan } from '../../src/render/index.js';
import { applyEdits } from '../../src/yaml/index.js';
import { engineBinaries } from '../engines.js';

const e = engineBinaries();

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ki-helm-fix-atk-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  return dir;
}

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

/** Every rendered text of the chart in `dir` with its values.yaml replaced by `values` (what a merged fix deploys). */
async function renderedWith(dir: string, values: string): Promise<string> {
  writeFileSync(join(dir, 'values.yaml'), values);
  const { execFileSync } = await import('node:child_process');
  return execFileSync(e.helm4, ['template', 'x', dir], { encoding: 'utf8', env: { PATH: '', HOME: dir } });
}

const CHART = 'apiVersion: v2\nname: app\nversion: 1.0.0\n';
const IMAGE = `registry.example/app@sha256:${'a'.repeat(64)}`;
const EVIL = `registry.example/evil@sha256:${'b'.repeat(64)}`;
const deployment = (name: string, container: string, podAnnotations = '', containerName = 'app') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
${podAnnotations}    spec:
      containers:
        - name: ${containerName}
${container}`;
const SC = `          {{- with .Values.securityContext }}
          securityContext: {{- toYaml . | nindent 12 }}
          {{- end }}
`;

describe('values-fix proof against a chart that forges probe markers', () => {
  // The second Deployment switches its image when the key the fix sets is there, and puts the
  // probe's marker of `.Values.securityContext` on its whole container — literally, or only when
  // the probe runs (its keys filtered by name) — so that the image is "where the key renders".
  it.each([
    ['a literal marker', '          kiProbe0: ki-probe-0\n'],
    [
      'the probe keys of the values, filtered by name',
      '          {{- range $k, $v := .Values.securityContext }}{{ if hasPrefix "kiProbe" $k }}\n          {{ $k }}: {{ $v }}{{ end }}{{ end }}\n',
    ],
  ])('%s on another workload: a values fix that also changes that workload’s image is never proven', async (_, marker) => {
    const worker = `          image: {{ if hasKey .Values.securityContext "allowPrivilegeEscalation" }}"${EVIL}"{{ else }}"${IMAGE}"{{ end }}
${marker}          securityContext:
            allowPrivilegeEscalation: false
            runAsNonRoot: true
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
            seccompProfile: {type: RuntimeDefault}
`;
    const values = 'securityContext:\n  runAsNonRoot: true\n';
    const dir = folder({
      'Chart.yaml': CHART,
      'values.yaml': values,
      'templates/web.yaml': deployment('web', `          image: "${IMAGE}"\n${SC}`),
      'templates/worker.yaml': deployment('worker', worker),
    });
    const before = await renderedWith(dir, values);
    expect(before).not.toContain(EVIL);
    const r = await scan(dir);
    const npe = r.findings.find((f) => f.policyId === 'no-privilege-escalation' && f.object?.name === 'web')!;
    expect(npe.fixId).toBeUndefined();
    expect(npe.fixProblem).toMatch(/the edited values\.yaml also changes Deployment\/\/worker/);
    // Whatever is offered as a fix for values.yaml must not deploy the other image.
    for (const g of r.fixes.filter((x) => x.file === 'values.yaml')) {
      const after = await renderedWith(dir, applyEdits(values, g.edits));
      expect(after).not.toContain(EVIL);
    }
    for (const f of r.findings.filter((x) => x.file === 'values.yaml'))
      for (const s of f.suggestions) expect(await renderedWith(dir, applyEdits(values, s.edits))).not.toContain(EVIL);
    expect(r.files.find((f) => f.path === 'values.yaml')?.fixedText ?? values).not.toMatch(/allowPrivilegeEscalation/);
  });
});

describe('values-fix proof and the annotations it leaves out (checksums a chart computes)', () => {
  // The proof lets annotations "whose key contains checksum" change (charts hash their values into
  // them). Kubernetes and controllers act on annotations whose keys embed a container's or a
  // secret's name: AppArmor's per-container key, Vault's agent-inject-secret-<name>.
  it.each([
    ['AppArmor unconfined for a container named checksum', 'checksum', 'container.apparmor.security.beta.kubernetes.io/checksum: unconfined'],
    ['a Vault secret injected under a name with checksum in it', 'app', 'vault.hashicorp.com/agent-inject-secret-checksum: secret/data/prod'],
  ])('%s, switched on by the key the fix sets: never proven', async (_, containerName, annotation) => {
    const annotations = `      annotations:
        checksum/config: {{ toJson .Values | sha256sum }}
        {{- if hasKey .Values.securityContext "allowPrivilegeEscalation" }}
        ${annotation}
        {{- end }}
`;
    const values = 'securityContext:\n  runAsNonRoot: true\n';
    const dir = folder({
      'Chart.yaml': CHART,
      'values.yaml': values,
      'templates/web.yaml': deployment('web', `          image: "${IMAGE}"\n${SC}`, annotations, containerName),
    });
    const r = await scan(dir);
    const npe = r.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    for (const g of r.fixes.filter((x) => x.file === 'values.yaml')) expect(await renderedWith(dir, applyEdits(values, g.edits))).not.toContain(annotation);
    for (const f of r.findings.filter((x) => x.file === 'values.yaml'))
      for (const s of f.suggestions) expect(await renderedWith(dir, applyEdits(values, s.edits))).not.toContain(annotation);
    expect(npe.fixId).toBeUndefined();
    expect(npe.fixProblem).toMatch(/does not render as the fix makes it \(at spec\.template\.metadata\.annotations/);
  });

  it('a checksum/ annotation the chart computes from its values may change: the fix is proven', async () => {
    const annotations = '      annotations:\n        checksum/config: {{ toJson .Values | sha256sum }}\n';
    const values = 'securityContext:\n  runAsNonRoot: true\n';
    const dir = folder({
      'Chart.yaml': CHART,
      'values.yaml': values,
      'templates/web.yaml': deployment('web', `          image: "${IMAGE}"\n${SC}`, annotations),
    });
    const r = await scan(dir);
    const npe = r.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    expect(npe.file).toBe('values.yaml');
    expect(npe.fixId).toBeDefined();
  });
});

describe('values-fix proof and objects that share an identity', () => {
  // kubectl apply (and Argo CD, Flux) applies every document: of two Deployments named worker the
  // last one wins. The proof compares objects by kind, namespace and name.
  it.each([
    ['a second Deployment with the same name', 'metadata:\n  name: worker'],
    ['Jobs named by generateName (no name at all)', 'metadata:\n  generateName: worker-'],
  ])('%s whose image the key switches: never proven', async (_, meta) => {
    const worker = (image: string) =>
      deployment('worker', `          image: ${image}\n`)
        .replace('metadata:\n  name: worker', meta)
        .replace('kind: Deployment', meta.includes('generate') ? 'kind: Job' : 'kind: Deployment');
    const values = 'securityContext:\n  runAsNonRoot: true\n';
    const dir = folder({
      'Chart.yaml': CHART,
      'values.yaml': values,
      'templates/web.yaml': deployment('web', `          image: "${IMAGE}"\n${SC}`),
      'templates/worker.yaml': `${worker(`"${IMAGE}"`)}\n---\n${worker(`{{ if hasKey .Values.securityContext "allowPrivilegeEscalation" }}"${EVIL}"{{ else }}"${IMAGE}"{{ end }}`)}`,
    });
    expect(await renderedWith(dir, values)).not.toContain(EVIL);
    const r = await scan(dir);
    const npe = r.findings.find((f) => f.policyId === 'no-privilege-escalation' && f.object?.name === 'web')!;
    for (const g of r.fixes.filter((x) => x.file === 'values.yaml')) expect(await renderedWith(dir, applyEdits(values, g.edits))).not.toContain(EVIL);
    for (const f of r.findings.filter((x) => x.file === 'values.yaml'))
      for (const s of f.suggestions) expect(await renderedWith(dir, applyEdits(values, s.edits))).not.toContain(EVIL);
    expect(npe.fixId).toBeUndefined();
    expect(npe.fixProblem).toMatch(/the edited values\.yaml also changes (Deployment\/\/worker|Job\/\/) /);
  });
});

describe('values-fix proof across render profiles', () => {
  // values.yaml is read by every profile: a fix proven with one profile's values changes what the
  // others render too. The worker switches its image in the dev profile only.
  it('a values.yaml fix proven with the prod profile, that changes the dev render, is not offered', async () => {
    const worker = deployment(
      'worker',
      `          image: {{ if and (eq .Values.env "dev") (hasKey .Values.securityContext "allowPrivilegeEscalation") }}"${EVIL}"{{ else }}"${IMAGE}"{{ end }}\n`,
    );
    const values = 'env: base\nsecurityContext:\n  runAsNonRoot: true\n';
    const dir = folder({
      'Chart.yaml': CHART,
      'values.yaml': values,
      'values-dev.yaml': 'env: dev\n',
      'values-prod.yaml': 'env: prod\n',
      'templates/web.yaml': deployment('web', `          image: "${IMAGE}"\n${SC}`),
      'templates/worker.yaml': worker,
    });
    const helmCharts = [
      {
        path: '.',
        profiles: [
          { name: 'dev', valuesFiles: ['values-dev.yaml'] },
          { name: 'prod', valuesFiles: ['values-prod.yaml'] },
        ],
      },
    ];
    const r = (await renderForScan(treeOf(dir), builtinPolicies, {}, { repoRoot: dir, engines: { helm: e.helm4, path: dirname(e.helm4) }, helmCharts })).result;
    const { execFileSync } = await import('node:child_process');
    const devRender = (v: string) => {
      writeFileSync(join(dir, 'values.yaml'), v);
      return execFileSync(e.helm4, ['template', 'x', dir, '--values', join(dir, 'values-dev.yaml')], { encoding: 'utf8', env: { PATH: '', HOME: dir } });
    };
    expect(devRender(values)).not.toContain(EVIL);
    const offered = [
      ...r.fixes.filter((g) => g.file === 'values.yaml').map((g) => g.edits),
      ...r.findings.filter((f) => f.file === 'values.yaml').flatMap((f) => f.suggestions.map((s) => s.edits)),
    ];
    for (const edits of offered) expect(devRender(applyEdits(values, edits))).not.toContain(EVIL);
    const fixedText = r.files.find((f) => f.path === 'values.yaml')?.fixedText;
    if (fixedText !== undefined) expect(devRender(fixedText)).not.toContain(EVIL);
    const npe = r.findings.filter((f) => f.policyId === 'no-privilege-escalation' && f.object?.name === 'web');
    expect(npe.length).toBeGreaterThan(0);
    expect(npe.every((f) => f.fixId === undefined)).toBe(true);
    expect(npe.map((f) => f.fixProblem).join('\n')).toMatch(
      /the edited values\.yaml also changes Deployment\/\/worker at spec\.template\.spec\.containers\[name=app\]\.image/,
    );
  });

  it('the same values.yaml fix proven with both profiles is offered', async () => {
    const values = 'env: base\nsecurityContext:\n  runAsNonRoot: true\n';
    const dir = folder({
      'Chart.yaml': CHART,
      'values.yaml': values,
      'values-dev.yaml': 'env: dev\n',
      'values-prod.yaml': 'env: prod\n',
      'templates/web.yaml': deployment('web', `          image: "${IMAGE}"\n${SC}`),
    });
    const helmCharts = [
      {
        path: '.',
        profiles: [
          { name: 'dev', valuesFiles: ['values-dev.yaml'] },
          { name: 'prod', valuesFiles: ['values-prod.yaml'] },
        ],
      },
    ];
    const r = (await renderForScan(treeOf(dir), builtinPolicies, {}, { repoRoot: dir, engines: { helm: e.helm4, path: dirname(e.helm4) }, helmCharts })).result;
    const npe = r.findings.filter((f) => f.policyId === 'no-privilege-escalation');
    expect(npe.length).toBeGreaterThan(0);
    expect(npe.every((f) => f.file === 'values.yaml' && f.fixId !== undefined)).toBe(true);
    expect(r.files.find((f) => f.path === 'values.yaml')?.fixedText).toContain('allowPrivilegeEscalation: false');
  });
});

describe('values-fix proofs and time', () => {
  // The proofs of one chart are bounded in number (probe, 1 + 8 group proofs, 4 held-back ones),
  // those of the charts of a pull request are not: a template slow only with the edited values
  // makes every proof run into helm's 30 s timeout. The scan gives its proofs one budget.
  const chart = (slow: boolean) => ({
    'Chart.yaml': CHART,
    'values.yaml': 'securityContext:\n  runAsNonRoot: true\n',
    'templates/web.yaml': deployment('web', `          image: "${IMAGE}"\n${SC}`),
    'templates/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nimmutable: true\ndata:\n  a: "{{ if hasKey .Values.securityContext "allowPrivilegeEscalation" }}${slow ? '{{ range until 30000 }}{{ range until 30000 }}{{ end }}{{ end }}' : ''}{{ end }}"\n`,
  });
  const scanWith = async (dir: string, proofBudgetMs: number) =>
    (await renderForScan(treeOf(dir), builtinPolicies, {}, { repoRoot: dir, engines: { helm: e.helm4, path: dirname(e.helm4) }, proofBudgetMs })).result;

  it('no proof render starts once the budget is spent: the fix is not offered, and the finding says why', async () => {
    const r = await scanWith(folder(chart(false)), 0);
    const npe = r.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    expect(npe.fixId).toBeUndefined();
    expect(npe.fixProblem).toMatch(/not proven: the time budget of proof renders is spent/);
    // The same chart with a budget: proven.
    const ok = await scanWith(folder(chart(false)), 60_000);
    expect(ok.findings.find((f) => f.policyId === 'no-privilege-escalation')!.fixId).toBeDefined();
  });

  it('a proof render under way is cut when the budget ends', async () => {
    const r = await scanWith(folder(chart(true)), 1500);
    const npe = r.findings.find((f) => f.policyId === 'no-privilege-escalation')!;
    expect(npe.fixId).toBeUndefined();
    expect(npe.fixProblem).toMatch(/does not render with the edited values\.yaml: helm template did not finish within/);
  });
});
