import type { Document, Node, Pair, YAMLMap } from 'yaml';
import * as yaml from 'yaml';

// Bound once: the bundle reaches a CommonJS module's exports through getters, on every use.
const { isAlias, isMap, isScalar, isSeq, Scalar } = yaml;
import type { Position, SourceRange } from './types.js';

/** The kind of a node: a mapping, a sequence, a scalar (including null), or an unresolvable alias. */
export type YNodeKind = 'map' | 'seq' | 'scalar' | 'alias';

/** A key of a data path: a map key or a 0-based sequence index. */
export type PathKey = string | number;

const MERGE_KEY = '<<';

/**
 * A read-only view of one YAML node with its source location and its path in the document's
 * data. Aliases are resolved and merge keys (`<<`) are honoured by {@link YNode.get}; a node
 * reached through an alias or a merge key is marked `viaAlias` (it lives elsewhere in the text,
 * so it cannot be edited in place). Policies see these views, never the `yaml` library.
 */
export class YNode {
  private cachedValue: unknown;
  private hasCachedValue = false;

  private cachedPath: readonly PathKey[] | undefined;

  private constructor(
    /** @internal the `yaml` document. */
    readonly doc: Document.Parsed,
    /** @internal the `yaml` node (never an Alias: aliases are resolved). */
    readonly node: Node,
    /** The view this node was reached from (undefined for the root): its path is built on demand. */
    private readonly parent: YNode | undefined,
    /** The key or index of this node in `parent`. */
    private readonly step: PathKey | undefined,
    /** True when reached through an alias or merge key. */
    readonly viaAlias: boolean,
    /** @internal the pair whose value this node is, when reached from a map. */
    readonly pair: Pair | undefined,
    /** @internal the map holding `pair`. */
    readonly parentMap: YAMLMap | undefined,
    private readonly toPosition: (offset: number) => Position,
  ) {}

  /** @internal The view of a document's root node. */
  static root(doc: Document.Parsed, toPosition: (offset: number) => Position): YNode {
    return new YNode(doc, doc.contents as Node, undefined, undefined, false, undefined, undefined, toPosition);
  }

  /** Path of this node in the document's data, from the document root. */
  get path(): readonly PathKey[] {
    if (!this.cachedPath) this.cachedPath = this.parent ? [...this.parent.path, this.step!] : [];
    return this.cachedPath;
  }

  /** What this node is. */
  get kind(): YNodeKind {
    if (isMap(this.node)) return 'map';
    if (isSeq(this.node)) return 'seq';
    if (isScalar(this.node)) return 'scalar';
    return 'alias';
  }

  /** True for a flow collection (`{...}` or `[...]`). */
  get flow(): boolean {
    return (isMap(this.node) || isSeq(this.node)) && Boolean((this.node as YAMLMap).flow);
  }

  /** The plain data of this node (aliases and merges resolved). */
  get value(): unknown {
    if (!this.hasCachedValue) {
      this.cachedValue = isScalar(this.node) ? this.node.value : this.node.toJS(this.doc, { maxAliasCount: 100 });
      this.hasCachedValue = true;
    }
    return this.cachedValue;
  }

  /** Offsets `[start, end)` of the node's value in the file text (0-based). */
  get offsets(): [number, number] {
    const r = this.node.range ?? [0, 0, 0];
    return [r[0], r[1]];
  }

  /** Source range of the node's value (1-based lines and columns). */
  get range(): SourceRange {
    const [s, e] = this.offsets;
    return { start: this.toPosition(s), end: this.toPosition(e) };
  }

  /** Source range of the key this node is the value of; the value's range when it has no key. */
  get keyRange(): SourceRange {
    const k = this.pair?.key as Node | undefined;
    if (!k?.range) return this.range;
    return { start: this.toPosition(k.range[0]), end: this.toPosition(k.range[1]) };
  }

  /** The key this node is the value of, when reached from a map. */
  get key(): PathKey | undefined {
    return this.step;
  }

  /**
   * A map value by key: local pairs first, then merge keys in order. Undefined when absent (and
   * for `<<`). A key that occurs more than once in a map (a `duplicate-key` problem) gives its
   * LAST occurrence, as kubectl reads it (see `ParsedDocument.lastKeyWins` in src/yaml/parse.ts).
   */
  get(key: string): YNode | undefined {
    if (!isMap(this.node) || key === MERGE_KEY) return undefined;
    const own = localPair(this.node, key);
    if (own) return this.child(own, key, this.viaAlias);
    if (!hasMergeKey(this.node)) return undefined;
    return this.lookup(this.node, key, this.viaAlias, new Set());
  }

