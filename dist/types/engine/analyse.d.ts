import { type Manifest, type ManifestSet } from '../k8s/index.js';
import { type ParseProblem, type ParsedFile, type SourceRange } from '../yaml/index.js';
import { type Fixer, type AnyPolicy } from './policy.js';
import type { ExemptionRecord } from './types.js';
import { type EngineOptions, type RawFinding } from './analysis-types.js';
import { type NotScannedMessageId } from './not-scanned.js';
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
/** A `file-not-scanned` finding to make: its message id and data, where it points, its fingerprint detail. */
export interface NotScanned {
    messageId: NotScannedMessageId;
    data: Record<string, string | number>;
    range: SourceRange;
    detail: string;
}
/**
 * Why the text is not read at all, or undefined: `unreadable` (the reason the file could not be
 * decoded) wins, then a size over `opts.maxFileSizeBytes` bytes of UTF-8 (default 5 MiB), then a
 * NUL. Returns the reason (`Analysis.skipped`) and the finding, at line 1.
 */
export declare function unreadText(text: string, opts: EngineOptions, unreadable: string | undefined): (NotScanned & {
    reason: string;
}) | undefined;
/**
 * A text that does not parse (a problem of severity error in `parsed`) and holds template syntax
 * ({@link hasTemplateSyntax}) is left to chart rendering (a later issue), reported, never silent:
 * the reason (`Analysis.skipped`) and the finding at the first error. Undefined otherwise.
 */
export declare function unparsedTemplate(text: string, parsed: ParsedFile): (NotScanned & {
    reason: string;
}) | undefined;
/**
 * The reason a file is skipped as no manifest, or undefined: it does not parse (a problem of
 * severity error in `parsed`, a `.json` file's JSON errors included) AND no reader could find an
 * `apiVersion` or `kind` in it ({@link MANIFEST_TEXT}), e.g. a JSON Lines data file. Such a file
 * holds no Kubernetes object kubectl could apply, so its syntax is not this tool's business: the
 * analysis skips it as one document (line 1) with this reason, no finding, no parse problem. A
 * file that fails to parse and names either stays a syntax error: a broken manifest must not
 * become a quiet skip (docs/security.md), and so does a file that passed one of the reader's
 * limits ({@link READER_LIMITS}: those are reported, whatever the file names).
 */
export declare function unparsedNonManifest(text: string, parsed: ParsedFile): string | undefined;
/**
 * The objects of a parsed file, after the parse problems that hold back objects are added (a
 * `.json` file that is not JSON: {@link checkJson}; an object kubectl would reject for its
 * apiVersion or kind is an `invalid-object` error, not a skipped document, added once), with
 * `opts.docIndexOffset` added to the document index of every object and problem. Mutates
 * `parsed.problems` (and the documents' `hasErrors`).
 */
export declare function readManifests(path: string, text: string, parsed: ParsedFile, opts: EngineOptions): ManifestSet;
/** The `file-not-scanned` findings for the parse problems `document-limit` and `flow-limit` (documents and flow items not read), in order, each at its problem. */
export declare function limitsNotRead(problems: readonly ParseProblem[]): NotScanned[];
/** Where the time budget ran out: the policy (index in the enabled policies) and the object (index in the file's manifests) not checked first. */
export interface OutOfTime {
    policy: number;
    manifest: number;
}
/**
 * The `timeBudget` finding: what was not checked (the policy from the object where it stopped on,
 * and the enabled policies after it on every object, `file-not-scanned` left out), at the start of
 * that object.
 */
export declare function timeBudgetNotScanned(enabled: readonly Pick<AnyPolicy, 'id'>[], manifests: readonly Pick<Manifest, 'docIndex' | 'kind' | 'name' | 'node'>[], outOfTime: OutOfTime, opts: EngineOptions): NotScanned;
/**
 * The `policy-error` finding of policy `policyId` throwing `err` on object `m` (undefined: in its
 * `checkFile`) of file `path`: an error at the object, else at `fileRange()`, with the thrown
 * message (a non-Error as a string).
 */
export declare function policyErrorFinding(policyId: string, path: string, m: Manifest | undefined, err: unknown, fileRange: () => SourceRange): RawFinding;
