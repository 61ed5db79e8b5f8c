import { containerLabel, definePolicy, forEachContainer, normalisePath, volumeSources } from '../src/api/policy.js';

/**
 * Host paths whose mere mount exposes the node, read-only or not: the host's root, kernel
 * interfaces, its configuration, and the container runtimes' and kubelet's state and sockets.
 * `exact` entries match only that directory (`/etc`, not `/etc/localtime`); `tree` entries match
 * the path and everything below it. Paths are compared after normalising `/var/run` to `/run`.
 */
const SENSITIVE_EXACT = [
  '/',
  '/proc',
  '/sys',
  '/etc',
  '/boot',
  '/dev',
  '/root',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/var',
  '/run',
  '/var/lib',
  '/var/lib/docker',
];
const SENSITIVE_TREE = [
  '/run/docker.sock',
  '/run/containerd',
  '/run/crio',
  '/run/cri-dockerd.sock',
  '/run/podman',
  '/run/k3s',
  '/var/lib/kubelet',
  '/var/lib/containerd',
  '/var/lib/etcd',
  '/etc/kubernetes',
  '/proc/sys',
  '/sys/kernel',
];

/** A host path in comparable form: single slashes, no trailing slash, no `.` segments, `/var/run` → `/run`. */
export function canonicalHostPath(p: string): string {
  const parts: string[] = [];
  for (const seg of normalisePath(p.trim()).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  const s = '/' + parts.join('/');
  return s === '/var/run' || s.startsWith('/var/run/') ? s.slice(4) : s;
}

/** True when mounting host path `p` exposes the node even read-only. */
export function isSensitiveHostPath(p: string): boolean {
  const c = canonicalHostPath(p);
  return SENSITIVE_EXACT.includes(c) || SENSITIVE_TREE.some((t) => c === t || c.startsWith(t + '/'));
}

/**
 * A container does not mount a `hostPath` volume writable (`readOnly: true` on the volumeMount),
 * and mounts no sensitive host path at all. Unmounted hostPath volumes are not reported.
 */
export default definePolicy({
  id: 'no-writable-host-path',
  meta: {
    description: 'Containers mount hostPath volumes read-only, and never sensitive host paths.',
    category: 'immutability',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      writable:
        '{{container}} mounts the host path {{hostPath}} at {{mountPath}} writable: the container can change files on the node, outside any image or rollout. Set readOnly: true on the volumeMount (or use an emptyDir or a PersistentVolumeClaim for data the container writes).',
      sensitive:
        '{{container}} mounts the host path {{hostPath}} at {{mountPath}}{{readOnly}}: mounting it at all exposes the node (its kernel interfaces, configuration, container runtime or kubelet), and readOnly: true does not make that safe. Remove the mount; if a node agent truly needs it, exempt that workload with a reason.',
      suggestReadOnly:
        'Set readOnly: true on the mount of {{hostPath}}: this is a behaviour change, since the container may write there on purpose (state, logs, sockets); apply it only after checking that it does not.',
    },
    remediation:
      'Set readOnly: true on every volumeMount of a hostPath volume, and do not mount sensitive host paths (/, /proc, /sys, /etc, container runtime sockets, /var/lib/kubelet) at all. Data the container writes belongs on an emptyDir or a PersistentVolumeClaim.',
    peers: {
      'kube-linter': 'writable-host-mount, sensitive-host-mounts, docker-sock',
      polaris: 'hostPathSet',
      checkov: 'CKV_K8S_27',
      trivy: 'KSV-0023, KSV-0006',
    },
  },
  check(context) {
    forEachContainer(context, (c, w) => {
      const sources = volumeSources(w);
      const mounts = c.node.get('volumeMounts');
      if (!mounts || mounts.kind !== 'seq') return;
      for (const mount of mounts.items()) {
        if (mount.kind !== 'map') continue;
        const { name, mountPath, readOnly } = (mount.value ?? {}) as Record<string, unknown>;
        if (typeof name !== 'string') continue;
        const hostPath = sources.get(name)?.hostPath as Record<string, unknown> | undefined;
        if (!hostPath || typeof hostPath !== 'object') continue;
        const path = typeof hostPath.path === 'string' ? hostPath.path : '';
        const data = {
          container: containerLabel(c),
          hostPath: path || '(no path)',
          mountPath: typeof mountPath === 'string' ? mountPath : '(no mountPath)',
          readOnly: readOnly === true ? ' (read-only)' : '',
        };
        const readOnlyNode = mount.get('readOnly');
        if (path && isSensitiveHostPath(path)) {
          context.report({ messageId: 'sensitive', data, node: mount.get('name') ?? mount, key: true, container: c, detail: `${name}@${data.mountPath}` });
          continue;
        }
        if (readOnly === true) continue;
        context.report({
          messageId: 'writable',
          data,
          node: readOnlyNode ?? mount.get('name') ?? mount,
          key: true,
          container: c,
          detail: `${name}@${data.mountPath}`,
          fix: (fixer) => [fixer.set(mount, ['readOnly'], true)],
          fixKind: 'behaviour',
          fixMessageId: 'suggestReadOnly',
        });
      }
    });
  },
});
