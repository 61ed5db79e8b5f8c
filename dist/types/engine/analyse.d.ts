import { type ManifestSet } from '../k8s/index.js';
import { type ParsedFile } from '../yaml/index.js';
import { type FixOperation, type Fixer, type Policy, type Severity } from './policy.js';
import type { BaseExemption, ConfigExemption, ExemptionGovernance, ExemptionRecord, Finding } from './types.js';
/** The id of the check that reports problems with exemptions (policies/exemption.ts). */
export declare const EXEMPTION_CHECK_ID = "exemption";
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
    /** Policy ids known besides those run (e.g. when a tester runs one policy of a larger set). */
    knownPolicyIds?: readonly string[];
    /**
     * @internal The text is one document of a larger file, whose index there is this: document
     * indexes (and so fingerprints) are those of the whole file.
     */
    docIndexOffset?: number;
    /**
     * @internal The analysis checks a fix: only which findings there are counts (fingerprints,
     * policies, messages, exemptions), so no source ranges, fix operations or suggestions are built.
     */
    verification?: boolean;
}
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
    suggestions: {
        message: string;
        ops: FixOperation[];
    }[];
}
/** The analysis of one text: parse, objects and raw findings. */
export interface Analysis {
    parsed: ParsedFile | undefined;
    manifests: ManifestSet;
    skipped: string | undefined;
    raw: RawFinding[];
    /** Exemption annotations added or changed (against the base) or refused, in document order. */
    exemptions: ExemptionRecord[];
    /**
     * `performance.now()` by which the file's work must be done (its time budget), for fix
     * verification to honour too; undefined in verification analyses.
     */
    deadline?: number;
}
/** The fixer handed to policies: it only builds data. */
export declare const fixer: Fixer;
/** True when `text` holds Helm/Go template syntax: a template action on its own line, or an unquoted value starting with `{{`. */
export declare function hasTemplateSyntax(text: string): boolean;
/**
 * Why a whole file cannot be read at all, or undefined: too large (more than `maxBytes` bytes of
 * UTF-8) or binary (a NUL). Template syntax is no reason: a file is skipped as a template only
 * when it also fails to parse (decided after parsing, see {@link analyse}); valid YAML is read,
 * whatever its block scalars hold.
 */
export declare function fileSkipReason(text: string, maxBytes: number): string | undefined;
/** A stable fingerprint: sha256 of the identifying fields joined by NUL, first 16 hex digits. */
export declare function fingerprintOf(parts: readonly (string | number | undefined)[]): string;
/**
 * Parse `text` and run every enabled policy over it. A policy that throws becomes a finding
 * `policy-error` ("policy X failed on file Y: message") and the others still run. What is not
 * scanned is a `file-not-scanned` finding (src/engine/not-scanned.ts): `unreadable` (the reason a
 * file could not be decoded, e.g. `not valid UTF-8 text`; `text` is then ignored), a file too
 * large or binary, an unparseable template, documents or flow items past the limits, and the
 * checks left when the file's time budget ran out (`opts.timeBudgetMs`).
 */
export declare function analyse(path: string, text: string, policies: readonly Policy<any>[], opts?: EngineOptions, unreadable?: string): Analysis;
/**
 * {@link analyse} of a text whose parse is already at hand (`parsed`, of exactly `text`), as fix
 * verification has it: the same checks, one parse fewer. `parsed` undefined parses `text`.
 */
export declare function analyseText(path: string, text: string, parsedAlready: ParsedFile | undefined, policies: readonly Policy<any>[], opts?: EngineOptions, unreadable?: string): Analysis;
