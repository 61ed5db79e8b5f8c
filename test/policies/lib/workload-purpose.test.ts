/**
 * The purpose detection of policies/lib/workload-purpose.ts on a table: a pod's containers and
 * volumes -> the reason its privileges are its purpose (no-privileged-container and
 * no-host-namespaces then offer an exemption instead of the flip), or undefined.
 */
import { extractManifests, toWorkload } from '../../../src/k8s/index.js';
import { parseYaml } from '../../../src/yaml/index.js';
import { containerPurpose, purposeHostPath, workloadPurpose } from '../../../policies/lib/workload-purpose.js';

/** A workload of `kind` with one container (`container`: its YAML lines below `- name: app`) and `volumes` (YAML lines). */
function workload(kind: 'Pod' | 'DaemonSet', container: string, volumes = '', name = 'app') {
  const spec = `  containers:\n  - name: ${name}\n    image: x\n${container}${volumes ? `  volumes:\n${volumes}` : ''}`;
  const text =
    kind === 'Pod'
      ? `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`
      : `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n${spec.replace(/^/gm, '    ')}`;
  const w = toWorkload(extractManifests(parseYaml(text)).manifests[0]!)!;
  return { w, c: w.containers[0]! };
}

const hostPath = (path: string) => [`    volumeMounts:\n    - {name: h, mountPath: /host}\n`, `  - name: h\n    hostPath: {path: "${path}"}\n`] as const;

/** [name, kind, container lines, volume lines, container name, expected reason]. */
const ROWS: [string, 'Pod' | 'DaemonSet', string, string, string, string | undefined][] = [
  ['nothing special', 'Pod', '', '', 'app', undefined],
  ['hostPath /proc', 'Pod', ...hostPath('/proc'), 'app', "it mounts the host's /proc"],
  ['hostPath /proc in a DaemonSet: a node agent', 'DaemonSet', ...hostPath('/proc'), 'app', "it mounts the host's /proc in a DaemonSet (a node agent)"],
  ['hostPath below /sys', 'Pod', ...hostPath('/sys/fs/cgroup'), 'app', "it mounts the host's /sys"],
  ['hostPath / (the root)', 'Pod', ...hostPath('/'), 'app', "it mounts the host's root filesystem (/)"],
  ['hostPath //proc/ (spelled loosely)', 'Pod', ...hostPath('//proc/'), 'app', "it mounts the host's /proc"],
  ['the docker socket', 'Pod', ...hostPath('/var/run/docker.sock'), 'app', "it mounts the host's /var/run/docker.sock"],
  [
    'a CSI plugin folder',
    'Pod',
    ...hostPath('/var/lib/kubelet/plugins/csi.example.com'),
    'app',
    "it is a CSI node plugin (it mounts the host's /var/lib/kubelet/plugins/csi.example.com)",
  ],
  ['an ordinary host folder', 'Pod', ...hostPath('/srv/data'), 'app', undefined],
  ['/procfoo is not /proc', 'Pod', ...hostPath('/procfoo'), 'app', undefined],
  [
    'a Bidirectional mount',
    'Pod',
    '    volumeMounts:\n    - {name: d, mountPath: /d, mountPropagation: Bidirectional}\n',
    '  - name: d\n    emptyDir: {}\n',
    'app',
    'it mounts a volume with mountPropagation: Bidirectional (which requires a privileged container)',
  ],
  [
    'a HostToContainer mount',
    'Pod',
    '    volumeMounts:\n    - {name: d, mountPath: /d, mountPropagation: HostToContainer}\n',
    '  - name: d\n    emptyDir: {}\n',
    'app',
    undefined,
  ],
  [
    'sysctl -w in a shell command',
    'Pod',
    '    command: [sh, -c, "sysctl -w net.core.somaxconn=1024 && sleep 1"]\n',
    '',
    'app',
    'its command sets kernel parameters (sysctl -w)',
  ],
  [
    'sysctl key=value in args',
    'Pod',
    '    command: [/sbin/sysctl]\n    args: [vm.max_map_count=262144]\n',
    '',
    'app',
    'its command sets kernel parameters (sysctl -w)',
  ],
  ['sysctl -a only reads', 'Pod', '    command: [sysctl, -a]\n', '', 'app', undefined],
  ['a container named csi-node', 'Pod', '', '', 'csi-node', 'it is a CSI node plugin (container "csi-node")'],
  ['node-driver-registrar', 'Pod', '', '', 'node-driver-registrar', 'it is a CSI node plugin (container "node-driver-registrar")'],
  ['a name merely containing csi', 'Pod', '', '', 'physics', undefined],
];

describe('containerPurpose', () => {
  it.each(ROWS)('%s', (_name, kind, container, volumes, name, expected) => {
    const { w, c } = workload(kind, container, volumes, name);
    expect(containerPurpose(w, c)).toBe(expected);
    expect(workloadPurpose(w)).toBe(expected === undefined ? undefined : `container "${name}": ${expected}`);
  });
});

describe('purposeHostPath', () => {
  it.each([
    ['/', '/'],
    ['/proc/1/root', '/proc'],
    ['/run/containerd/containerd.sock', '/run/containerd'],
    ['/etc/kubernetes/manifests', '/etc/kubernetes'],
    ['/var/log', undefined],
    ['/etc', undefined],
  ])('%s -> %s', (path, expected) => {
    expect(purposeHostPath(path)).toBe(expected);
  });
});
