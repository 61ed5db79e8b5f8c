import { isDeepStrictEqual } from 'node:util';
import type { FixOp } from './fix-ops.js';
import { parseYaml, type ParsedFile } from './parse.js';
import type { JsonValue, TextEdit } from './types.js';

/** Thrown by {@link applyEdits} when two edits overlap (their order would be ambiguous). */
export class OverlappingEditsError extends Error {
  constructor(readonly first: TextEdit, readonly second: TextEdit) {
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
 * with every operation applied to a deep copy. Used to check an edited text re-parses to
 * exactly the intended result.
 */
export function expectedData(original: readonly unknown[], docIndexOf: (op: FixOp) => number, ops: readonly FixOp[]): unknown[] {
  const out = original.map((d) => structuredClone(d));
  for (const op of ops) {
    const i = docIndexOf(op);
    let cur: any = out[i];
    for (const k of op.target.path) cur = cur?.[k as any];
    if (cur == null || typeof cur !== 'object') continue;
    const path = op.path;
    for (let j = 0; j < path.length - 1; j++) {
      const k = path[j]!;
      if (cur[k] == null || typeof cur[k] !== 'object') cur[k] = {};
      cur = cur[k];
    }
    const last = path[path.length - 1]!;
    if (op.kind === 'set') cur[last] = mergeValue(cur[last], op.value);
    else {
      if (!Array.isArray(cur[last])) cur[last] = [];
      cur[last].push(structuredClone(op.item));
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
    if (!isDeepStrictEqual(normalise(parsed.documents[i]!.data), normalise(expected[i]))) {
      return { ok: false, problem: `the fixed document ${i + 1} does not hold exactly the intended change` };
    }
  }
  return { ok: true, text: next, parsed };
}

function normalise(v: unknown): unknown {
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
