/**
 * `kube-immutable/testing`: test a policy with tables of manifests, in the style of ESLint's
 * RuleTester. `run` registers jest tests (the global `describe` and `it`); the checks themselves
 * ({@link checkValidCase}, {@link checkInvalidCase}) throw an `AssertionError` and work anywhere.
 *
 * ```ts
 * import { PolicyTester } from 'kube-immutable/testing';
 * import policy from './my-policy.js';
 *
 * new PolicyTester().run(policy, { valid: ['...yaml...'], invalid: [{ code: '...', errors: [{ messageId: 'missing', line: 3 }] }] });
 * ```
 */
import { deepStrictEqual, fail, strictEqual } from 'node:assert/strict';
import type { EngineOptions } from '../engine/analyse.js';
import { formatMessage, type AnyPolicy, type ImageFacts } from '../engine/policy.js';
import { run } from '../engine/run.js';
import type { Finding } from '../engine/types.js';
import { optionsProblems } from '../settings/config-settings.js';
import { applyEdits, parseYaml } from '../yaml/index.js';

/**
 * A manifest the policy must accept: its YAML text, or the text with policy options and the
 * image facts of the run (`context.images`, e.g. `{ digests: new Map([['nginx:1.27', 'sha256:…']]) }`;
 * each map given replaces the settings' one, a map not given is theirs or empty).
 */
export type ValidCase = string | { name?: string; code: string; options?: Record<string, unknown>; images?: Partial<ImageFacts> };

/** What one suggestion of a finding must be; each field is checked only when given. */
export interface ExpectedSuggestion {
  /** The suggestion's message id (its message must be that template, filled with `data` when given). */
  messageId?: string;
  data?: Record<string, string | number>;
  /** The exact text after applying this suggestion alone. */
  output?: string;
  /** Its kind: `guess` or `behaviour` (a policy's fix the run does not apply, or a labelled alternative); `null` asserts a plain alternative. */
  kind?: 'guess' | 'behaviour' | null;
}

/**
 * An expected finding: the message id and the 1-based line it points at; each optional field is
 * checked only when given: the 1-based `column`, `endLine`, `endColumn` of its range, the `data`
 * of its message (the finding's message must equal the template filled with it), and its
 * `suggestions` (as many as listed, in order).
 */
export interface ExpectedError {
  messageId: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  data?: Record<string, string | number>;
  suggestions?: ExpectedSuggestion[];
}

/** A manifest the policy must report, and (optionally) the exact text after `fix`. */
export interface InvalidCase {
  name?: string;
  code: string;
  options?: Record<string, unknown>;
  /** The image facts of the run (`context.images`), as for a {@link ValidCase}. */
  images?: Partial<ImageFacts>;
  errors: ExpectedError[];
  /** Exact fixed text; `null` asserts that no fix is offered; omitted: not checked. */
  output?: string | null;
  /**
   * Which fixes that are not safe this case applies (EngineOptions.applyFixes, over the table's
   * engine settings): e.g. `{ guesses: true }` to see the output of a guess. Default: the
   * table's (safe fixes only).
   */
  applyFixes?: EngineOptions['applyFixes'];
}

/** The test table of one policy. */
export interface PolicyTestTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Settings of a whole test table. */
export interface PolicyTestSettings {
  /** Engine options for every case (e.g. `knownPolicyIds`, `today`); a case's `options` are added. */
  engine?: EngineOptions;
}

/** Settings shared by every case a {@link PolicyTester} runs. */
export interface PolicyTesterConfig extends PolicyTestSettings {
  /**
   * Policy options for the cases that give none (merged over the policy's `meta.defaultOptions`,
   * as a configuration file's options are). A case's own `options` replace these.
   */
  options?: Record<string, unknown>;
}

const FILE = 'test.yaml';

function engineOptions(
  policy: AnyPolicy,
  options: Record<string, unknown> | undefined,
  images: Partial<ImageFacts> | undefined,
  settings: PolicyTestSettings,
): EngineOptions {
  let opts = settings.engine ?? {};
  if (options) opts = { ...opts, options: { ...(opts.options ?? {}), [policy.id]: options } };
  if (images) opts = { ...opts, images: { ...opts.images, ...images } };
  return opts;
}

