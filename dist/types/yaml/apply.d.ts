import type { FixOp } from './fix-ops.js';
import { type ParsedFile } from './parse.js';
import type { TextEdit } from './types.js';
/** Thrown by {@link applyEdits} when two edits overlap (their order would be ambiguous). */
export declare class OverlappingEditsError extends Error {
    readonly first: TextEdit;
    readonly second: TextEdit;
    constructor(first: TextEdit, second: TextEdit);
}
/**
 * Apply text edits to the original text. Edits are sorted by offset; two edits overlap when
 * one starts before the other ends, or both insert at the same offset: that throws
 * {@link OverlappingEditsError} (edits are never merged blindly). Out-of-range offsets throw a
 * RangeError.
 */
export declare function applyEdits(text: string, edits: readonly TextEdit[]): string;
/**
 * The data each document should have after `ops`: the original data (index = document index)
 * with every operation applied (`set` merges into the map at its path, `append` pushes onto the
 * list, `replace` writes its value at the target's own path), `original` left as it is (a copy on write along the operations'
 * paths for the fast reader's tree data, else a deep copy). The result may share unchanged
 * parts with `original`: treat it as read-only. Used to check an edited text re-parses to
 * exactly the intended result.
 */
export declare function expectedData(original: readonly unknown[], docIndexOf: (op: FixOp) => number, ops: readonly FixOp[]): unknown[];
/** Outcome of {@link verifyEdits}. `text` and `parsed` are set when `ok`. */
export interface VerifyResult {
    ok: boolean;
    text?: string;
    parsed?: ParsedFile;
    /** Why the edits were rejected, when not ok. */
    problem?: string;
}
/**
 * Apply `edits`, re-parse the result and compare every document's data with `expected`
 * (deep equality). Rejects overlapping edits, new parse errors, a changed document count and
 * any data difference. Never throws.
 */
export declare function verifyEdits(text: string, edits: readonly TextEdit[], expected: readonly unknown[]): VerifyResult;
/**
 * True when `a` and `b` are the same data as JSON would see them: {@link normalise}d deep
 * equality, decided directly (no JSON round trip) while both are plain JSON data — strings,
 * finite numbers, booleans, null, arrays and plain objects — and by the round trip as soon as
 * anything else appears (Map, Set, bytes, bigint, dates, undefined, NaN).
 */
export declare function sameData(a: unknown, b: unknown): boolean;
