/**
 * `kube-immutable/policy`: what a policy author imports. The policy API (definePolicy, the
 * Policy types, formatMessage) and the Kubernetes views and helpers the built-in policies use
 * (containers, volumes, images, writable paths). Custom policies loaded by the action get this
 * same module at run time (see src/engine/custom-policies.ts); keep it free of I/O.
 */
export {
  definePolicy,
  formatMessage,
  SEVERITY_RANK,
  type FileContext,
  type FixOperation,
  type Fixer,
  type AnyPolicy,
  type Policy,
  type PolicyCategory,
  type PolicyContext,
  type PolicyMeta,
  type ReportDescriptor,
  type Severity,
  type SuggestionDescriptor,
} from '../engine/policy.js';
export { editDistance, isLikelyTypo } from '../engine/edit-distance.js';
export { forEachContainer, type ForEachContainerOptions } from '../engine/for-each-container.js';
export {
  apiGroup,
  containerLabel,
  CONTAINER_TYPES,
  workloadKindOf,
  WORKLOAD_KINDS,
  type Container,
  type ContainerType,
  type Workload,
  type WorkloadKind,
} from '../k8s/workload.js';
export { manifestLabel, type Manifest } from '../k8s/manifest.js';
export { parseImageReference, tagVersion, type ImageReference } from '../k8s/image.js';
export { mountCovers, normalisePath, writablePathsFor, type ImageWritablePaths, type WritablePath, type WritablePurpose } from '../k8s/writable-paths.js';
export { allocateVolumeName, isPathWritable, isWritableMount, volumeMounts, volumeSources, type VolumeMount } from '../k8s/volumes.js';
export type { YNode, YNodeKind, PathKey, JsonValue, Position, SourceRange } from '../yaml/index.js';
