import type { Manifest, Workload } from '../k8s/index.js';
import type { SourceRange, YNode } from '../yaml/index.js';
import type { BaseExemption, ConfigExemption, ExemptionGovernance, ExemptionRefusal, Finding, Suppression } from './types.js';
/** The annotation prefix of exemptions: `ignore.kube-immutable.io/<policy-id>` or `/all`. */
export declare const EXEMPTION_PREFIX = "ignore.kube-immutable.io/";
/** One exemption written as an annotation on an object or its pod template. */
export interface AnnotationExemption {
    /** A policy id, or `*` for `ignore.kube-immutable.io/all`. */
    policy: string;
    /** Only these containers (by name); undefined: the whole object. */
    containers: string[] | undefined;
    reason: string;
    expires: string | undefined;
    /** The annotation key as written. */
    key: string;
    /** The annotation value as read (a non-string scalar as its string). */
    value: string;
    /** On the object's metadata or on its pod template's metadata. */
    on: 'metadata' | 'podTemplate';
    /** Where the annotation is (its key), for findings about it. */
    node: YNode;
    /** `annotation <key> on <Kind>/<name>` (or `... on the pod template of ...`). */
    source: string;
}
/** A problem with an exemption annotation (reported as a finding of the `exemption` check). */
export interface ExemptionProblem {
    messageId: 'missingReason' | 'unparsable' | 'unknownPolicy';
    message: string;
    node: YNode;
}
/**
 * Parse the value of an exemption annotation. Syntax: optional `key=value;` settings, then the
 * reason: `"<reason>"`, `"containers=<name>[,<name>]; <reason>"`,
 * `"containers=a,b; expires=2027-01-31; <reason>"`. Settings: `containers` (comma-separated
 * container names) and `expires` (YYYY-MM-DD). Returns an error message for an unknown setting,
 * an empty container list or a bad date; `reason` is '' when missing.
 */
export declare function parseExemptionValue(value: string): {
    containers?: string[];
    expires?: string;
    reason: string;
} | {
    error: string;
};
/**
 * The exemption annotations of a manifest: on the object's metadata and, for workloads, on the
 * pod template's metadata. `knownPolicies` lets an unknown policy id be reported.
 */
export declare function annotationExemptions(m: Manifest, w: Workload | undefined, knownPolicies: ReadonlySet<string>): {
    exemptions: AnnotationExemption[];
    problems: ExemptionProblem[];
};
/**
 * The exemption annotations of a manifest as base-commit identities (object kind, namespace and
 * name, place, key, value), whether or not they parse or name a known policy: what
 * {@link refusalsOf} compares a pull request's annotations with under `base-only`.
 */
export declare function baseExemptionsOf(m: Manifest, w: Workload | undefined): BaseExemption[];
/**
 * Why the configuration's rules refuse an annotation exemption of object `m` ([] when it is
 * honoured), most fundamental first: annotations disabled; a policy outside `policies` (`all`
 * whenever a list is given); no expiry under `requireExpiry`; an expiry more than `maxDays`
 * after `today`; under `base-only` with a known base (`base` defined: the annotations of the
 * file at the base commit), no identical annotation there. `governance` undefined refuses
 * nothing (the engine's API default).
 */
export declare function refusalsOf(a: AnnotationExemption, m: Pick<Manifest, 'kind' | 'namespace' | 'name'>, governance: ExemptionGovernance | undefined, base: readonly BaseExemption[] | undefined, today: string): ExemptionRefusal[];
/** True when `base` holds the same annotation (object, place, key and value) as `a` on `m`. */
export declare function isAtBase(a: Pick<AnnotationExemption, 'key' | 'value' | 'on'>, m: Pick<Manifest, 'kind' | 'namespace' | 'name'>, base: readonly BaseExemption[]): boolean;
/** The refusals of an exemption in words, for messages and reports (`; `-separated). */
export declare function describeRefusals(refusals: readonly ExemptionRefusal[], a: Pick<AnnotationExemption, 'policy' | 'expires'>, governance: ExemptionGovernance | undefined): string;
/** True when exemption `a` names finding `f` (policy, and container when it lists containers). */
export declare function exemptionCovers(a: Pick<AnnotationExemption, 'policy' | 'containers'>, f: Finding): boolean;
/** What {@link findSuppression} decided for one finding. */
export type SuppressionMatch = {
    suppression: Suppression;
} | {
    expired: {
        source: string;
        expires: string;
        range?: SourceRange;
    };
} | undefined;
/**
 * The exemption that suppresses a finding, if any: annotation exemptions of its object first,
 * then configuration exemptions (policy id or `*`, file globs, kind, name, namespace,
 * containers). An exemption whose `expires` date is on or before `today` does not apply: it is
 * returned as `expired` so the caller can say so.
 */
export declare function findSuppression(f: Finding, annotations: readonly AnnotationExemption[], config: readonly ConfigExemption[], today: string): SuppressionMatch;
