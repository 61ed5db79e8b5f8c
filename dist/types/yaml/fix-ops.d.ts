import { type YNode } from './node.js';
import { type FileStyle } from './style.js';
import type { JsonValue, TextEdit } from './types.js';
/**
 * A fix operation: data describing an intended change of a manifest, relative to a map node.
 * - `set`: make `path` (keys below `target`) hold `value`, creating missing maps on the way
 *   (e.g. `securityContext:`); an existing scalar is replaced in place, keeping its quoting.
 * - `append`: append `item` to the sequence at `path`, creating the sequence (and missing
 *   maps) when absent (e.g. `volumeMounts:`).
 * - `replace`: make the scalar node `target` itself (a sequence item such as `drop: [all]`'s
 *   `all`, or a map value) hold the scalar `value`, in place: a single- or double-quoted string
 *   stays so quoted, a comment after it stays. `target.path` is where it sits in the document's
 *   data.
 * Operations on one document are merged before they become text edits, so several policies
 * can fix the same container without overlapping edits.
 */
export type FixOp = {
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
/** Options of {@link renderFixOps}. */
export interface RenderFixOptions {
    /**
     * Write entries added to an empty flow collection that is a block key's only value
     * (`securityContext: {}`, `extraVolumes: []`) as block lines below the key, as a person fills
     * a placeholder in (Helm values files are full of them). Default false: `emptyDir: {}` in a
     * manifest stays a flow map (`emptyDir: {sizeLimit: 1Gi}`).
     */
    fillPlaceholders?: boolean;
}
/** Result of {@link renderFixOps}: non-overlapping edits, and the operations that could not be rendered. */
export interface RenderResult {
    edits: TextEdit[];
    problems: string[];
}
/**
 * Turn fix operations into minimal text edits on the original `text`, honouring the file's
 * style (indentation step, sequence style, line endings, quoting, flow or block collections).
 * Edits only insert whole lines after existing ones or replace a scalar's own characters (flow
 * collections get in-line insertions): no other line is touched. Operations whose target is
 * reached through an alias or merge key, that pass through a key occurring twice in its map (a
 * duplicate key), or that conflict, are not rendered and are listed in `problems`. Never throws
 * for odd documents.
 */
export declare function renderFixOps(text: string, style: FileStyle, ops: readonly FixOp[], options?: RenderFixOptions): RenderResult;
