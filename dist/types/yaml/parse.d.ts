import { YNode } from './node.js';
import type { ParseProblem, Position } from './types.js';
export { PARSE_OPTIONS } from './options.js';
/** Default maximum number of alias resolutions per document (defends against "billion laughs"). */
export declare const DEFAULT_MAX_ALIAS_COUNT = 100;
/** One YAML document of a file. */
export interface ParsedDocument {
    /** 0-based index of the document in its file. */
    index: number;
    /** The root node view, or undefined for an empty document. */
    root: YNode | undefined;
    /** Plain data of the document (aliases and merge keys resolved); undefined when it failed. */
    data: unknown;
    /** True when the document has parse errors (its data must not be trusted or edited). */
    hasErrors: boolean;
    /**
     * True when the document's only errors are duplicate keys (`hasErrors` is then true too): its
     * `data` and `root` are read as kubectl reads it — the LAST occurrence of each duplicated key
     * wins, its value replacing the earlier one's whole (no merge) — so that it can be analysed
     * (src/k8s/manifest.ts); it is never edited (src/engine/fixes.ts withholds fixes in it).
     *
     * Source: kubectl decodes YAML with sigs.k8s.io/yaml `YAMLToJSON`, which calls gopkg.in/yaml.v2
     * `Unmarshal`; its decoder's `setMapIndex` (decode.go, v2.4.0) stores each pair with
     * `out.SetMapIndex(k, v)`, so a later pair overwrites an earlier one, while `UnmarshalStrict`
     * (behind `YAMLToJSONStrict`) errors with `key "k" already set in map`. The API server's
     * `fieldValidation` (k8s.io/apimachinery meta/v1 CreateOptions) says the same: `Ignore` and
     * `Warn` "only persist the last of any duplicate fields", `Strict` — what kubectl's default
     * `--validate=strict` asks for — fails the request. So the duplicate stays an error (the
     * `duplicate-key` problem), and the reading analysed is the one kubectl applies without it.
     */
    lastKeyWins: boolean;
    /** Offsets `[start, end)` of the document's content in the file text. */
    span: [number, number];
}
/** A parsed file: its text, documents and problems. Never thrown: problems are data. */
export interface ParsedFile {
    text: string;
    documents: ParsedDocument[];
    problems: ParseProblem[];
    /** Convert a 0-based offset into a 1-based line/column position. */
    position: (offset: number) => Position;
    /**
     * Set when the file holds more documents than the limit: the 0-based offset where reading
     * stopped (the start of the first document not read). `documents` end there.
     */
    readEnd?: number;
}
/** Options of {@link parseYaml}. */
export interface ParseYamlOptions {
    /** Maximum alias resolutions per document; more is a problem `alias-limit` and no data. */
    maxAliasCount?: number;
    /**
     * Maximum nesting depth of a document (block levels plus flow brackets); a deeper document is
     * not read at all — a problem `nesting-limit` — because the `yaml` library recurses once per
     * level and thousands of levels overflow its stack (in some shapes fatally, in V8's regular
     * expression compiler). Default {@link DEFAULT_MAX_NESTING_DEPTH}.
     */
    maxNestingDepth?: number;
    /**
     * Try the fast reader of the block-style subset first (src/yaml/fast-parse.ts; it falls back
     * to the `yaml` library on anything else, with the same result). Default true, or the value
     * given to {@link setFastReader}.
     */
    fastReader?: boolean;
    /**
     * Maximum number of flow items (`[a, b]`, `{k: v}`: each opening bracket and each item after a
     * comma) the `yaml` library reads in one file, counted document by document by a linear scan
     * before it reads anything: a document that would take the count past the limit is not read —
     * a problem `flow-limit` with its count — and the documents before and after it are (the
     * library's nodes and tokens cost ~1.3 KB an item: a 4.9 MB flow sequence took 51 s and 2.1 GB). Default
     * {@link DEFAULT_MAX_FLOW_ITEMS}. The fast reader reads no flow content, so it is not limited.
     */
    maxFlowItems?: number;
    /**
     * Maximum number of documents read in one file (default {@link DEFAULT_MAX_DOCUMENTS}). The
     * documents after it are not read: the file's text is read up to the `---` line that starts
     * the first of them (the returned file keeps the whole text, and `readEnd` says where reading
     * stopped), and a problem `document-limit` at that line gives the count.
     */
    maxDocuments?: number;
}
/** Default limit of documents per file: 10,000 (the whole 5 MiB of a file in 500-byte objects). */
export declare const DEFAULT_MAX_DOCUMENTS = 10000;
/**
 * Default limit of flow items per file: 100,000 (300 KB of `1, 1, …`; a JSON List of 1,000
 * Deployments has about 60,000). Real manifests are block style, which the fast reader reads.
 */
export declare const DEFAULT_MAX_FLOW_ITEMS = 100000;
/**
 * Whether {@link parseYaml} reads with the fast reader in this process (when a call does not
 * say otherwise with `fastReader`): `{ enabled: true }`, or `{ enabled: false, reason }` when
 * `KUBE_IMMUTABLE_YAML_READER=yaml` (or {@link setFastReader}) turned it off, or when its
 * self-check against the installed `yaml` library failed (src/yaml/fast-parse.ts; then no call
 * uses it, whatever its `fastReader` option). Runs that self-check when it has not run yet
 * (once per process). Never throws.
 */
export declare function fastReaderStatus(): {
    enabled: boolean;
    reason?: string;
};
/** Default nesting limit: Kubernetes objects, CRD schemas included, stay far below it. */
export declare const DEFAULT_MAX_NESTING_DEPTH = 200;
/**
 * Parse a file's text into documents with source ranges (yaml v2 `parseAllDocuments` with a
 * `LineCounter`). Handles multi-document files, JSON, CRLF, a UTF-8 BOM and a missing final
 * newline. Never throws for bad input: syntax errors, duplicate keys, alias bombs and nesting
 * too deep for the parser's stack (`nesting-limit`) become {@link ParseProblem}s with 1-based line and column, and the document is marked `hasErrors`.
 * A document whose only errors are duplicate keys is also `lastKeyWins`: its `data` and `root`
 * are kubectl's reading, the last occurrence of each key winning ({@link ParsedDocument.lastKeyWins}).
 */
export declare function parseYaml(text: string, options?: ParseYamlOptions): ParsedFile;
/**
 * True when `doc` (one document's text) nests deeper than `limit` levels: block levels (distinct
 * enclosing indentations, plus one per compact `- ` on a line) plus open flow brackets outside
 * quotes, comments and block scalars. A linear scan, run before the parser so that a hostile
 * file never reaches its recursion. An estimate that can only err on the high side for
 * unbalanced brackets in plain scalars, which real manifests do not pile up by the hundred.
 */
export declare function nestsDeeperThan(doc: string, limit: number): boolean;
