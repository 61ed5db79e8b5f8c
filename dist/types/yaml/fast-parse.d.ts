import { Document, LineCounter } from 'yaml';
/**
 * A fast reader of the block-style YAML Kubernetes manifests are written in. It builds the very
 * same `yaml` library documents (nodes, source ranges `[start, valueEnd, nodeEnd]` as 0-based
 * UTF-16 offsets, scalar styles and values) and the same plain data as `parseAllDocuments` +
 * `toJS` with {@link PARSE_OPTIONS}, several times faster, for a subset: block maps and
 * sequences, plain, single- and double-quoted one-line scalars, literal block scalars (`|`,
 * `|-`), empty flow collections (`{}`, `[]`), comments where they leave every range alone and
 * `---` separators. On anything else — tabs, CR line ends, a byte order mark, anchors, aliases,
 * tags, merge keys, flow content, folded or multi-line scalars, directives, empty documents,
 * duplicate or non-string keys, odd indentation, nesting deeper than the limit — it gives up
 * (returns undefined) and the caller reads the text with the `yaml` library, whose verdict is
 * authoritative. Giving up is always safe; reading differently from `yaml` is a bug:
 * test/yaml/fast-parse.test.ts compares both on the whole corpus and on generated texts.
 */
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
