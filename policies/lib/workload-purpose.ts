import { type Container, volumeMounts, volumeSources, type Workload } from '../../src/api/policy.js';

/**
 * Host paths whose mount shows a node-level purpose: the host's root, kernel interfaces
 * (`/proc`, `/sys`, `/dev`, `/lib/modules`), the container runtime's sockets and state, and the
 * kubelet's folders (CSI plugins, kube-bench). A path matches itself and what is below it,
 * except `/`, which matches only itself.
 */
const PURPOSE_HOST_PATHS = [
  '/proc',
  '/sys',
  '/dev',
  '/lib/modules',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd',
  '/run/containerd',
  '/var/run/crio',
  '/run/crio',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/kubelet',
  '/etc/kubernetes',
];

/** Container names of CSI node plugins and their sidecars (`csi-node`, `csi-rbdplugin`, `node-driver-registrar`). */
const CSI_NAME = /^csi-|-csi-|^node-driver-registrar$|(^|-)csi$/;

/** A path with one leading slash, no trailing slash and no repeated slashes (`/` stays `/`). */
function cleanHostPath(p: string): string {
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  return '/' + parts.join('/');
}

/** The first entry of {@link PURPOSE_HOST_PATHS} that `path` is (or is below), `/` for the host's root, else undefined. */
export function purposeHostPath(path: string): string | undefined {
  const p = cleanHostPath(path);
  if (p === '/') return '/';
  return PURPOSE_HOST_PATHS.find((h) => p === h || p.startsWith(h + '/'));
}

/** True when the container's command or args run `sysctl -w` (or `sysctl` with `key=value`), as words or inside shell text. */
function runsSysctlWrite(c: Container): boolean {
  const words = [c.data.command, c.data.args].flatMap((x) => (Array.isArray(x) ? x.filter((w): w is string => typeof w === 'string') : []));
  const text = words.join(' ');
  return /(^|[\s;&|/(])sysctl\s+(-\w*w\w*|--write)\b/.test(text) || /(^|[\s;&|/(])sysctl\s+(-\w+\s+)*[\w.\-/]+=\S/.test(text);
}

/**
 * Why the manifest shows that `c`'s privileges are its purpose, as a clause for a message
 * (`it mounts the host's /proc`), or undefined: a hostPath volume of a node path it mounts
 * ({@link purposeHostPath}), a mount with `mountPropagation: Bidirectional`, `sysctl -w` in its
 * command or args, or a CSI node plugin (a container named like `csi-*`, `node-driver-registrar`,
 * or a hostPath under `/var/lib/kubelet/plugins`). The first reason found, in that order.
 */
export function containerPurpose(w: Workload, c: Container): string | undefined {
  const sources = volumeSources(w);
  const list = Array.isArray(c.data.volumeMounts) ? c.data.volumeMounts : [];
  for (const m of volumeMounts(c)) {
    const hostPath = (sources.get(m.name)?.hostPath as { path?: unknown } | undefined)?.path;
    if (typeof hostPath !== 'string') continue;
    if (cleanHostPath(hostPath).startsWith('/var/lib/kubelet/plugins')) return `it is a CSI node plugin (it mounts the host's ${hostPath})`;
    const at = purposeHostPath(hostPath);
    if (at !== undefined)
      return `it mounts the host's ${at === '/' ? 'root filesystem (/)' : at}${w.kind.kind === 'DaemonSet' ? ' in a DaemonSet (a node agent)' : ''}`;
  }
  if (list.some((m) => m && typeof m === 'object' && (m as Record<string, unknown>).mountPropagation === 'Bidirectional')) {
    return 'it mounts a volume with mountPropagation: Bidirectional (which requires a privileged container)';
  }
  if (runsSysctlWrite(c)) return 'its command sets kernel parameters (sysctl -w)';
  if (CSI_NAME.test(c.name)) return `it is a CSI node plugin (container "${c.name}")`;
  return undefined;
}

/**
 * Why the manifest shows that the pod's node-level access (host namespaces, privilege) is its
 * purpose, or undefined: the first container with a {@link containerPurpose}, as
 * `container "x": <reason>`.
 */
export function workloadPurpose(w: Workload): string | undefined {
  for (const c of w.containers) {
    const why = containerPurpose(w, c);
    if (why !== undefined) return `container "${c.name}": ${why}`;
  }
  return undefined;
}
