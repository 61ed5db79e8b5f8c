import { Document, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, isScalar, type Node } from 'yaml';
import { fastDifferences } from './fast-compare.js';
import { PARSE_OPTIONS } from './options.js';

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
 *
 * It builds `yaml`'s objects itself, so it relies on these internals of the library (checked
 * against the installed version at run time, see below):
 * - the classes `Scalar`, `YAMLMap`, `YAMLSeq`, `Pair` and `Document`, each constructed once
 *   (`new Scalar(null)`, `new YAMLMap()`, `new YAMLSeq()`, `new Pair(null)`, `new Document(undefined,
 *   PARSE_OPTIONS)`) for its prototype and the node-type mark: the own symbol properties an
 *   instance carries (what `isScalar`, `isMap`, `isSeq`, `isPair`, `isDocument` test), copied
 *   onto shared prototypes; nodes are then made with `Object.create`, never by the constructors;
 * - the fields it sets: `Scalar.value`, `.range`, `.source`, `.type` (`'PLAIN'`,
 *   `'QUOTE_DOUBLE'`, `'QUOTE_SINGLE'`, `'BLOCK_LITERAL'`), `.format`; `Pair.key`, `.value`;
 *   `YAMLMap.items` and `YAMLSeq.items` (arrays of pairs, of nodes), `.range`, `.flow`;
 *   `Document.contents`, `.range`, `.errors`, `.warnings`, `.commentBefore`, `.comment`, and
 *   `.options`, `.schema`, `.directives` shared from a real `Document`;
 * - every `range` a triple `[start, valueEnd, nodeEnd]` of 0-based offsets, where `nodeEnd`
 *   of a one-line scalar is past its line break and a document's `range[2]` is at the next
 *   `---` (or, when its last value is empty, that value's end);
 * - `Directives.clone()` and `.docStart` (a document opened by `---`);
 * - the schema's scalar tags, `doc.schema.tags` (`default`, `test`, `tag`, `format`,
 *   `resolve(source, onError, options)`), and `schema.compat` (set only for warning schemas);
 * - `LineCounter.addNewLine` (and `lineStarts`, compared): filled as `yaml`'s parser fills it.
 * It sets no `srcToken` (PARSE_OPTIONS has `keepSourceTokens: false`), no node comments
 * (`commentBefore`, `comment`, `spaceBefore`: the YAML layer reads none), no `anchor` or `tag`.
 *
 * **Self-check.** On first use in a process ({@link fastParseAll}, or {@link fastReaderSelfCheck})
 * the reader reads a built-in sample ({@link SELF_CHECK_SAMPLE}: block maps and sequences, an
 * indentless one, every scalar style it reads, YAML 1.1 numbers, booleans and nulls, empty
 * values and flow collections, comments, literal block scalars, several documents) and compares
 * its documents with `yaml`'s by src/yaml/fast-compare.ts (nodes, ranges, scalars, data, line
 * starts). On any difference — e.g. a `yaml` version whose internals changed — it stays off for
 * the process (every text goes to `yaml`, as with `KUBE_IMMUTABLE_YAML_READER=yaml`); src/yaml/parse.ts
 * `fastReaderStatus()` says so and why. Its cost, once per process (and per scan worker): 11-19 ms
 * measured on a busy 2-core machine, nearly all of it the first compilation of `yaml`'s parser
 * and of this reader, which the first scan pays anyway — a fresh process's first scan of the
 * examples took 66.6 ms against 65.6 ms without the check (medians of 15); run again, 1.5-5 ms.
 */

/** Data roots built by the fast reader: trees (no object appears twice), which copy-on-write relies on. */
const treeData = new WeakSet();

/** True when `data` is a document's data as the fast reader built it: a tree, nothing shared. */
export function isTreeData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && treeData.has(data);
}

/** @internal A document read by {@link fastParseAll}: the `yaml` document and its plain data (as `doc.toJS()`). */
export interface FastDocument {
  doc: Document.Parsed;
  data: unknown;
}

