import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/no-privileged-container.js';

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
      name: 'privileged: true is set to false, keeping the comment',
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
      errors: [{ messageId: 'privileged', line: 12 }],
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
      errors: [{ messageId: 'privileged', line: 2 }],
      output: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "a", "image": "x", "securityContext": {"privileged": false}}]}}\n',
    },
  ],
});
