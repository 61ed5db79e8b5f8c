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
export declare const WORKLOAD_KINDS: readonly WorkloadKind[];
/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export declare function apiGroup(apiVersion: string): string;
/** The workload kind entry of a manifest, or undefined when it is not a workload. */
export declare function workloadKindOf(m: Pick<Manifest, 'apiVersion' | 'kind'>): WorkloadKind | undefined;
/** The three container lists of a PodSpec. Source: Kubernetes API reference, PodSpec. */
export declare const CONTAINER_TYPES: readonly ["initContainers", "containers", "ephemeralContainers"];
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
export declare function toWorkload(m: Manifest): Workload | undefined;
/** A container's label for messages: `container "nginx"`, `init container "setup"`. */
export declare function containerLabel(c: Pick<Container, 'type' | 'name' | 'index'>): string;
