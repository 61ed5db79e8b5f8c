import type { Severity, AnyPolicy } from '../engine/policy.js';
import { type ConfigProblem } from './config-problems.js';
import { type ConfigOrigins, type ResolvedConfig } from './config-types.js';
/**
 * Severity and options for the engine ({@link EngineOptions}) from a resolved configuration and
 * the policies known (built-in + custom). `severity` has every known policy: the preset's
 * severity, overridden by `policies`; `options` has, for each policy the configuration sets
 * options for, the options merged over the policy's `meta.defaultOptions`. Problems (never
 * thrown): an unknown preset, an unknown policy id (in `policies` or an exemption), a bad
 * severity, and options the policy's `meta.optionsSchema` rejects (or, without a schema, keys
 * not in its `defaultOptions`); each names the file, line and key — from `origins` (what
 * loadConfig returned beside `config`), else from each setting's and exemption's `source`
 * (a configuration built by hand). Rejected options are left out.
 */
export declare function engineSettings(config: ResolvedConfig, policies: readonly AnyPolicy[], origins?: ConfigOrigins): {
    severity: Record<string, Severity | 'off'>;
    options: Record<string, Record<string, unknown>>;
    problems: ConfigProblem[];
};
/**
 * The problems of `given` as options of `policy`, checked exactly as a configuration file's
 * options are (merged over `meta.defaultOptions`, against `meta.optionsSchema`; without a schema,
 * keys not in the defaults): one `key: message` line each (`options.tagWithoutDigest: must be
 * one of ...`), [] when they are valid. Used by the policy tester for each case's options.
 */
export declare function optionsProblems(policy: AnyPolicy, given: Record<string, unknown>): string[];
