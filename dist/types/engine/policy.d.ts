import type { Container, InspectedImageConfig, Manifest, Workload } from '../k8s/index.js';
import type { JsonValue, ParseProblem, SourceRange, YNode } from '../yaml/index.js';
/** Severity of a finding. `error` > `warning` > `info`. */
export type Severity = 'error' | 'warning' | 'info';
/** Ranks of severities (higher is more severe); `none` is above all (nothing fails). */
export declare const SEVERITY_RANK: Record<Severity | 'none', number>;
/** Policy categories. */
export type PolicyCategory = 'immutability' | 'hardening' | 'validity';
/**
 * A policy's metadata: everything a user sees about it. All user-visible text lives here.
 * `MessageIds` is the union of the keys of `messages` (inferred by {@link definePolicy});
 * `Options` the policy's options type.
 */
export interface PolicyMeta<Options = Record<string, unknown>, MessageIds extends string = string> {
    /** One-line description (what it checks). */
    description: string;
    category: PolicyCategory;
    defaultSeverity: Severity;
    /** True when the policy can offer fixes; a policy whose `fixable` is false must not report a `fix` (the engine refuses it). */
    fixable: boolean;
    /** Messages by id, with `{{placeholder}}`s filled from `report({data})`. */
    messages: Record<MessageIds, string>;
    /** Why it matters and how to remedy (Markdown-free plain text). */
    remediation: string;
    /**
     * Link to the policy's doc page. Optional: {@link definePolicy} fills it for the built-in
     * policies (their page in the repository, see {@link builtinDocsUrl}); a custom policy without
     * one has none (the reports then show no documentation link).
     */
    docsUrl?: string;
    /** JSON Schema of the options (validated by the config layer and by the policy tester). */
    optionsSchema?: Record<string, unknown>;
    /** Default option values (the configuration's options are merged over them). */
    defaultOptions?: Partial<Options>;
    /** Peer tools' ids of the same check (for docs and SARIF). */
    peers?: Record<string, string>;
}
/**
 * Builds fix operations. For `set` and `append`, paths are map keys below `target` (a map
 * node); missing maps are created (`securityContext:`), sequences are created when appending
 * (`volumeMounts:`). `replace` edits one scalar node in place.
 */
export interface Fixer {
    /** Make `path` below `target` hold `value`. */
    set(target: YNode, path: readonly string[], value: JsonValue): FixOperation;
    /** Append `item` to the sequence at `path` below `target`. */
    append(target: YNode, path: readonly string[], item: JsonValue): FixOperation;
    /**
     * Replace the scalar `node` itself — a sequence item (`all` in `drop: [all]`) or a map value —
     * with the scalar `value`, in place: a quoted string stays quoted the same way (`"all"` ->
     * `"ALL"`), a comment after it stays, a flow sequence stays flow. Throws a TypeError when
     * `node` is not a scalar (a map, a sequence or an alias) or `value` is an object or an array.
     * A node reached through a YAML alias or merge key, or a block scalar (`|`, `>`), cannot be
     * edited in place: the fix is then withheld with that reason, like any fix that fails to render.
     */
    replace(node: YNode, value: string | number | boolean | null): FixOperation;
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
} | {
    kind: 'replace';
    target: YNode;
    value: string | number | boolean | null;
};
/**
 * How certain a fix is, ESLint's rule (autofix only what cannot change behaviour) with
 * typescript-eslint's `fix | suggest` switch:
 * - `safe`: the fix cannot change what the workload does (a known image's mounts, a digest the
 *   tag resolves to now): applied by `kube-immutable fix` and offered as a one-click change;
 * - `guess`: it rests on a fact the manifest and the tool's knowledge do not prove (an emptyDir
 *   at `/tmp` for an image not in the table): applied only when guesses are asked for;
 * - `behaviour`: it can switch off what the workload exists to do (`privileged: false`, host
 *   namespaces, dropping capabilities of a process that may run as root, `immutable: true` on a
 *   ConfigMap a rollout edits): applied only when asked for, per policy.
 * A fix not applied becomes a suggestion of that kind (with its own verified edits).
 */