/**
 * Node prototypes carrying `yaml`'s node-type mark (the symbol its constructors define on every
 * instance), so that nodes are made without a property definition each: `isScalar`, `isMap`,
 * `isSeq`, `isPair`, `toJS` and `clone` see the library's own classes. The mark is read from a
 * real instance, not named here.
 */
function markedPrototype<T extends object>(instance: T): T {
  const proto = Object.create(Object.getPrototypeOf(instance) as object) as T;
  for (const sym of Object.getOwnPropertySymbols(instance)) Object.defineProperty(proto, sym, { value: (instance as Record<symbol, unknown>)[sym] });
  return proto;
}
const SCALAR_PROTO = markedPrototype(new Scalar(null));
const MAP_PROTO = markedPrototype(new YAMLMap());
const SEQ_PROTO = markedPrototype(new YAMLSeq());
const PAIR_PROTO = markedPrototype(new Pair(null));

function scalar(value: unknown, range: [number, number, number], source: string, type: Scalar.Type): Scalar {
  const s = Object.create(SCALAR_PROTO) as Scalar;
  s.value = value;
  s.range = range;
  s.source = source;
  s.type = type;
  return s;
}

function pair(key: Node, value: Node): Pair {
  const p = Object.create(PAIR_PROTO) as Pair;
  p.key = key;
  p.value = value;
  return p;
}

function map(): YAMLMap {
  const m = Object.create(MAP_PROTO) as YAMLMap;
  m.items = [];
  return m;
}

function seq(): YAMLSeq {
  const q = Object.create(SEQ_PROTO) as YAMLSeq;
  q.items = [];
  return q;
}

/**
 * Documents share one schema, one options object and one directives object per `---` flag
 * (taken from a real `Document`): a `Document` built per document would build a `Schema` each.
 * Nothing in the YAML layer mutates them.
 */
let documentTemplate: { proto: object; options: unknown; schema: unknown; directives: [unknown, unknown] } | undefined;

function newDocument(docStart: boolean): Document.Parsed {
  if (!documentTemplate) {
    const real = new Document(undefined, { ...PARSE_OPTIONS });
    const withStart = real.directives!.clone();
    withStart.docStart = true;
    documentTemplate = { proto: markedPrototype(real), options: real.options, schema: real.schema, directives: [real.directives, withStart] };
  }
  const t = documentTemplate;
  const doc = Object.create(t.proto) as Record<string, unknown>;
  doc.commentBefore = null;
  doc.comment = null;
  doc.errors = [];
  doc.warnings = [];
  doc.options = t.options;
  doc.directives = t.directives[docStart ? 1 : 0];
  doc.schema = t.schema;
  doc.contents = null;
  doc.range = undefined;
  return doc as unknown as Document.Parsed;
}

/** Thrown internally when the text is outside the subset; never escapes {@link fastParseAll}. */
const GIVE_UP = Symbol('give up');

const SP = 32;
const NL = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DQ = 34;
const SQ = 39;
const BACKSLASH = 92;

interface ScalarTag {
  default?: unknown;
  test?: RegExp;
  tag: string;
  format?: string;
  resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown;
}

/** The `yaml` schema's scalar tags and options (built once, shared by every document). */
let schema: { tags: ScalarTag[]; options: unknown; usable: boolean } | undefined;

function schemaTags(): { tags: ScalarTag[]; options: unknown; usable: boolean } {
  if (!schema) {
    const doc = new Document(undefined, { ...PARSE_OPTIONS });
    const s = doc.schema as unknown as { tags: ScalarTag[]; compat?: unknown };
    // A schema with compatibility warnings (not YAML 1.1's) would warn per scalar: then every text goes to yaml.
    schema = { tags: s.tags.filter((t) => t.default === true && t.test), options: doc.options, usable: !s.compat };
  }
  return schema;
}

/** The tag a plain scalar resolves to (`yaml`'s YAML 1.1 schema), cached by text; null for a string. */
const tagCache = new Map<string, ScalarTag | null>();
const STR_TAG = 'tag:yaml.org,2002:str';

