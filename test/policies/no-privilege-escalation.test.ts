import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/no-privilege-escalation.js';

testPolicy(policy, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      allowPrivilegeEscalation: false\n',
    {
      name: 'Windows pods are skipped',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  os:\n    name: windows\n  containers:\n  - name: a\n    image: x\n',
    },
  ],
  invalid: [
    {
      name: 'unset counts (restricted Pod Security Standard); securityContext is created',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: run
          image: alpine:3.20
          command: ["sh", "-c", "echo hi"]
`,
      errors: [{ messageId: 'missing', line: 10 }],
      output: `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: run
          image: alpine:3.20
          command: ["sh", "-c", "echo hi"]
          securityContext:
            allowPrivilegeEscalation: false
`,
    },
    {
      name: 'explicit true on a 4-space indented CRLF file',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: p\r\nspec:\r\n    containers:\r\n        -   name: a\r\n            image: x\r\n            securityContext:\r\n                allowPrivilegeEscalation: true\r\n',
      errors: [{ messageId: 'allowed', line: 10 }],
      output:
        'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: p\r\nspec:\r\n    containers:\r\n        -   name: a\r\n            image: x\r\n            securityContext:\r\n                allowPrivilegeEscalation: false\r\n',
    },
    {
      name: 'with its behaviour changes applied, privileged: true is cleared too (the API server rejects the combination)',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      privileged: true\n',
      applyFixes: { behaviour: ['no-privilege-escalation'] },
      errors: [{ messageId: 'missing', line: 9 }],
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      privileged: false\n      allowPrivilegeEscalation: false\n',
    },
    {
      name: 'CAP_SYS_ADMIN: reported without a fix',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      capabilities:\n        add: ["SYS_ADMIN"]\n',
      errors: [{ messageId: 'sysAdmin', line: 9 }],
      output: null,
    },
    {
      name: 'next to privileged: true, by default: clearing privileged is a behaviour change, so a suggestion, not a fix',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      privileged: true\n',
      errors: [
        {
          messageId: 'missing',
          line: 9,
          suggestions: [
            {
              messageId: 'suggestUnprivileged',
              kind: 'behaviour',
              output:
                'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      privileged: false\n      allowPrivilegeEscalation: false\n',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
