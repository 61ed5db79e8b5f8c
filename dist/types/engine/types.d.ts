import type { SkippedDocument } from '../k8s/index.js';
import type { ParseProblem, SourceRange, TextEdit } from '../yaml/index.js';
import type { Severity } from './policy.js';
/** A file to scan: its path (as shown to users, `/`-separated) and its text. */
export interface SourceFile {
    path: string;
    text: string;
    /**
     * Set when the file exists but its text could not be decoded (e.g. `not valid UTF-8 text`):
     * the reason. `text` is then ignored (`''` by convention) and the file is a `file-not-scanned`
     * finding at line 1, never only a warning.
     */
    unreadable?: string;
}
/** The object a finding is about. */
export interface FindingObject {
    apiVersion: string;
    kind: string;
    name: string;
    namespace: string | undefined;
    /** 0-based YAML document index in the file. */
    docIndex: number;
}
/**
 * An alternative remedy: edits against the original text, not applied by `fix`. A policy's fix
 * that is a guess or a behaviour change, not applied because the run's options do not allow it
 * (EngineOptions.applyFixes), is one too, with `kind` and `reason`, and its edits verified as a
 * fix set is (with the other held-back fixes of its document, alone when those do not verify
 * together); a plain alternative's edits are only rendered.
 */
export interface FindingSuggestion {
    message: string;
    edits: TextEdit[];
    /** Set for a remedy that is a guess or can change what the workload does (see FixKind in policy.ts). */
    kind?: 'guess' | 'behaviour';
    /**
     * Why it is not applied, for a policy's fix held back: `a guess; applied only when guesses are
     * included` or `a behaviour change; applied only when behaviour changes of <policy> are applied`.
     * Undefined for a policy's alternative (never applied).
     */
    reason?: string;
}
/**
 * Why a finding is suppressed: an exemption annotation on the object (`inSource`) or an exemption
 * in the configuration (`external`), as SARIF names suppression kinds. Suppressed findings are
 * still reported (summary, JSON, SARIF) but never commented on, fixed or counted for fail-level.
 */
export interface Suppression {
    kind: 'inSource' | 'external';
    /** The reason given with the exemption. */
    justification: string;
    /** Where the exemption is: `annotation ignore.kube-immutable.io/all on Deployment/web`, `.github/kube-immutable.yaml:12`. */
    source: string;
    /** Expiry date (YYYY-MM-DD) when one was given. */
    expires?: string;
}
/**
 * An exemption from a configuration file: a policy id (or `*`), optional scope (file globs,
 * object kind/name/namespace, containers), a required reason and an optional expiry date
 * (YYYY-MM-DD; from that day on it no longer applies and a notice says so).
 */
export interface ConfigExemption {
    policy: string;
    files?: string[];
    kind?: string;
    name?: string;
    namespace?: string;
    containers?: string[];
    reason: string;
    expires?: string;
    /** `file:line` of the exemption, for messages. */
    source: string;
}
/**
 * How exemption annotations in manifests are treated (`exemptions.annotations` in the
 * configuration): `allowed` — honoured; `disabled` — never honoured (each is a finding of the
 * `exemption` check); `base-only` — honoured only when the same annotation (object, place, key
 * and value) is in the file at the pull request's base commit, so a pull request can request an
 * exemption but never grant it to itself. Without a base commit (the CLI, push, manual runs)
 * `base-only` acts as `allowed`.
 */
export type AnnotationExemptionMode = 'allowed' | 'disabled' | 'base-only';
/**
 * Rules for exemption annotations, from the trusted configuration (`exemptions:`). They do not
 * restrict the configuration's own exemptions (written by the people who set these rules).
 */
export interface ExemptionGovernance {
    annotations: AnnotationExemptionMode;
    /** Only these policy ids may be exempted by annotation (`ignore.kube-immutable.io/all` then never); undefined: any. */
    policies?: string[];
    /** An annotation exemption without `expires=` is not honoured. */
    requireExpiry: boolean;
    /** An annotation exemption whose `expires=` is more than this many days after today is not honoured; undefined: no cap. */
    maxDays?: number;
}
/**
 * An exemption annotation as it is at the base commit: the identity a pull request's annotation
 * must match exactly to be honoured under `base-only` (a changed value or expiry is a new request).
 */
export interface BaseExemption {
    kind: string;
    namespace: string | undefined;
    name: string;
    /** On the object's metadata or on its pod template's metadata. */
    on: 'metadata' | 'podTemplate';
    /** The annotation key (`ignore.kube-immutable.io/all`). */
    key: string;
    /** The annotation value exactly as read. */
    value: string;
}
/** Why an exemption annotation was not honoured. */
export type ExemptionRefusal = 'annotationsDisabled' | 'policyNotAllowed' | 'expiryRequired' | 'expiryTooFar' | 'notAtBase';
/**
 * An exemption annotation a pull request adds or changes (not at the base commit), or one that
 * the configuration's rules refuse: listed for the human reviewer in the review body, the job
 * summary, JSON and SARIF. A refused exemption suppresses nothing: its findings count for
 * `fail-level`.
 */
