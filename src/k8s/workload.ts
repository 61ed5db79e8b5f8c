import type { PathKey, YNode } from '../yaml/index.js';
import type { Manifest } from './manifest.js';

/** Where a workload kind keeps its PodSpec. Source: the Kubernetes API reference of each kind. */
export interface WorkloadKind {
  kind: string;
  /** apiVersion groups the kind is recognised under ('' = the core group). */
  groups: readonly string[];
  /** Path from the object root to the PodSpec. */
  podSpecPath: readonly string[];
}

/**
 * The one table of workload kinds and the path of their PodSpec. Argo Rollouts
 * (argoproj.io) and OpenShift DeploymentConfigs follow the Deployment layout.
 */
export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  { kind: 'Pod', groups: [''], podSpecPath: ['spec'] },
  { kind: 'PodTemplate', groups: [''], podSpecPath: ['template', 'spec'] },
  { kind: 'ReplicationController', groups: [''], podSpecPath: ['spec', 'template', 'spec'] },
  { kind: 'Deployment', groups: ['apps', 'extensions'], podSpecPath: ['spec', 'template', 'spec'] },
  { kind: 'StatefulSet', groups: ['apps'], podSpecPath: ['spec', 'template', 'spec'] },
  { kind: 'DaemonSet', groups: ['apps', 'extensions'], podSpecPath: ['spec', 'template', 'spec'] },
  { kind: 'ReplicaSet', groups: ['apps', 'extensions'], podSpecPath: ['spec', 'template', 'spec'] },
  { kind: 'Job', groups: ['batch'], podSpecPath: ['spec', 'template', 'spec'] },
  { kind: 'CronJob', groups: ['batch'], podSpecPath: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
  { kind: 'Rollout', groups: ['argoproj.io'], podSpecPath: ['spec', 'template', 'spec'] },
  { kind: 'DeploymentConfig', groups: ['apps.openshift.io', ''], podSpecPath: ['spec', 'template', 'spec'] },
];

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function apiGroup(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i === -1 ? '' : apiVersion.slice(0, i);
}

/** The workload kind entry of a manifest, or undefined when it is not a workload. */
export function workloadKindOf(m: Pick<Manifest, 'apiVersion' | 'kind'>): WorkloadKind | undefined {
  const g = apiGroup(m.apiVersion);
  return WORKLOAD_KINDS.find((w) => w.kind === m.kind && w.groups.includes(g));
}

/** The three container lists of a PodSpec. Source: Kubernetes API reference, PodSpec. */
export const CONTAINER_TYPES = ['initContainers', 'containers', 'ephemeralContainers'] as const;
/** `containers`, `initContainers` or `ephemeralContainers`. */
export type ContainerType = (typeof CONTAINER_TYPES)[number];

/** A view of one container (regular, init or ephemeral) of a workload. */
export interface Container {
  /** `name` of the container ('' when absent). */
  name: string;
  type: ContainerType;
  /** 0-based index in its list. */
  index: number;
  /** The container's map node. */
  node: YNode;
  /** The container's plain data. */
  data: Record<string, unknown>;
  /** The `image` reference, when it is a string. */
  image: string | undefined;
  /** The container's `securityContext` node, when present. */
  securityContext: YNode | undefined;
  /** Path of the container from the object root, e.g. `spec.template.spec.containers[0]`. */
  path: readonly PathKey[];
}

/** A workload: an object with a PodSpec. */
export interface Workload {
  manifest: Manifest;
  kind: WorkloadKind;
  /** The PodSpec map node. */
  podSpec: YNode;
  podSpecData: Record<string, unknown>;
  /** The pod template's metadata node (the object's metadata for a Pod), when present. */
  podMetadata: YNode | undefined;
  /** `spec.os.name: windows` pods reject Linux-only securityContext fields. */
  isWindows: boolean;
  /** All containers: init containers, containers, then ephemeral containers. */
  containers: Container[];
}

/**
 * The workload view of a manifest, or undefined when the manifest is not a workload or has no
 * PodSpec map at the expected path (the object is then left to schema validation).
 */
export function toWorkload(m: Manifest): Workload | undefined {
  const kind = workloadKindOf(m);
  if (!kind) return undefined;
  const podSpec = m.node.at(kind.podSpecPath);
  if (!podSpec || podSpec.kind !== 'map') return undefined;
  const podSpecData = (podSpec.value ?? {}) as Record<string, unknown>;
  const metaPath = [...kind.podSpecPath.slice(0, -1), 'metadata'];
  const podMetadata = m.node.at(metaPath);
  const os = podSpecData.os as { name?: unknown } | undefined;
  const containers: Container[] = [];
  for (const type of CONTAINER_TYPES) {
    const list = podSpec.get(type);
    if (!list || list.kind !== 'seq') continue;
    list.items().forEach((node, index) => {
      if (node.kind !== 'map') return;
      // The container's data is its item of the pod spec's data (already converted), else its own.
      const fromPodSpec = (podSpecData[type] as unknown[] | undefined)?.[index];
      const data = (Array.isArray(podSpecData[type]) && isPlainObject(fromPodSpec) ? fromPodSpec : (node.value ?? {})) as Record<string, unknown>;
      const sc = node.get('securityContext');
      containers.push({
        name: typeof data.name === 'string' ? data.name : '',
        type,
        index,
        node,
        data,
        image: typeof data.image === 'string' ? data.image : undefined,
        securityContext: sc,
        path: [...kind.podSpecPath, type, index],
      });
    });
  }
  return {
    manifest: m,
    kind,
    podSpec,
    podSpecData,
    podMetadata: podMetadata?.kind === 'map' ? podMetadata : undefined,
    isWindows: typeof os?.name === 'string' && os.name.toLowerCase() === 'windows',
    containers,
  };
}

/** A container's label for messages: `container "nginx"`, `init container "setup"`. */
export function containerLabel(c: Pick<Container, 'type' | 'name' | 'index'>): string {
  const what = c.type === 'initContainers' ? 'init container' : c.type === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return c.name ? `${what} "${c.name}"` : `${what} #${c.index + 1}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
