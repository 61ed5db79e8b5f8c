import { extractManifests, toWorkload, WORKLOAD_KINDS } from '../../src/k8s/index.js';
import { parseYaml } from '../../src/yaml/index.js';

const manifests = (text: string) => extractManifests(parseYaml(text));

describe('extractManifests', () => {
  it('skips documents that are not Kubernetes objects, with reasons', () => {
    const r = manifests(`on: push
jobs: {}
---
services:
  web: {image: nginx}
---
replicaCount: 1
---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [a.yaml]
---
apiVersion: v2
name: chart
version: 1.0.0
---
apiVersion: v1
kind: Service
metadata: {name: s, namespace: ns}
`);
    expect(r.manifests.map((m) => `${m.kind}/${m.namespace}/${m.name}`)).toEqual(['Service/ns/s']);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      'not a Kubernetes object: a GitHub Actions workflow',
      'not a Kubernetes object: a docker-compose file',
      'not a Kubernetes object: no apiVersion and kind (e.g. Helm values or another YAML file)',
      'kustomization file (kustomize build input, not an object applied to a cluster)',
      'not a Kubernetes object: a Helm Chart.yaml',
    ]);
    expect(r.skipped.map((s) => s.line)).toEqual([1, 4, 7, 9, 13]);
  });

  it('yields the items of a List, with their paths', () => {
    const r = manifests(
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: b}\n',
    );
    expect(r.manifests.map((m) => [m.kind, m.name, m.node.path.join('.')])).toEqual([
      ['ConfigMap', 'a', 'items.0'],
      ['Secret', 'b', 'items.1'],
    ]);
  });
});

describe('toWorkload', () => {
  const podSpec =
    'containers:\n- name: main\n  image: nginx\ninitContainers:\n- name: init\n  image: busybox\nephemeralContainers:\n- name: debug\n  image: busybox\n';
  const indent = (s: string, n: number) =>
    s
      .split('\n')
      .map((l) => (l ? ' '.repeat(n) + l : l))
      .join('\n');
  it.each(WORKLOAD_KINDS.map((k) => [k.kind, k]))('finds the PodSpec of a %s', (_name, k) => {
    const group = k.groups[0] ? `${k.groups[0]}/v1` : 'v1';
    let body = '';
    k.podSpecPath.forEach((key, i) => (body += `${' '.repeat(2 * i)}${key}:\n`));
    body += indent(podSpec, 2 * k.podSpecPath.length);
    const [m] = manifests(`apiVersion: ${group}\nkind: ${k.kind}\nmetadata:\n  name: w\n${body}`).manifests;
    const w = toWorkload(m!);
    expect(w?.containers.map((c) => `${c.type}:${c.name}:${c.image}`)).toEqual([
      'initContainers:init:busybox',
      'containers:main:nginx',
      'ephemeralContainers:debug:busybox',
    ]);
    expect(w?.containers[1]!.path).toEqual([...k.podSpecPath, 'containers', 0]);
  });

  it('knows Windows pods and ignores non-workloads', () => {
    const [pod, svc] = manifests(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  os: {name: Windows}\n  containers: []\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n',
    ).manifests;
    expect(toWorkload(pod!)?.isWindows).toBe(true);
    expect(toWorkload(svc!)).toBeUndefined();
  });
});
