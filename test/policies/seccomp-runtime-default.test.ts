import { run } from '../../src/engine/index.js';
import { testPolicy } from '../../src/api/testing.js';
import { applyEdits } from '../../src/yaml/index.js';
import policy from '../../policies/seccomp-runtime-default.js';

const pod = (spec: string, metadata = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
${metadata}spec:
${spec}`;

const annotated = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: runtime/default
        container.seccomp.security.alpha.kubernetes.io/b: unconfined
    spec:
      containers:
        - name: a
          image: app:1.0
        - name: b
          image: app:1.0
`;

testPolicy(policy, {
  valid: [
    {
      name: 'pod-level RuntimeDefault covers init, regular and ephemeral containers',
      code: pod(`  securityContext:
    seccompProfile:
      type: RuntimeDefault
  initContainers:
  - name: init
    image: busybox
  containers:
  - name: app
    image: app:1.0
  ephemeralContainers:
  - name: debug
    image: busybox
`),
    },
    {
      name: 'container values win over a pod-level Unconfined: RuntimeDefault and Localhost with a profile',
      code: pod(`  securityContext:
    seccompProfile:
      type: Unconfined
  containers:
  - name: a
    image: app:1.0
    securityContext:
      seccompProfile:
        type: RuntimeDefault
  - name: b
    image: app:1.0
    securityContext:
      seccompProfile: {type: Localhost, localhostProfile: profiles/app.json}
`),
    },
    {
      name: 'Windows pods are skipped',
      code: pod(`  os:
    name: windows
  containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`),
    },
    {
      name: 'HostProcess pods are skipped',
      code: pod(`  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: true
  containers:
  - name: agent
    image: agent:1.0
`),
    },
  ],
  invalid: [
    {
      name: 'unset everywhere: one finding on the pod spec, one pod-level fix',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: app:1.0
      containers:
        - name: web
          image: app:1.0
        - name: proxy
          image: proxy:2.0
`,
      errors: [{ messageId: 'missing', line: 7 }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: app:1.0
      containers:
        - name: web
          image: app:1.0
        - name: proxy
          image: proxy:2.0
      securityContext:
        seccompProfile:
          type: RuntimeDefault
`,
    },
    {
      name: 'an existing pod-level securityContext gets the field; containers with their own bad values are reported apart',
      code: pod(`  securityContext:
    runAsNonRoot: true
  initContainers:
  - name: init
    image: busybox
  containers:
  - name: a
    image: app:1.0
    securityContext:
      seccompProfile:
        type: Unconfined
  - name: b
    image: app:1.0
    securityContext:
      seccompProfile: {type: Localhost}
`),
      errors: [
        { messageId: 'missing', line: 6 },
        { messageId: 'unconfined', line: 16 },
        { messageId: 'localhostWithoutProfile', line: 20 },
      ],
      output: pod(`  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  initContainers:
  - name: init
    image: busybox
  containers:
  - name: a
    image: app:1.0
    securityContext:
      seccompProfile:
        type: Unconfined
  - name: b
    image: app:1.0
    securityContext:
      seccompProfile: {type: Localhost}
`),
    },
    {
      name: 'pod-level Unconfined inherited: one finding at the pod-level type; a misspelled container type',
      code: pod(`  securityContext:
    seccompProfile:
      type: Unconfined
  containers:
  - name: a
    image: app:1.0
  - name: b
    image: app:1.0
    securityContext:
      seccompProfile:
        type: runtime/default
`),
      errors: [
        { messageId: 'podUnconfined', line: 8 },
        { messageId: 'badType', line: 16 },
      ],
      output: null,
    },
    {
      name: 'deprecated annotations count as set (no missing finding) and are reported, unconfined ones as such',
      code: annotated,
      errors: [
        { messageId: 'deprecatedAnnotation', line: 9 },
        { messageId: 'unconfinedAnnotation', line: 10 },
      ],
      output: null,
    },
    {
      name: 'a Localhost container annotation is only deprecated; the PodSecurityPolicy annotation defaultProfileName means nothing on a pod',
      code: pod(
        `  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: app
    image: app:1.0
`,
        `  annotations:
    container.seccomp.security.alpha.kubernetes.io/app: localhost/profiles/app.json
    seccomp.security.alpha.kubernetes.io/defaultProfileName: runtime/default
`,
      ),
      errors: [{ messageId: 'deprecatedAnnotation', line: 6 }],
      output: null,
    },
  ],
});

/** The text after applying each suggestion of the finding at `index`. */
function suggested(code: string, index: number): string[] {
  const result = run([{ path: 'test.yaml', text: code }], [policy]);
  return result.findings[index]!.suggestions.map((s) => applyEdits(code, s.edits));
}

describe('seccomp-runtime-default suggestions', () => {
  it('a deprecated annotation: the equivalent field (the annotation stays: the fixer cannot delete)', () => {
    expect(suggested(annotated, 0)).toEqual([annotated + '      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n']);
  });

  it('an unconfined annotation: RuntimeDefault on the container it names', () => {
    expect(suggested(annotated, 1)).toEqual([annotated + '          securityContext:\n            seccompProfile:\n              type: RuntimeDefault\n']);
  });

  it('Unconfined in place: RuntimeDefault', () => {
    const code = pod(`  containers:
  - name: a
    image: app:1.0
    securityContext:
      seccompProfile: {type: Unconfined}
`);
    expect(suggested(code, 0)).toEqual([code.replace('{type: Unconfined}', '{type: RuntimeDefault}')]);
  });
});
