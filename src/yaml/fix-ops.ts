import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import * as yaml from 'yaml';

// Bound once: the bundle reaches a CommonJS module's exports through getters, on every use.
const { isAlias, isMap, isScalar, isSeq } = yaml;
import { keyString, mergedValue, type YNode } from './node.js';
import { isNonEmptyObject, textColumn, renderBlockEntries, renderBlockItems, renderFlow, renderScalar, type FileStyle } from './style.js';
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
export type FixOp =
  | { kind: 'set'; target: YNode; path: readonly string[]; value: JsonValue }
  | { kind: 'append'; target: YNode; path: readonly string[]; item: JsonValue }
  | { kind: 'replace'; target: YNode; value: string | number | boolean | null };

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

type Action =
  | { type: 'replace'; node: Scalar; value: JsonValue; depth: number }
  | { type: 'insert'; map: YAMLMap; entries: Record<string, JsonValue>; depth: number }
  | { type: 'fill'; node: Scalar; keyNode: Node; value: JsonValue; depth: number; flowParent: boolean }
  | { type: 'append'; seq: YAMLSeq; items: JsonValue[]; depth: number };

/**
 * Turn fix operations into minimal text edits on the original `text`, honouring the file's
 * style (indentation step, sequence style, line endings, quoting, flow or block collections).
 * Edits only insert whole lines after existing ones or replace a scalar's own characters (flow
 * collections get in-line insertions): no other line is touched. Operations whose target is
 * reached through an alias or merge key, that pass through a key occurring twice in its map (a
 * duplicate key), or that conflict, are not rendered and are listed in `problems`. Never throws
 * for odd documents.
 */
export function renderFixOps(text: string, style: FileStyle, ops: readonly FixOp[], options: RenderFixOptions = {}): RenderResult {
  const problems: string[] = [];
  const actions = new Map<Node, Action>();
  for (const op of ops) {
    const problem = resolveOp(op, actions);
    if (problem) problems.push(problem);
  }
  const edits: { edit: TextEdit; depth: number }[] = [];
  for (const action of actions.values()) {
    const edit = renderAction(text, style, action, options);
    if (edit) edits.push({ edit, depth: action.depth });
  }
  return { edits: mergeInsertions(edits), problems };
}

function nest(path: readonly string[], leaf: JsonValue): JsonValue {
  let v = leaf;
  for (let i = path.length - 1; i >= 0; i--) v = { [path[i]!]: v };
  return v;
}

function resolveOp(op: FixOp, actions: Map<Node, Action>): string | undefined {
  if (op.kind === 'replace') return resolveReplace(op, actions);
  const where = `${op.target.path.join('.')}${op.target.path.length ? '.' : ''}${op.path.join('.')}`;
  if (op.target.viaAlias) return `cannot edit ${where}: it comes from a YAML alias or merge key`;
  let map = op.target.node as Node;
  if (!isMap(map)) return `cannot edit ${where}: the target is not a map`;
  let depth = op.target.path.length;
  const leaf: JsonValue = op.kind === 'set' ? op.value : [op.item];
  for (let i = 0; i < op.path.length; i++) {
    const key = op.path[i]!;
    const last = i === op.path.length - 1;
    const m: YAMLMap = map as YAMLMap;
    const pair = m.items.find((p) => keyString(p as Pair) === key) as Pair | undefined;
    // A duplicated key (a duplicate-key problem): no edit may land on the occurrence kubectl ignores.
    if (pair && m.items.some((p) => p !== pair && keyString(p as Pair) === key)) return `cannot edit ${where}: "${key}" occurs more than once in its map`;
    if (!pair) {
      // A key merged in (`<<`) is shadowed by a local pair: that is the intended change only for
      // a scalar set on the last key; a local map or list would hide the merged one's other content.
      if (mergedValue(op.target.doc, m, key) !== undefined && (!last || op.kind !== 'set' || isNonEmptyObject(op.value) || Array.isArray(op.value))) {
        return `cannot edit ${where}: "${key}" comes from a merge key`;
      }
      return addInsert(actions, m, { [key]: nest(op.path.slice(i + 1), leaf) }, depth);
    }
    const v = pair.value as Node | null;
    if (isAlias(v)) return `cannot edit ${where}: "${key}" is a YAML alias`;
    if (isScalar(v) && v.value === null) {
      return addFill(actions, v, pair.key as Node, nest(op.path.slice(i + 1), leaf), depth + 1, Boolean(m.flow));
    }
    if (last) {
      if (op.kind === 'set') {
        if (isScalar(v)) {
          if (isNonEmptyObject(op.value) || Array.isArray(op.value)) return `cannot set ${where}: it holds a scalar`;
          if (v.value === op.value) return undefined;
          const prev = actions.get(v);
          if (prev && prev.type === 'replace' && prev.value !== op.value) return `conflicting values for ${where}`;
          actions.set(v, { type: 'replace', node: v, value: op.value, depth: depth + 1 });
          return undefined;
        }
        return `cannot set ${where}: it holds a collection`;
      }
      if (isSeq(v)) {
        const prev = actions.get(v);
        if (prev && prev.type === 'append') prev.items.push(op.item);
        else actions.set(v, { type: 'append', seq: v, items: [op.item], depth: depth + 1 });
        return undefined;
      }
      return `cannot append to ${where}: it is not a sequence`;
    }
    if (!isMap(v)) return `cannot edit ${where}: "${key}" is not a map`;
    map = v;
    depth++;
  }
  return `nothing to edit at ${where}`;
}