function plainTag(source: string): ScalarTag | null {
  let r = tagCache.get(source);
  if (r !== undefined) return r;
  const tag = schemaTags().tags.find((t) => t.test!.test(source));
  r = tag && tag.tag !== STR_TAG ? tag : null;
  if (tagCache.size >= 50_000) tagCache.clear();
  tagCache.set(source, r);
  return r;
}

/** Characters that send a text to the `yaml` library: tab, CR, BOM, other controls, line separators, lone surrogates. */
const OUTSIDE_SUBSET =
  // eslint-disable-next-line no-control-regex -- control characters are outside the subset
  /[\t\r\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * @internal Read `text` as the `yaml` library would, or return undefined when it is outside the subset
 * this reader knows (see the module comment). On success fills `lineCounter` with the 0-based
 * start offset of every line, as `yaml`'s parser does. `maxDepth` (collection levels) is the
 * nesting past which it gives up, so the caller's limit applies. Never throws for any text.
 */
export function fastParseAll(text: string, lineCounter: LineCounter, maxDepth = 200): FastDocument[] | undefined {
  if (!fastReaderSelfCheck().ok) return undefined;
  return readAll(text, lineCounter, maxDepth);
}

/** {@link fastParseAll} without the self-check (which reads its sample with it). */
function readAll(text: string, lineCounter: LineCounter, maxDepth: number): FastDocument[] | undefined {
  if (OUTSIDE_SUBSET.test(text) || !schemaTags().usable) return undefined;
  let docs: FastDocument[];
  try {
    docs = new Reader(text, Math.min(maxDepth, 500)).documents();
  } catch {
    // Outside the subset (GIVE_UP), a stack overflow on deep nesting, or anything unforeseen:
    // the yaml library reads the text instead.
    return undefined;
  }
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return docs;
}

function giveUp(): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- a sentinel caught by fastParseAll (no stack to build)
  throw GIVE_UP;
}

/** A node built by the reader and its plain data. */
interface Built {
  node: Node;
  data: unknown;
}

/** Comment lines skipped since the last content line: their count and highest column. */
interface CommentRun {
  count: number;
  maxColumn: number;
}

