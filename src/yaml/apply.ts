import { isDeepStrictEqual } from 'node:util';
import type { FixOp } from './fix-ops.js';
import { isTreeData } from './fast-parse.js';
import { parseYaml, type ParsedFile } from './parse.js';
import type { JsonValue, TextEdit } from './types.js';

/** Thrown by {@link applyEdits} when two edits overlap (their order would be ambiguous). */
export class OverlappingEditsError extends Error {
  constructor(
    readonly first: TextEdit,
    readonly second: TextEdit,
  ) {
    super(`overlapping edits at offsets ${first.range[0]}-${first.range[1]} and ${second.range[0]}-${second.range[1]}`);
    this.name = 'OverlappingEditsError';
  }
}

/**
 * Apply text edits to the original text. Edits are sorted by offset; two edits overlap when
 * one starts before the other ends, or both insert at the same offset: that throws
 * {@link OverlappingEditsError} (edits are never merged blindly). Out-of-range offsets throw a
 * RangeError.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  for (const e of sorted) {
    if (e.range[0] < 0 || e.range[1] > text.length || e.range[0] > e.range[1]) {
      throw new RangeError(`edit range ${e.range[0]}-${e.range[1]} is outside the text (length ${text.length})`);
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.range[0] < a.range[1] || (b.range[0] === a.range[0] && a.range[0] === a.range[1] && b.range[0] === b.range[1])) {
      throw new OverlappingEditsError(a, b);
    }
  }
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.range[0]) + e.text;
    pos = e.range[1];
  }
  return out + text.slice(pos);
}

/**
 * The data each document should have after `ops`: the original data (index = document index)
 * with every operation applied (`set` merges into the map at its path, `append` pushes onto the
 * list, `replace` writes its value at the target's own path), `original` left as it is (a copy on write along the operations'
 * paths for the fast reader's tree data, else a deep copy). The result may share unchanged
 * parts with `original`: treat it as read-only. Used to check an edited text re-parses to
 * exactly the intended result.
 */
export function expectedData(original: readonly unknown[], docIndexOf: (op: FixOp) => number, ops: readonly FixOp[]): unknown[] {
  // Copy on write needs trees: yaml's data may share an object between an anchor and its
  // aliases, where a deep copy keeps the sharing (and a change shows at both).
  if (!original.every((d) => d === undefined || d === null || typeof d !== 'object' || isTreeData(d))) return expectedDataByClone(original, docIndexOf, ops);
  try {
    return expectedDataCopyOnWrite(original, docIndexOf, ops);
  } catch (err) {
    if (err !== NOT_PLAIN) throw err;
    return expectedDataByClone(original, docIndexOf, ops);
  }
}

const NOT_PLAIN = Symbol('not plain data');

/** An object or array of manifest data, indexed by a fix's path keys (names and indexes). */
type Box = Record<PropertyKey, unknown>;

/**
 * {@link expectedData} copying only the objects and arrays on the operations' paths: the rest is
 * shared with `original` (never mutated), which suits a result that is only compared. Throws
 * NOT_PLAIN when a path crosses anything but a plain object or array.
 */
function expectedDataCopyOnWrite(original: readonly unknown[], docIndexOf: (op: FixOp) => number, ops: readonly FixOp[]): unknown[] {
  const out = original.slice();
  const copies = new Set<object>();
  /** `holder[key]` as a private copy (made once), when it is an object. */
  const writable = (holder: Box, key: PropertyKey): unknown => {
    const v = holder[key];
    if (v == null || typeof v !== 'object' || copies.has(v)) return v;
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a sentinel caught by expectedData (no stack to build)
    if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) throw NOT_PLAIN;
    const c: object = Array.isArray(v) ? v.slice() : { ...v };
    copies.add(c);
    holder[key] = c;
    return c;
  };
  for (const op of ops) {
    const i = docIndexOf(op);
    if (op.kind === 'replace') {
      // The scalar at target.path itself: its holder (a map or a list) is copied, then written.
      const at = op.target.path;
      if (at.length === 0) {
        out[i] = op.value;
        continue;
      }
      let holder: unknown = writable(out as unknown as Box, i);
      for (const k of at.slice(0, -1)) holder = holder != null && typeof holder === 'object' ? writable(holder as Box, k) : undefined;
      if (holder != null && typeof holder === 'object') (holder as Box)[at[at.length - 1]!] = op.value;
      continue;
    }
    let at: unknown = writable(out as unknown as Box, i);
    for (const k of op.target.path) at = at != null && typeof at === 'object' ? writable(at as Box, k) : undefined;
    if (at == null || typeof at !== 'object') continue;
    let cur = at as Box;
    const path = op.path;
    for (let j = 0; j < path.length - 1; j++) {
      const k = path[j]!;
      if (cur[k] == null || typeof cur[k] !== 'object') {
        cur[k] = {};
        copies.add(cur[k] as object);
      }
      cur = writable(cur, k) as Box;
    }
    const last = path[path.length - 1]!;
    if (op.kind === 'set') cur[last] = mergeValue(cur[last], op.value);
    else {
      if (!Array.isArray(cur[last])) {
        cur[last] = [];
        copies.add(cur[last] as object);
      }
      (writable(cur, last) as unknown[]).push(structuredClone(op.item));
    }
  }
  return out;
}

