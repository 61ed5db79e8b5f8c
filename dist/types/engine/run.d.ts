import { type EngineOptions } from './analyse.js';
import type { AnyPolicy } from './policy.js';
import type { RunResult, SourceFile } from './types.js';
/**
 * Run policies over files: parse each (problems kept as data), find the Kubernetes objects,
 * evaluate every enabled policy, and compute verified fixes (one edit set per container).
 * Never throws for bad input; a policy that throws becomes a `policy-error` finding; what is not
 * scanned (unreadable, too large, binary, an unparseable template, past the limits or the time
 * budget) is a `file-not-scanned` finding.
 * Findings are ordered by file, then line, then column. `opts.chartFolders` defaults to the
 * folders of `files` holding a `Chart.yaml`.
 */
export declare function run(files: readonly SourceFile[], policies: readonly AnyPolicy[], opts?: EngineOptions): RunResult;