class Reader {
  /** Offset of the start of the line the reader is at. */
  private pos = 0;
  private readonly len: number;
  private depth = 0;
  /** Comment lines skipped by the last {@link nextContent}. */
  private comments: CommentRun = { count: 0, maxColumn: -1 };

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    this.len = text.length;
  }

  /** Offset of the `\n` ending the line holding `from`, or the text's length. */
  private lineEnd(from: number): number {
    const e = this.text.indexOf('\n', from);
    return e < 0 ? this.len : e;
  }

  /** Offset just after the line holding `from` (past its `\n`), or the text's length. */
  private afterLine(from: number): number {
    const e = this.text.indexOf('\n', from);
    return e < 0 ? this.len : e + 1;
  }

  /** True when the line starting at `ls` is `---` alone or followed by a comment; gives up on `--- content`. */
  private isDocStart(ls: number): boolean {
    const t = this.text;
    if (t.charCodeAt(ls) !== DASH || t.charCodeAt(ls + 1) !== DASH || t.charCodeAt(ls + 2) !== DASH) return false;
    let i = ls + 3;
    if (i >= this.len || t.charCodeAt(i) === NL) return true;
    if (t.charCodeAt(i) !== SP) return false;
    while (t.charCodeAt(i) === SP) i++;
    if (i >= this.len || t.charCodeAt(i) === NL || t.charCodeAt(i) === HASH) return true;
    giveUp();
  }

  /**
   * From the line start `this.pos`, skip blank and comment lines (recorded in `this.comments`).
   * Returns the offset of the next content line's first character (`this.pos` = its line start),
   * or -1 at the end of the text or at a `---` line (`this.pos` = that line's start). Gives up
   * on `...` and directive lines.
   */
  private nextContent(): number {
    const t = this.text;
    let count = 0;
    let maxColumn = -1;
    let result = -1;
    while (this.pos < this.len) {
      const ls = this.pos;
      const c0 = t.charCodeAt(ls);
      if (c0 === DASH && this.isDocStart(ls)) break;
      if (c0 === 37 /* % */ || (c0 === 46 && t.charCodeAt(ls + 1) === 46 && t.charCodeAt(ls + 2) === 46)) giveUp();
      let i = ls;
      while (t.charCodeAt(i) === SP) i++;
      if (i >= this.len) {
        this.pos = this.len;
        break;
      }
      const c = t.charCodeAt(i);
      if (c === NL) {
        this.pos = i + 1;
        continue;
      }
      if (c === HASH) {
        count++;
        if (i - ls > maxColumn) maxColumn = i - ls;
        this.pos = this.afterLine(i);
        continue;
      }
      result = i;
      break;
    }
    this.comments = { count, maxColumn };
    return result;
  }

  documents(): FastDocument[] {
    const out: FastDocument[] = [];
    let first = true;
    while (this.pos < this.len) {
      let marker = -1;
      if (this.isDocStart(this.pos)) {
        marker = this.pos;
        this.pos = this.afterLine(this.pos);
      } else if (!first) giveUp();
      first = false;
      const c = this.nextContent();
      if (c < 0) {
        // Comments only, then the end or a `---`: no document when nothing at all was there.
        if (marker < 0 && this.pos < this.len) continue;
        if (marker < 0) break;
        giveUp(); // an empty document: left to yaml.
      }
      if (c !== this.pos) giveUp(); // the root must start at column 0
      const built = this.blockNode(c, 0, -1);
      if (this.nextContent() >= 0) giveUp();
      const doc = newDocument(marker >= 0);
      doc.contents = built.node as never;
      const contentEnd = built.node.range![2];
      // yaml ends a document whose last value is empty at that value, else at the next `---`.
      (doc as unknown as { range: [number, number, number] }).range = [marker >= 0 ? marker : c, contentEnd, endsEmpty(built.node) ? contentEnd : this.pos];
      if (typeof built.data === 'object' && built.data !== null) treeData.add(built.data);
      out.push({ doc, data: built.data });
    }
    return out;
  }

  /** The block collection whose first character is at `c` (column `col`), inside a parent at `parentIndent`. */
  private blockNode(c: number, col: number, parentIndent: number): Built {
    if (col <= parentIndent) giveUp();
    if (++this.depth > this.maxDepth) giveUp();
    let built: Built;
    if (this.text.charCodeAt(c) === DASH && this.isDashIndicator(c)) built = this.blockSeq(c, col);
    else if (this.keyEnd(c) >= 0) built = this.blockMap(c, col);
    else giveUp(); // a multi-line or lone scalar
    this.depth--;
    return built;
  }

  private isDashIndicator(c: number): boolean {
    const n = this.text.charCodeAt(c + 1);
    return c + 1 >= this.len || n === SP || n === NL;
  }

  /**
   * When an implicit mapping key starts at `c`: the offset just after the key (where its `:`
   * is); otherwise -1. Quoted keys must close on the line; plain keys end at the line's first
   * `: ` or final `:` before a comment.
   */
  private keyEnd(c: number): number {
    const t = this.text;
    const ch = t.charCodeAt(c);
    if (ch === DQ || ch === SQ) {
      const close = this.quoteEnd(c);
      if (close < 0 || t.charCodeAt(close) !== COLON) return -1;
      const n = t.charCodeAt(close + 1);
      return close + 1 >= this.len || n === SP || n === NL ? close : -1;
    }
    const eol = this.lineEnd(c);
    for (let i = c; i < eol; i++) {
      const x = t.charCodeAt(i);
      if (x === COLON) {
        const n = t.charCodeAt(i + 1);
        if (i + 1 >= eol || n === SP) return i;
      } else if (x === HASH && i > c && t.charCodeAt(i - 1) === SP) return -1;
    }
    return -1;
  }

  /** Offset just after the closing quote of the one-line quoted scalar starting at `c`, or -1. */
  private quoteEnd(c: number): number {
    const t = this.text;
    const q = t.charCodeAt(c);
    const eol = this.lineEnd(c);
    for (let i = c + 1; i < eol; i++) {
      const x = t.charCodeAt(i);
      if (q === SQ) {
        if (x === SQ) {
          if (t.charCodeAt(i + 1) === SQ) i++;
          else return i + 1;
        }
      } else if (x === BACKSLASH) i++;
      else if (x === DQ) return i + 1;
    }
    return -1;
  }

  /** The value of a key or item that is on the following lines, or an empty (null) scalar. */
  private valueBelow(at: number, ownerIndent: number, allowIndentless: boolean, hadComment: boolean): Built {
    const c = this.nextContent();
    if (c >= 0) {
      const col = c - this.pos;
      if (col > ownerIndent) {
        if (this.comments.count > 0 && this.comments.maxColumn > col) giveUp();
        return this.blockNode(c, col, ownerIndent);
      }
      if (allowIndentless && col === ownerIndent && this.text.charCodeAt(c) === DASH && this.isDashIndicator(c)) {
        if (this.comments.count > 0 && this.comments.maxColumn > col) giveUp();
        if (++this.depth > this.maxDepth) giveUp();
        const seq = this.blockSeq(c, col);
        this.depth--;
        return seq;
      }
    }
    // An empty value: yaml places it after the indicator and its spaces; comments move its end.
    if (hadComment || this.comments.count > 0) giveUp();
    return { node: scalar(null, [at, at, at], '', 'PLAIN'), data: null };
  }

  /**
   * A block mapping whose first key starts at `c`, column `col`. Returns with `this.pos` at the
   * first content line after it (already skipped to by nextContent, comments recorded).
   */
  private blockMap(c: number, col: number): Built {
    const t = this.text;
    const m = map();
    const data: Record<string, unknown> = {};
    let last: Node | undefined;
    for (;;) {
      // A key at `c`.
      const ke = this.keyEnd(c);
      if (ke < 0) giveUp();
      const key = this.keyScalar(c, ke);
      const name = key.value as string;
      if (name === '__proto__' || Object.prototype.hasOwnProperty.call(data, name)) giveUp();
      let j = ke + 1;
      while (t.charCodeAt(j) === SP) j++;
      const eol = this.lineEnd(j);
      let value: Built;
      if (j >= eol || t.charCodeAt(j) === HASH) {
        this.pos = eol < this.len ? eol + 1 : this.len;
        value = this.valueBelow(j, col, true, j < eol);
      } else {
        value = this.inlineValue(j, eol, col);
        this.nextContent();
      }
      m.items.push(pair(key, value.node));
      data[name] = value.data;
      last = value.node;
      // Where the next content line is decides what follows.
      const next = this.currentContent();
      if (next < 0) break;
      const ncol = next - this.pos;
      if (ncol < col) break;
      if (ncol > col) giveUp(); // more indented than its map: a continuation or an error
      if (this.comments.count > 0 && this.comments.maxColumn > col) giveUp();
      if (t.charCodeAt(next) === DASH && this.isDashIndicator(next)) giveUp(); // `- ` after a scalar value
      c = next;
    }
    this.closing(col);
    const end = last!.range![2];
    m.range = [(m.items[0]!.key as Node).range![0], end, end];
    return { node: m, data };
  }

  /** The current content offset (after a nextContent), or -1. */
  private currentContent(): number {
    const t = this.text;
    if (this.pos >= this.len) return -1;
    let i = this.pos;
    while (t.charCodeAt(i) === SP) i++;
    if (i >= this.len || t.charCodeAt(i) === NL || t.charCodeAt(i) === HASH) return -1;
    if (t.charCodeAt(this.pos) === DASH && i === this.pos && this.isDocStart(this.pos)) return -1;
    return i;
  }

  /**
   * A collection at `indent` ends with comment lines before the next content: yaml moves them
   * out of it only when every one is less indented than it (or it is at column 0); otherwise
   * they would extend its range — outside the subset.
   */
  private closing(indent: number): void {
    if (this.comments.count > 0 && indent > 0 && this.comments.maxColumn >= indent) giveUp();
  }

  /** A block sequence whose first `-` is at `c`, column `col`. */
  private blockSeq(c: number, col: number): Built {
    const t = this.text;
    const q = seq();
    const data: unknown[] = [];
    const start = c;
    let last: Node | undefined;
    for (;;) {
      let j = c + 1;
      while (t.charCodeAt(j) === SP) j++;
      const eol = this.lineEnd(j);
      let value: Built;
      if (j >= eol || t.charCodeAt(j) === HASH) {
        if (j < eol && j === c + 1) giveUp(); // `-#`
        this.pos = eol < this.len ? eol + 1 : this.len;
        value = this.valueBelow(j, col, false, j < eol);
      } else if (t.charCodeAt(j) === DASH && this.isDashIndicator(j)) {
        giveUp(); // `- - x`
      } else if (this.keyEnd(j) >= 0) {
        const ls = c - col;
        if (++this.depth > this.maxDepth) giveUp();
        value = this.blockMap(j, j - ls);
        this.depth--;
      } else {
        value = this.inlineValue(j, eol, col);
        this.nextContent();
      }
      q.items.push(value.node);
      data.push(value.data);
      last = value.node;
      const next = this.currentContent();
      if (next < 0) break;
      const ncol = next - this.pos;
      if (ncol < col) break;
      if (ncol > col) giveUp();
      if (!(t.charCodeAt(next) === DASH && this.isDashIndicator(next))) break; // the parent map's next key
      if (this.comments.count > 0 && this.comments.maxColumn > col) giveUp();
      c = next;
    }
    this.closing(col);
    const end = last!.range![2];
    q.range = [start, end, end];
    return { node: q, data };
  }

  /** The key scalar from `c` to `ke` (a plain or quoted key that resolves to a string). */
  private keyScalar(c: number, ke: number): Scalar {
    if (ke - c > 1024) giveUp();
    const t = this.text;
    const ch = t.charCodeAt(c);
    if (ch === DQ || ch === SQ) {
      const v = this.quoted(c, ke);
      return scalar(v, [c, ke, ke], v, ch === DQ ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE');
    }
    const src = t.slice(c, ke);
    if (!plainStart(t, c) || src === '<<' || plainTag(src) !== null || src.endsWith(' ')) giveUp();
    return scalar(src, [c, ke, ke], src, 'PLAIN');
  }

  /**
   * A value on the key's or item's own line, from `j` to the line end `eol`: a quoted or plain
   * scalar, a literal block scalar, `{}` or `[]`; the rest of the line may only be a comment.
   * `ownerIndent` is the column of the collection holding it.
   */
  private inlineValue(j: number, eol: number, ownerIndent: number): Built {
    const t = this.text;
    const ch = t.charCodeAt(j);
    const lineNext = eol < this.len ? eol + 1 : this.len;
    let end: number;
    if (ch === DQ || ch === SQ) {
      end = this.quoteEnd(j);
      if (end < 0) giveUp();
      const v = this.quoted(j, end);
      this.restIsComment(end, eol);
      this.pos = lineNext;
      return { node: scalar(v, [j, end, lineNext], v, ch === DQ ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE'), data: v };
    } else if (ch === 124 /* | */) {
      return this.literal(j, eol, ownerIndent);
    } else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (t.charCodeAt(j + 1) !== (ch === 123 ? 125 : 93)) giveUp();
      end = j + 2;
      this.restIsComment(end, eol);
      const coll = ch === 123 ? map() : seq();
      coll.flow = true;
      coll.range = [j, end, lineNext];
      this.pos = lineNext;
      return { node: coll, data: ch === 123 ? {} : [] };
    } else {
      if (!plainStart(t, j)) giveUp();
      // The scalar ends at a ` #` comment or the line end, without trailing spaces.
      end = eol;
      for (let i = j + 1; i < eol; i++) {
        const x = t.charCodeAt(i);
        if (x === HASH && t.charCodeAt(i - 1) === SP) {
          end = i;
          break;
        }
        if (x === COLON && (i + 1 >= eol || t.charCodeAt(i + 1) === SP)) giveUp(); // `a: b: c`
      }
      while (t.charCodeAt(end - 1) === SP) end--;
      const src = t.slice(j, end);
      const tag = plainTag(src);
      this.pos = lineNext;
      if (tag === null) return { node: scalar(src, [j, end, lineNext], src, 'PLAIN'), data: src };
      let failed = false;
      const res = tag.resolve(src, () => (failed = true), schemaTags().options);
      if (failed) giveUp();
      const s = isScalar(res) ? res : new Scalar(res);
      if (tag.format) s.format = tag.format;
      s.range = [j, end, lineNext];
      s.source = src;
      s.type = 'PLAIN';
      if (s.value !== null && typeof s.value === 'object') giveUp(); // timestamps, binary: left to yaml
      return { node: s, data: s.value };
    }
  }

  /** Only spaces, then nothing or a comment after a space, from `from` to `eol`. */
  private restIsComment(from: number, eol: number): void {
    const t = this.text;
    let i = from;
    while (t.charCodeAt(i) === SP) i++;
    if (i < eol && !(t.charCodeAt(i) === HASH && i > from)) giveUp();
  }

  /** The value of the quoted scalar from `c` (opening quote) to `end` (after the closing one). */
  private quoted(c: number, end: number): string {
    const t = this.text;
    const body = t.slice(c + 1, end - 1);
    if (t.charCodeAt(c) === SQ) return body.includes("''") ? body.replace(/''/g, "'") : body;
    if (!body.includes('\\')) return body;
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const x = body[i]!;
      if (x !== '\\') {
        out += x;
        continue;
      }
      const e = body[++i];
      switch (e) {
        case '\\':
        case '"':
        case '/':
          out += e;
          break;
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '0':
          out += '\0';
          break;
        default:
          giveUp();
      }
    }
    return out;
  }

  /** A literal block scalar (`|` or `|-`) whose indicator is at `j`. */
  private literal(j: number, eol: number, ownerIndent: number): Built {
    const t = this.text;
    let k = j + 1;
    const chomp = t.charCodeAt(k);
    let strip = false;
    if (chomp === DASH) {
      strip = true;
      k++;
    } else if (chomp === 43 /* + */) giveUp();
    if (k < eol && t.charCodeAt(k) !== SP) giveUp(); // indentation indicator or junk
    while (t.charCodeAt(k) === SP) k++;
    if (k < eol) giveUp(); // a comment on the header line
    if (eol >= this.len) giveUp();
    let ls = eol + 1;
    // The first content line sets the indentation.
    let i = ls;
    while (t.charCodeAt(i) === SP) i++;
    if (i >= this.len || t.charCodeAt(i) === NL) giveUp(); // leading blank lines
    const indent = i - ls;
    if (indent <= ownerIndent) giveUp(); // an empty block scalar
    const lines: string[] = [];
    let blank = 0;
    let contentEnd = -1;
    while (ls < this.len) {
      let p = ls;
      while (p < ls + indent && t.charCodeAt(p) === SP) p++;
      const le = this.lineEnd(ls);
      if (p - ls < indent) {
        // Less indented: blank (only spaces) or the end of the scalar.
        let q = p;
        while (t.charCodeAt(q) === SP) q++;
        if (q >= le) {
          if (le >= this.len) break;
          blank++;
          ls = le + 1;
          continue;
        }
        break;
      }
      if (p >= le) {
        // Exactly `indent` spaces: an empty line.
        if (le >= this.len) break;
        blank++;
        ls = le + 1;
        continue;
      }
      for (; blank > 0; blank--) lines.push('');
      lines.push(t.slice(p, le));
      if (le >= this.len) giveUp(); // no final line break
      contentEnd = le + 1;
      ls = le + 1;
    }
    const value = lines.join('\n') + (strip ? '' : '\n');
    this.pos = contentEnd;
    return { node: scalar(value, [j, contentEnd, contentEnd], value, 'BLOCK_LITERAL'), data: value };
  }
}