/** A `replace` operation: the scalar node's own characters are replaced (see renderAction). */
function resolveReplace(op: Extract<FixOp, { kind: 'replace' }>, actions: Map<Node, Action>): string | undefined {
  const where = op.target.path.join('.');
  if (op.target.viaAlias) return `cannot edit ${where}: it comes from a YAML alias or merge key`;
  const v = op.target.node as Node;
  if (!isScalar(v) || !v.range) return `cannot replace ${where}: it is not a scalar`;
  if (v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED') return `cannot replace ${where}: it is a block scalar`;
  const prev = actions.get(v);
  if (prev) {
    if (prev.type === 'replace' && prev.value === op.value) return undefined;
    return `conflicting edits of ${where}`;
  }
  if (v.value === op.value) return undefined;
  actions.set(v, { type: 'replace', node: v, value: op.value, depth: op.target.path.length });
  return undefined;
}

function addInsert(actions: Map<Node, Action>, map: YAMLMap, entries: Record<string, JsonValue>, depth: number): string | undefined {
  const prev = actions.get(map);
  if (prev && prev.type === 'insert') return deepMerge(prev.entries, entries);
  actions.set(map, { type: 'insert', map, entries: { ...entries }, depth });
  return undefined;
}

function addFill(actions: Map<Node, Action>, node: Scalar, keyNode: Node, value: JsonValue, depth: number, flowParent: boolean): string | undefined {
  const prev = actions.get(node);
  if (prev && prev.type === 'fill') {
    const box = { v: prev.value };
    const problem = deepMerge(box as Record<string, JsonValue>, { v: value });
    prev.value = box.v;
    return problem;
  }
  actions.set(node, { type: 'fill', node, keyNode, value, depth, flowParent });
  return undefined;
}

/** Lists made by {@link deepMerge} (never an operation's own): appended to in place. */
const mergedLists = new WeakSet<JsonValue[]>();

/**
 * Merge `add` into `into` (maps merge, lists concatenate); returns a problem on a conflict.
 * Linear in what is added: a list concatenated once is copied once, then appended to in place
 * (10,000 containers appending a volume each merge in 10,000 steps, not 10,000 copies).
 */
function deepMerge(into: Record<string, JsonValue>, add: Record<string, JsonValue>): string | undefined {
  for (const [k, v] of Object.entries(add)) {
    const cur = into[k];
    if (cur === undefined) into[k] = v;
    else if (isNonEmptyObject(cur) && isNonEmptyObject(v)) {
      const p = deepMerge(cur, v);
      if (p) return p;
    } else if (Array.isArray(cur) && Array.isArray(v)) {
      if (mergedLists.has(cur)) for (const x of v) cur.push(x);
      else {
        const list = [...cur, ...v];
        mergedLists.add(list);
        into[k] = list;
      }
    } else if (JSON.stringify(cur) !== JSON.stringify(v)) return `conflicting values for "${k}"`;
  }
  return undefined;
}

function column(text: string, offset: number): number {
  return textColumn(text, offset);
}

/** Offset of the start of the line after the one holding `pos` (pos itself when at a line start). */
function lineStartAfter(text: string, pos: number): number {
  if (pos === 0 || text[pos - 1] === '\n') return pos;
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

function blockLines(text: string, pos: number, lines: string[], eol: string): TextEdit {
  if (pos === text.length && text.length > 0 && !text.endsWith('\n')) {
    return { range: [pos, pos], text: eol + lines.join(eol) };
  }
  return { range: [pos, pos], text: lines.map((l) => l + eol).join('') };
}

function nodeEnd(n: Node | null | undefined): number | undefined {
  return n?.range ? n.range[1] : undefined;
}

function pairEnd(p: Pair): number {
  return nodeEnd(p.value as Node | null) ?? nodeEnd(p.key as Node | null) ?? 0;
}

function isMultiline(text: string, n: Node): boolean {
  const r = n.range!;
  return text.slice(r[0], r[1]).includes('\n');
}

function renderAction(text: string, style: FileStyle, a: Action, options: RenderFixOptions): TextEdit | undefined {
  switch (a.type) {
    case 'replace': {
      const r = a.node.range!;
      let out: string;
      if (typeof a.value === 'string' && a.node.type === 'QUOTE_DOUBLE') out = JSON.stringify(a.value);
      else if (typeof a.value === 'string' && a.node.type === 'QUOTE_SINGLE') out = `'${a.value.replace(/'/g, "''")}'`;
      else out = renderScalar(a.value, style);
      if (r[0] === r[1]) out = ' ' + out;
      return { range: [r[0], r[1]], text: out };
    }
    case 'insert': {
      const m = a.map;
      const entries = Object.entries(a.entries);
      if (m.flow) {
        const r = m.range!;
        if (m.items.length === 0) {
          const open = text.indexOf('{', r[0]);
          const block = style.json || !options.fillPlaceholders ? undefined : placeholderKeyColumn(text, open, text.indexOf('}', open) + 1);
          if (block)
            return { range: [block.from, block.to], text: style.eol + renderBlockEntries(a.entries, block.column + style.indent, style).join(style.eol) };
          return { range: [open + 1, open + 1], text: entries.map(([k, v]) => `${renderScalar(k, style)}: ${renderFlow(v, style)}`).join(', ') };
        }
        const last = m.items[m.items.length - 1] as Pair;
        const end = pairEnd(last);
        if (isMultiline(text, m)) {
          const kc = column(text, (last.key as Node).range![0]);
          const pad = ' '.repeat(kc);
          return { range: [end, end], text: entries.map(([k, v]) => `,${style.eol}${pad}${renderScalar(k, style)}: ${renderFlow(v, style)}`).join('') };
        }
        return { range: [end, end], text: entries.map(([k, v]) => `, ${renderScalar(k, style)}: ${renderFlow(v, style)}`).join('') };
      }
      const first = m.items[0] as Pair | undefined;
      const last = m.items[m.items.length - 1] as Pair | undefined;
      if (!first || !last) return undefined;
      const kc = column(text, (first.key as Node).range![0]);
      const pos = lineStartAfter(text, pairEnd(last));
      return blockLines(text, pos, renderBlockEntries(a.entries, kc, style), style.eol);
    }
    case 'fill': {
      const r = a.node.range!;
      if (a.flowParent || style.json || r[0] !== r[1]) {
        const out = renderFlow(a.value, style);
        return { range: [r[0], r[1]], text: r[0] === r[1] ? ' ' + out : out };
      }
      const kc = column(text, a.keyNode.range![0]);
      const pos = lineStartAfter(text, r[1]);
      let lines: string[];
      if (isNonEmptyObject(a.value)) lines = renderBlockEntries(a.value, kc + style.indent, style);
      else if (Array.isArray(a.value)) lines = renderBlockItems(a.value, style.indentlessSequences ? kc : kc + style.indent, style);
      else return { range: [r[0], r[1]], text: ' ' + renderScalar(a.value, style) };
      return blockLines(text, pos, lines, style.eol);
    }
    case 'append': {
      const s = a.seq;
      const r = s.range!;
      if (s.flow) {
        if (s.items.length === 0) {
          const open = text.indexOf('[', r[0]);
          const block = style.json || !options.fillPlaceholders ? undefined : placeholderKeyColumn(text, open, text.indexOf(']', open) + 1);
          if (block)
            return {
              range: [block.from, block.to],
              text: style.eol + renderBlockItems(a.items, style.indentlessSequences ? block.column : block.column + style.indent, style).join(style.eol),
            };
          return { range: [open + 1, open + 1], text: a.items.map((i) => renderFlow(i, style)).join(', ') };
        }
        const lastItem = s.items[s.items.length - 1] as Node;
        const end = nodeEnd(lastItem) ?? r[1] - 1;
        if (isMultiline(text, s)) {
          const pad = ' '.repeat(column(text, lastItem.range![0]));
          return { range: [end, end], text: a.items.map((i) => `,${style.eol}${pad}${renderFlow(i, style)}`).join('') };
        }
        return { range: [end, end], text: a.items.map((i) => `, ${renderFlow(i, style)}`).join('') };
      }
      const dashCol = column(text, r[0]);
      const firstItem = s.items[0] as Node | undefined;
      let contentOffset = 2;
      if (firstItem?.range) {
        const fc = column(text, firstItem.range[0]);
        const sameLine = !text.slice(r[0], firstItem.range[0]).includes('\n');
        if (sameLine && fc > dashCol) contentOffset = fc - dashCol;
      }
      const lastItem = s.items[s.items.length - 1] as Node | undefined;
      const pos = lineStartAfter(text, nodeEnd(lastItem) ?? r[1]);
      return blockLines(text, pos, renderBlockItems(a.items, dashCol, style, contentOffset), style.eol);
    }
  }
}

/**
 * An empty flow collection (`{}` or `[]`, from `open` to `close`, exclusive) that is the only
 * value of a block map key on its line (`  securityContext: {}`, nothing but spaces after it)
 * is a placeholder: entries added to it are written as block lines below the key, as a person
 * fills it in. Gives the range to replace (the spaces before the brackets and the brackets) and
 * the key's 0-based column; undefined when the collection is not such a placeholder (a list
 * item `- {}`, a comment or more text after it, a key inside a flow collection).
 */
function placeholderKeyColumn(text: string, open: number, close: number): { from: number; to: number; column: number } | undefined {
  if (open < 0 || close <= open) return undefined;
  const lineStart = text.lastIndexOf('\n', open - 1) + 1;
  const before = /^( *)(?:[^\s#{}[\],'"&*!|>%@`-][^#{}[\],]*?|"[^"\n]*"|'[^'\n]*'):( +)$/.exec(text.slice(lineStart, open));
  if (!before) return undefined;
  const nl = text.indexOf('\n', close);
  const after = text.slice(close, nl < 0 ? text.length : nl);
  if (!/^[ \t]*\r?$/.test(after)) return undefined;
  return { from: open - before[2]!.length, to: close, column: before[1]!.length };
}

/**
 * Insertions at the same offset become one edit, deepest target first (a line appended to a
 * nested list must come before a key added to the enclosing map).
 */
function mergeInsertions(list: { edit: TextEdit; depth: number }[]): TextEdit[] {
  const byOffset = new Map<number, { edit: TextEdit; depth: number }[]>();
  const out: TextEdit[] = [];
  for (const e of list) {
    if (e.edit.range[0] !== e.edit.range[1]) {
      out.push(e.edit);
      continue;
    }
    const k = e.edit.range[0];
    const arr = byOffset.get(k) ?? [];
    arr.push(e);
    byOffset.set(k, arr);
  }
  for (const [k, arr] of byOffset) {
    arr.sort((x, y) => y.depth - x.depth);
    out.push({ range: [k, k], text: joinInsertions(arr.map((e) => e.edit.text)) });
  }
  return out.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

function joinInsertions(texts: string[]): string {
  // An insertion at EOF without a final newline starts with the line ending; keep one per join.
  let out = '';
  for (const t of texts) out += t;
  return out;
}
