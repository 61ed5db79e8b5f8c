/**
 * Problems of configuration files: their shape, where they point (file, 1-based line/column,
 * key) and how ajv's errors become short messages with "did you mean" hints.
 */
import { Ajv, type ErrorObject } from 'ajv';
import type { PathKey, YNode } from '../yaml/index.js';
import { isLikelyTypo } from '../engine/edit-distance.js';

/**
 * A problem with a configuration file. `line`/`column` are 1-based and point at the offending
 * value, or at the key for an unknown key; both are 0 when the problem is about the file as a
 * whole (a required file that does not exist). `key` is the dotted path of the setting with
 * list indexes in brackets (`policies.read-only-root-filesystem.options.paths`,
 * `exemptions[0].reason`); '' for the whole file (YAML syntax errors).
 */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  key: string;
  message: string;
}

export const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A new ajv for configuration or option schemas (strict for our own schema). */
export function newAjv(strict: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-unknown-key-hint', schemaType: 'string' });
  ajv.addKeyword({
    keyword: 'x-calendar-date',
    type: 'string',
    schemaType: 'boolean',
    errors: false,
    // Only real calendar dates; a string of another shape is left to `pattern`.
    validate: (enabled: boolean, data: string) => !enabled || !DATE.test(data) || isCalendarDate(data),
  });
  return ajv;
}

/** True for a YYYY-MM-DD string naming a day that exists (`2027-02-30` does not). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A location in a configuration file. */
export interface Loc {
  file: string;
  line: number;
  column: number;
}

export const locOf = (file: string, node: YNode, key = false): Loc => {
  const { line, column } = (key ? node.keyRange : node.range).start;
  return { file, line, column };
};

/** `file:line` back to a location (column 1), for configs built without {@link loadConfig}. */
export function sourceLoc(source: string): Loc {
  const m = /^(.*):(\d+)$/.exec(source);
  return m ? { file: m[1]!, line: Number(m[2]), column: 1 } : { file: source, line: 0, column: 0 };
}

/** `policies.x.options.paths`, `exemptions[0].reason`. */
export function formatKey(path: readonly PathKey[]): string {
  return path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${k}` : k), '');
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Map one ajv error to a problem. `node` is the YAML node the validated data came from and
 * `prefix` its key path; an unknown key points at the key, a missing key at the map holding
 * it, anything else at the value (at the key when the value is empty).
 */
export function errorToProblem(err: ErrorObject, file: string, node: YNode | undefined, prefix: readonly PathKey[], fallback: Loc): ConfigProblem | undefined {
  const message = describeError(err);
  if (message === undefined) return undefined;
  const path: PathKey[] = [...prefix];
  let cur = node;
  for (const s of pointerSegments(err.instancePath)) {
    const k: PathKey = cur?.kind === 'seq' && /^\d+$/.test(s) ? Number(s) : s;
    path.push(k);
    cur = cur && (typeof k === 'number' ? cur.items()[k] : cur.get(k));
  }
  let at: Loc = cur ? locOf(file, cur) : fallback;
  if (err.keyword === 'additionalProperties') {
    const extra = String(err.params.additionalProperty);
    path.push(extra);
    const child = cur?.get(extra);
    if (child) at = locOf(file, child, true);
  } else if (err.keyword === 'required') {
    path.push(String(err.params.missingProperty));
  } else if (cur && cur.offsets[0] === cur.offsets[1]) {
    at = locOf(file, cur, true); // `reason:` with nothing after it
  }
  return { file, line: at.line, column: at.column, key: formatKey(path), message };
}

export const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  array: 'a list',
  object: 'a map',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'empty',
};

/** A value as a YAML author sees it: `a map`, `the number 3`, `an empty value`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- maps and lists are named above: v is a boolean (or bigint) here
  return String(v);
}

export function didYouMean(value: string, candidates: readonly string[]): string {
  const hit = candidates.find((c) => isLikelyTypo(value, c, 2));
  return hit ? ` (did you mean "${hit}"?)` : '';
}

/** A readable message for an ajv error; undefined for errors that only summarise others (`if`). */
export function describeError(err: ErrorObject): string | undefined {
  const parent = (err.parentSchema ?? {}) as Record<string, unknown>;
  const custom = typeof parent['x-message'] === 'string' ? parent['x-message'] : undefined;
  switch (err.keyword) {
    case 'if':
      return undefined;
    case 'additionalProperties': {
      const extra = String(err.params.additionalProperty);
      const props = parent.properties && typeof parent.properties === 'object' ? Object.keys(parent.properties) : [];
      const hint = typeof parent['x-unknown-key-hint'] === 'string' ? ` (${parent['x-unknown-key-hint']})` : '';
      return `unknown key "${extra}"${didYouMean(extra, props)}${props.length ? `; allowed keys: ${props.join(', ')}` : ''}${hint}`;
    }
    case 'required': {
      const missing = String(err.params.missingProperty);
      return `missing required key "${missing}"${REQUIRED_HINTS[missing] ? `: ${REQUIRED_HINTS[missing]}` : ''}`;
    }
    case 'type': {
      const types = (Array.isArray(err.params.type) ? err.params.type : String(err.params.type).split(',')) as string[];
      return `must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}, got ${describeValue(err.data)}`;
    }
    case 'enum': {
      const allowed = (err.params.allowedValues as unknown[]).map(String);
      const hint = typeof err.data === 'string' ? didYouMean(err.data, allowed) : '';
      return `must be one of ${allowed.join(', ')}; got ${describeValue(err.data)}${hint}`;
    }
    case 'x-calendar-date':
      return `${JSON.stringify(err.data)} is not a calendar date (YYYY-MM-DD)`;
    case 'pattern':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'multipleOf':
    case 'format':
    case 'const':
      return custom ? `${custom}; got ${describeValue(err.data)}` : `${err.message ?? 'is invalid'}; got ${describeValue(err.data)}`;
    default:
      return custom ?? err.message ?? `is invalid (${err.keyword})`;
  }
}

/** ajv errors to problems: only the type error where a value has the wrong type; no duplicates. */
export function errorsToProblems(errors: readonly ErrorObject[], map: (e: ErrorObject) => ConfigProblem | undefined): ConfigProblem[] {
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: ConfigProblem[] = [];
  for (const e of errors) {
    if (e.keyword !== 'type' && typed.has(e.instancePath)) continue;
    const p = map(e);
    const id = p && JSON.stringify([p.line, p.column, p.key, p.message]);
    if (!p || seen.has(id!)) continue;
    seen.add(id!);
    out.push(p);
  }
  return out;
}

/** `file:line:column: key: message` (the position left out when it is 0). */
export function formatConfigProblem(p: ConfigProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return `${where}: ${p.key ? `${p.key}: ` : ''}${p.message}`;
}

/** Messages that explain why a required key is required. */
export const REQUIRED_HINTS: Record<string, string> = {
  reason: 'every exemption must say why it is needed',
  policy: 'a policy id, or "*" for every policy',
};
