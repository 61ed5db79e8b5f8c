import { analyse, type EngineOptions } from './analyse.js';
import { chartFoldersOf } from '../k8s/index.js';
import { computeFixes } from './fixes.js';
import type { AnyPolicy } from './policy.js';
import type { FileResult, RunResult, SourceFile } from './types.js';

/**
 * Run policies over files: parse each (problems kept as data), find the Kubernetes objects,
 * evaluate every enabled policy, and compute verified fixes (one edit set per container).
 * Never throws for bad input; a policy that throws becomes a `policy-error` finding; what is not
 * scanned (unreadable, too large, binary, an unparseable template, past the limits or the time
 * budget) is a `file-not-scanned` finding.
 * Findings are ordered by file, then line, then column. `opts.chartFolders` defaults to the
 * folders of `files` holding a `Chart.yaml`.
 */
export function run(files: readonly SourceFile[], policies: readonly AnyPolicy[], opts: EngineOptions = {}): RunResult {
  const result: RunResult = { files: [], findings: [], fixes: [] };
  if (!opts.chartFolders) opts = { ...opts, chartFolders: chartFoldersOf(files.map((f) => f.path)) };
  for (const f of files) {
    const a = analyse(f.path, f.text, policies, opts, f.unreadable);
    const fixes = computeFixes(f.path, a, policies, opts);
    const fr: FileResult = {
      path: f.path,
      skipped: a.skipped,
      skippedDocuments: a.manifests.skipped,
      problems: a.parsed?.problems ?? [],
      manifests: a.manifests.manifests.length,
      fixedText: fixes.fixedText,
      ...(fixes.fixedEdits ? { fixedEdits: fixes.fixedEdits } : {}),
    };
    result.files.push(fr);
    const findings = a.raw.map((r) => r.finding);
    findings.sort((x, y) => x.range.start.offset - y.range.start.offset || x.policyId.localeCompare(y.policyId));
    // Loops, not push(...): one file may have more findings than a call takes arguments.
    for (const x of findings) result.findings.push(x);
    for (const g of fixes.groups) result.fixes.push(g);
    if (a.exemptions.length > 0) for (const x of a.exemptions) (result.exemptions ??= []).push(x);
  }
  return result;
}
