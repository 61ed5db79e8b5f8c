import type { EngineOptions } from './analyse.js';
import type { AnyPolicy } from './policy.js';
/** A manifest the policy must accept: its YAML text, or the text with policy options. */
export type ValidCase = string | {
    name?: string;
    code: string;
    options?: Record<string, unknown>;
};
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
/**
 * Register jest tests for a policy, in the style of ESLint's RuleTester: every valid case has
 * no finding; every invalid case has exactly the expected (messageId, line) findings and, when
 * `output` is given, that exact fixed text — which must re-parse without errors and no longer
 * produce the fixed findings. Duplicate cases throw a TypeError at registration. Must be called
 * inside a jest test file (uses the global `describe`, `it` and `expect`).
 */
export declare function testPolicy(policy: AnyPolicy, table: PolicyTestTable, tableSettings?: PolicyTestSettings): void;
