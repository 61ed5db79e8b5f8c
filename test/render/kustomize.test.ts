/**
 * src/render/kustomize.ts with the real Kustomize (kubectl 1.35.2's built-in Kustomize 5.7.1,
 * test/engines.ts) on vendored upstream overlays (test/render-corpus/kustomize/, each with its
 * LICENSE and a README naming the repository and commit) and on small trees written here.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyseKustomize,
  buildKustomization,
  kustomizeArgs,
  kustomizeClosure,
  kustomizeFileRoles,
  kustomizeRootsFor,
  remoteReason,
  withOriginAnnotations,
  type KustomizeTree,
} from '../../src/render/kustomize.js';
import type { KustomizeEngine } from '../../src/render/types.js';
import { parseYaml } from '../../src/yaml/index.js';
import { engineBinaries } from '../engines.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', 'render-corpus', 'kustomize');

/** Every file under `dir` as a tree (repository-relative POSIX paths → text). */
function treeOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(relative(dir, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** Write `files` under a new temporary folder; returns it. */
function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ki-kustomize-test-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const kubectl = (): KustomizeEngine => ({ kind: 'kustomize', path: engineBinaries().kubectl, viaKubectl: true, version: 'v5.7.1' });
const dataOf = (text: string) =>
  parseYaml(text).documents[0]!.data as { kind: string; metadata: { name: string; annotations?: Record<string, string> }; spec?: unknown };

describe('static analysis of the vendored overlays', () => {
  const tree = treeOf(CORPUS);
  const analysis = analyseKustomize(tree);

  it('finds the roots: kustomizations no other one references', () => {
    expect(analysis.roots).toEqual([
      'helloWorld/kustomization.yaml',
      'microservices-demo/kustomization.yaml',
      'microservices-demo/tests/memorystore-with-all-components/kustomization.yaml',
      'multibases/kustomization.yaml',
      'podinfo/kustomization.yaml',
      'springboot/overlays/production/kustomization.yaml',
      'springboot/overlays/staging/kustomization.yaml',
    ]);
    expect([...analysis.kustomizations.keys()]).toContain('multibases/base/kustomization.yaml');
  });

  it('classifies patches, generator sources, resources and kustomizations', () => {
    const roles = kustomizeFileRoles(tree);
    expect(roles.get('springboot/overlays/production/patch.yaml')).toEqual(['patch']);
    expect(roles.get('springboot/overlays/production/healthcheck_patch.yaml')).toEqual(['patch']);
    expect(roles.get('springboot/base/application.properties')).toEqual(['generator-source']);
    expect(roles.get('springboot/overlays/staging/staging.env')).toEqual(['generator-source']);
    expect(roles.get('springboot/base/deployment.yaml')).toEqual(['resource']);
    expect(roles.get('multibases/base/pod.yaml')).toEqual(['resource']);
    expect(roles.get('springboot/base/kustomization.yaml')).toEqual(['kustomization']);
    // Files no kustomization names have no role.
    expect(roles.has('springboot/README.md')).toBe(false);
  });

  it('a closure holds the kustomizations reached and the files they name', () => {
    const c = kustomizeClosure(analysis, 'multibases/kustomization.yaml');
    expect(c.kustomizations).toEqual([
      'multibases/kustomization.yaml',
      'multibases/dev/kustomization.yaml',
      'multibases/base/kustomization.yaml',
      'multibases/staging/kustomization.yaml',
      'multibases/production/kustomization.yaml',
    ]);
    expect(c.files).toEqual(['multibases/base/pod.yaml']);
    expect(c.problems).toEqual([]);
  });

  it('the roots of a change: those whose closure holds a changed file', () => {
    expect(kustomizeRootsFor(analysis, ['springboot/base/deployment.yaml'])).toEqual([
      'springboot/overlays/production/kustomization.yaml',
      'springboot/overlays/staging/kustomization.yaml',
    ]);
    expect(kustomizeRootsFor(analysis, ['springboot/overlays/production/patch.yaml'])).toEqual(['springboot/overlays/production/kustomization.yaml']);
    expect(kustomizeRootsFor(analysis, ['multibases/dev/kustomization.yaml'])).toEqual(['multibases/kustomization.yaml']);
    expect(kustomizeRootsFor(analysis, ['podinfo/README.md'])).toEqual([]);
  });
});

describe('refusals before running', () => {
  const refusals = (files: Record<string, string>, root = 'kustomization.yaml') =>
    kustomizeClosure(analyseKustomize(new Map(Object.entries(files))), root).problems;

  it('remote references, with file, line and column', () => {
    const problems = refusals({
      'kustomization.yaml': [
        'resources:',
        '- deployment.yaml',
        '- https://github.com/kubernetes-sigs/kustomize//examples/multibases?ref=v1.0.6',
        '- github.com/org/repo/base',
        '- git@github.com:org/repo.git',
        'components:',
        '- ssh://git@example.com/org/repo.git',
        'bases:',
        '- git::https://example.com/repo.git//base',
        '',
      ].join('\n'),
      'deployment.yaml': '',
    });
    expect(problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([
      ['remote', 'kustomization.yaml', 3, 3],
      ['remote', 'kustomization.yaml', 4, 3],
      ['remote', 'kustomization.yaml', 5, 3],
      ['remote', 'kustomization.yaml', 9, 3],
      ['remote', 'kustomization.yaml', 7, 3],
    ]);
    expect(problems[0]!.message).toMatch(/remote bases and files are never loaded/);
  });

  it('remoteReason tells local paths from remote ones', () => {
    expect(remoteReason('../base')).toBeUndefined();
    expect(remoteReason('deployment.yaml')).toBeUndefined();
    expect(remoteReason('https://example.com/a.yaml')).toBe('a URL');
    expect(remoteReason('example.com/org/repo?ref=main')).toBe('a remote ref');
  });

  it('helm charts, KRM functions, paths out of the repository, a refusal in a base', () => {
    const problems = refusals(
      {
        'overlay/kustomization.yaml': [
          'resources:',
          '- ../base',
          '- ../../outside.yaml',
          '- /etc/passwd',
          'transformers:',
          '- fn.yaml',
          'helmCharts:',
          '- name: x',
          '',
        ].join('\n'),
        'overlay/fn.yaml':
          'apiVersion: example.com/v1\nkind: Fn\nmetadata:\n  name: x\n  annotations:\n    config.kubernetes.io/function: |\n      exec:\n        path: ./rm-rf\n',
        'base/kustomization.yaml':
          'generators:\n- |\n  apiVersion: x/v1\n  kind: G\n  metadata:\n    name: g\n    annotations:\n      config.k8s.io/function: "container: {image: evil}"\n',
      },
      'overlay/kustomization.yaml',
    );
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['helm', 'overlay/kustomization.yaml', 7],
      ['outside', 'overlay/kustomization.yaml', 3],
      ['outside', 'overlay/kustomization.yaml', 4],
      ['function', 'overlay/kustomization.yaml', 6],
      ['function', 'base/kustomization.yaml', 2],
    ]);
  });

  it('a KRM function inside a folder named by transformers is refused where that folder lists it', () => {
    const problems = refusals({
      'kustomization.yaml': 'resources:\n- app.yaml\ntransformers:\n- fns\n',
      'app.yaml': '',
      'fns/kustomization.yaml': 'resources:\n- prefix.yaml\n- run.yaml\n',
      'fns/prefix.yaml': 'apiVersion: builtin\nkind: PrefixTransformer\nmetadata: {name: p}\nprefix: a-\n',
      'fns/run.yaml': 'apiVersion: x/v1\nkind: R\nmetadata:\n  name: r\n  annotations:\n    config.kubernetes.io/function: "exec: {path: ./run.sh}"\n',
    });
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([['function', 'fns/kustomization.yaml', 3]]);
  });

  it('a remote base is refused without running the engine', async () => {
    const dir = writeTree({ 'kustomization.yaml': 'resources:\n- https://github.com/org/repo//base?ref=main\n' });
    const marker = join(dir, 'engine-ran');
    const fake = join(dir, 'fake-kubectl');
    writeFileSync(fake, `#!/bin/sh\n: > '${marker}'\n`);
    chmodSync(fake, 0o755);
    const engine: KustomizeEngine = { kind: 'kustomize', path: fake, viaKubectl: true, version: 'v5.7.1' };
    const tree = treeOf(dir);
    const r = await buildKustomization(engine, analyseKustomize(tree), 'kustomization.yaml', dir);
    expect(r.objects).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['remote', 2]]);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('building with the real engine', () => {
  const tree = treeOf(CORPUS);
  const analysis = analyseKustomize(tree);

  it('never passes a flag that loosens Kustomize', () => {
    expect(kustomizeArgs(kubectl(), '/d')).toEqual(['kustomize', '/d']);
    expect(kustomizeArgs({ ...kubectl(), viaKubectl: false }, '/d')).toEqual(['build', '/d']);
  });

  it("springboot production: a base Deployment's origin is the base file, the annotation is gone, the patch applied", async () => {
    const r = await buildKustomization(kubectl(), analysis, 'springboot/overlays/production/kustomization.yaml', CORPUS);
    expect(r.problems).toEqual([]);
    const byKind = new Map(r.objects.map((o) => [dataOf(o.text).kind, o]));
    expect([...byKind.keys()].sort()).toEqual(['ConfigMap', 'Deployment', 'Service']);
    const dep = byKind.get('Deployment')!;
    expect(dep.sourceFile).toBe('springboot/base/deployment.yaml');
    expect(dep.origin).toEqual({ path: '../../base/deployment.yaml' });
    expect(dataOf(dep.text).metadata.name).toBe('production-sbdemo');
    // The healthcheck patch of the overlay is in the rendered object.
    expect(dep.text).toContain('livenessProbe');
    // A generated object points at the kustomization holding its generator.
    const cm = byKind.get('ConfigMap')!;
    expect(cm.sourceFile).toBe('springboot/base/kustomization.yaml');
    expect(cm.origin?.configuredBy).toEqual({ apiVersion: 'builtin', kind: 'ConfigMapGenerator' });
    for (const o of r.objects) {
      expect(o.text).not.toContain('config.kubernetes.io/origin');
      expect(o.text).not.toMatch(/^---/m);
      expect(o.text.endsWith('\n')).toBe(true);
      expect(parseYaml(o.text).documents).toHaveLength(1);
      // Nothing else annotated these objects: no `annotations: {}` is left behind.
      expect(dataOf(o.text).metadata.annotations).toBeUndefined();
    }
  });

  it('multibases: three overlays of one base Pod all map to the base file', async () => {
    const r = await buildKustomization(kubectl(), analysis, 'multibases/kustomization.yaml', CORPUS);
    expect(r.problems).toEqual([]);
    expect(r.objects.map((o) => [dataOf(o.text).metadata.name, o.sourceFile]).sort()).toEqual([
      ['cluster-a-dev-myapp-pod', 'multibases/base/pod.yaml'],
      ['cluster-a-prod-myapp-pod', 'multibases/base/pod.yaml'],
      ['cluster-a-staging-myapp-pod', 'multibases/base/pod.yaml'],
    ]);
  });

  it('podinfo and helloWorld build, each object from its own file', async () => {
    const podinfo = await buildKustomization(kubectl(), analysis, 'podinfo/kustomization.yaml', CORPUS);
    expect(podinfo.problems).toEqual([]);
    expect(podinfo.objects.map((o) => o.sourceFile).sort()).toEqual(['podinfo/deployment.yaml', 'podinfo/hpa.yaml', 'podinfo/service.yaml']);
    const hello = await buildKustomization(kubectl(), analysis, 'helloWorld/kustomization.yaml', CORPUS);
    expect(hello.problems).toEqual([]);
    expect(hello.objects.map((o) => o.sourceFile).sort()).toEqual(['helloWorld/configMap.yaml', 'helloWorld/deployment.yaml', 'helloWorld/service.yaml']);
  });

  it('an overlay patch setting privileged: true shows in the rendered object; other annotations stay', async () => {
    const files = {
      'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
      'base/deployment.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        '  annotations:',
        '    team: payments',
        'spec:',
        '  selector: {matchLabels: {app: web}}',
        '  template:',
        '    metadata: {labels: {app: web}}',
        '    spec:',
        '      containers:',
        '      - name: web',
        '        image: nginx:1.27',
        '',
      ].join('\n'),
      'overlays/prod/kustomization.yaml': '# prod\nresources:\n- ../../base\npatches:\n- path: privileged.yaml\nbuildMetadata: [managedByLabel]\n',
      'overlays/prod/privileged.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        securityContext:\n          privileged: true\n',
    };
    const dir = writeTree(files);
    const a = analyseKustomize(treeOf(dir));
    expect(a.roots).toEqual(['overlays/prod/kustomization.yaml']);
    expect(kustomizeFileRoles(treeOf(dir)).get('overlays/prod/privileged.yaml')).toEqual(['patch']);
    const r = await buildKustomization(kubectl(), a, 'overlays/prod/kustomization.yaml', dir);
    expect(r.problems).toEqual([]);
    expect(r.objects).toHaveLength(1);
    const o = r.objects[0]!;
    expect(o.sourceFile).toBe('base/deployment.yaml');
    const data = dataOf(o.text) as unknown as {
      metadata: { annotations: Record<string, string>; labels: Record<string, string> };
      spec: { template: { spec: { containers: { securityContext?: { privileged?: boolean } }[] } } };
    };
    expect(data.spec.template.spec.containers[0]!.securityContext).toEqual({ privileged: true });
    expect(data.metadata.annotations).toEqual({ team: 'payments' });
    // The user's own buildMetadata was kept alongside originAnnotations.
    expect(data.metadata.labels['app.kubernetes.io/managed-by']).toMatch(/^kustomize-/);
    // The repository's files are untouched.
    expect(readFileSync(join(dir, 'overlays/prod/kustomization.yaml'), 'utf8')).toBe(files['overlays/prod/kustomization.yaml']);
  });

  it('overrides: an edited file is built in place of the one on disk, which stays as it was', async () => {
    const files = {
      'app/kustomization.yaml': 'resources:\n- cm.yaml\n',
      'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: disk\n',
    };
    const dir = writeTree(files);
    const a = analyseKustomize(treeOf(dir));
    const overrides = new Map([['app/cm.yaml', files['app/cm.yaml'].replace('disk', 'edited')]]);
    const r = await buildKustomization(kubectl(), a, 'app/kustomization.yaml', dir, { overrides });
    expect(r.problems).toEqual([]);
    expect((parseYaml(r.objects[0]!.text).documents[0]!.data as { data: { k: string } }).data.k).toBe('edited');
    expect(r.objects[0]!.sourceFile).toBe('app/cm.yaml');
    expect(readFileSync(join(dir, 'app/cm.yaml'), 'utf8')).toBe(files['app/cm.yaml']);
  });

  it("a broken kustomization gives the engine's message, with repository paths", async () => {
    const dir = writeTree({ 'app/kustomization.yaml': 'resources:\n- missing.yaml\n' });
    const a = analyseKustomize(treeOf(dir));
    const r = await buildKustomization(kubectl(), a, 'app/kustomization.yaml', dir);
    expect(r.objects).toEqual([]);
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect([p.code, p.file, p.line]).toEqual(['build-failed', 'app/kustomization.yaml', 1]);
    expect(p.message).toMatch(/^kustomize could not build app\/kustomization\.yaml: .*missing\.yaml/s);
    expect(p.message).not.toContain('kube-immutable-kustomize-');
  });

  it('a symbolic link in the closure is refused (file or folder on the way)', async () => {
    const outside = writeTree({ 'secret.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stolen}\n' });
    const dir = writeTree({ 'kustomization.yaml': 'resources:\n- cm.yaml\n- linked/kustomization.yaml\n' });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'cm.yaml'));
    const tree = new Map([
      ['kustomization.yaml', readFileSync(join(dir, 'kustomization.yaml'), 'utf8')],
      ['cm.yaml', ''],
    ]) as KustomizeTree;
    const r = await buildKustomization(kubectl(), analyseKustomize(tree), 'kustomization.yaml', dir);
    expect(r.objects).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.file, p.line])).toEqual([['symlink', 'kustomization.yaml', 2]]);
    expect(r.problems[0]!.message).toMatch(/cm\.yaml is a symbolic link/);
  });

  it('a folder on the way that is a symbolic link is refused too', async () => {
    const outside = writeTree({ 'kustomization.yaml': 'resources:\n- cm.yaml\n', 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stolen}\n' });
    const dir = writeTree({ 'kustomization.yaml': 'resources:\n- base\n' });
    symlinkSync(outside, join(dir, 'base'));
    const tree = treeOf(dir); // the walk does not follow the link, so the caller tells the folder's files
    tree.set('base/kustomization.yaml', readFileSync(join(outside, 'kustomization.yaml'), 'utf8'));
    tree.set('base/cm.yaml', '');
    const r = await buildKustomization(kubectl(), analyseKustomize(tree), 'kustomization.yaml', dir);
    expect(r.objects).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      ['symlink', 'base is a symbolic link: links are never followed, so kustomization.yaml is not built'],
    ]);
  });
});