  /** Follow a path of keys and indexes; undefined as soon as one step is absent. */
  at(path: readonly PathKey[]): YNode | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- a cursor that starts at this node
    let cur: YNode | undefined = this;
    for (const k of path) {
      if (!cur) return undefined;
      cur = typeof k === 'number' ? cur.item(k) : cur.get(k);
    }
    return cur;
  }

  /** True when this map has `key` (locally or through a merge key). */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** True when `key` is a pair of this map itself (not merged in). */
  hasLocal(key: string): boolean {
    return isMap(this.node) && localPair(this.node, key) !== undefined;
  }

  /** Keys of this map in source order (merged keys after local ones), without `<<`. */
  keys(): string[] {
    const out: string[] = [];
    for (const [k] of this.entries()) out.push(k);
    return out;
  }

  /**
   * Entries of this map (local pairs, then merged pairs not overridden). A key that occurs more
   * than once in a map is one entry, at its first place, with its LAST occurrence's value (as
   * {@link get} and the document's data have it).
   */
  entries(): [string, YNode][] {
    if (!isMap(this.node)) return [];
    const seen = new Set<string>();
    const out: [string, YNode][] = [];
    const visit = (map: YAMLMap, via: boolean, depth: number) => {
      if (depth > 20) return;
      const merges: Node[] = [];
      for (const p of map.items) {
        const k = keyString(p);
        if (k === MERGE_KEY) {
          merges.push(p.value as Node);
          continue;
        }
        if (k === undefined || seen.has(k)) continue;
        seen.add(k);
        const child = this.child(lastPair(map, k, p), k, via);
        if (child) out.push([k, child]);
      }
      for (const m of merges) for (const target of mergeSources(this.doc, m)) visit(target, true, depth + 1);
    };
    visit(this.node, this.viaAlias, 0);
    return out;
  }

  /**
   * The item at 0-based `index` of {@link items} (undefined past the end, or for other kinds),
   * without building the others: in constant time unless the sequence holds an alias or an
   * empty item (then through {@link items}, whose indexes skip items that resolve to nothing).
   */
  item(index: number): YNode | undefined {
    if (!isSeq(this.node)) return undefined;
    if (!plainItems(this.node)) return this.items()[index];
    const n = this.node.items[index] as Node | null | undefined;
    if (n == null || !Number.isInteger(index) || index < 0) return undefined;
    return new YNode(this.doc, n, this, index, this.viaAlias, undefined, undefined, this.toPosition);
  }

  /** Items of this sequence (aliases resolved). Empty for other kinds. */
  items(): YNode[] {
    if (!isSeq(this.node)) return [];
    const out: YNode[] = [];
    this.node.items.forEach((item, i) => {
      let n = item as Node | null;
      let via = this.viaAlias;
      if (isAlias(n)) {
        n = resolveAlias(this.doc, n);
        via = true;
      }
      if (n == null) return;
      out.push(new YNode(this.doc, n, this, i, via, undefined, undefined, this.toPosition));
    });
    return out;
  }

  /** The scalar's style: PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_LITERAL, BLOCK_FOLDED. */
  get scalarType(): string | undefined {
    return isScalar(this.node) ? (this.node.type as string | undefined) : undefined;
  }

  /** True for a null scalar (explicit `null`/`~` or an empty value). */
  get isNull(): boolean {
    return isScalar(this.node) && this.node.value === null;
  }

  private lookup(map: YAMLMap, key: string, via: boolean, visited: Set<unknown>): YNode | undefined {
    if (visited.has(map)) return undefined;
    visited.add(map);
    const own = localPair(map, key);
    if (own) return this.child(own, key, via);
    if (!hasMergeKey(map)) return undefined;
    for (const p of map.items) {
      if (keyString(p) !== MERGE_KEY) continue;
      for (const target of mergeSources(this.doc, p.value as Node)) {
        const found = this.lookup(target, key, true, visited);
        if (found) return found;
      }
    }
    return undefined;
  }

  private child(p: Pair, key: string, via: boolean): YNode | undefined {
    let n = p.value as Node | null;
    let v = via;
    if (isAlias(n)) {
      n = resolveAlias(this.doc, n);
      v = true;
    }
    if (n == null) {
      // `key:` with nothing after it: the yaml library keeps a null Scalar; keep a view of it.
      return undefined;
    }
    return new YNode(this.doc, n, this, key, v, p, isMap(this.node) ? this.node : undefined, this.toPosition);
  }
}

