/**
 * Problems of configuration files: their shape, where they point (file, 1-based line/column,
 * key) and how ajv's errors become short messages with "did you mean" hints.
 */
import { Ajv, type ErrorObject } from 'ajv';
import type { PathKey, YNode } from '../yaml/index.js';
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
export declare const DATE: RegExp;
/** A new ajv for configuration or option schemas (strict for our own schema). */
export declare function newAjv(strict: boolean): Ajv;
/** True for a YYYY-MM-DD string naming a day that exists (`2027-02-30` does not). */
export declare function isCalendarDate(s: string): boolean;
/** A location in a configuration file. */
export interface Loc {
    file: string;
    line: number;
    column: number;
}
export declare const locOf: (file: string, node: YNode, key?: boolean) => Loc;
/** `file:line` back to a location (column 1), for configs built without {@link loadConfig}. */
export declare function sourceLoc(source: string): Loc;
/** `policies.x.options.paths`, `exemptions[0].reason`. */
export declare function formatKey(path: readonly PathKey[]): string;
export declare function pointerSegments(pointer: string): string[];
/**
 * Map one ajv error to a problem. `node` is the YAML node the validated data came from and
 * `prefix` its key path; an unknown key points at the key, a missing key at the map holding
 * it, anything else at the value (at the key when the value is empty).
 */
export declare function errorToProblem(err: ErrorObject, file: string, node: YNode | undefined, prefix: readonly PathKey[], fallback: Loc): ConfigProblem | undefined;
export declare const TYPE_NAMES: Record<string, string>;
/** A value as a YAML author sees it: `a map`, `the number 3`, `an empty value`. */
export declare function describeValue(v: unknown): string;
export declare function didYouMean(value: string, candidates: readonly string[]): string;
/** A readable message for an ajv error; undefined for errors that only summarise others (`if`). */
export declare function describeError(err: ErrorObject): string | undefined;
/** ajv errors to problems: only the type error where a value has the wrong type; no duplicates. */
export declare function errorsToProblems(errors: readonly ErrorObject[], map: (e: ErrorObject) => ConfigProblem | undefined): ConfigProblem[];
/** `file:line:column: key: message` (the position left out when it is 0). */
export declare function formatConfigProblem(p: ConfigProblem): string;
/** Messages that explain why a required key is required. */
export declare const REQUIRED_HINTS: Record<string, string>;
