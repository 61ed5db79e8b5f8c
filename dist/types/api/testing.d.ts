import type { EngineOptions } from '../engine/analyse.js';
import { type AnyPolicy, type ImageFacts } from '../engine/policy.js';
/**
 * A manifest the policy must accept: its YAML text, or the text with policy options and the
 * image facts of the run (`context.images`, e.g. `{ digests: new Map([['nginx:1.27', 'sha256:…']]) }`;
 * each map given replaces the settings' one, a map not given is theirs or empty).
 */
export type ValidCase = string | {
    name?: string;
    code: string;
    options?: Record<string, unknown>;
    images?: Partial<ImageFacts>;
};
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
/**
 * Check one valid case: no finding. Throws an `AssertionError` listing the findings otherwise,
 * a TypeError when the case's options are invalid for the policy.
 */
export declare function checkValidCase(policy: AnyPolicy, c: ValidCase, settings?: PolicyTestSettings): void;
/**
 * Check one invalid case: exactly the expected findings (by message id and line, in any order;
 * then each expected error's optional fields against the finding it pairs with, both sorted by
 * line, message id and column), no dropped fix, and, when `output` is given, that exact fixed
 * text (`null`: no fix), which must re-parse without errors and no longer produce the fixed
 * findings. Throws an `AssertionError` saying what differs; a TypeError for invalid options.
 */
export declare function checkInvalidCase(policy: AnyPolicy, c: InvalidCase, settings?: PolicyTestSettings): void;
/**
 * Runs a policy's test table: each valid manifest has no finding; each invalid one has exactly
 * the expected findings ({@link checkInvalidCase}). Settings are the tester's own (no state is
 * shared between testers or tables).
 */
export declare class PolicyTester {
    private readonly config;
    constructor(config?: PolicyTesterConfig);
    /**
     * Register the jest tests of `policy` for `table` (a `describe` block named after the policy
     * id, one `it` a case). Throws a TypeError at registration for a duplicate case or a case whose
     * options (its own, else the tester's) the policy's options schema rejects.
     */
    run(policy: AnyPolicy, table: PolicyTestTable): void;
}
/** `new PolicyTester({ engine: settings.engine }).run(policy, table)`: the repository's own name for it. */
export declare function testPolicy(policy: AnyPolicy, table: PolicyTestTable, settings?: PolicyTestSettings): void;
