import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/drop-all-capabilities.js';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}`;

testPolicy(policy, {
  valid: [
    pod(`  containers:
  - name: app
    image: app:1.0
    securityContext:
      capabilities:
        drop: ["ALL"]
        add: ["NET_BIND_SERVICE"]
`),
    {
      name: 'init and ephemeral containers that drop ALL',
      code: pod(`  initContainers:
  - name: init
    image: busybox
    securityContext: {capabilities: {drop: [ALL]}}
  containers:
  - name: app
    image: app:1.0
    securityContext:
      capabilities:
        drop:
        - NET_RAW
        - ALL
  ephemeralContainers:
  - name: debug
    image: busybox
    securityContext:
      capabilities:
        drop: [ALL]
`),
    },
    {
      name: 'Windows pods are skipped (the API server rejects capabilities there)',
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
    {
      name: 'capabilities exist only on containers: a pod-level drop neither counts nor is needed',
      code: pod(`  containers:
  - name: app
    image: app:1.0
    securityContext:
      capabilities:
        drop: [ALL]
`),
    },
  ],
  invalid: [
    {
      name: 'non-root containers: drop: [ALL] is appended, creating securityContext, capabilities and drop as needed',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        runAsUser: 10001
      initContainers:
        - name: migrate
          image: app:1.0
      containers:
        - name: web
          image: app:1.0
          securityContext:
            runAsNonRoot: true
        - name: proxy
          image: proxy:2.0
          securityContext:
            capabilities:
              drop:
                - NET_RAW
`,
      errors: [
        { messageId: 'missing', line: 11 },
        { messageId: 'missing', line: 16 },
        { messageId: 'missing', line: 22 },
      ],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        runAsUser: 10001
      initContainers:
        - name: migrate
          image: app:1.0
          securityContext:
            capabilities:
              drop:
                - ALL
      containers:
        - name: web
          image: app:1.0
          securityContext:
            runAsNonRoot: true
            capabilities:
              drop:
                - ALL
        - name: proxy
          image: proxy:2.0
          securityContext:
            capabilities:
              drop:
                - NET_RAW
                - ALL
`,
    },
    {
      name: 'lowercase all does not count (PSA compares exactly); flow style kept; ephemeral container checked',
      code: pod(`  containers:
  - name: app
    image: app:1.0
    securityContext:
      capabilities:
        drop: [all]
  ephemeralContainers:
  - name: debug
    image: busybox
    securityContext:
      capabilities: {}
`),
      errors: [
        // The suggestion corrects the lowercase item in place, in its flow list.
        {
          messageId: 'misspelled',
          line: 11,
          suggestions: [
            {
              messageId: 'suggestDropAll',
              output: pod(`  containers:
  - name: app
    image: app:1.0
    securityContext:
      capabilities:
        drop: [ALL]
  ephemeralContainers:
  - name: debug
    image: busybox
    securityContext:
      capabilities: {}
`),
            },
          ],
        },
        { messageId: 'missing', line: 16 },
      ],
      // These containers may start as root: dropping ALL is a suggestion, not a fix.
      output: null,
    },
    {
      name: 'a misspelled ALL of a non-root container is corrected in place: flow list, block item with a comment, quoted',
      code: pod(`  securityContext:
    runAsNonRoot: true
  containers:
  - name: a
    image: app:1.0
    securityContext:
      capabilities:
        drop: [all, NET_RAW]
  - name: b
    image: app:1.0
    securityContext:
      capabilities:
        drop:
        - NET_RAW
        - CAP_ALL # every capability
  - name: c
    image: app:1.0
    securityContext:
      capabilities:
        drop: ["All", 'cap_all']
`),
      errors: [
        { messageId: 'misspelled', line: 13, data: { container: 'container "a"', value: 'all' } },
        { messageId: 'misspelled', line: 20, data: { container: 'container "b"', value: 'CAP_ALL' } },
        { messageId: 'misspelled', line: 25, data: { container: 'container "c"', value: 'All' } },
      ],
      output: pod(`  securityContext:
    runAsNonRoot: true
  containers:
  - name: a
    image: app:1.0
    securityContext:
      capabilities:
        drop: [ALL, NET_RAW]
  - name: b
    image: app:1.0
    securityContext:
      capabilities:
        drop:
        - NET_RAW
        - ALL # every capability
  - name: c
    image: app:1.0
    securityContext:
      capabilities:
        drop: ["ALL", 'cap_all']
`),
    },
    {
      name: 'added capabilities other than NET_BIND_SERVICE are reported one by one, with no fix',
      code: pod(`  containers:
  - name: app
    image: app:1.0
    securityContext:
      capabilities:
        drop: ["ALL"]
        add:
        - NET_BIND_SERVICE
        - CAP_NET_BIND_SERVICE
        - SYS_ADMIN
        - net_admin
`),
      errors: [
        { messageId: 'addedMisspelled', line: 14 },
        { messageId: 'added', line: 15 },
        { messageId: 'added', line: 16 },
      ],
      output: null,
    },
    {
      name: 'missing drop ALL and a forbidden add, as root: both reported, dropping ALL only suggested',
      code: pod(`  containers:
  - name: app
    image: app:1.0
    securityContext:
      capabilities:
        add: ["NET_ADMIN"]
`),
      errors: [
        { messageId: 'missing', line: 10 },
        { messageId: 'added', line: 11 },
      ],
      output: null,
    },
  ],
});

describe('drop-all-capabilities suggestion for containers that may run as root', () => {
  it('offers dropping ALL as a suggestion with the exact edit', async () => {
    const { run } = await import('../../src/engine/index.js');
    const { applyEdits } = await import('../../src/yaml/index.js');
    const text = pod(`  containers:\n  - name: app\n    image: nginx:1.27\n`);
    const [f] = run([{ path: 'p.yaml', text }], [policy]).findings;
    expect(f!.fixId).toBeUndefined();
    expect(f!.suggestions).toHaveLength(1);
    expect(applyEdits(text, f!.suggestions[0]!.edits)).toBe(
      pod(`  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        drop:\n        - ALL\n`),
    );
  });
});
