import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/immutable-configmap-secret.js';

testPolicy(policy, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nimmutable: true\ndata:\n  a: b\n',
    {
      name: 'service account token secrets are filled by a controller',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\n  annotations:\n    kubernetes.io/service-account.name: app\ntype: kubernetes.io/service-account-token\n',
    },
    { name: 'other groups are not core ConfigMaps', code: 'apiVersion: example.com/v1\nkind: ConfigMap\nmetadata:\n  name: c\n' },
  ],
  invalid: [
    {
      name: 'ConfigMap with a block scalar: immutable is added after it',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: nginx-conf
data:
  nginx.conf: |
    events {}
    http {}
`,
      applyFixes: { behaviour: ['immutable-configmap-secret'] },
      errors: [{ messageId: 'missing', line: 2 }],
      output: `apiVersion: v1
kind: ConfigMap
metadata:
  name: nginx-conf
data:
  nginx.conf: |
    events {}
    http {}
immutable: true
`,
    },
    {
      name: 'Secret with immutable: false and no final newline',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nimmutable: false\nstringData:\n  password: hunter2',
      applyFixes: { behaviour: ['immutable-configmap-secret'] },
      errors: [{ messageId: 'disabled', line: 5 }],
      output: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nimmutable: true\nstringData:\n  password: hunter2',
    },
    {
      name: 'items of a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n  data: {k: v}\n',
      applyFixes: { behaviour: ['immutable-configmap-secret'] },
      errors: [{ messageId: 'missing', line: 5 }],
      output: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n  data: {k: v}\n  immutable: true\n',
    },
    {
      name: 'by default immutable: true is a behaviour suggestion, not a fix (it breaks the next apply of a fixed-name object)',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nimmutable: false\nstringData:\n  password: hunter2',
      errors: [{ messageId: 'disabled', line: 5, suggestions: [{ kind: 'behaviour', output: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nimmutable: true\nstringData:\n  password: hunter2' }] }],
      output: null,
    },
  ],
});
