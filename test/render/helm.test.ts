/**
 * src/render/helm.ts with the real Helm 3.17.0 and 4.1.4 (test/engines.ts) on real charts
 * (test/render-corpus/helm: podinfo, helm/examples hello-world) and small charts written here
 * (a parent with a library subchart and an aliased subchart with CRDs; broken ones).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chartsOfFile, findHelmCharts, helmFileRoles, renderHelmChart, splitHelmOutput, type HelmRender } from '../../src/render/helm.js';
import type { HelmEngine } from '../../src/render/types.js';
import { parseYaml } from '../../src/yaml/index.js';
import { engineBinaries } from '../engines.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = 'test/render-corpus/helm';

function helms(): HelmEngine[] {
  const e = engineBinaries();
  return [
    { kind: 'helm', path: e.helm3, version: 'v3.17.0', major: 3 },
    { kind: 'helm', path: e.helm4, version: 'v4.1.4', major: 4 },
  ];
}

/** The files under `dir` (absolute) as a tree keyed by paths relative to `base`. */
function treeOf(base: string, dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) treeOf(base, p, out);
    else out.set(relative(base, p).split('\\').join('/'), readFileSync(p, 'utf8'));
  }
  return out;
}

/** Write `files` (repository-relative path → text) into a fresh folder; returns it. */
function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ki-helm-test-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** A parent chart with a library subchart (`common`), and `web` (folder charts/webapp) aliased `frontend`, with CRDs. */
const UMBRELLA: Record<string, string> = {
  'deploy/umbrella/Chart.yaml': [
    'apiVersion: v2',
    'name: umbrella',
    'version: 0.1.0',
    'dependencies:',
    '  - name: common',
    '    version: 0.1.0',
    '    repository: file://../common',
    '  - name: web',
    '    version: 0.2.0',
    '    alias: frontend',
    '',
  ].join('\n'),
  'deploy/umbrella/values.yaml': 'greeting: hello\nfrontend:\n  image: nginx:1.27.0\n',
  'deploy/umbrella/templates/configmap.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: {{ .Release.Name }}-greeting',
    '  labels:',
    '    {{- include "common.labels" . | nindent 4 }}',
    'data:',
    '  greeting: {{ .Values.greeting | quote }}',
    '  kube: {{ .Capabilities.KubeVersion.Version | quote }}',
    '  monitoring: {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" | quote }}',
    '',
  ].join('\n'),
  'deploy/umbrella/charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 0.1.0\ntype: library\n',
  'deploy/umbrella/charts/common/templates/_labels.tpl': '{{- define "common.labels" -}}\napp.kubernetes.io/part-of: {{ .Release.Name }}\n{{- end }}\n',
  'deploy/umbrella/charts/webapp/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.2.0\n',
  'deploy/umbrella/charts/webapp/values.yaml': 'image: nginx:latest\n',
  'deploy/umbrella/charts/webapp/templates/web.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .Release.Name }}-web',
    'spec:',
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: {{ .Values.image }}',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: {{ .Release.Name }}-web',
    'spec:',
    '  selector: {app: web}',
    '  ports: [{port: 80}]',
    '',
  ].join('\n'),
  'deploy/umbrella/charts/webapp/crds/widgets.yaml': [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  name: widgets.example.com',
    '---',
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  name: gadgets.example.com',
    '',
  ].join('\n'),
  'deploy/other.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
};

const brief = (r: HelmRender) =>
  r.objects.map((o) => ({ template: o.template, sourceFile: o.sourceFile, documentIndex: o.documentIndex, kind: /^kind: (\S+)/m.exec(o.text)?.[1] }));

