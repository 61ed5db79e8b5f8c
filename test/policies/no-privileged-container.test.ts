import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/no-privileged-container.js';

const OUT1 = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      initContainers:
      - name: sysctl
        image: busybox
        securityContext:
          privileged: false   # needs host sysctls
      containers:
      - name: agent
        image: agent:1
`;

const POD = (spec: string) => `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n${spec}`;

testPolicy(policy, {
  valid: [
    {
      name: 'Windows pods are left to valid-manifest (the field cannot be set there)',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  os: {name: windows}\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      privileged: true\n',
    },
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      privileged: false\n',
  ],
  invalid: [
    {
      name: 'privileged: true: a behaviour change, so by default a suggestion (set to false, keeping the comment), not a fix',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      initContainers:
      - name: sysctl
        image: busybox
        securityContext:
          privileged: true   # needs host sysctls
      containers:
      - name: agent
        image: agent:1
`,
      errors: [{ messageId: 'privileged', line: 12, suggestions: [{ messageId: 'suggestUnprivileged', kind: 'behaviour', output: OUT1 }] }],
      output: null,
    },
    {
      name: 'with its behaviour changes applied, privileged: true is set to false, keeping the comment',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      initContainers:
      - name: sysctl
        image: busybox
        securityContext:
          privileged: true   # needs host sysctls
      containers:
      - name: agent
        image: agent:1
`,
      applyFixes: { behaviour: ['no-privileged-container'] },
      errors: [{ messageId: 'privileged', line: 12, suggestions: [] }],
      output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      initContainers:
      - name: sysctl
        image: busybox
        securityContext:
          privileged: false   # needs host sysctls
      containers:
      - name: agent
        image: agent:1
`,
    },
    {
      name: 'quoted and JSON-style values',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "a", "image": "x", "securityContext": {"privileged": true}}]}}\n',
      applyFixes: { behaviour: 'all' },
      errors: [{ messageId: 'privileged', line: 2 }],
      output:
        '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "a", "image": "x", "securityContext": {"privileged": false}}]}}\n',
    },
    {
      name: 'a hostPath of the host /proc: privilege is the purpose; no fix, no suggestion, the message points to an exemption',
      code: POD(
        '      containers:\n      - name: agent\n        image: agent:1\n        securityContext:\n          privileged: true\n        volumeMounts:\n        - {name: proc, mountPath: /host/proc}\n      volumes:\n      - name: proc\n        hostPath: {path: /proc}\n',
      ),
      errors: [
        {
          messageId: 'privilegedPurpose',
          line: 12,
          data: { container: 'container "agent"', purpose: "it mounts the host's /proc in a DaemonSet (a node agent)" },
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: 'mountPropagation Bidirectional: privilege is the purpose',
      code: POD(
        '      containers:\n      - name: agent\n        image: agent:1\n        securityContext:\n          privileged: true\n        volumeMounts:\n        - {name: data, mountPath: /data, mountPropagation: Bidirectional}\n      volumes:\n      - name: data\n        emptyDir: {}\n',
      ),
      applyFixes: { behaviour: 'all' },
      errors: [{ messageId: 'privilegedPurpose', line: 12, suggestions: [] }],
      output: null,
    },
    {
      name: 'sysctl -w in the command: privilege is the purpose',
      code: POD(
        '      initContainers:\n      - name: tune\n        image: busybox\n        command: [sh, -c, "sysctl -w vm.max_map_count=262144"]\n        securityContext:\n          privileged: true\n      containers:\n      - name: es\n        image: es:8\n',
      ),
      errors: [
        { messageId: 'privilegedPurpose', line: 13, data: { container: 'init container "tune"', purpose: 'its command sets kernel parameters (sysctl -w)' } },
      ],
      output: null,
    },
    {
      name: 'a CSI node plugin: privilege is the purpose',
      code: POD('      containers:\n      - name: csi-rbdplugin\n        image: cephcsi:3\n        securityContext:\n          privileged: true\n'),
      errors: [{ messageId: 'privilegedPurpose', line: 12 }],
      output: null,
    },
  ],
});
