/**
 * The API server's own cross-field rules of a PodSpec that the OpenAPI schema cannot express,
 * restricted to the rules a fix of ours (securityContext fields, emptyDir volumes and their
 * mounts) can break or a manifest commonly breaks. Each rule is written from the semantics of
 * the Kubernetes source it cites (kubernetes/kubernetes, `pkg/apis/core/validation/validation.go`
 * unless said otherwise); no code is copied. Pure: plain data in, violations out.
 *
 * What the API server does NOT check, so neither do we (read in the same source):
 * - a mountPath containing ':' (no such rule in ValidateVolumeMounts);
 * - a volume without any source: SetDefaults_Volume (`pkg/apis/core/v1/defaults.go`) makes it an
 *   emptyDir before validation, so only MORE than one source is an error;
 * - `emptyDir.medium`: validateVolumeSource checks only sizeLimit;
 * - `SYS_ADMIN` (without the `CAP_` prefix, or in lower case) next to
 *   `allowPrivilegeEscalation: false`: ValidateSecurityContext compares the exact string
 *   `CAP_SYS_ADMIN`.
 */
import type { PathKey } from '../yaml/index.js';
/** One rule of the API server's validation. */
export interface ApiRule {
    /** Stable id, e.g. `bidirectional-requires-privileged`. */
    id: string;
    /** What the rule requires, in one sentence. */
    summary: string;
    /** The Kubernetes source it implements: file + function (+ the check), in kubernetes/kubernetes. */
    source: string;
}
/** One broken rule. */
export interface ApiViolation {
    /** The {@link ApiRule} id. */
    rule: string;
    /**
     * Path of the offending value: from the PodSpec for {@link validatePodSpecRules}, from the
     * object root for {@link validateObjectRules}. Keys are strings, array indexes 0-based numbers,
     * e.g. `['containers', 0, 'volumeMounts', 1, 'mountPropagation']`.
     */
    path: PathKey[];
    /** What is wrong, naming the value, e.g. `Bidirectional mount propagation is available only to privileged containers`. */
    message: string;
    /** The rule's {@link ApiRule.source}. */
    source: string;
}
/** Every rule {@link validatePodSpecRules} checks, in the order it reports them. */
export declare const API_RULES: readonly ApiRule[];
/** Options of {@link validatePodSpecRules}. */
export interface PodSpecRuleOptions {
    /**
     * Names that count as volumes for volumeMounts besides `volumes` (a StatefulSet's
     * volumeClaimTemplates: its controller adds them to each pod as volumes).
     */
    extraVolumeNames?: readonly string[];
}
/**
 * Check a PodSpec's plain data (as parsed from YAML/JSON, of any workload kind) against
 * {@link API_RULES}. Returns the violations in the order the API server reports them: volumes,
 * then containers, initContainers and ephemeralContainers (each with its mounts, then its
 * securityContext); paths are relative to the PodSpec. Values of a wrong type are the schema's business and skipped here
 * (a missing name is `''`, as Go's zero value). Never throws; `[]` for a non-object.
 */
export declare function validatePodSpecRules(podSpec: unknown, options?: PodSpecRuleOptions): ApiViolation[];
/**
 * {@link validatePodSpecRules} of one object's PodSpec, found by its kind (src/k8s/workload.ts
 * WORKLOAD_KINDS: Pod `spec`, Deployment `spec.template.spec`, CronJob
 * `spec.jobTemplate.spec.template.spec`, ...); paths are from the object root. A StatefulSet's
 * volumeClaimTemplates count as volumes. `[]` when the object is not a workload or has no PodSpec
 * object there. Never throws.
 */
export declare function validateObjectRules(object: unknown): ApiViolation[];
/**
 * {@link validateObjectRules} of a document's data: the object itself, or each item of an
 * object with an `items` list (as kubectl applies a List), with paths from the document root.
 */
export declare function validateDocumentRules(data: unknown): ApiViolation[];
/**
 * The violations of `after` (a document's data after a fix) that `before` (the same document's
 * data before it) does not have, compared by rule and path. A fix only sets fields, appends
 * list items and replaces scalars where they are, so existing paths keep their meaning. Never
 * throws.
 */
export declare function introducedApiViolations(before: unknown, after: unknown): ApiViolation[];
/** A path as text: `spec.containers[0].volumeMounts[1].mountPropagation` (`(root)` when empty). */
export declare function apiPathText(path: readonly PathKey[]): string;
/**
 * Why `value` is not a DNS-1123 label (`[]` when it is): at most 63 characters, lower-case
 * letters, digits and '-', starting and ending with a letter or digit. Source: apimachinery
 * `IsDNS1123Label`.
 */
export declare function dns1123LabelProblems(value: string): string[];
/**
 * The sign (-1, 0 or 1) of a Kubernetes resource quantity given as YAML/JSON data, or undefined
 * when it is not one. A string is `[+-]` digits with an optional fraction, then an optional
 * suffix: binary (Ki Mi Gi Ti Pi Ei), decimal SI (n u m k M G T P E) or an exponent (e/E and a
 * signed integer). A number is a quantity when finite. Source: apimachinery
 * `pkg/api/resource/quantity.go` parseQuantityString and the suffixer.
 */
export declare function quantitySign(value: unknown): -1 | 0 | 1 | undefined;