/** @internal {@link expectedData} on a deep copy of every document (any data). */
export function expectedDataByClone(original: readonly unknown[], docIndexOf: (op: FixOp) => number, ops: readonly FixOp[]): unknown[] {
  const out = original.map((d) => structuredClone(d));
  for (const op of ops) {
    const i = docIndexOf(op);
    if (op.kind === 'replace') {
      const path = op.target.path;
      if (path.length === 0) {
        out[i] = op.value;
        continue;
      }
      let holder: unknown = out[i];
      for (const k of path.slice(0, -1)) holder = (holder as Box | null | undefined)?.[k];
      if (holder != null && typeof holder === 'object') (holder as Box)[path[path.length - 1]!] = op.value;
      continue;
    }
    let at: unknown = out[i];
    for (const k of op.target.path) at = (at as Box | null | undefined)?.[k];
    if (at == null || typeof at !== 'object') continue;
    let cur = at as Box;
    const path = op.path;
    for (let j = 0; j < path.length - 1; j++) {
      const k = path[j]!;
      if (cur[k] == null || typeof cur[k] !== 'object') cur[k] = {};
      cur = cur[k] as Box;
    }
    const last = path[path.length - 1]!;
    if (op.kind === 'set') cur[last] = mergeValue(cur[last], op.value);
    else {
      if (!Array.isArray(cur[last])) cur[last] = [];
      (cur[last] as unknown[]).push(structuredClone(op.item));
    }
  }
  return out;
}

function mergeValue(cur: unknown, value: JsonValue): unknown {
  if (cur && typeof cur === 'object' && !Array.isArray(cur) && value && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = { ...(cur as Record<string, unknown>) };
    for (const [k, v] of Object.entries(value)) out[k] = mergeValue(out[k], v);
    return out;
  }
  return structuredClone(value);
}

/** Outcome of {@link verifyEdits}. `text` and `parsed` are set when `ok`. */
export interface VerifyResult {
  ok: boolean;
  text?: string;
  parsed?: ParsedFile;
  /** Why the edits were rejected, when not ok. */
  problem?: string;
}

/**
 * Apply `edits`, re-parse the result and compare every document's data with `expected`
 * (deep equality). Rejects overlapping edits, new parse errors, a changed document count and
 * any data difference. Never throws.
 */
export function verifyEdits(text: string, edits: readonly TextEdit[], expected: readonly unknown[]): VerifyResult {
  let next: string;
  try {
    next = applyEdits(text, edits);
  } catch (err) {
    return { ok: false, problem: (err as Error).message };
  }
  const parsed = parseYaml(next);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problem: `the fixed text does not parse: ${errors[0]!.message} (line ${errors[0]!.line})` };
  if (parsed.documents.length !== expected.length) {
    return { ok: false, problem: `the fixed text has ${parsed.documents.length} documents instead of ${expected.length}` };
  }
  for (let i = 0; i < expected.length; i++) {
    if (!sameData(parsed.documents[i]!.data, expected[i])) {
      return { ok: false, problem: `the fixed document ${i + 1} does not hold exactly the intended change` };
    }
  }
  return { ok: true, text: next, parsed };
}

