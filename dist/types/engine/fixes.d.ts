import { type Analysis, type EngineOptions } from './analyse.js';
import type { Policy } from './policy.js';
import type { FixGroup } from './types.js';
/** Fix groups of one analysed file, and its text with every verified group applied. */
export interface FileFixes {
    groups: FixGroup[];
    fixedText: string | undefined;
}
/**
 * Merge the fixes of each container (or object) into one edit set (sets that share lines are
 * merged further, see mergeSharedLines), verify each set alone,
 * then compute the whole file's fixed text from all verified sets together (falling back to
 * adding sets one by one when the combination does not verify). Unverified sets are dropped:
 * their findings carry `fixProblem`, never edits. Mutates the findings' `fixId`/`fixProblem`.
 */
export declare function computeFixes(path: string, analysis: Analysis, policies: readonly Policy<any>[], opts: EngineOptions): FileFixes;
