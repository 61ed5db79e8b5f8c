/**
 * `kube-immutable/policy`: what a policy author imports. The policy API (definePolicy, the
 * Policy types, formatMessage, forEachContainer) and the Kubernetes views and helpers the
 * built-in policies use (containers, volumes, images, writable paths, effective security
 * settings, schema validation, exemption annotations). The built-in policies import only this
 * module (test/layers.test.ts checks it), so a custom policy can do whatever they do. Custom
 * policies loaded by the action get this same module at run time (see
 * src/settings/custom-policies.ts); keep it free of I/O.
 */
export { definePolicy, formatMessage, SEVERITY_RANK, type FileContext, type FixKind, type FixOperation, type Fixer, type BuildArtifacts, type ImageFacts, type AnyPolicy, type Policy, type PolicyCategory, type PolicyContext, type PolicyMeta, type ReportDescriptor, type Severity, type SuggestionDescriptor, } from '../engine/policy.js';
export { editDistance, isLikelyTypo } from '../engine/edit-distance.js';
export { forEachContainer, type ForEachContainerOptions } from '../engine/for-each-container.js';
export { apiGroup, containerLabel, CONTAINER_TYPES, workloadKindOf, WORKLOAD_KINDS, type Container, type ContainerType, type Workload, type WorkloadKind, } from '../k8s/workload.js';
export { manifestLabel, type Manifest } from '../k8s/manifest.js';
export { imageUser, parseImageReference, tagVersion, type ImageReference, type ImageUser } from '../k8s/image.js';
export { caveatApplies, mountCovers, normalisePath, writablePathsFor, writablePathHints, type BreaksReadOnly, type Caveat, type ImageWritablePaths, type InspectedImageConfig, type WritablePath, type WritablePathHint, type WritablePurpose, } from '../k8s/writable-paths.js';
export { allocateVolumeName, isPathWritable, isWritableMount, volumeMounts, volumeSources, type VolumeMount } from '../k8s/volumes.js';
export type { YNode, YNodeKind, PathKey, JsonValue, Position, SourceRange } from '../yaml/index.js';
/**
 * Effective security settings: the pod's and a container's `securityContext` (undefined when
 * absent or not a map), a field's effective value (the container's wins over the pod's, field by
 * field), Windows and HostProcess pods (where Linux security fields do not apply), and the
 * seccomp profile in force (field or deprecated annotation). See src/k8s/security-context.ts.
 */
export { containerSecurityContext, effectiveSeccomp, effectiveSecurityField, isHostProcessPod, isWindowsPod, podSecurityContext, seccompAnnotationProfile, seccompAnnotations, type EffectiveSeccomp, type EffectiveValue, } from '../k8s/security-context.js';
/**
 * Validation against the Kubernetes OpenAPI schema built into kube-immutable (valid-manifest):
 * `validateObject(data)` for a whole object of a known kind, `validateDefinition(name, data)` for
 * one definition (`V1SecurityContext`), `windowsForbiddenFields(name)` for the fields Windows pods
 * may not set. Problems carry JSON paths from the object's root. See src/k8s/schema-validate.ts.
 */
export { validateDefinition, validateObject, windowsForbiddenFields, type SchemaProblem } from '../k8s/schema-validate.js';
/**
 * The API server's own cross-field PodSpec rules, which the OpenAPI schema cannot express
 * (valid-manifest's `apiRule`; fix verification runs the same rules): `validateObjectRules(data)`
 * returns the violations of one object's data (a workload found by its kind; `[]` for anything
 * else; never throws), each with its rule id, the path of the offending value from the object's
 * root (string keys, 0-based array indexes), a message and the kubernetes/kubernetes source it
 * implements; `API_RULES` lists every rule. See src/k8s/api-validation.ts.
 */
export { API_RULES, validateObjectRules, type ApiRule, type ApiViolation } from '../k8s/api-validation.js';
/**
 * The exemption annotations of an object (`ignore.kube-immutable.io/<policy>`), with the
 * problems of malformed ones (the `exemption` check reports them). See src/engine/exemptions.ts.
 */
export { annotationExemptions } from '../engine/exemptions.js';
/** The `file-not-scanned` check's messages and option defaults (the engine reports its findings). */
export { NOT_SCANNED_DEFAULTS, NOT_SCANNED_MESSAGES } from '../engine/not-scanned.js';
