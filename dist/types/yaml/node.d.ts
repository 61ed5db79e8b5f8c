import type { SourceRange } from './types.js';
/** The kind of a node: a mapping, a sequence, a scalar (including null), or an unresolvable alias. */
export type YNodeKind = 'map' | 'seq' | 'scalar' | 'alias';
/** A key of a data path: a map key or a 0-based sequence index. */
export type PathKey = string | number;
/**
 * A read-only view of one YAML node with its source location and its path in the document's
 * data. Aliases are resolved and merge keys (`<<`) are honoured by {@link YNode.get}; a node
 * reached through an alias or a merge key is marked `viaAlias` (it lives elsewhere in the text,
 * so it cannot be edited in place). Policies see these views, never the `yaml` library.
 */
export declare class YNode {
    /** The view this node was reached from (undefined for the root): its path is built on demand. */
    private readonly parent;
    /** The key or index of this node in `parent`. */
    private readonly step;
    /** True when reached through an alias or merge key. */
    readonly viaAlias: boolean;
    private readonly toPosition;
    private cachedValue;
    private hasCachedValue;
    private cachedPath;
    private constructor();
    /** Path of this node in the document's data, from the document root. */
    get path(): readonly PathKey[];
    /** What this node is. */
    get kind(): YNodeKind;
    /** True for a flow collection (`{...}` or `[...]`). */
    get flow(): boolean;
    /** The plain data of this node (aliases and merges resolved). */
    get value(): unknown;
    /** Offsets `[start, end)` of the node's value in the file text (0-based). */
    get offsets(): [number, number];
    /** Source range of the node's value (1-based lines and columns). */
    get range(): SourceRange;
    /** Source range of the key this node is the value of; the value's range when it has no key. */
    get keyRange(): SourceRange;
    /** The key this node is the value of, when reached from a map. */
    get key(): PathKey | undefined;
    /**
     * A map value by key: local pairs first, then merge keys in order. Undefined when absent (and
     * for `<<`). A key that occurs more than once in a map (a `duplicate-key` problem) gives its
     * LAST occurrence, as kubectl reads it (see `ParsedDocument.lastKeyWins` in src/yaml/parse.ts).
     */
    get(key: string): YNode | undefined;
    /** Follow a path of keys and indexes; undefined as soon as one step is absent. */
    at(path: readonly PathKey[]): YNode | undefined;
    /** True when this map has `key` (locally or through a merge key). */
    has(key: string): boolean;
    /** True when `key` is a pair of this map itself (not merged in). */
    hasLocal(key: string): boolean;
    /** Keys of this map in source order (merged keys after local ones), without `<<`. */
    keys(): string[];
    /**
     * Entries of this map (local pairs, then merged pairs not overridden). A key that occurs more
     * than once in a map is one entry, at its first place, with its LAST occurrence's value (as
     * {@link get} and the document's data have it).
     */
    entries(): [string, YNode][];
    /**
     * The item at 0-based `index` of {@link items} (undefined past the end, or for other kinds),
     * without building the others: in constant time unless the sequence holds an alias or an
     * empty item (then through {@link items}, whose indexes skip items that resolve to nothing).
     */
    item(index: number): YNode | undefined;
    /** Items of this sequence (aliases resolved). Empty for other kinds. */
    items(): YNode[];
    /** The scalar's style: PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_LITERAL, BLOCK_FOLDED. */
    get scalarType(): string | undefined;
    /** True for a null scalar (explicit `null`/`~` or an empty value). */
    get isNull(): boolean;
    private lookup;
    private child;
}