/** A case's image facts as data a duplicate check can compare (map entries in order). */
function imagesKey(images: Partial<ImageFacts> | undefined): unknown {
  if (!images) return null;
  return Object.fromEntries(Object.entries(images).map(([k, m]) => [k, m ? [...m] : null]));
}

/** Throws a TypeError naming the case when `options` are not valid options of `policy` (as a configuration's would be refused). */
function checkCaseOptions(policy: AnyPolicy, name: string, options: Record<string, unknown> | undefined): void {
  if (options === undefined) return;
  const problems = optionsProblems(policy, options);
  if (problems.length > 0) throw new TypeError(`PolicyTester(${policy.id}): case "${name}" has invalid options:\n  ${problems.join('\n  ')}`);
}

/**
 * Check one valid case: no finding. Throws an `AssertionError` listing the findings otherwise,
 * a TypeError when the case's options are invalid for the policy.
 */
export function checkValidCase(policy: AnyPolicy, c: ValidCase, settings: PolicyTestSettings = {}): void {
  const code = typeof c === 'string' ? c : c.code;
  const options = typeof c === 'string' ? undefined : c.options;
  checkCaseOptions(policy, (typeof c !== 'string' && c.name) || code, options);
  const result = run([{ path: FILE, text: code }], [policy], engineOptions(policy, options, typeof c === 'string' ? undefined : c.images, settings));
  deepStrictEqual(
    result.findings.map((f) => `${f.range.start.line}: ${f.messageId}: ${f.message}`),
    [],
  );
}

/** A template as a regular expression, its placeholders matching anything. */
function templatePattern(template: string): RegExp {
  return new RegExp(
    `^${template
      .split(/\{\{\s*\w+\s*\}\}/)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*')}$`,
  );
}

function checkMessage(policy: AnyPolicy, what: string, message: string, messageId: string, data: Record<string, string | number> | undefined): void {
  const template = policy.meta.messages[messageId];
  if (template === undefined) fail(`${what}: ${JSON.stringify(messageId)} is not a message id of ${policy.id}`);
  if (data !== undefined) strictEqual(message, formatMessage(template, data), `${what}: the message with the expected data`);
  else if (!templatePattern(template).test(message)) fail(`${what}: message ${JSON.stringify(message)} is not message ${JSON.stringify(messageId)}`);
}

function checkError(policy: AnyPolicy, code: string, f: Finding, e: ExpectedError, i: number): void {
  const what = `error #${i + 1} (${e.messageId}, line ${e.line})`;
  const range = { line: f.range.start.line, column: f.range.start.column, endLine: f.range.end.line, endColumn: f.range.end.column };
  for (const k of ['column', 'endLine', 'endColumn'] as const) {
    if (e[k] !== undefined) strictEqual(range[k], e[k], `${what}: ${k}`);
  }
  if (e.data !== undefined) checkMessage(policy, what, f.message, e.messageId, e.data);
  if (e.suggestions === undefined) return;
  strictEqual(f.suggestions.length, e.suggestions.length, `${what}: number of suggestions`);
  e.suggestions.forEach((s, j) => {
    const actual = f.suggestions[j]!;
    if (s.messageId !== undefined) checkMessage(policy, `${what}, suggestion #${j + 1}`, actual.message, s.messageId, s.data);
    if (s.output !== undefined) strictEqual(applyEdits(code, actual.edits), s.output, `${what}, suggestion #${j + 1}: output`);
    if (s.kind !== undefined) strictEqual(actual.kind, s.kind ?? undefined, `${what}, suggestion #${j + 1}: kind`);
  });
}

/**
 * Check one invalid case: exactly the expected findings (by message id and line, in any order;
 * then each expected error's optional fields against the finding it pairs with, both sorted by
 * line, message id and column), no dropped fix, and, when `output` is given, that exact fixed
 * text (`null`: no fix), which must re-parse without errors and no longer produce the fixed
 * findings. Throws an `AssertionError` saying what differs; a TypeError for invalid options.
 */
