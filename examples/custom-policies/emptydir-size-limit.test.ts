import { PolicyTester } from 'kube-immutable/testing';
import policy from './emptydir-size-limit.js';

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
  volumes:
${volumes}`;

new PolicyTester().run(policy, {
  valid: [
    {
      name: 'every emptyDir has a sizeLimit',
      code: pod('  - name: cache\n    emptyDir:\n      sizeLimit: 64Mi\n  - name: tmp\n    emptyDir: {medium: Memory, sizeLimit: 16Mi}\n'),
    },
    { name: 'other volume types are not checked', code: pod('  - name: config\n    configMap:\n      name: web-config\n') },
    { name: 'objects without a PodSpec are not checked', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: {}\n' },
    { name: 'a numeric sizeLimit is a quantity', code: pod('  - name: cache\n    emptyDir:\n      sizeLimit: 1000000\n') },
  ],
  invalid: [
    {
      name: 'emptyDir: {} gets the default sizeLimit, in flow style',
      code: pod('  - name: cache\n    emptyDir: {}\n'),
      errors: [{ messageId: 'missing', line: 11 }],
      output: pod('  - name: cache\n    emptyDir: {sizeLimit: 256Mi}\n'),
    },
    {
      name: 'a Memory emptyDir in a Deployment, with the configured default',
      options: { defaultSizeLimit: '64Mi' },
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
      volumes:
      - name: run
        emptyDir:
          medium: Memory   # tmpfs
`,
      errors: [{ messageId: 'missing', line: 13 }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
      volumes:
      - name: run
        emptyDir:
          medium: Memory   # tmpfs
          sizeLimit: 64Mi
`,
    },
    {
      name: 'an empty emptyDir: key',
      code: pod('  - name: cache\n    emptyDir:\n'),
      errors: [{ messageId: 'missing', line: 11 }],
      output: pod('  - name: cache\n    emptyDir:\n      sizeLimit: 256Mi\n'),
    },
    {
      name: 'sizeLimit: 1GB is not a quantity: reported, not fixed',
      code: pod('  - name: cache\n    emptyDir:\n      sizeLimit: 1GB\n'),
      errors: [{ messageId: 'invalid', line: 12 }],
      output: null,
    },
  ],
});

describe('emptydir-size-limit metadata', () => {
  it('offers a fix with a configurable default of 256Mi', () => {
    expect(policy.meta.fixable).toBe(true);
    expect(policy.meta.defaultOptions).toEqual({ defaultSizeLimit: '256Mi' });
  });
});
