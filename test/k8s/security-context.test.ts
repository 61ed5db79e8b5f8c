import { extractManifests, toWorkload, type Workload } from '../../src/k8s/index.js';
import {
  effectiveSeccomp,
  effectiveSecurityField,
  isHostProcessPod,
  isWindowsPod,
  seccompAnnotationProfile,
  seccompAnnotations,
  type InheritedSecurityField,
} from '../../src/k8s/security-context.js';
import { parseYaml } from '../../src/yaml/index.js';

const workload = (text: string): Workload => toWorkload(extractManifests(parseYaml(text)).manifests[0]!)!;

const w = workload(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined   # on the Deployment: not the pod's
spec:
  template:
    metadata:
      annotations:
        container.seccomp.security.alpha.kubernetes.io/b: localhost/profiles/b.json
        seccomp.security.alpha.kubernetes.io/pod: docker/default
    spec:
      securityContext:
        runAsUser: 0
        runAsNonRoot: true
        seccompProfile: {type: Unconfined}
      containers:
        - name: a
          image: app:1.0
          securityContext:
            runAsUser: 1000
            runAsNonRoot: null
            seccompProfile:
              type: RuntimeDefault
        - name: b
          image: app:1.0
        - name: c
          image: app:1.0
          securityContext: "not a map"
`);
const [a, b, c] = w.containers;

describe('effectiveSecurityField', () => {
  it('the container value wins; null and a non-map securityContext count as unset', () => {
    expect(effectiveSecurityField(w, a!, 'runAsUser')).toMatchObject({ value: 1000, level: 'container' });
    expect(effectiveSecurityField(w, a!, 'runAsNonRoot')).toMatchObject({ value: true, level: 'pod' });
    expect(effectiveSecurityField(w, b!, 'runAsUser')).toMatchObject({ value: 0, level: 'pod' });
    expect(effectiveSecurityField(w, c!, 'runAsUser')).toMatchObject({ value: 0, level: 'pod' });
    expect(effectiveSecurityField(w, b!, 'runAsGroup')).toBeUndefined();
  });

  it('points at the node that sets the value', () => {
    expect(effectiveSecurityField(w, b!, 'runAsUser')!.node.keyRange.start.line).toBe(15);
    expect(effectiveSecurityField(w, a!, 'runAsUser')!.node.keyRange.start.line).toBe(22);
  });

  it('throws a TypeError for a field that is not inherited', () => {
    expect(() => effectiveSecurityField(w, a!, 'capabilities' as InheritedSecurityField)).toThrow(
      new TypeError(
        'effectiveSecurityField: "capabilities" is not inherited from the pod-level securityContext (inherited: runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions, seccompProfile, windowsOptions)',
      ),
    );
  });
});

describe('effectiveSeccomp', () => {
  it('container field, then container annotation, then pod field, then pod annotation', () => {
    expect(effectiveSeccomp(w, a!)).toMatchObject({ type: 'RuntimeDefault', source: 'container' });
    expect(effectiveSeccomp(w, b!)).toMatchObject({ type: 'Localhost', localhostProfile: 'profiles/b.json', source: 'containerAnnotation' });
    expect(effectiveSeccomp(w, c!)).toMatchObject({ type: 'Unconfined', source: 'pod' });
    const annotatedOnly = workload(`apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
spec:
  containers:
  - name: x
    image: app:1.0
`);
    expect(effectiveSeccomp(annotatedOnly, annotatedOnly.containers[0]!)).toMatchObject({ type: 'RuntimeDefault', source: 'podAnnotation' });
    const none = workload('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: x\n    image: y\n');
    expect(effectiveSeccomp(none, none.containers[0]!)).toBeUndefined();
  });

  it('reads the annotations of the pod template only', () => {
    expect(seccompAnnotations(w).map((x) => [x.key, x.container, x.node.value])).toEqual([
      ['container.seccomp.security.alpha.kubernetes.io/b', 'b', 'localhost/profiles/b.json'],
      ['seccomp.security.alpha.kubernetes.io/pod', undefined, 'docker/default'],
    ]);
  });

  it('maps annotation values as the API server does', () => {
    expect(seccompAnnotationProfile('runtime/default')).toEqual({ type: 'RuntimeDefault', localhostProfile: undefined });
    expect(seccompAnnotationProfile('docker/default')).toEqual({ type: 'RuntimeDefault', localhostProfile: undefined });
    expect(seccompAnnotationProfile('unconfined')).toEqual({ type: 'Unconfined', localhostProfile: undefined });
    expect(seccompAnnotationProfile('localhost/x.json')).toEqual({ type: 'Localhost', localhostProfile: 'x.json' });
    expect(seccompAnnotationProfile('RuntimeDefault')).toEqual({ type: undefined, localhostProfile: undefined });
    expect(seccompAnnotationProfile(7)).toEqual({ type: undefined, localhostProfile: undefined });
  });
});

describe('isHostProcessPod / isWindowsPod', () => {
  const pod = (spec: string) => workload(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`);
  it('pod-level or container-level hostProcess: true', () => {
    const podLevel = pod('  securityContext:\n    windowsOptions: {hostProcess: true}\n  containers:\n  - name: a\n    image: x\n');
    const containerLevel = pod('  containers:\n  - name: a\n    image: x\n    securityContext:\n      windowsOptions: {hostProcess: true}\n');
    const linux = pod('  containers:\n  - name: a\n    image: x\n');
    const windows = pod('  os: {name: windows}\n  containers:\n  - name: a\n    image: x\n');
    expect([podLevel, containerLevel, linux, windows].map(isHostProcessPod)).toEqual([true, true, false, false]);
    expect([podLevel, containerLevel, linux, windows].map(isWindowsPod)).toEqual([true, true, false, true]);
  });
});