export function checkInvalidCase(policy: AnyPolicy, c: InvalidCase, settings: PolicyTestSettings = {}): void {
  checkCaseOptions(policy, c.name ?? c.code, c.options);
  const base = engineOptions(policy, c.options, c.images, settings);
  const opts = c.applyFixes !== undefined ? { ...base, applyFixes: c.applyFixes } : base;
  const result = run([{ path: FILE, text: c.code }], [policy], opts);
  const order = (a: { line: number; messageId: string; column?: number }, b: typeof a) =>
    a.line - b.line || a.messageId.localeCompare(b.messageId) || (a.column ?? 0) - (b.column ?? 0);
  const findings = [...result.findings].sort((x, y) => order({ ...x.range.start, messageId: x.messageId }, { ...y.range.start, messageId: y.messageId }));
  const expected = [...c.errors].sort(order);
  deepStrictEqual(
    findings.map((f) => ({ messageId: f.messageId, line: f.range.start.line })),
    expected.map((e) => ({ messageId: e.messageId, line: e.line })),
  );
  expected.forEach((e, i) => checkError(policy, c.code, findings[i]!, e, i));
  deepStrictEqual(
    result.findings.filter((f) => f.fixProblem).map((f) => f.fixProblem),
    [],
  );
  const fixed = result.files[0]?.fixedText;
  if (c.output === undefined) return;
  if (c.output === null) {
    strictEqual(fixed, undefined, 'no fix is expected');
    return;
  }
  strictEqual(fixed, c.output);
  deepStrictEqual(
    parseYaml(c.output).problems.filter((p) => p.severity === 'error'),
    [],
  );
  const fixedFps = new Set(result.findings.filter((f) => f.fixId).map((f) => f.fingerprint));
  const again = run([{ path: FILE, text: c.output }], [policy], opts);
  deepStrictEqual(
    again.findings.filter((f) => fixedFps.has(f.fingerprint)).map((f) => f.message),
    [],
  );
}

/**
 * Runs a policy's test table: each valid manifest has no finding; each invalid one has exactly
 * the expected findings ({@link checkInvalidCase}). Settings are the tester's own (no state is
 * shared between testers or tables).
 */
export class PolicyTester {
  private readonly config: PolicyTesterConfig;

  constructor(config: PolicyTesterConfig = {}) {
    if (config === null || typeof config !== 'object') throw new TypeError('PolicyTester: config must be an object');
    this.config = config;
  }

  /**
   * Register the jest tests of `policy` for `table` (a `describe` block named after the policy
   * id, one `it` a case). Throws a TypeError at registration for a duplicate case or a case whose
   * options (its own, else the tester's) the policy's options schema rejects.
   */
  run(policy: AnyPolicy, table: PolicyTestTable): void {
    if (!policy || typeof policy !== 'object' || typeof policy.id !== 'string')
      throw new TypeError('PolicyTester.run: expected a policy made with definePolicy');
    if (!table || !Array.isArray(table.valid) || !Array.isArray(table.invalid)) {
      throw new TypeError(`PolicyTester.run(${policy.id}): expected { valid: [...], invalid: [...] }`);
    }
    const shared = this.config.options;
    const settings: PolicyTestSettings = { engine: this.config.engine };
    const valid = table.valid.map((c): Exclude<ValidCase, string> =>
      typeof c === 'string' ? { code: c, options: shared } : { ...c, options: c.options ?? shared },
    );
    const invalid = table.invalid.map((c): InvalidCase => ({ ...c, options: c.options ?? shared }));
    const seen = new Set<string>();
    for (const c of [...valid, ...invalid]) {
      const k = JSON.stringify([c.code, c.options ?? null, imagesKey(c.images), ('applyFixes' in c && c.applyFixes) || null]);
      if (seen.has(k)) throw new TypeError(`testPolicy(${policy.id}): duplicate case:\n${c.code}`);
      seen.add(k);
      checkCaseOptions(policy, c.name ?? c.code, c.options);
    }
    describe(policy.id, () => {
      describe('valid', () => {
        valid.forEach((c, i) => it(c.name || `valid #${i + 1}`, () => checkValidCase(policy, c, settings)));
      });
      describe('invalid', () => {
        invalid.forEach((c, i) => it(c.name ?? `invalid #${i + 1}`, () => checkInvalidCase(policy, c, settings)));
      });
    });
  }
}

/** `new PolicyTester({ engine: settings.engine }).run(policy, table)`: the repository's own name for it. */
export function testPolicy(policy: AnyPolicy, table: PolicyTestTable, settings: PolicyTestSettings = {}): void {
  new PolicyTester({ engine: settings.engine }).run(policy, table);
}