/** True when the last value of `node` (last pair or item, recursively) is an empty scalar. */
function endsEmpty(node: Node): boolean {
  let n: Node | null = node;
  for (;;) {
    if (n instanceof YAMLMap && !n.flow) n = (n.items[n.items.length - 1]!.value as Node | null) ?? null;
    else if (n instanceof YAMLSeq && !n.flow) n = (n.items[n.items.length - 1] as Node | null) ?? null;
    else break;
  }
  return n instanceof Scalar && n.source === '' && n.value === null;
}

/** True when a plain scalar may start at `c` (not an indicator; `-`, `?`, `:` only before a non-space). */
function plainStart(t: string, c: number): boolean {
  switch (t.charCodeAt(c)) {
    case DASH:
    case 63 /* ? */:
    case COLON: {
      const n = t.charCodeAt(c + 1);
      return !(Number.isNaN(n) || n === SP || n === NL);
    }
    case 44 /* , */:
    case 91 /* [ */:
    case 93 /* ] */:
    case 123 /* { */:
    case 125 /* } */:
    case HASH:
    case 38 /* & */:
    case 42 /* * */:
    case 33 /* ! */:
    case 124 /* | */:
    case 62 /* > */:
    case SQ:
    case DQ:
    case 37 /* % */:
    case 64 /* @ */:
    case 96 /* ` */:
      return false;
    default:
      return true;
  }
}

