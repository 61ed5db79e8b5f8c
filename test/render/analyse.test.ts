import { builtinPolicies } from '../../policies/index.js';
import { analyseRendered, helmValuesHint, templateRange, type RenderedUnit } from '../../src/render/analyse.js';

const BASE = `apiVersion: apps/v1
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
          readOnlyRootFilesystem: false
`;

const rendered = (prefix: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${prefix}web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - image: nginx:1.27
        name: app
        securityContext:
${extra}          readOnlyRootFilesystem: false
`;

const unit = (root: string, text: string): RenderedUnit => ({
  kind: 'kustomize',
  root,
  label: `kustomize build ${root}`,
  objects: [{ text, sourceFile: 'base/deployment.yaml' }],
});

const read = (p: string) => (p === 'base/deployment.yaml' ? BASE : undefined);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('analyseRendered', () => {
  it('a finding on a rendered base object lands on the base line, once for two overlays, naming both', () => {
    const r = analyseRendered([unit('overlays/prod', rendered('prod-')), unit('overlays/dev', rendered('dev-'))], builtinPolicies, {}, read);
    const ro = r.findings.filter((f) => f.policyId === 'read-only-root-filesystem');
    expect(ro).toHaveLength(1);
    expect(ro[0]).toMatchObject({ file: 'base/deployment.yaml', fixId: undefined, suggestions: [] });
    expect(ro[0]!.range.start.line).toBe(lineOf(BASE, 'readOnlyRootFilesystem'));
    expect(ro[0]!.message).toMatch(/\(rendered by kustomize build overlays\/prod, kustomize build overlays\/dev\)$/);
    expect(ro[0]!.fixProblem).toBe('fixes of rendered objects are not offered yet: make the change in base/deployment.yaml');
    expect(r.fixes).toEqual([]);
  });

  it('a value a patch added lands on the nearest ancestor in the base, saying it is not set there', () => {
    const r = analyseRendered([unit('overlays/prod', rendered('prod-', '          privileged: true\n'))], builtinPolicies, {}, read);
    const p = r.findings.find((f) => f.policyId === 'no-privileged-container')!;
    expect(p.file).toBe('base/deployment.yaml');
    expect(p.range.start.line).toBe(lineOf(BASE, 'securityContext'));
    expect(p.message).toContain('(privileged is not set in this file)');
  });

  it('a generated ConfigMap lands on its generator entry; an object with no place at all on the first line, its offsets agreeing with its columns', () => {
    const kustomization = 'configMapGenerator:\n- name: demo\n  literals: [a=b]\n';
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo-5b6kh9g4kd\ndata:\n  a: b\n';
    const u: RenderedUnit = { kind: 'kustomize', root: '.', label: 'kustomize build .', objects: [{ text: cm, sourceFile: 'kustomization.yaml' }] };
    const r = analyseRendered([u], builtinPolicies, {}, (p) => (p === 'kustomization.yaml' ? kustomization : undefined));
    const f = r.findings.find((x) => x.policyId === 'immutable-configmap-secret')!;
    expect(f.file).toBe('kustomization.yaml');
    const at = kustomization.indexOf('name: demo');
    expect(f.range).toEqual({ start: { line: 2, column: 3, offset: at }, end: { line: 2, column: 7, offset: at + 4 } });
    // No generator names it (another generator): the file's first line.
    const other = 'configMapGenerator:\n- name: unrelated\n  literals: [a=b]\n';
    const r2 = analyseRendered([u], builtinPolicies, {}, (p) => (p === 'kustomization.yaml' ? other : undefined));
    const g = r2.findings.find((x) => x.policyId === 'immutable-configmap-secret')!;
    const first = 'configMapGenerator:'.length;
    expect(g.range).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: first + 1, offset: first } });
  });
});

describe('templateRange (a Helm template line for a rendered path)', () => {
  const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
`;
  it('the deepest key of the path the template writes, in order', () => {
    const r = templateRange(TEMPLATE, [
      { key: 'spec' },
      { key: 'template' },
      { key: 'spec' },
      { key: 'containers' },
      { name: 'web' },
      { key: 'securityContext' },
      { key: 'privileged' },
    ]);
    expect(r.start.line).toBe(8);
    expect(r.start.column).toBe(11);
    expect(TEMPLATE.slice(r.start.offset, r.start.offset + 16)).toBe('securityContext:');
  });
  it('line 1 when the template names none of the keys', () => {
    expect(templateRange('{{ include "x" . }}\n', [{ key: 'spec' }]).start.line).toBe(1);
  });
});

describe('analyseRendered keeps what differs between builds', () => {
  it('two overlays setting different images at one base line give two findings, each naming its build', () => {
    const withImage = (image: string) => rendered('x-').replace('image: nginx:1.27', `image: ${image}`);
    const r = analyseRendered([unit('overlays/a', withImage('nginx:latest')), unit('overlays/b', withImage('nginx'))], builtinPolicies, {}, read);
    const digests = r.findings.filter((f) => f.policyId === 'image-digest');
    expect(digests.map((f) => f.message.match(/\(rendered by ([^)]*)\)$/)![1])).toEqual(['kustomize build overlays/a', 'kustomize build overlays/b']);
    expect(new Set(digests.map((f) => f.file))).toEqual(new Set(['base/deployment.yaml']));
  });
});