/** Per map (parsed documents are never mutated): its last pair of each key, and whether it has a merge key. */
const keyIndexes = new WeakMap<YAMLMap, { pairs: Map<string, Pair>; merge: boolean }>();

function keyIndex(map: YAMLMap): { pairs: Map<string, Pair>; merge: boolean } {
  let index = keyIndexes.get(map);
  if (!index) {
    index = { pairs: new Map(), merge: false };
    for (const p of map.items) {
      const k = keyString(p);
      if (k === MERGE_KEY) index.merge = true;
      if (k !== undefined) index.pairs.set(k, p);
    }
    keyIndexes.set(map, index);
  }
  return index;
}

/** Maps up to this many pairs are searched in place; bigger ones get an index. */
const SMALL_MAP = 12;

/**
 * The last pair of `map` whose key is `key` (its own pairs only; `<<` included): the one that
 * wins when the key is duplicated, as in kubectl's reading (see `ParsedDocument.lastKeyWins`).
 */
function localPair(map: YAMLMap, key: string): Pair | undefined {
  const items = map.items;
  if (items.length > SMALL_MAP) return keyIndex(map).pairs.get(key);
  for (let i = items.length - 1; i >= 0; i--) if (keyString(items[i]!) === key) return items[i];
  return undefined;
}

/** The pair of `map` that wins for `key`, `first` being its first pair: `first` itself unless the key occurs again later. */
function lastPair(map: YAMLMap, key: string, first: Pair): Pair {
  const items = map.items;
  // The usual map (two keys or more, none repeated) ends with another key: one comparison.
  if (items[items.length - 1] === first) return first;
  return localPair(map, key) ?? first;
}

function hasMergeKey(map: YAMLMap): boolean {
  const items = map.items;
  if (items.length > SMALL_MAP) return keyIndex(map).merge;
  for (let i = 0; i < items.length; i++) if (keyString(items[i]!) === MERGE_KEY) return true;
  return false;
}

/** @internal The string form of a pair's key (`<<` for a merge key), or undefined for complex keys. */
export function keyString(p: Pair): string | undefined {
  const k = p.key as unknown;
  // The common case first: a scalar key holding a string (not `<<`).
  if (k instanceof Scalar) {
    const v: unknown = k.value;
    if (typeof v === 'string' && v !== MERGE_KEY) return v;
  }
  if (isScalar(k)) {
    const v = k.value;
    if (typeof v === 'symbol') return MERGE_KEY;
    if (v === MERGE_KEY) return MERGE_KEY;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a scalar's value: a string, number, boolean or bigint
    return v == null ? undefined : String(v);
  }
  if (typeof k === 'string') return k;
  return undefined;
}

function resolveAlias(doc: Document.Parsed, n: Node): Node | null {
  let cur: Node | null = n;
  for (let i = 0; i < 20 && isAlias(cur); i++) cur = (cur.resolve(doc) as Node | undefined) ?? null;
  return isAlias(cur) ? null : cur;
}

/**
 * @internal The value `key` gets from the merge keys (`<<`) of `map` (not from its own pairs), following
 * nested merge keys in order; undefined when no merged map has `key`. `null` stands for a
 * merged pair without a value.
 */
export function mergedValue(doc: Document.Parsed, map: YAMLMap, key: string, depth = 0): Node | null | undefined {
  if (depth > 20) return undefined;
  for (const p of map.items) {
    if (keyString(p) !== MERGE_KEY) continue;
    for (const source of mergeSources(doc, p.value as Node)) {
      const own = localPair(source, key);
      if (own) return (own.value as Node | null) ?? null;
      const deeper = mergedValue(doc, source, key, depth + 1);
      if (deeper !== undefined) return deeper;
    }
  }
  return undefined;
}

function mergeSources(doc: Document.Parsed, value: Node | null): YAMLMap[] {
  const out: YAMLMap[] = [];
  const add = (n: Node | null) => {
    const r = isAlias(n) ? resolveAlias(doc, n) : n;
    if (isMap(r)) out.push(r);
  };
  if (isSeq(value)) for (const it of value.items) add(it as Node);
  else add(value);
  return out;
}

const plainCache = new WeakMap<object, boolean>();

/** True when no item of `seq` is an alias or empty, so {@link YNode.items} indexes are the sequence's own (checked once per sequence). */
function plainItems(seq: { items: unknown[] }): boolean {
  let plain = plainCache.get(seq);
  if (plain === undefined) {
    plain = seq.items.every((x) => x != null && !isAlias(x as Node));
    plainCache.set(seq, plain);
  }
  return plain;
}