describe('findHelmCharts and helmFileRoles', () => {
  it('find the real charts with their files, and give every chart file a role', () => {
    const tree = treeOf(ROOT, join(ROOT, CORPUS));
    const charts = findHelmCharts(tree);
    expect(charts.map((c) => [c.dir, c.name, c.version, c.apiVersion, c.parent])).toEqual([
      [`${CORPUS}/bitnami-nginx`, 'nginx', '22.1.1', 'v2', undefined],
      [`${CORPUS}/bitnami-nginx/charts/common`, 'common', '2.31.4', 'v2', `${CORPUS}/bitnami-nginx`],
      [`${CORPUS}/hello-world`, 'hello-world', '0.1.0', 'v2', undefined],
      [`${CORPUS}/ingress-nginx`, 'ingress-nginx', '4.15.1', 'v2', undefined],
      [`${CORPUS}/podinfo`, 'podinfo', '6.14.1', 'v1', undefined],
    ]);
    // Bitnami's values schema names the meta-schema http://json-schema.org/schema#, which Helm loads from nowhere.
    expect(charts.flatMap((c) => c.problems)).toEqual([]);
    const podinfo = charts.find((c) => c.name === 'podinfo')!;
    expect(podinfo.values).toBe(`${CORPUS}/podinfo/values.yaml`);
    expect(podinfo.templates).toContain(`${CORPUS}/podinfo/templates/redis/deployment.yaml`);
    expect(podinfo.problems).toEqual([]);
    const roles = helmFileRoles(tree);
    expect(roles.size).toBe(tree.size);
    expect(roles.get(`${CORPUS}/podinfo/Chart.yaml`)).toEqual(['chart']);
    expect(roles.get(`${CORPUS}/podinfo/templates/_helpers.tpl`)).toEqual(['template']);
    expect(roles.get(`${CORPUS}/podinfo/values.yaml`)).toEqual(['values']);
    expect(roles.get(`${CORPUS}/podinfo/values-prod.yaml`)).toEqual(['other']);
  });

  it('a subchart belongs to its own chart and to the parent; files outside charts have no role', () => {
    const tree = new Map(Object.entries(UMBRELLA));
    tree.set('deploy/umbrella/charts/cache-1.2.3.tgz', '');
    tree.set('deploy/umbrella/values.schema.json', '{}');
    const charts = findHelmCharts(tree);
    expect(charts.map((c) => [c.dir, c.name, c.parent])).toEqual([
      ['deploy/umbrella', 'umbrella', undefined],
      ['deploy/umbrella/charts/common', 'common', 'deploy/umbrella'],
      ['deploy/umbrella/charts/webapp', 'web', 'deploy/umbrella'],
    ]);
    expect(charts[0]!.subcharts).toEqual(['deploy/umbrella/charts/common', 'deploy/umbrella/charts/webapp']);
    expect(charts[0]!.archives).toEqual(['deploy/umbrella/charts/cache-1.2.3.tgz']);
    expect(charts[0]!.problems.map((p) => [p.code, p.severity, p.file])).toEqual([['subchart-archive', 'warning', 'deploy/umbrella/charts/cache-1.2.3.tgz']]);
    expect(charts[2]!.crds).toEqual(['deploy/umbrella/charts/webapp/crds/widgets.yaml']);
    const roles = helmFileRoles(tree);
    expect(roles.get('deploy/umbrella/templates/configmap.yaml')).toEqual(['template']);
    expect(roles.get('deploy/umbrella/values.schema.json')).toEqual(['schema']);
    expect(roles.get('deploy/umbrella/charts/webapp/templates/web.yaml')).toEqual(['template', 'subchart']);
    expect(roles.get('deploy/umbrella/charts/webapp/crds/widgets.yaml')).toEqual(['crd', 'subchart']);
    expect(roles.get('deploy/umbrella/charts/webapp/Chart.yaml')).toEqual(['chart', 'subchart']);
    expect(roles.get('deploy/umbrella/charts/cache-1.2.3.tgz')).toEqual(['subchart']);
    expect(roles.has('deploy/other.yaml')).toBe(false);
    expect(chartsOfFile(charts, 'deploy/umbrella/charts/webapp/templates/web.yaml').map((c) => c.name)).toEqual(['web', 'umbrella']);
    expect(chartsOfFile(charts, 'deploy/umbrella/values.yaml').map((c) => c.name)).toEqual(['umbrella']);
    expect(chartsOfFile(charts, 'deploy/other.yaml')).toEqual([]);
  });

  it('a dependency not vendored in charts/ is a problem at its line; an archive <name>-<version>.tgz vendors it', () => {
    const chart = 'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 19.x\n    repository: https://charts.example.com\n';
    const [missing] = findHelmCharts(new Map([['app/Chart.yaml', chart]]));
    expect(missing!.problems).toEqual([expect.objectContaining({ code: 'dependency-not-vendored', severity: 'error', file: 'app/Chart.yaml', line: 5 })]);
    expect(missing!.problems[0]!.message).toMatch(/dependency redis is not vendored in app\/charts\/.*never runs helm dependency update/);
    const [vendored] = findHelmCharts(
      new Map([
        ['app/Chart.yaml', chart],
        ['app/charts/redis-19.6.4.tgz', ''],
      ]),
    );
    expect(vendored!.problems.map((p) => p.code)).toEqual(['subchart-archive']);
  });

  it('a values schema $ref that is not a local pointer is a problem at its line; local pointers are fine', () => {
    const schema = [
      '{',
      '  "$schema": "https://json-schema.org/draft-07/schema#",',
      '  "properties": {',
      '    "a": { "$ref": "#/definitions/a" },',
      '    "b": { "$ref": "https://evil.example.com/b.json" },',
      '    "c": { "$ref": "other.json#/x" }',
      '  },',
      '  "definitions": { "a": { "type": "string" } }',
      '}',
    ].join('\n');
    const [c] = findHelmCharts(
      new Map([
        ['Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n'],
        ['values.schema.json', schema],
      ]),
    );
    expect(c!.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['schema-remote-ref', 'values.schema.json', 5],
      ['schema-remote-ref', 'values.schema.json', 6],
    ]);
    const [meta] = findHelmCharts(
      new Map([
        ['Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n'],
        ['values.schema.json', '{\n  "$schema": "http://attacker.example/meta"\n}'],
      ]),
    );
    expect(meta!.problems.map((p) => [p.code, p.line])).toEqual([['schema-remote-ref', 2]]);
  });

  it('a values schema Helm reads but JSON.parse does not (byte order mark, trailing text), a nested $schema or a deep $ref is no way past the check', () => {
    const problems = (schema: string) =>
      findHelmCharts(
        new Map([
          ['Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n'],
          ['values.schema.json', schema],
        ]),
      )[0]!.problems.map((p) => [p.code, p.line, p.message]);
    const ref = '{\n  "properties": { "a": { "$ref": "file:///etc/passwd" } }\n}';
    // Helm 3 and 4 strip the mark and open /etc/passwd (checked with 3.17.0 and 4.1.4).
    expect(problems(`\uFEFF${ref}`)).toEqual([
      ['schema-remote-ref', 2, expect.stringMatching(/^values schema \$ref file:\/\/\/etc\/passwd is not a local reference/)],
    ]);
    // Helm 3 decodes the first JSON value and ignores what follows.
    expect(problems(`${ref} trailing`)).toEqual([['schema-remote-ref', 1, expect.stringMatching(/^values schema is not strict JSON/)]]);
    // Helm 4 loads the $schema of a subschema that has its own $id.
    expect(problems('{"properties": {"a": {"$id": "http://e.x/s", "$schema": "file:///etc/passwd"}}}')).toEqual([
      ['schema-remote-ref', 1, expect.stringMatching(/^values schema names the meta-schema file:\/\/\/etc\/passwd/)],
    ]);
    const deep = `${'{"not":'.repeat(300)}{"$ref": "file:///etc/passwd"}${'}'.repeat(300)}`;
    expect(problems(deep)).toEqual([['schema-remote-ref', 1, expect.stringMatching(/^values schema \$ref file:\/\/\/etc\/passwd is not a local reference/)]]);
    expect(problems('')).toEqual([]);
    expect(problems('\uFEFF{"$schema": "http://json-schema.org/draft-07/schema#", "properties": {"a": {"$ref": "#/definitions/a"}}}')).toEqual([]);
    // The meta-schemas Helm 4 (santhosh-tekuri/jsonschema v6) knows by URL; it fetches draft-03 (seen through a logging proxy with 4.1.4).
    for (const url of [
      'http://json-schema.org/schema#',
      'https://json-schema.org/schema',
      'https://json-schema.org/draft/2020-12/schema',
      'http://json-schema.org/draft-04/schema#',
    ])
      expect(problems(`{"$schema": "${url}"}`)).toEqual([]);
    expect(problems('{"$schema": "http://json-schema.org/draft-03/schema#"}')).toEqual([
      ['schema-remote-ref', 1, expect.stringMatching(/^values schema names the meta-schema http:\/\/json-schema\.org\/draft-03\/schema#/)],
    ]);
  });

  it('a broken Chart.yaml is a problem, never a throw', () => {
    const [c] = findHelmCharts(new Map([['x/Chart.yaml', 'apiVersion: v3\nname: [unclosed\n']]));
    expect(c!.problems[0]).toEqual(expect.objectContaining({ code: 'chart-yaml', severity: 'error', file: 'x/Chart.yaml' }));
    const [d] = findHelmCharts(new Map([['y/Chart.yaml', 'apiVersion: v3\nname: why\nversion: 1.0.0\n']]));
    expect(d!.problems).toEqual([expect.objectContaining({ code: 'chart-yaml', line: 1, message: expect.stringMatching(/v1 or v2.*not v3/) })]);
  });
});

describe('splitHelmOutput', () => {
  it('splits on --- lines, drops the Source line and keeps it for a CRD file’s later documents', () => {
    const out = '---\n# Source: a/crds/c.yaml\nkind: A\n---\nkind: B\n\n---\n# Source: a/templates/t.yaml\nkind: C\n---\n# Source: a/templates/empty.yaml\n\n';
    expect(splitHelmOutput(out)).toEqual([
      { text: 'kind: A\n', template: 'a/crds/c.yaml' },
      { text: 'kind: B\n', template: 'a/crds/c.yaml' },
      { text: 'kind: C\n', template: 'a/templates/t.yaml' },
    ]);
  });
});

describe.each(helms().map((h) => [`Helm ${h.major}`, h] as const))('renderHelmChart with %s', (_name, helm) => {
  it('renders podinfo and maps every document to its template file', async () => {
    const r = await renderHelmChart({ engine: helm, repoRoot: ROOT, chartDir: `${CORPUS}/podinfo` });
    expect(r.problems).toEqual([]);
    expect(r.rendered).toBe(true);
    expect(r.chart).toEqual({ dir: `${CORPUS}/podinfo`, name: 'podinfo' });
    expect(brief(r)).toEqual([
      { template: 'podinfo/templates/service.yaml', sourceFile: `${CORPUS}/podinfo/templates/service.yaml`, documentIndex: 0, kind: 'Service' },
      { template: 'podinfo/templates/deployment.yaml', sourceFile: `${CORPUS}/podinfo/templates/deployment.yaml`, documentIndex: 0, kind: 'Deployment' },
    ]);
    const deployment = parseYaml(r.objects[1]!.text);
    expect(deployment.problems).toEqual([]);
    expect(deployment.documents).toHaveLength(1);
    expect(deployment.documents[0]!.data).toMatchObject({ metadata: { name: 'kube-immutable-podinfo', namespace: 'default' } });
    expect(r.objects[1]!.text).not.toContain('# Source:');
  });

  it('values files apply after the chart’s values.yaml; release name and namespace are the profile’s', async () => {
    const r = await renderHelmChart({
      engine: helm,
      repoRoot: ROOT,
      chartDir: `${CORPUS}/podinfo`,
      profile: { valuesFiles: [`${CORPUS}/podinfo/values-prod.yaml`], releaseName: 'web', namespace: 'shop' },
    });
    expect(r.problems).toEqual([]);
    const kinds = brief(r).map((o) => `${o.kind} ${o.sourceFile?.slice(CORPUS.length + 1)}`);
    // values-prod.yaml turns on the HPA and the redis cache.
    expect(kinds).toEqual(
      expect.arrayContaining([
        'HorizontalPodAutoscaler podinfo/templates/hpa.yaml',
        'Deployment podinfo/templates/redis/deployment.yaml',
        'ConfigMap podinfo/templates/redis/config.yaml',
      ]),
    );
    const metadata = r.objects.map((o) => (parseYaml(o.text).documents[0]!.data as { metadata: object }).metadata);
    expect(metadata).toContainEqual(expect.objectContaining({ name: 'web-podinfo', namespace: 'shop' }));
    expect(metadata).toContainEqual({ name: 'web-podinfo-redis' });
    expect(r.profile).toMatchObject({ releaseName: 'web', namespace: 'shop', skipTests: true });
  });

  it('renders helm/examples hello-world', async () => {
    const r = await renderHelmChart({ engine: helm, repoRoot: ROOT, chartDir: `${CORPUS}/hello-world` });
    expect(r.problems).toEqual([]);
    expect(brief(r).map((o) => `${o.kind} ${o.sourceFile}`)).toEqual([
      `ServiceAccount ${CORPUS}/hello-world/templates/serviceaccount.yaml`,
      `Service ${CORPUS}/hello-world/templates/service.yaml`,
      `Deployment ${CORPUS}/hello-world/templates/deployment.yaml`,
    ]);
  });

  it('maps subchart documents (by chart name and alias, not folder), multi-document templates and CRDs', async () => {
    const dir = repo(UMBRELLA);
    const r = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'deploy/umbrella', profile: { includeCrds: true } });
    expect(r.problems).toEqual([]);
    expect(brief(r)).toEqual([
      {
        template: 'umbrella/charts/frontend/crds/widgets.yaml',
        sourceFile: 'deploy/umbrella/charts/webapp/crds/widgets.yaml',
        documentIndex: 0,
        kind: 'CustomResourceDefinition',
      },
      {
        template: 'umbrella/charts/frontend/crds/widgets.yaml',
        sourceFile: 'deploy/umbrella/charts/webapp/crds/widgets.yaml',
        documentIndex: 1,
        kind: 'CustomResourceDefinition',
      },
      { template: 'umbrella/templates/configmap.yaml', sourceFile: 'deploy/umbrella/templates/configmap.yaml', documentIndex: 0, kind: 'ConfigMap' },
      {
        template: 'umbrella/charts/frontend/templates/web.yaml',
        sourceFile: 'deploy/umbrella/charts/webapp/templates/web.yaml',
        documentIndex: 0,
        kind: 'Service',
      },
      {
        template: 'umbrella/charts/frontend/templates/web.yaml',
        sourceFile: 'deploy/umbrella/charts/webapp/templates/web.yaml',
        documentIndex: 1,
        kind: 'Deployment',
      },
    ]);
    // The library helper rendered, and the parent's values reached the aliased subchart.
    expect(r.objects[2]!.text).toContain('app.kubernetes.io/part-of: kube-immutable');
    expect(r.objects[4]!.text).toContain('image: nginx:1.27.0');
    expect(r.objects[2]!.text).toContain('monitoring: "false"');
  });

  it('--kube-version and --api-versions reach the templates’ Capabilities', async () => {
    const dir = repo(UMBRELLA);
    const r = await renderHelmChart({
      engine: helm,
      repoRoot: dir,
      chartDir: 'deploy/umbrella',
      profile: { kubeVersion: '1.30.2', apiVersions: ['monitoring.coreos.com/v1'] },
    });
    expect(r.problems).toEqual([]);
    const cm = r.objects.find((o) => o.sourceFile === 'deploy/umbrella/templates/configmap.yaml')!;
    expect(cm.text).toContain('kube: "v1.30.2"');
    expect(cm.text).toContain('monitoring: "true"');
  });

  it('renders a .tgz subchart (read locally by Helm), says its files were not checked, and maps its objects to the archive', async () => {
    const dir = repo({
      'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: db\n    version: 1.2.3\n',
      'pack/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.2.3\n',
      'pack/db/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\n',
    });
    mkdirSync(join(dir, 'app', 'charts'));
    execFileSync('tar', ['-czf', join(dir, 'app', 'charts', 'db-1.2.3.tgz'), '-C', join(dir, 'pack'), 'db']);
    const r = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'app' });
    expect(r.rendered).toBe(true);
    expect(r.problems.map((p) => [p.code, p.severity, p.file])).toEqual([['subchart-archive', 'warning', 'app/charts/db-1.2.3.tgz']]);
    expect(r.objects.map((o) => [o.template, o.sourceFile, o.archive])).toEqual([['app/charts/db/templates/cm.yaml', undefined, 'app/charts/db-1.2.3.tgz']]);
  });

  it('refuses a .tgz subchart whose values schema (or a nested archive’s) Helm would load from a file or URL', async () => {
    const dir = repo({
      'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: db\n    version: 1.2.3\n',
      'pack/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.2.3\n',
      'pack/db/values.schema.json': '{"properties": {"a": {"$ref": "file:///etc/passwd"}}}',
      'pack/db/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\n',
      'inner/x/Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.0.0\n',
      'inner/x/values.schema.json': '{"$ref": "https://evil.example.com/s.json"}',
      'ok/Chart.yaml': 'apiVersion: v2\nname: ok\nversion: 0.1.0\n',
    });
    mkdirSync(join(dir, 'app', 'charts'));
    execFileSync('tar', ['-czf', join(dir, 'app', 'charts', 'db-1.2.3.tgz'), '-C', join(dir, 'pack'), 'db']);
    const r = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'app' });
    expect(r.rendered).toBe(false);
    expect(r.problems.map((p) => [p.code, p.severity, p.file])).toEqual([
      ['subchart-archive', 'warning', 'app/charts/db-1.2.3.tgz'],
      ['schema-remote-ref', 'error', 'app/charts/db-1.2.3.tgz'],
    ]);
    expect(r.problems[1]!.message).toMatch(/db\/values\.schema\.json in subchart archive .*\$ref file:\/\/\/etc\/passwd/);
    // An archive inside an archive: Helm loads it too.
    mkdirSync(join(dir, 'ok', 'charts'));
    mkdirSync(join(dir, 'pack2', 'y', 'charts'), { recursive: true });
    writeFileSync(join(dir, 'pack2', 'y', 'Chart.yaml'), 'apiVersion: v2\nname: y\nversion: 1.0.0\n');
    execFileSync('tar', ['-czf', join(dir, 'pack2', 'y', 'charts', 'x-1.0.0.tgz'), '-C', join(dir, 'inner'), 'x']);
    execFileSync('tar', ['-czf', join(dir, 'ok', 'charts', 'y-1.0.0.tgz'), '-C', join(dir, 'pack2'), 'y']);
    const nested = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'ok' });
    expect(nested.rendered).toBe(false);
    expect(nested.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      expect.stringMatching(/y\/charts\/x-1\.0\.0\.tgz!x\/values\.schema\.json in subchart archive ok\/charts\/y-1\.0\.0\.tgz has \$ref https:\/\/evil/),
    ]);
    // Not gzip: refused, not passed unchecked.
    writeFileSync(join(dir, 'ok', 'charts', 'y-1.0.0.tgz'), 'not an archive');
    const broken = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'ok' });
    expect(broken.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['subchart-archive']);
  });

  it('a template error gives helm’s message at the template line it names', async () => {
    const dir = repo({
      'Chart.yaml': 'apiVersion: v2\nname: broken\nversion: 0.1.0\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.missing.deeper }}\n',
    });
    const r = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: '' });
    expect(r.rendered).toBe(false);
    expect(r.objects).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'render-failed', severity: 'error', file: 'templates/cm.yaml', line: 4 })]);
    expect(r.problems[0]!.message).toMatch(/^helm template failed \(exit 1\): Error: .*broken\/templates\/cm\.yaml:4:\d+[\s\S]*nil pointer/);
  });

  it('refuses a symbolic link in the chart before running helm', async () => {
    const dir = repo({ 'outside/secret.yaml': 'kind: Secret\n', 'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n' });
    mkdirSync(join(dir, 'app', 'templates'));
    symlinkSync('../../outside/secret.yaml', join(dir, 'app', 'templates', 'secret.yaml'));
    const r = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'app' });
    expect(r.rendered).toBe(false);
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'symlink',
        severity: 'error',
        file: 'app/templates/secret.yaml',
        line: 1,
        message: expect.stringMatching(/symbolic link \(to \.\.\/\.\.\/outside\/secret\.yaml\)/),
      }),
    ]);
  });

  it('refuses a chart folder reached through a link, and a values file that is one', async () => {
    const dir = repo({ 'real/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n', 'v.yaml': 'a: 1\n' });
    symlinkSync('real', join(dir, 'linked'));
    symlinkSync('v.yaml', join(dir, 'values-link.yaml'));
    const viaLink = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'linked' });
    expect(viaLink.problems.map((p) => [p.code, p.file])).toEqual([['symlink', 'linked']]);
    const values = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'real', profile: { valuesFiles: ['values-link.yaml', '../x.yaml'] } });
    expect(values.problems.map((p) => [p.code, p.file])).toEqual([
      ['bad-profile', 'real/Chart.yaml'],
      ['symlink', 'values-link.yaml'],
    ]);
  });

  it('refuses an unvendored dependency and a remote schema reference (no helm dependency update, no network)', async () => {
    const dir = repo({
      'a/Chart.yaml':
        'apiVersion: v2\nname: a\nversion: 0.1.0\ndependencies:\n  - name: postgresql\n    version: 15.x\n    repository: oci://registry.example.com/charts\n',
      'b/Chart.yaml': 'apiVersion: v2\nname: b\nversion: 0.1.0\n',
      'b/values.schema.json': '{\n  "type": "object",\n  "$ref": "https://schemas.example.com/values.json"\n}\n',
      'b/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n',
    });
    const a = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'a' });
    expect(a.problems.map((p) => [p.code, p.file, p.line])).toEqual([['dependency-not-vendored', 'a/Chart.yaml', 5]]);
    const b = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'b' });
    expect(b.problems.map((p) => [p.code, p.file, p.line])).toEqual([['schema-remote-ref', 'b/values.schema.json', 3]]);
    expect(b.rendered).toBe(false);
  });

  it('refuses, with CRDs included, a CRD file that writes its own # Source: line (it would pass a document off as a template’s)', async () => {
    const dir = repo({
      ...UMBRELLA,
      'deploy/umbrella/charts/webapp/crds/widgets.yaml': `${UMBRELLA['deploy/umbrella/charts/webapp/crds/widgets.yaml']!}---\n# Source: umbrella/templates/configmap.yaml\nkind: Pod\n`,
    });
    const r = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'deploy/umbrella', profile: { includeCrds: true } });
    expect(r.problems.map((p) => [p.code, p.file, p.line])).toEqual([['crd-source-line', 'deploy/umbrella/charts/webapp/crds/widgets.yaml', 11]]);
    const without = await renderHelmChart({ engine: helm, repoRoot: dir, chartDir: 'deploy/umbrella' });
    expect(without.rendered).toBe(true);
    expect(without.objects.some((o) => o.text.includes('kind: Pod'))).toBe(false);
  });

  it('a bad profile is refused with the reason', async () => {
    const r = await renderHelmChart({
      engine: helm,
      repoRoot: ROOT,
      chartDir: `${CORPUS}/podinfo`,
      profile: { releaseName: '--post-renderer=/bin/sh', namespace: 'A B', apiVersions: ['-x'] },
    });
    expect(r.rendered).toBe(false);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/release name --post-renderer=\/bin\/sh is not/),
      expect.stringMatching(/namespace A B is not/),
      expect.stringMatching(/API version -x is not/),
    ]);
  });
});

describe('Helm 3 and Helm 4', () => {
  it('give the same objects for podinfo (with its test hooks too, their random names aside)', async () => {
    const [h3, h4] = helms();
    const profile = { skipTests: false, kubeVersion: '1.31.0' };
    const r3 = await renderHelmChart({ engine: h3!, repoRoot: ROOT, chartDir: `${CORPUS}/podinfo`, profile });
    const r4 = await renderHelmChart({ engine: h4!, repoRoot: ROOT, chartDir: `${CORPUS}/podinfo`, profile });
    expect(r3.problems).toEqual([]);
    const norm = (r: HelmRender) => r.objects.map((o) => ({ ...o, text: o.text.replace(/-test-[a-z0-9]{5}\b/g, '-test-XXXXX') }));
    expect(r3.objects.length).toBeGreaterThan(2);
    expect(r3.objects.some((o) => o.sourceFile === `${CORPUS}/podinfo/templates/tests/jwt.yaml`)).toBe(true);
    expect(norm(r4)).toEqual(norm(r3));
  });
});
