import { type ManifestSet } from '../k8s/index.js';
import { type ParsedFile } from '../yaml/index.js';
import { type Fixer, type AnyPolicy } from './policy.js';
import type { ExemptionRecord } from './types.js';
import type { EngineOptions, RawFinding } from './analysis-types.js';
export type { EngineOptions, RawFinding } from './analysis-types.js';
export { fingerprintOf } from './fingerprint.js';
/** The id of the check that reports problems with exemptions (policies/exemption.ts). */
export declare const EXEMPTION_CHECK_ID = "exemption";
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
/**
 * Parse `text` and run every enabled policy over it. A policy that throws becomes a finding
 * `policy-error` ("policy X failed on file Y: message") and the others still run. What is not
 * scanned is a `file-not-scanned` finding (src/engine/not-scanned.ts): `unreadable` (the reason a
 * file could not be decoded, e.g. `not valid UTF-8 text`; `text` is then ignored), a file too
 * large or binary, an unparseable template, documents or flow items past the limits, and the
 * checks left when the file's time budget ran out (`opts.timeBudgetMs`).
 */
export declare function analyse(path: string, text: string, policies: readonly AnyPolicy[], opts?: EngineOptions, unreadable?: string): Analysis;
/**
 * {@link analyse} of a text whose parse is already at hand (`parsed`, of exactly `text`), as fix
 * verification has it: the same checks, one parse fewer. `parsed` undefined parses `text`.
 */
export declare function analyseText(path: string, text: string, parsedAlready: ParsedFile | undefined, policies: readonly AnyPolicy[], opts?: EngineOptions, unreadable?: string): Analysis;
