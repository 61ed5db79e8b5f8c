import { run } from '../../src/engine/index.js';
import { testPolicy } from '../../src/api/testing.js';
import { applyEdits } from '../../src/yaml/index.js';
import policy from '../../policies/run-as-non-root.js';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}`;

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: app:1.0
        - name: sidecar
          image: proxy:2.0
`;

const mixed = pod(`  initContainers:
  - name: init
    image: busybox
    securityContext:
      runAsUser: 1000
  containers:
  - name: a
    image: app:1.0
    securityContext:
      runAsNonRoot: false
  - name: b
    image: app:1.0
  ephemeralContainers:
  - name: debug
    image: busybox
    securityContext: {runAsNonRoot: true, runAsUser: 0}
`);

testPolicy(policy, {
  valid: [
    {
      name: 'pod-level runAsNonRoot: true covers every container',
      code: pod(`  securityContext:
    runAsNonRoot: true
  initContainers:
  - name: init
    image: busybox
  containers:
  - name: app
    image: app:1.0
`),
    },
    {
      name: 'a non-zero runAsUser is enough, even with runAsNonRoot: false inherited from the pod',
      code: pod(`  securityContext:
    runAsNonRoot: false
  containers:
  - name: app
    image: app:1.0
    securityContext:
      runAsUser: 1000
`),
    },
    {
      name: 'the container value wins: runAsNonRoot: true over the pod-level false; pod-level runAsUser over nothing',
      code: pod(`  securityContext:
    runAsNonRoot: false
  containers:
  - name: a
    image: app:1.0
    securityContext:
      runAsNonRoot: true
  - name: b
    image: app:1.0
    securityContext:
      runAsUser: 65534
`),
    },
    {
      name: 'a container runAsUser overrides a pod-level runAsUser: 0',
      code: pod(`  securityContext:
    runAsUser: 0
  containers:
  - name: a
    image: app:1.0
    securityContext:
      runAsUser: 1000
`),
    },
    {
      name: 'Windows pods are skipped (runAsUserName applies there)',
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
      runAsUserName: "NT AUTHORITY\\\\SYSTEM"
  containers:
  - name: agent
    image: agent:1.0
`),
    },
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n',
  ],
  invalid: [
    {
      name: 'no container and not the pod sets it: one finding on the pod spec, suggestions only',
      code: deployment,
      errors: [{ messageId: 'missingAll', line: 7 }],
      output: null,
    },
    {
      name: 'per container: explicit false, unset (while the init container is fine), runAsUser: 0 with runAsNonRoot: true (ephemeral)',
      code: mixed,
      errors: [
        { messageId: 'rootAllowed', line: 15 },
        { messageId: 'missing', line: 16 },
        { messageId: 'rootUserRefused', line: 21 },
      ],
      output: null,
    },
    {
      name: 'pod-level runAsUser: 0 inherited: one finding at the pod-level key; runAsNonRoot: true does not make it non-root',
      code: pod(`  securityContext:
    runAsUser: 0
  initContainers:
  - name: init
    image: busybox
    securityContext:
      runAsNonRoot: true
  containers:
  - name: a
    image: app:1.0
  - name: b
    image: app:1.0
    securityContext:
      runAsUser: 1000
`),
      errors: [{ messageId: 'podRootUser', line: 7 }],
      output: null,
    },
    {
      name: 'container runAsUser: 0 wins over the pod-level non-root user',
      code: pod(`  securityContext:
    runAsUser: 1000
  containers:
  - name: a
    image: app:1.0
    securityContext:
      runAsUser: 0
`),
      errors: [{ messageId: 'rootUser', line: 12 }],
      output: null,
    },
    {
      name: 'pod-level runAsNonRoot: false inherited',
      code: pod(`  securityContext:
    runAsNonRoot: false
  containers:
  - name: a
    image: app:1.0
`),
      errors: [{ messageId: 'podRootAllowed', line: 7 }],
      output: null,
    },
  ],
});

/** The text after applying each suggestion of the finding at `index`. */
function suggested(code: string, index = 0, options?: Record<string, unknown>): string[] {
  const result = run([{ path: 'test.yaml', text: code }], [policy], options ? { options: { [policy.id]: options } } : {});
  return result.findings[index]!.suggestions.map((s) => applyEdits(code, s.edits));
}

describe('run-as-non-root suggestions', () => {
  it('every container lacks it: both remedies in the pod-level securityContext', () => {
    const [nonRoot, user] = suggested(deployment);
    expect(nonRoot).toBe(deployment + '      securityContext:\n        runAsNonRoot: true\n');
    expect(user).toBe(deployment + '      securityContext:\n        runAsUser: 10001\n');
  });

  it('the suggested UID is an option', () => {
    expect(suggested(deployment, 0, { suggestedUser: 2000 })[1]).toBe(deployment + '      securityContext:\n        runAsUser: 2000\n');
  });

  it('one container lacks it: remedies in that container; explicit values are replaced in place', () => {
    const missing = suggested(mixed, 1);
    expect(missing).toEqual([
      mixed.replace('  - name: b\n    image: app:1.0\n', '  - name: b\n    image: app:1.0\n    securityContext:\n      runAsNonRoot: true\n'),
      mixed.replace('  - name: b\n    image: app:1.0\n', '  - name: b\n    image: app:1.0\n    securityContext:\n      runAsUser: 10001\n'),
    ]);
    expect(suggested(mixed, 0)).toEqual([
      mixed.replace('      runAsNonRoot: false\n', '      runAsNonRoot: true\n'),
      mixed.replace('      runAsNonRoot: false\n', '      runAsNonRoot: false\n      runAsUser: 10001\n'),
    ]);
    // runAsUser: 0 has one remedy: another UID (runAsNonRoot: true is already there).
    expect(suggested(mixed, 2)).toEqual([mixed.replace('runAsUser: 0}', 'runAsUser: 10001}')]);
  });
});