export type FixKind = 'safe' | 'guess' | 'behaviour';
/** An alternative remedy offered to the user, not applied by `fix`. */
export interface SuggestionDescriptor<MessageIds extends string = string> {
    /** A key of the policy's `meta.messages` (the engine throws a TypeError for another). */
    messageId: MessageIds;
    data?: Record<string, string | number>;
    fix: (fixer: Fixer) => FixOperation[];
    /**
     * Set when the alternative is a guess or changes behaviour (see {@link FixKind}): the reports
     * label it so. Undefined: a plain alternative. It is never applied by `fix` either way.
     */
    kind?: Exclude<FixKind, 'safe'>;
}
/** What a policy passes to `context.report`. */
export interface ReportDescriptor<MessageIds extends string = string> {
    /** A key of the policy's `meta.messages` (the engine throws a TypeError for another). */
    messageId: MessageIds;
    data?: Record<string, string | number>;
    /** The node to point at. With `key: true`, the range of its key (`privileged:`) is used. */
    node?: YNode;
    key?: boolean;
    /** An explicit range; used when no node is given. */
    range?: SourceRange;
    /** The container the finding is about: fixes of one container are merged into one edit set. */
    container?: Container;
    /**
     * The obvious fix; only from a policy whose `meta.fixable` is true (the engine throws a
     * TypeError otherwise). Applied by `fix` when `fixKind` is `safe` (the default); a `guess` or
     * `behaviour` fix only when the run's options allow it (EngineOptions.applyFixes), else it is
     * shown as a suggestion of that kind.
     */
    fix?: (fixer: Fixer) => FixOperation[];
    /**
     * How certain `fix` is (see {@link FixKind}); default `safe`. Rule: `safe` only when the fix
     * cannot change what the workload does; a fix resting on a guess is `guess`; one that can
     * switch off a capability, privilege, namespace or in-place update the workload may need is
     * `behaviour`.
     */
    fixKind?: FixKind;
    /**
     * For a `guess` or `behaviour` fix: a key of `meta.messages` (filled from `data`) saying what
     * the fix does and why it is not certain — the message of the suggestion it becomes when not
     * applied. Default: a generic sentence of its kind.
     */
    fixMessageId?: MessageIds;
    /** Alternative remedies (shown, not applied). */
    suggest?: SuggestionDescriptor<MessageIds>[];
    /** Distinguishes several findings of one policy on one object (part of the fingerprint). */
    detail?: string;
    /**
     * A lower severity for this finding than the policy's (e.g. a tag without a digest is a warning
     * where `:latest` is an error). A finding may be less severe than its policy, never more: a
     * higher value is ignored, and a configured severity caps it the same way.
     */
    severity?: Severity;
}
/**
 * What the run knows about the container images its manifests name, from outside the manifests
 * (the registries), each map keyed by the image reference exactly as a container's `image`
 * writes it (`nginx:1.27`, `"registry:5000/app"` unquoted). Filled by the runner and handed to
 * every policy as {@link PolicyContext.images}: with `--resolve-digests` (the action's
 * `resolve-digests: true`) the digests and lookup failures of the unpinned images; empty maps
 * when nothing was looked up. Structured-cloneable data (it travels to scan workers).
 */
export interface ImageFacts {
    /**
     * The digest the image's registry gives for it now (`sha256:` and 64 hex digits, for the
     * reference as written; no tag means `latest`). Not validated by the engine: a policy checks
     * the value before trusting it.
     */
    digests: ReadonlyMap<string, string>;
    /** Why looking up an image's digest failed (one line, e.g. `nginx:9 was not found (HTTP 404)`). */
    digestErrors: ReadonlyMap<string, string>;
    /**
     * What each image's config declares (volumes, user, working directory, environment, labels),
     * read from its registry with `--inspect-images` (the action's `inspect-images: true`).
     */
    configs: ReadonlyMap<string, InspectedImageConfig>;
    /** Why reading an image's config failed (one line). */
    configErrors: ReadonlyMap<string, string>;
}
/**
 * Images a build tool builds and writes into one file's manifests when it deploys them
 * (EngineOptions.buildArtifacts): an `image:` naming one is a placeholder, not the image that runs.
 */