it('an engine that cannot be started is a problem, not a throw', async () => {
  const dir = writeTree({ 'kustomization.yaml': 'resources: []\n' });
  const engine: KustomizeEngine = { kind: 'kustomize', path: join(dir, 'no-such-binary'), viaKubectl: false, version: 'v5.7.1' };
  const r = await buildKustomization(engine, analyseKustomize(treeOf(dir)), 'kustomization.yaml', dir);
  expect(r.problems.map((p) => [p.code, p.message])).toEqual([
    ['build-failed', `kustomize could not build kustomization.yaml: ${engine.path} could not be started (ENOENT)`],
  ]);
});

describe('withOriginAnnotations', () => {
  it('adds the field, or the item to a list, keeping the rest of the text', () => {
    expect(withOriginAnnotations('# c\nresources:\n- a.yaml\n')).toBe('# c\nresources:\n- a.yaml\nbuildMetadata:\n- originAnnotations\n');
    const flow = withOriginAnnotations('resources: [a.yaml]\nbuildMetadata: [managedByLabel]\n')!;
    expect(parseYaml(flow).documents[0]!.data).toEqual({ resources: ['a.yaml'], buildMetadata: ['managedByLabel', 'originAnnotations'] });
    expect(withOriginAnnotations('buildMetadata:\n- originAnnotations\n')).toBe('buildMetadata:\n- originAnnotations\n');
    expect(withOriginAnnotations('')).toBe('buildMetadata: [originAnnotations]\n');
    expect(withOriginAnnotations('- a\n')).toBeUndefined();
    expect(withOriginAnnotations('buildMetadata: yes\n')).toBeUndefined();
  });
});
