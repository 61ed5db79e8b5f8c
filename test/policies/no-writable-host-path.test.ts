import { testPolicy } from '../../src/api/testing.js';
import policy, { canonicalHostPath, isSensitiveHostPath } from '../../policies/no-writable-host-path.js';

const pod = (mounts: string, volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: busybox:1.36
    volumeMounts:
${mounts}  volumes:
${volumes}`;

testPolicy(policy, {
  valid: [
    {
      name: 'read-only hostPath mount',
      code: pod('    - name: logs\n      mountPath: /var/log/host\n      readOnly: true\n', '  - name: logs\n    hostPath:\n      path: /var/log\n'),
    },
    {
      name: '/etc/localtime read-only (only /etc itself is sensitive)',
      code: pod('    - name: tz\n      mountPath: /etc/localtime\n      readOnly: true\n', '  - name: tz\n    hostPath:\n      path: /etc/localtime\n'),
    },
    { name: 'an emptyDir mount is not a host path', code: pod('    - name: tmp\n      mountPath: /tmp\n', '  - name: tmp\n    emptyDir: {}\n') },
    {
      name: 'a hostPath volume no container mounts',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n  volumes:\n  - name: sys\n    hostPath:\n      path: /sys\n',
    },
  ],
  invalid: [
    {
      name: 'writable hostPath mount: the fix sets readOnly: true on that mount',
      code: pod('    - name: data\n      mountPath: /data\n', '  - name: data\n    hostPath:\n      path: /srv/data\n'),
      applyFixes: { behaviour: ['no-writable-host-path'] },
      errors: [{ messageId: 'writable', line: 10 }],
      output: pod('    - name: data\n      mountPath: /data\n      readOnly: true\n', '  - name: data\n    hostPath:\n      path: /srv/data\n'),
    },
    {
      name: 'readOnly: false is replaced in place; each mount is fixed on its own',
      code: pod(
        '    - name: data\n      mountPath: /data\n      readOnly: false\n    - {name: cache, mountPath: /cache}\n',
        '  - name: data\n    hostPath:\n      path: /srv/data\n  - name: cache\n    hostPath:\n      path: /srv/cache/\n',
      ),
      applyFixes: { behaviour: ['no-writable-host-path'] },
      errors: [
        { messageId: 'writable', line: 12 },
        { messageId: 'writable', line: 13 },
      ],
      output: pod(
        '    - name: data\n      mountPath: /data\n      readOnly: true\n    - {name: cache, mountPath: /cache, readOnly: true}\n',
        '  - name: data\n    hostPath:\n      path: /srv/data\n  - name: cache\n    hostPath:\n      path: /srv/cache/\n',
      ),
    },
    {
      name: 'the docker socket, even read-only, via /run or /var/run: no fix',
      code: pod(
        '    - name: docker\n      mountPath: /var/run/docker.sock\n      readOnly: true\n    - name: root\n      mountPath: /host\n',
        '  - name: docker\n    hostPath:\n      path: /run//docker.sock\n  - name: root\n    hostPath:\n      path: /\n',
      ),
      errors: [
        { messageId: 'sensitive', line: 10 },
        { messageId: 'sensitive', line: 13 },
      ],
      output: null,
    },
    {
      name: 'by default readOnly: true on a writable hostPath mount is a behaviour suggestion, not a fix',
      code: pod('    - name: data\n      mountPath: /data\n', '  - name: data\n    hostPath:\n      path: /srv/data\n'),
      errors: [
        {
          messageId: 'writable',
          line: 10,
          suggestions: [
            {
              messageId: 'suggestReadOnly',
              kind: 'behaviour',
              output: pod('    - name: data\n      mountPath: /data\n      readOnly: true\n', '  - name: data\n    hostPath:\n      path: /srv/data\n'),
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

describe('host path normalisation', () => {
  it.each([
    ['/var/run/docker.sock', '/run/docker.sock'],
    ['/etc/', '/etc'],
    ['//proc//', '/proc'],
    ['/var/lib/kubelet/../kubelet/pods', '/var/lib/kubelet/pods'],
  ])('%s -> %s', (p, c) => expect(canonicalHostPath(p)).toBe(c));
  it('knows sensitive paths', () => {
    for (const p of [
      '/',
      '/proc',
      '/sys/',
      '/etc',
      '/var/run/docker.sock',
      '/run/containerd/containerd.sock',
      '/var/run/crio/crio.sock',
      '/var/lib/kubelet/pods',
      '/etc/kubernetes/pki',
    ]) {
      expect([p, isSensitiveHostPath(p)]).toEqual([p, true]);
    }
    for (const p of ['/var/log', '/etc/localtime', '/srv/data', '/var/run/thing.sock', '/var/lib/docker/containers']) {
      expect([p, isSensitiveHostPath(p)]).toEqual([p, false]);
    }
  });
});