export interface BuildArtifacts {
    /** The build tool; only Skaffold so far. */
    tool: 'skaffold';
    /** Path of the configuration that lists the artifacts (e.g. `app/skaffold.yaml`), as the run names files. */
    config: string;
    /**
     * The artifacts' image names, exactly as written there, without tag or digest (e.g.
     * `gcr.io/acme/web`). A manifest image matches one when its name without tag is equal (see
     * src/skaffold.ts for Skaffold's rule).
     */
    images: readonly string[];
}
/** What a policy's `check` receives for each Kubernetes object of a file. */
export interface PolicyContext<Options = Record<string, unknown>, MessageIds extends string = string> {
    /** Repository-relative (or given) path of the file, with `/` separators. */
    file: string;
    /** Ids of every policy of the run (built-in and custom), e.g. to check exemption annotations. */
    policyIds: ReadonlySet<string>;
    manifest: Manifest;
    /** The workload view when the object has a PodSpec. */
    workload: Workload | undefined;
    /**
     * Every object of the file, in document order (this one included), with its workload view when
     * it has a PodSpec: for checks relating objects of one file (a ConfigMap and the pods that use
     * it). Objects of other files are never visible; a fix verification that re-analyses one
     * document of a multi-document file sees only that document's objects.
     */
    fileObjects: readonly {
        manifest: Manifest;
        workload: Workload | undefined;
    }[];
    options: Options;
    /** What the run knows about images from their registries (empty maps when nothing was looked up); see {@link ImageFacts}. */
    images: ImageFacts;
    /**
     * The build tools' artifacts whose images are replaced in this file at deploy time (from the
     * run's trusted view of the project: EngineOptions.buildArtifacts); empty when none.
     */
    buildArtifacts: readonly BuildArtifacts[];
    report(this: void, descriptor: ReportDescriptor<MessageIds>): void;
}
/** What a policy's `checkFile` receives once per file (e.g. to report parse problems). */
export interface FileContext<Options = Record<string, unknown>, MessageIds extends string = string> {
    file: string;
    /** The file's text. */
    text: string;
    problems: readonly ParseProblem[];
    options: Options;
    report(this: void, descriptor: ReportDescriptor<MessageIds>): void;
}
/**
 * A policy module, in the style of an ESLint rule. `MessageIds`: the keys of `meta.messages`,
 * the only ids `report` (and a suggestion) accepts.
 */
export interface Policy<Options = Record<string, unknown>, MessageIds extends string = string> {
    id: string;
    meta: PolicyMeta<Options, MessageIds>;
    check(context: PolicyContext<Options, MessageIds>): void;
    checkFile?(context: FileContext<Options, MessageIds>): void;
}
/**
 * A policy whatever its options type: what the engine, the reports and the configuration hold in
 * their lists (built-in and custom policies side by side, each with its own options).
 */
export type AnyPolicy = Policy<any, any>;
/** Where a built-in policy's doc page is: `https://github.com/kube-immutable/kube-immutable/blob/main/policies/<id>.md`. */
export declare function builtinDocsUrl(id: string): string;
/**
 * The ids of the built-in policies (policies/index.ts; a test keeps the two lists equal): the
 * policies whose `meta.docsUrl` {@link definePolicy} derives when absent. The configuration
 * refuses a custom policy with one of these ids, so no custom policy gets a built-in's page.
 */
export declare const BUILTIN_POLICY_IDS: ReadonlySet<string>;
/**
 * Define a policy. Validates the definition and returns it (the same object; for a built-in
 * policy without `meta.docsUrl`, that field is filled with {@link builtinDocsUrl}). Throws a
 * TypeError naming the problem when the id is not kebab-case, `check` is not a function, the
 * severity or category is unknown, or `messages` is empty.
 *
 * Typed like typescript-eslint's `RuleCreator`: `MessageIds` is inferred from the keys of
 * `meta.messages`, so `context.report({ messageId })` and `suggest[].messageId` must be one of
 * them (a compile error otherwise), and `Options` from `meta.defaultOptions`. For an options type
 * wider than its defaults give both (`definePolicy<MyOptions, 'missing' | 'tooLarge'>({...})`):
 * giving only `Options` (`definePolicy<MyOptions>`) still compiles, but TypeScript then takes
 * `string` for `MessageIds` (it has no partial inference), as does a `check(context:
 * PolicyContext<MyOptions>)` annotation. The engine checks message ids at run time anyway.
 */
export declare function definePolicy<Options = Record<string, unknown>, MessageIds extends string = string>(policy: Policy<Options, MessageIds>): Policy<Options, MessageIds>;
/** Fill `{{name}}` placeholders of a message; an unknown placeholder is left as written. */
export declare function formatMessage(template: string, data?: Record<string, string | number>): string;