/**
 * True when `a` and `b` are the same data as JSON would see them: {@link normalise}d deep
 * equality, decided directly (no JSON round trip) while both are plain JSON data — strings,
 * finite numbers, booleans, null, arrays and plain objects — and by the round trip as soon as
 * anything else appears (Map, Set, bytes, bigint, dates, undefined, NaN).
 */
export function sameData(a: unknown, b: unknown): boolean {
  const r = plainEqual(a, b, 0);
  return r === undefined ? isDeepStrictEqual(normalise(a), normalise(b)) : r;
}

/** Equality of plain JSON data; undefined when either side holds anything else (or nests past 500). */
function plainEqual(a: unknown, b: unknown, depth: number): boolean | undefined {
  if (depth > 500) return undefined;
  const ta = typeof a;
  if (ta !== typeof b) {
    return (ta === 'object' || ta === 'number' || ta === 'string' || ta === 'boolean') &&
      (typeof b === 'object' || typeof b === 'number' || typeof b === 'string' || typeof b === 'boolean') &&
      plainKind(a) &&
      plainKind(b)
      ? false
      : undefined;
  }
  if (ta === 'string' || ta === 'boolean') return a === b;
  if (ta === 'number') return Number.isFinite(a) && Number.isFinite(b) ? a === b : undefined;
  if (ta !== 'object') return undefined;
  if (a === null || b === null) return a === b ? true : plainKind(a) && plainKind(b) ? false : undefined;
  const aa = Array.isArray(a);
  const ab = Array.isArray(b);
  if (aa || ab) {
    if (!(aa && ab)) return plainKind(a) && plainKind(b) ? false : undefined;
    const x = a as unknown[];
    const y = b as unknown[];
    let verdict = x.length === y.length;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const r = plainEqual(x[i], y[i], depth + 1);
      if (r === undefined) return undefined;
      if (!r) verdict = false;
    }
    if (!verdict) return x.every(plainKind) && y.every(plainKind) ? false : undefined;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return undefined;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  let verdict = kx.length === ky.length;
  for (const k of kx) {
    if (!Object.prototype.hasOwnProperty.call(y, k)) {
      if (x[k] === undefined) return undefined;
      verdict = false;
      continue;
    }
    const r = plainEqual(x[k], y[k], depth + 1);
    if (r === undefined) return undefined;
    if (!r) verdict = false;
  }
  if (!verdict) {
    // A difference counts only when both sides are plain all the way down (an undefined value
    // on one side would vanish in JSON): otherwise the round trip decides.
    return deepPlain(a, 0) && deepPlain(b, 0) ? false : undefined;
  }
  return true;
}

/** True for a value plainEqual decides without the JSON round trip (shallow). */
function plainKind(v: unknown): boolean {
  if (v === null) return true;
  const t = typeof v;
  if (t === 'string' || t === 'boolean') return true;
  if (t === 'number') return Number.isFinite(v);
  if (t !== 'object') return false;
  return Array.isArray(v) ? v.every((x) => deepPlain(x, 0)) : deepPlain(v, 0);
}

/** True when `v` is plain JSON data all the way down. */
function deepPlain(v: unknown, depth: number): boolean {
  if (depth > 500) return false;
  if (v === null) return true;
  const t = typeof v;
  if (t === 'string' || t === 'boolean') return true;
  if (t === 'number') return Number.isFinite(v);
  if (t !== 'object') return false;
  if (Array.isArray(v)) return v.every((x) => deepPlain(x, depth + 1));
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v as object).every((x) => deepPlain(x, depth + 1));
}

/** @internal Data as JSON sees it (the reference {@link sameData} must agree with). */
export function normalise(v: unknown): unknown {
  // Compare data as JSON would see it (Map/Set from odd YAML become plain objects/arrays, and
  // `!!binary` bytes — a Buffer from the parser, a Uint8Array once cloned — their base64).
  return v === undefined ? null : JSON.parse(JSON.stringify(v, normaliseReplacer) ?? 'null');
}

/** JSON.stringify replacer of {@link normalise}; `this[key]` is the value before its toJSON(). */
function normaliseReplacer(this: unknown, key: string, x: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Uint8Array) return { binary: Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString('base64') };
  return x instanceof Map ? Object.fromEntries(x) : x instanceof Set ? [...x] : typeof x === 'bigint' ? String(x) : x;
}