/**
 * The self-check's sample: what the reader reads, in every form it reads (see the module
 * comment); it must read all of it (giving up on it fails the check too).
 */
export const SELF_CHECK_SAMPLE = `# a comment before the first document
kind: Sample
plain: a plain value   # a comment after it
"double-quoted key": 'single ''quoted'''
'single-quoted key': "double \\"quoted\\"\\t\\n"
integer: 42
float: -1.5
octal: 0755
hex: 0x1F
bool: yes
tilde: ~
empty:
map: {}
list: []
script: |
  echo one

  echo two
stripped: |-
  x
containers:
- name: a
  args:
    - --port=80
    - "8080"
# a comment between items, at their column
- name: b
--- # a comment after the marker
- top
- key: value
  last:
`;

/** The self-check's verdict: `ok`, or why the reader is off (the first differences found). */
export type FastReaderCheck = { ok: true } | { ok: false; reason: string };

let selfCheck: FastReaderCheck | undefined;
let tamperForTest: ((docs: FastDocument[]) => void) | undefined;

/**
 * @internal The verdict of the fast reader's self-check (see the module comment), run on the
 * first call in the process and kept: `{ ok: false, reason }` when the reader gave up on
 * {@link SELF_CHECK_SAMPLE}, read it differently from `yaml` (the first three differences), or
 * threw. Never throws.
 */
export function fastReaderSelfCheck(): FastReaderCheck {
  selfCheck ??= runSelfCheck();
  return selfCheck;
}

function runSelfCheck(): FastReaderCheck {
  try {
    const lines = new LineCounter();
    const docs = readAll(SELF_CHECK_SAMPLE, lines, 200);
    if (!docs) return { ok: false, reason: 'it gave up on its own sample' };
    tamperForTest?.(docs);
    const differences = fastDifferences(SELF_CHECK_SAMPLE, docs, lines);
    if (differences.length === 0) return { ok: true };
    return { ok: false, reason: `it read its sample differently from the yaml library: ${differences.slice(0, 3).join('; ')}` };
  } catch (err) {
    return { ok: false, reason: `its self-check threw: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * @internal For tests: forget the self-check's verdict, so that the next use checks again,
 * with `tamper` (when given) applied to the reader's documents of the sample before they are
 * compared (to inject a mismatch). Without `tamper`, the next check is the real one.
 */
export function recheckFastReader(tamper?: (docs: FastDocument[]) => void): void {
  selfCheck = undefined;
  tamperForTest = tamper;
}
