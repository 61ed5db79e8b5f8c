/**
 * The shapes analyse.ts works with, in a module of their own so that the modules analyse.ts
 * uses (not-scanned.ts, fixes.ts) can name them without importing analyse.ts back.
 */
import type { BuildArtifacts, FixKind, FixOperation, ImageFacts, Severity } from './policy.js';
import type { BaseExemption, ConfigExemption, ExemptionGovernance, Finding } from './types.js';
/** Per-run settings of the engine. */
export interface EngineOptions {
    /** Severity overrides by policy id; `off` disables a policy. */
    severity?: Record<string, Severity | 'off'>;
    /** Options by policy id, merged over each policy's defaults. */
    options?: Record<string, Record<string, unknown>>;
    /** Files larger than this many bytes are not scanned: a `file-not-scanned` finding (default 5 MiB). */
    maxFileSizeBytes?: number;
    /**
     * Milliseconds of analysis one file may take (policies over its objects, then fix
     * verification), checked between objects and between fix verifications; when it runs out, the
     * rest of that file is not checked and a `file-not-scanned` finding says what (the run goes on
     * with the other files). Default: the check's option `timeBudgetSeconds` (10 s).
     */
    timeBudgetMs?: number;
    /** Exemptions from the configuration (annotation exemptions are read from the manifests). */
    exemptions?: ConfigExemption[];
    /**
     * Rules for exemption annotations (the configuration's `exemptions:` settings); undefined
     * honours every well-formed annotation exemption (the engine API's default; the configuration
     * has stricter defaults).
     */
    exemptionGovernance?: ExemptionGovernance;
    /**
     * The exemption annotations of each scanned file at the base commit, by the file's path at the
     * head (a renamed file under its new path; a file new in the pull request has none, `[]` or
     * absent). Undefined when there is no base commit: `base-only` then acts as `allowed` and no
     * exemption is listed as changed.
     */
    baseExemptions?: Record<string, BaseExemption[]>;
    /** Today's date (YYYY-MM-DD) for exemption expiry; default: the current UTC date. */
    today?: string;
    /**
     * What the run knows about images from their registries (resolved digests, lookup failures),
     * handed to every policy as `context.images`; a map left out is empty. Filled by
     * src/resolve-digests.ts with `--resolve-digests`.
     */
    images?: Partial<ImageFacts>;
    /**
     * By scanned file path: the build artifacts (Skaffold's `build.artifacts`) whose images the
     * build tool replaces in that file when it deploys it, handed to the policies as
     * `context.buildArtifacts` (a file left out has none). Filled by src/skaffold.ts from
     * configuration the run trusts: the scanned tree in the CLI, the base commit in the action.
     */
    buildArtifacts?: Record<string, readonly BuildArtifacts[]>;
    /**
     * Which fixes that are not `safe` (see FixKind in policy.ts) are applied — into the fixed text,
     * the fix groups, the CLI's `fix` and the review's suggested changes: `guesses` (default false)
     * the guesses of every policy; `behaviour` (default none) the behaviour changes of these policy
     * ids, or of every policy (`'all'`). A fix not applied is a suggestion of its kind
     * (FindingSuggestion.kind). Default: safe fixes only.
     */
    applyFixes?: ApplyFixes;
    /** Policy ids known besides those run (e.g. when a tester runs one policy of a larger set). */
    knownPolicyIds?: readonly string[];
    /**
     * The folders (`/`-separated, `''` for the top, as the files' paths name them) of the run that
     * hold a Helm `Chart.yaml`: a `values*.yaml` inside one is skipped as the chart's values, not as
     * an unknown YAML file. Default: those of the files {@link run} (or `runFilesInParts`) is given
     * (src/k8s/file-names.ts chartFoldersOf).
     */
    chartFolders?: readonly string[];
}
/** Which fixes beyond the safe ones a run applies (EngineOptions.applyFixes). */
export interface ApplyFixes {
    guesses?: boolean;
    behaviour?: readonly string[] | 'all';
}
/** True when a fix of `kind` from policy `policyId` is applied under `apply` (safe ones always are). */
export declare function appliesFix(kind: FixKind, policyId: string, apply: ApplyFixes | undefined): boolean;
/** The fix operations behind a finding (kept out of the serialisable {@link Finding}). */
export interface RawFinding {
    finding: Finding;
    /** Group key: the container (or object) whose fixes are merged. */
    groupKey: string;
    groupLabel: {
        docIndex: number;
        object: string;
        container: string | undefined;
    };
    /** Index of the finding's manifest in the analysis' manifest list. */
    manifestIndex: number | undefined;
    fix: FixOperation[] | undefined;
    /** The kind of `fix` when it is not safe (undefined: safe). */
    fixKind?: Exclude<FixKind, 'safe'>;
    /**
     * Alternatives, and the policy's fix when the run does not apply its kind (`heldFix`; then
     * `fix` is undefined): its edits are verified before it is shown (src/engine/fixes.ts).
     */
    suggestions: {
        message: string;
        ops: FixOperation[];
        kind?: 'guess' | 'behaviour';
        reason?: string;
        heldFix?: true;
    }[];
}
