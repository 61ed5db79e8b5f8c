import type { YNode } from '../yaml/index.js';
import type { Container, Workload } from './workload.js';
/**
 * The securityContext fields a container inherits from the pod-level securityContext; the
 * container's own value wins when it sets one. Source: Kubernetes API reference,
 * PodSecurityContext ("... the value specified in SecurityContext takes precedence").
 * `capabilities`, `privileged`, `allowPrivilegeEscalation`, `readOnlyRootFilesystem` and
 * `procMount` exist on the container securityContext only.
 */
export declare const INHERITED_SECURITY_FIELDS: readonly ["runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions", "seccompProfile", "windowsOptions"];
export type InheritedSecurityField = (typeof INHERITED_SECURITY_FIELDS)[number];
/** Where an effective value comes from. */
export type SecurityLevel = 'container' | 'pod';
/** The value a container runs with, and the node that sets it. */
export interface EffectiveValue {
    value: unknown;
    /** The field's value node (its key is the line to point at). */
    node: YNode;
    level: SecurityLevel;
}
/** The pod-level `securityContext` map of a workload, when it is a map. */
export declare function podSecurityContext(w: Pick<Workload, 'podSpec'>): YNode | undefined;
/** A container's own `securityContext` map, when it is a map. */
export declare function containerSecurityContext(c: Pick<Container, 'securityContext'>): YNode | undefined;
/**
 * The effective value of an inherited field for one container: the container's own value when
 * set (not null), else the pod-level value, else undefined. Values are returned as written (no
 * type check): a wrongly typed value still wins, as the API server would reject it anyway.
 * Throws a TypeError for a field that is not inherited (asking for `capabilities` here is a bug).
 */
export declare function effectiveSecurityField(w: Pick<Workload, 'podSpec'>, c: Pick<Container, 'securityContext'>, field: InheritedSecurityField): EffectiveValue | undefined;
/**
 * True for a Windows HostProcess pod: `windowsOptions.hostProcess: true` at the pod level or on
 * any container (the API server requires all containers of such a pod to agree, and such pods
 * must use hostNetwork).
 */
export declare function isHostProcessPod(w: Pick<Workload, 'podSpec' | 'containers'>): boolean;
/**
 * True when Linux-only securityContext settings do not apply: `spec.os.name: windows`, or a
 * HostProcess pod (HostProcess containers exist only on Windows).
 */
export declare function isWindowsPod(w: Pick<Workload, 'podSpec' | 'containers' | 'isWindows'>): boolean;
/** The deprecated pod-wide seccomp annotation (on the pod, or the pod template's metadata). */
export declare const SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
/** Prefix of the deprecated per-container seccomp annotation; the container name follows. */
export declare const SECCOMP_CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
/** A seccomp profile as the field would hold it. `type` is undefined when absent or not a string. */
export interface SeccompProfile {
    type: string | undefined;
    localhostProfile: string | undefined;
}
/**
 * The field value a deprecated seccomp annotation value stands for, as the API server converts
 * it when it creates a pod: `runtime/default` and `docker/default` → RuntimeDefault,
 * `unconfined` → Unconfined, `localhost/<path>` → Localhost with `<path>`. Any other value
 * gives `type: undefined`.
 */
export declare function seccompAnnotationProfile(value: unknown): SeccompProfile;
/** Where a container's effective seccomp profile comes from. */
export type SeccompSource = 'container' | 'containerAnnotation' | 'pod' | 'podAnnotation';
/** A container's effective seccomp profile and the node that sets it. */
export interface EffectiveSeccomp extends SeccompProfile {
    source: SeccompSource;
    /** The `seccompProfile` node, or the annotation's value node. */
    node: YNode;
}
/** The deprecated seccomp annotations of a pod (template), with their value nodes. */
export declare function seccompAnnotations(w: Pick<Workload, 'podMetadata'>): {
    key: string;
    container: string | undefined;
    node: YNode;
}[];
/**
 * The seccomp profile a container runs with, following the API server's handling of the
 * deprecated annotations (an annotation fills its field only when the field is unset):
 * the container's `seccompProfile`, else its container annotation, else the pod-level
 * `seccompProfile`, else the pod annotation. Undefined when none is set (the runtime then runs
 * the container Unconfined, unless the kubelet runs with `--seccomp-default`).
 */
export declare function effectiveSeccomp(w: Pick<Workload, 'podSpec' | 'podMetadata'>, c: Pick<Container, 'securityContext' | 'name'>): EffectiveSeccomp | undefined;
