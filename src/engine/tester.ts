import { parseYaml } from '../yaml/index.js';
import type { EngineOptions } from './analyse.js';
import type { AnyPolicy } from './policy.js';
import { run } from './run.js';

/** A manifest the policy must accept: its YAML text, or the text with policy options. */
export type ValidCase = string | { name?: string; code: string; options?: Record<string, unknown> };

/** An expected finding: the message id and the 1-based line it points at. */
export interface ExpectedError {
  messageId: string;
  line: number;
}

/** A manifest the policy must report, and (optionally) the exact text after `fix`. */
export interface InvalidCase {
  name?: string;
  code: string;
  options?: Record<string, unknown>;
  errors: ExpectedError[];
  /** Exact fixed text; `null` asserts that no fix is offered; omitted: not checked. */
  output?: string | null;
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

let settings: PolicyTestSettings = {};

function engineOptions(policy: AnyPolicy, options: Record<string, unknown> | undefined): EngineOptions {
  const base = settings.engine ?? {};
  return options ? { ...base, options: { ...(base.options ?? {}), [policy.id]: options } } : base;
}

/**
 * Register jest tests for a policy, in the style of ESLint's RuleTester: every valid case has
 * no finding; every invalid case has exactly the expected (messageId, line) findings and, when
 * `output` is given, that exact fixed text — which must re-parse without errors and no longer
 * produce the fixed findings. Duplicate cases throw a TypeError at registration. Must be called
 * inside a jest test file (uses the global `describe`, `it` and `expect`).
 */
export function testPolicy(policy: AnyPolicy, table: PolicyTestTable, tableSettings: PolicyTestSettings = {}): void {
  const seen = new Set<string>();
  const key = (code: string, options: unknown) => JSON.stringify([code, options ?? null]);
  for (const c of [...table.valid, ...table.invalid]) {
    const code = typeof c === 'string' ? c : c.code;
    const k = key(code, typeof c === 'string' ? undefined : c.options);
    if (seen.has(k)) throw new TypeError(`testPolicy(${policy.id}): duplicate case:\n${code}`);
    seen.add(k);
  }
  describe(policy.id, () => {
    beforeAll(() => {
      settings = tableSettings;
    });
    afterAll(() => {
      settings = {};
    });
    describe('valid', () => {
      table.valid.forEach((c, i) => {
        const code = typeof c === 'string' ? c : c.code;
        const name = (typeof c !== 'string' && c.name) || `valid #${i + 1}`;
        it(name, () => {
          const result = run([{ path: 'test.yaml', text: code }], [policy], engineOptions(policy, typeof c === 'string' ? undefined : c.options));
          expect(result.findings.map((f) => `${f.range.start.line}: ${f.messageId}: ${f.message}`)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      table.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}`, () => {
          const opts = engineOptions(policy, c.options);
          const result = run([{ path: 'test.yaml', text: c.code }], [policy], opts);
          const actual = result.findings.map((f) => ({ messageId: f.messageId, line: f.range.start.line }));
          const sort = (a: ExpectedError[]) => [...a].sort((x, y) => x.line - y.line || x.messageId.localeCompare(y.messageId));
          expect(sort(actual)).toEqual(sort(c.errors));
          expect(result.findings.filter((f) => f.fixProblem).map((f) => f.fixProblem)).toEqual([]);
          const fixed = result.files[0]?.fixedText;
          if (c.output === undefined) return;
          if (c.output === null) {
            expect(fixed).toBeUndefined();
            return;
          }
          expect(fixed).toBe(c.output);
          expect(parseYaml(c.output).problems.filter((p) => p.severity === 'error')).toEqual([]);
          const fixedFps = new Set(result.findings.filter((f) => f.fixId).map((f) => f.fingerprint));
          const again = run([{ path: 'test.yaml', text: c.output }], [policy], opts);
          expect(again.findings.filter((f) => fixedFps.has(f.fingerprint)).map((f) => f.message)).toEqual([]);
        });
      });
    });
  });
}
