import { type TextEdit } from '../yaml/index.js';
import { type Analysis, type EngineOptions } from './analyse.js';
import type { AnyPolicy } from './policy.js';
import type { FixGroup } from './types.js';
/** Fix groups of one analysed file, and its text with every verified group applied (and the edits that give it). */
export interface FileFixes {
    groups: FixGroup[];
    fixedText: string | undefined;
    fixedEdits: TextEdit[] | undefined;
}
/**
 * Merge the fixes of each container (or object) into one edit set, render them all, and merge
 * further the sets of one document whose edits share lines (a container's new volumes go after
 * the next container's own fix; they cannot be separate suggestions): such a cluster is
 * verified as one group, and only when it does not verify are its members verified alone (and
 * the verified ones clustered again, see mergeSharedLines). Then the whole file's fixed text is
 * computed from all verified sets together — per document when every set stays in one
 * document (documents are independent), falling back to adding sets one by one when a
 * combination does not verify. Unverified sets are dropped: their findings carry `fixProblem`,
 * never edits. Nothing is edited in a document with duplicate keys (`ParsedDocument.lastKeyWins`):
 * its findings' fixes are withheld, the reason in `fixProblem`. Mutates the findings'
 * `fixId`/`fixProblem`.
 *
 * Honours the file's time budget (`analysis.deadline`): once it has run out, no further set is
 * verified (the sets left are unverified with {@link OUT_OF_TIME}) and a `file-not-scanned`
 * finding saying how many were left is added to `analysis.raw`.
 */
export declare function computeFixes(path: string, analysis: Analysis, policies: readonly AnyPolicy[], opts: EngineOptions): FileFixes;
