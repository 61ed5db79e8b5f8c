/**
 * `kube-immutable/testing`: test a policy with tables of manifests, in the style of ESLint's
 * RuleTester. Runs inside jest (uses the global `describe`, `it` and `expect`).
 *
 * ```ts
 * import { PolicyTester } from 'kube-immutable/testing';
 * import policy from './my-policy.js';
 *
 * new PolicyTester().run(policy, { valid: ['...yaml...'], invalid: [{ code: '...', errors: [{ messageId: 'missing', line: 3 }] }] });
 * ```
 */
import type { Policy } from '../engine/policy.js';
import { testPolicy, type InvalidCase, type PolicyTestTable, type ValidCase } from '../engine/tester.js';

export { testPolicy, type ExpectedError, type InvalidCase, type PolicyTestTable, type ValidCase } from '../engine/tester.js';

/** Settings shared by every case a {@link PolicyTester} runs. */
export interface PolicyTesterConfig {
  /**
   * Policy options for the cases that give none (merged over the policy's `meta.defaultOptions`,
   * as a configuration file's options are). A case's own `options` replace these.
   */
  options?: Record<string, unknown>;
}

/**
 * Runs a policy's test table: each valid manifest has no finding; each invalid one has exactly
 * the expected `(messageId, line)` findings and, when `output` is given, exactly that fixed text,
 * which must re-parse and no longer have the fixed findings.
 */
export class PolicyTester {
  private readonly config: PolicyTesterConfig;

  constructor(config: PolicyTesterConfig = {}) {
    if (config === null || typeof config !== 'object') throw new TypeError('PolicyTester: config must be an object');
    this.config = config;
  }

  /** Register the jest tests of `policy` for `table` (a `describe` block named after the policy id). */
  run<Options>(policy: Policy<Options>, table: PolicyTestTable): void {
    if (!policy || typeof policy !== 'object' || typeof policy.id !== 'string') throw new TypeError('PolicyTester.run: expected a policy made with definePolicy');
    if (!table || !Array.isArray(table.valid) || !Array.isArray(table.invalid)) {
      throw new TypeError(`PolicyTester.run(${policy.id}): expected { valid: [...], invalid: [...] }`);
    }
    const options = this.config.options;
    if (!options) return testPolicy(policy, table);
    const valid: ValidCase[] = table.valid.map((c) => (typeof c === 'string' ? { code: c, options } : { ...c, options: c.options ?? options }));
    const invalid: InvalidCase[] = table.invalid.map((c) => ({ ...c, options: c.options ?? options }));
    testPolicy(policy, { valid, invalid });
  }
}
