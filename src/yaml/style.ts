import type { Document, Node, Pair, Scalar } from 'yaml';
import * as yaml from 'yaml';

// Bound once: the bundle reaches a CommonJS module's exports through getters, on every use.
const { isMap, isPair, isScalar, isSeq, stringify } = yaml;
import type { JsonValue } from './types.js';

/** The formatting conventions of a file, detected from its text so that inserted lines match. */
export interface FileStyle {
  /** Line ending: `\r\n` when the file uses CRLF, else `\n`. */
  eol: '\n' | '\r\n';
  /** Indentation step of nested block maps, in spaces (default 2). */
  indent: number;
  /** True when block sequences are written at their key's column (`key:\n- a`). */
  indentlessSequences: boolean;
  /** Quote used when a string must be quoted: `"` or `'` (default `"`). */
  quote: '"' | "'";
  /** True for JSON files: keys and strings are double-quoted, collections are flow style. */
  json: boolean;
}

/**
 * @internal Detect a file's style from its text and parsed documents: the most frequent nesting step of
 * block maps, the dominant sequence style (indentless or indented), line endings and quoting.
 * Defaults (2 spaces, indented sequences, `\n`, `"`) apply when the file shows no evidence.
 */
export function detectStyle(text: string, docs: readonly Document.Parsed[]): FileStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const steps = new Map<number, number>();
  let indentless = 0;
  let indented = 0;
  let dq = 0;
  let sq = 0;
  let blockCollections = 0;
  const col = (offset: number) => textColumn(text, offset);
  // Every pair (then its key and value) and every scalar — keys included — as yaml's `visit`
  // would reach them, without its visitor machinery.
  const visitor = {
    Pair(pair: Pair) {
      const k = pair.key as Node | null;
      const v = pair.value as Node | null;
      if (!k?.range || !v?.range) return;
      if (isScalar(k)) {
        if (k.type === 'QUOTE_DOUBLE') dq++;
        else if (k.type === 'QUOTE_SINGLE') sq++;
      }
      const kc = col(k.range[0]);
      if (isMap(v) && !v.flow && v.items.length > 0) {
        blockCollections++;
        const first = v.items[0];
        const fk = isPair(first) ? (first.key as Node | null) : null;
        if (fk?.range) {
          const d = col(fk.range[0]) - kc;
          if (d > 0 && d <= 8) steps.set(d, (steps.get(d) ?? 0) + 1);
        }
      } else if (isSeq(v) && !v.flow && v.items.length > 0) {
        blockCollections++;
        const dc = col(v.range[0]);
        if (dc === kc) indentless++;
        else {
          indented++;
        }
      }
    },
    Scalar(s: Scalar) {
      if (s.type === 'QUOTE_DOUBLE') dq++;
      else if (s.type === 'QUOTE_SINGLE') sq++;
    },
  };
  const walk = (n: unknown, depth: number): void => {
    if (depth > 10_000) return;
    if (isMap(n) || isSeq(n)) for (const item of n.items) walk(item, depth + 1);
    else if (isPair(n)) {
      visitor.Pair(n);
      walk(n.key, depth + 1);
      walk(n.value, depth + 1);
    } else if (isScalar(n)) visitor.Scalar(n);
  };
  for (const doc of docs) walk(doc.contents, 0);
  let indent = 2;
  let best = 0;
  for (const [step, n] of steps) if (n > best || (n === best && step < indent)) [indent, best] = [step, n];
  const json = /^\uFEFF?\s*[{[]/.test(text) && blockCollections === 0;
  return { eol, indent, indentlessSequences: indentless > indented, quote: sq > dq ? "'" : '"', json };
}

/**
 * The 0-based column of `offset` in its line, in characters of indentation: a UTF-8 byte order
 * mark at the start of the file is not part of the first line's indentation.
 */
export function textColumn(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const bom = lineStart === 0 && text.charCodeAt(0) === 0xfeff && offset > 0 ? 1 : 0;
  return offset - lineStart - bom;
}

/**
 * Render one scalar as YAML text: plain when that reads back as the same value under YAML 1.1
 * (the `yaml` library decides), else quoted with the file's quote; JSON style in JSON files.
 */
export function renderScalar(value: JsonValue, style: Pick<FileStyle, 'quote' | 'json'>): string {
  if (style.json) return JSON.stringify(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a scalar (see above): a number or boolean here
  if (typeof value !== 'string') return value === null ? 'null' : String(value);
  // Fixes write the same few keys and values again and again: remember how each one renders.
  const cacheKey = style.quote + value;
  const known = renderedStrings.get(cacheKey);
  if (known !== undefined) return known;
  const out = stringify(value, {
    version: '1.1',
    lineWidth: 0,
    defaultStringType: 'PLAIN',
    singleQuote: style.quote === "'",
  }).replace(/\n$/, '');
  if (renderedStrings.size >= 4096) renderedStrings.clear();
  renderedStrings.set(cacheKey, out);
  return out;
}

/** Rendered strings by quote character + value (bounded: cleared when full). */
const renderedStrings = new Map<string, string>();

/** Render a key: plain when safe, quoted otherwise (always double-quoted in JSON). */
export function renderKey(key: string, style: Pick<FileStyle, 'quote' | 'json'>): string {
  return renderScalar(key, style);
}

/**
 * Render a value in flow style on one line, e.g. `{readOnlyRootFilesystem: true}` (JSON in JSON
 * files: `{"readOnlyRootFilesystem": true}`).
 */
export function renderFlow(value: JsonValue, style: Pick<FileStyle, 'quote' | 'json'>): string {
  if (Array.isArray(value)) return `[${value.map((v) => renderFlow(v, style)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const parts = Object.entries(value).map(([k, v]) => `${renderKey(k, style)}: ${renderFlow(v, style)}`);
    return `{${parts.join(', ')}}`;
  }
  return renderScalar(value, style);
}

/**
 * Render the entries of a map as block lines (without line endings) at `indent` spaces, using
 * the file's indentation step and sequence style. Empty maps and lists render as `{}` / `[]`.
 */
export function renderBlockEntries(entries: Record<string, JsonValue>, indent: number, style: FileStyle): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(indent);
  for (const [k, v] of Object.entries(entries)) {
    const key = renderKey(k, style);
    if (isNonEmptyObject(v)) {
      lines.push(`${pad}${key}:`);
      lines.push(...renderBlockEntries(v, indent + style.indent, style));
    } else if (Array.isArray(v) && v.length > 0) {
      lines.push(`${pad}${key}:`);
      lines.push(...renderBlockItems(v, style.indentlessSequences ? indent : indent + style.indent, style));
    } else {
      lines.push(`${pad}${key}: ${renderFlow(v, style)}`);
    }
  }
  return lines;
}

/**
 * Render sequence items as block lines with the dash at `dashIndent` spaces; a map item puts
 * its first key on the dash line and the others under it, `contentOffset` columns after the dash.
 */
export function renderBlockItems(items: readonly JsonValue[], dashIndent: number, style: FileStyle, contentOffset = 2): string[] {
  const lines: string[] = [];
  const dashPad = ' '.repeat(dashIndent);
  for (const item of items) {
    if (isNonEmptyObject(item)) {
      const inner = renderBlockEntries(item, dashIndent + contentOffset, style);
      const first = inner[0] ?? '';
      lines.push(`${dashPad}-${' '.repeat(contentOffset - 1)}${first.slice(dashIndent + contentOffset)}`);
      lines.push(...inner.slice(1));
    } else if (Array.isArray(item) && item.length > 0) {
      lines.push(`${dashPad}- ${renderFlow(item, style)}`);
    } else {
      lines.push(`${dashPad}- ${renderFlow(item, style)}`);
    }
  }
  return lines;
}

/** True for a plain object with at least one key. */
export function isNonEmptyObject(v: unknown): v is Record<string, JsonValue> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0;
}
