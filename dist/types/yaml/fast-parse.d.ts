import { Document, LineCounter } from 'yaml';
/** True when `data` is a document's data as the fast reader built it: a tree, nothing shared. */
export declare function isTreeData(data: unknown): boolean;
/** A document read by {@link fastParseAll}: the `yaml` document and its plain data (as `doc.toJS()`). */
export interface FastDocument {
    doc: Document.Parsed;
    data: unknown;
}
/**
 * Read `text` as the `yaml` library would, or return undefined when it is outside the subset
 * this reader knows (see the module comment). On success fills `lineCounter` with the 0-based
 * start offset of every line, as `yaml`'s parser does. `maxDepth` (collection levels) is the
 * nesting past which it gives up, so the caller's limit applies. Never throws for any text.
 */
export declare function fastParseAll(text: string, lineCounter: LineCounter, maxDepth?: number): FastDocument[] | undefined;