describe('helmValuesHint (the values key a template reads for a finding)', () => {
  const TEMPLATE = `spec:
  template:
    spec:
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          {{- with .Values.containerSecurityContext }}
          securityContext:
            {{- toYaml . | nindent 12 }}
          {{- end }}
      volumes: {{ toYaml .Values.podSecurityContext | nindent 8 }}
`;
  const VALUES = 'image:\n  repository: nginx\n  tag: "1.27"\ncontainerSecurityContext:\n  runAsUser: 1000\n';

  it('a hardening finding at the container: the securityContext key of its block, with its values.yaml line', () => {
    expect(helmValuesHint('read-only-root-filesystem', TEMPLATE, 5, VALUES)).toEqual({ key: 'containerSecurityContext', line: 4 });
  });
  it('image-digest: the image key', () => {
    expect(helmValuesHint('image-digest', TEMPLATE, 6, VALUES)).toEqual({ key: 'image.repository', line: 2 });
  });
  it('a key the values file does not set, and a policy with no values convention', () => {
    expect(helmValuesHint('no-privilege-escalation', TEMPLATE, 5, 'image: {}\n')).toEqual({ key: 'containerSecurityContext', line: undefined });
    expect(helmValuesHint('no-exec-access', TEMPLATE, 5, VALUES)).toBeUndefined();
  });
  it('never reads past the end of the block (the volumes line is another block)', () => {
    expect(helmValuesHint('read-only-root-filesystem', 'a:\n  b: 1\nc: {{ .Values.securityContext }}\n', 2, '')).toBeUndefined();
  });
});

describe('analyseRendered fingerprints (one per unit: Kustomize root, or chart and profile)', () => {
  const withImage = (image: string) => rendered('').replace('image: nginx:1.27', `image: ${image}`);
  const fps = (units: RenderedUnit[]) =>
    analyseRendered(units, builtinPolicies, {}, read).findings.map((f) => ({
      policy: f.policyId,
      by: f.message.match(/\(rendered by ([^)]*)\)$/)![1],
      fp: f.fingerprint,
    }));

  it('re-running gives the same fingerprints; a finding both overlays give keeps one, whatever order the units rendered in', () => {
    const a = unit('overlays/a', withImage('nginx:latest'));
    const b = unit('overlays/b', withImage('nginx'));
    const first = fps([a, b]);
    expect(fps([a, b])).toEqual(first);
    const shared = first.filter((f) => f.policy === 'read-only-root-filesystem');
    expect(shared).toHaveLength(1);
    const reversed = fps([b, a]).find((f) => f.policy === 'read-only-root-filesystem')!;
    expect(reversed.fp).toBe(shared[0]!.fp);
    // The shared finding's fingerprint is overlay a's alone (a sorts first), not b's.
    expect(fps([a]).find((f) => f.policy === 'read-only-root-filesystem')!.fp).toBe(shared[0]!.fp);
    expect(fps([b]).find((f) => f.policy === 'read-only-root-filesystem')!.fp).not.toBe(shared[0]!.fp);
  });

  it("two overlays' differing findings from one base object (same names: no namePrefix) get different fingerprints", () => {
    // Each overlay's own patch sets privileged: true: two findings, on two patch files, from the same rendered object.
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
    const patched = (root: string): RenderedUnit => ({
      ...unit(root, rendered('', '          privileged: true\n')),
      patches: [`${root}/patch.yaml`],
    });
    const readAll = (p: string) => (p.endsWith('/patch.yaml') ? PATCH : read(p));
    const r = analyseRendered([patched('overlays/a'), patched('overlays/b')], builtinPolicies, {}, readAll);
    const privileged = r.findings.filter((f) => f.policyId === 'no-privileged-container');
    expect(privileged.map((f) => [f.file, f.range.start.line])).toEqual([
      ['overlays/a/patch.yaml', 11],
      ['overlays/b/patch.yaml', 11],
    ]);
    expect(new Set(privileged.map((f) => f.fingerprint)).size).toBe(2);
    expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(r.findings.length);
  });

  it('the same chart under two profiles, or as a root of the same folder name, gives different fingerprints', () => {
    const helm = (profile?: string): RenderedUnit => ({ ...unit('charts/web', rendered('')), kind: 'helm', label: 'helm template charts/web', profile });
    const fp = (u: RenderedUnit) => fps([u]).find((f) => f.policy === 'read-only-root-filesystem')!.fp;
    expect(fp(helm())).toBe(fp(helm('default')));
    expect(new Set([fp(helm()), fp(helm('prod')), fp(unit('charts/web', rendered('')))]).size).toBe(3);
  });
});
