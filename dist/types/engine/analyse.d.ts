import { type ManifestSet } from '../k8s/index.js';
import { type ParsedFile } from '../yaml/index.js';
import { type FixOperation, type Fixer, type Policy, type Severity } from './policy.js';
import type { ConfigExemption, Finding } from './types.js';
/** The id of the check that reports problems with exemptions (policies/exemption.ts). */
export declare const EXEMPTION_CHECK_ID = "exemption";
/** Per-run settings of the engine. */
export interface EngineOptions {
    /** Severity overrides by policy id; `off` disables a policy. */
    severity?: Record<string, Severity | 'off'>;
    /** Options by policy id, merged over each policy's defaults. */
    options?: Record<string, Record<string, unknown>>;
    /** Files larger than this many bytes are skipped with a reason (default 5 MiB). */
    maxFileSizeBytes?: number;
    /** Exemptions from the configuration (annotation exemptions are read from the manifests). */
    exemptions?: ConfigExemption[];
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
}
/** The fixer handed to policies: it only builds data. */
export declare const fixer: Fixer;
/** Why a whole file is not scanned, or undefined. Binary (NUL), too large, or a Helm/Go template. */
export declare function fileSkipReason(text: string, maxBytes: number): string | undefined;
/** A stable fingerprint: sha256 of the identifying fields joined by NUL, first 16 hex digits. */
export declare function fingerprintOf(parts: readonly (string | number | undefined)[]): string;
/**
 * Parse `text` and run every enabled policy over it. A policy that throws becomes a finding
 * `policy-error` ("policy X failed on file Y: message") and the others still run.
 */
export declare function analyse(path: string, text: string, policies: readonly Policy<any>[], opts?: EngineOptions): Analysis;
/**
 * {@link analyse} of a text whose parse is already at hand (`parsed`, of exactly `text`), as fix
 * verification has it: the same checks, one parse fewer. `parsed` undefined parses `text`.
 */
export declare function analyseText(path: string, text: string, parsedAlready: ParsedFile | undefined, policies: readonly Policy<any>[], opts?: EngineOptions): Analysis;