export interface ExemptionRecord {
    file: string;
    /** 1-based line and column of the annotation key. */
    line: number;
    column: number;
    object: {
        kind: string;
        namespace: string | undefined;
        name: string;
    };
    on: 'metadata' | 'podTemplate';
    /** The annotation key. */
    key: string;
    /** Policy id, or `*` for `ignore.kube-immutable.io/all`. */
    policy: string;
    containers: string[] | undefined;
    reason: string;
    expires: string | undefined;
    /** Whether the same annotation is at the base commit; undefined when no base commit is known. */
    atBase: boolean | undefined;
    /** True when the exemption applies (it suppresses the findings it names). */
    honoured: boolean;
    /** Why it is not honoured, most fundamental first; [] when honoured. */
    refusals: ExemptionRefusal[];
    /** The refusals in words (`the configuration allows annotation exemptions only when ...`); '' when honoured. */
    why: string;
    /** Fingerprints of the findings of the object it names (suppressed when honoured, still active when refused). */
    fingerprints: string[];
}
/** One finding of one policy. */
export interface Finding {
    policyId: string;
    severity: Severity;
    messageId: string;
    message: string;
    file: string;
    /** Exact range of the offending key, or of the container/object where a key is missing. */
    range: SourceRange;
    object: FindingObject | undefined;
    container: {
        name: string;
        type: string;
        index: number;
    } | undefined;
    /** Stable across edits of unrelated lines: policy, file, object, container, message, detail. */
    fingerprint: string;
    /** Id of the verified {@link FixGroup} that fixes this finding, when there is one. */
    fixId: string | undefined;
    /** Why a fix was offered but dropped (it failed verification), when that happened. */
    fixProblem: string | undefined;
    suggestions: FindingSuggestion[];
    /** Set when an exemption applies: the finding is reported as suppressed only. */
    suppressed?: Suppression;
    /**
     * Set for a finding on a rendered object (Helm, Kustomize) that was moved from the place it
     * renders from to the file its fix edits (a chart's values.yaml): that first place, the
     * template line (1-based lines). A pull request that changes it brings the finding into the
     * review's scope.
     */
    origin?: {
        file: string;
        range: SourceRange;
    };
}
/**
 * All fixes of one container (or of one object, for object-level findings) merged into one
 * edit set against the original text, verified by re-parsing and re-checking.
 */
export interface FixGroup {
    id: string;
    file: string;
    docIndex: number;
    /** `Kind/namespace/name` of the object. */
    object: string;
    /** The container's name when the group is about one container. */
    container: string | undefined;
    /** Names of all containers the group fixes (several when their fixes share lines and were merged). */
    containers: string[];
    /** Fingerprints of the findings this group fixes. */
    findings: string[];
    /** Non-overlapping edits against the original text (empty when not verified). */
    edits: TextEdit[];
    verified: boolean;
    /** Why verification failed. */
    problem: string | undefined;
    /**
     * The kinds of the fixes merged in it that are not safe — applied because the run asked for
     * them (`EngineOptions.applyFixes`: guesses included, a policy's behaviour changes applied);
     * absent when every fix in it is safe.
     */
    kinds?: ('guess' | 'behaviour')[];
}
/** What happened to one file. */
export interface FileResult {
    path: string;
    /** Set when the whole file was skipped (unreadable, binary, too large, an unparseable Helm template); a `file-not-scanned` finding says so too. */
    skipped: string | undefined;
    /** The documents that are not Kubernetes objects, with reasons (a file that fails to parse and nowhere names an apiVersion or kind: one, at line 1, and no problems). */
    skippedDocuments: SkippedDocument[];
    problems: ParseProblem[];
    /** Number of Kubernetes objects found. */
    manifests: number;
    /** The text with every verified fix applied, when at least one applies. */
    fixedText: string | undefined;
    /**
     * The edits (0-based offsets into the original text) that give `fixedText`, when it is set:
     * reports diff only the lines around them.
     */
    fixedEdits?: TextEdit[];
}
/** The result of a run over many files. */
export interface RunResult {
    files: FileResult[];
    findings: Finding[];
    fixes: FixGroup[];
    /**
     * Exemption annotations added or changed by the pull request, or refused by the configuration's
     * rules (see {@link ExemptionRecord}), in file order; absent or [] when there are none.
     */
    exemptions?: ExemptionRecord[];
}
/**
 * How sure a suggested change is, as reports say it: `known fact` — a verified fix resting on what
 * is known of the workload and its image (src/k8s/writable-paths.ts); `guess` — one resting on a
 * guess (a base image whose writes depend on its command); `behaviour change` — a verified edit
 * that can change what the workload does.
 */
export type Confidence = 'known fact' | 'guess' | 'behaviour change';
/**
 * The {@link Confidence} of a change made of fixes of these `kinds` (a fix group's `kinds`, or a
 * held suggestion's one kind): the least sure one — a guess, else a behaviour change, else (no
 * kind: every fix safe) a known fact.
 */
export declare function confidenceOfKinds(kinds: readonly ('guess' | 'behaviour')[] | undefined): Confidence;
/**
 * How a fix group is named to users: `container "nginx" of Deployment/web`, `containers "c1",
 * "c2" of Pod/holiday`, or the object alone.
 */
export declare function fixGroupLabel(group: Pick<FixGroup, 'containers' | 'object'>): string;
