import type { Container, Manifest, Workload } from '../k8s/index.js';
import type { JsonValue, ParseProblem, SourceRange, YNode } from '../yaml/index.js';
/** Severity of a finding. `error` > `warning` > `info`. */
export type Severity = 'error' | 'warning' | 'info';
/** Ranks of severities (higher is more severe); `none` is above all (nothing fails). */
export declare const SEVERITY_RANK: Record<Severity | 'none', number>;
/** Policy categories. */
export type PolicyCategory = 'immutability' | 'hardening' | 'validity';
/** A policy's metadata: everything a user sees about it. All user-visible text lives here. */
export interface PolicyMeta {
    /** One-line description (what it checks). */
    description: string;
    category: PolicyCategory;
    defaultSeverity: Severity;
    /** True when the policy can offer fixes. */
    fixable: boolean;
    /** Messages by id, with `{{placeholder}}`s filled from `report({data})`. */
    messages: Record<string, string>;
    /** Why it matters and how to remedy (Markdown-free plain text). */
    remediation: string;
    /** Link to the policy's doc page. */
    docsUrl: string;
    /** JSON Schema of the options (validated by the config layer). */
    optionsSchema?: Record<string, unknown>;
    /** Default option values. */
    defaultOptions?: Record<string, unknown>;
    /** Peer tools' ids of the same check (for docs and SARIF). */
    peers?: Record<string, string>;
}
/**
 * Builds fix operations. Paths are map keys below `target` (a map node); missing maps are
 * created (`securityContext:`), sequences are created when appending (`volumeMounts:`).
 */
export interface Fixer {
    /** Make `path` below `target` hold `value`. */
    set(target: YNode, path: readonly string[], value: JsonValue): FixOperation;
    /** Append `item` to the sequence at `path` below `target`. */
    append(target: YNode, path: readonly string[], item: JsonValue): FixOperation;
}
/** An opaque fix operation (built by {@link Fixer}). */
export type FixOperation = {
    kind: 'set';
    target: YNode;
    path: readonly string[];
    value: JsonValue;
} | {
    kind: 'append';
    target: YNode;
    path: readonly string[];
    item: JsonValue;
};
/** An alternative remedy offered to the user, not applied by `fix`. */
export interface SuggestionDescriptor {
    messageId: string;
    data?: Record<string, string | number>;
    fix: (fixer: Fixer) => FixOperation[];
}
/** What a policy passes to `context.report`. */
export interface ReportDescriptor {
    messageId: string;
    data?: Record<string, string | number>;
    /** The node to point at. With `key: true`, the range of its key (`privileged:`) is used. */
    node?: YNode;
    key?: boolean;
    /** An explicit range; used when no node is given. */
    range?: SourceRange;
    /** The container the finding is about: fixes of one container are merged into one edit set. */
    container?: Container;
    /** The safe, obvious fix (applied by `fix`). */
    fix?: (fixer: Fixer) => FixOperation[];
    /** Alternative remedies (shown, not applied). */
    suggest?: SuggestionDescriptor[];
    /** Distinguishes several findings of one policy on one object (part of the fingerprint). */
    detail?: string;
    /**
     * A lower severity for this finding than the policy's (e.g. a tag without a digest is a warning
     * where `:latest` is an error). A finding may be less severe than its policy, never more: a
     * higher value is ignored, and a configured severity caps it the same way.
     */
    severity?: Severity;
}
/** What a policy's `check` receives for each Kubernetes object of a file. */
export interface PolicyContext<Options = Record<string, unknown>> {
    /** Repository-relative (or given) path of the file, with `/` separators. */
    file: string;
    /** Ids of every policy of the run (built-in and custom), e.g. to check exemption annotations. */
    policyIds: ReadonlySet<string>;
    manifest: Manifest;
    /** The workload view when the object has a PodSpec. */
    workload: Workload | undefined;
    options: Options;
    report(descriptor: ReportDescriptor): void;
}
/** What a policy's `checkFile` receives once per file (e.g. to report parse problems). */
export interface FileContext<Options = Record<string, unknown>> {
    file: string;
    /** The file's text. */
    text: string;
    problems: readonly ParseProblem[];
    options: Options;
    report(descriptor: ReportDescriptor): void;
}
/** A policy module, in the style of an ESLint rule. */
export interface Policy<Options = Record<string, unknown>> {
    id: string;
    meta: PolicyMeta;
    check(context: PolicyContext<Options>): void;
    checkFile?(context: FileContext<Options>): void;
}
/**
 * A policy whatever its options type: what the engine, the reports and the configuration hold in
 * their lists (built-in and custom policies side by side, each with its own options).
 */
export type AnyPolicy = Policy<any>;
/**
 * Define a policy. Validates the definition and returns it unchanged. Throws a TypeError naming
 * the problem when the id is not kebab-case, `check` is not a function, the severity or
 * category is unknown, or `messages` is empty.
 */
export declare function definePolicy<Options = Record<string, unknown>>(policy: Policy<Options>): Policy<Options>;
/** Fill `{{name}}` placeholders of a message; an unknown placeholder is left as written. */
export declare function formatMessage(template: string, data?: Record<string, string | number>): string;
