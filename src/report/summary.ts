import type { Finding, RunResult, Severity } from '../engine/index.js';
import { SEVERITY_RANK } from '../engine/index.js';

/** Display label of each severity (the job summary's and the review's Markdown). */
export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** Counts of a run, shared by every reporter (all plain numbers). */
export interface RunSummary {
  /** Findings not suppressed by an exemption (the counts below are of these). */
  findings: number;
  /** Findings an exemption suppresses (reported, never counted for fail-level). */
  suppressed: number;
  errors: number;
  warnings: number;
  info: number;
  /** Files scanned or skipped (every FileResult). */
  files: number;
  /** Files skipped as a whole (binary, too large, templates). */
  skippedFiles: number;
  /** YAML documents skipped (not Kubernetes objects, empty, parse errors). */
  skippedDocuments: number;
  /** Kubernetes objects found. */
  manifests: number;
  /** Parse problems of all files, by severity. */
  parseErrors: number;
  parseWarnings: number;
  /** Findings with a verified fix (`fixId` set). */
  fixable: number;
  /** Verified fix groups. */
  fixes: number;
  /** Findings with a suggestion that is a guess (FindingSuggestion.kind `guess`): not applied by `fix` unless guesses are included. */
  guesses: number;
  /** Findings with a suggestion that changes behaviour (kind `behaviour`): not applied by `fix` unless asked for, per policy. */
  behaviourChanges: number;
  /** Files whose `fixedText` is set (at least one fix applies). */
  fixableFiles: number;
}

/** Count what a run found (see {@link RunSummary}). */
export function summarize(result: RunResult): RunSummary {
  const active = activeFindings(result.findings);
  const bySeverity = (s: Severity) => active.filter((f) => f.severity === s).length;
  return {
    findings: active.length,
    suppressed: result.findings.length - active.length,
    errors: bySeverity('error'),
    warnings: bySeverity('warning'),
    info: bySeverity('info'),
    files: result.files.length,
    skippedFiles: result.files.filter((f) => f.skipped !== undefined).length,
    skippedDocuments: result.files.reduce((n, f) => n + f.skippedDocuments.length, 0),
    manifests: result.files.reduce((n, f) => n + f.manifests, 0),
    parseErrors: result.files.reduce((n, f) => n + f.problems.filter((p) => p.severity === 'error').length, 0),
    parseWarnings: result.files.reduce((n, f) => n + f.problems.filter((p) => p.severity === 'warning').length, 0),
    fixable: active.filter((f) => isFixable(f, result)).length,
    fixes: result.fixes.filter((g) => g.verified).length,
    guesses: active.filter((f) => f.suggestions.some((x) => x.kind === 'guess')).length,
    behaviourChanges: active.filter((f) => f.suggestions.some((x) => x.kind === 'behaviour')).length,
    fixableFiles: result.files.filter((f) => f.fixedText !== undefined).length,
  };
}

/**
 * The summary of two runs taken together: every count is a sum, so a run reported file by file
 * sums the summaries of its parts (each part holding its files' fix groups) to the whole run's.
 */
export function addSummaries(a: RunSummary, b: RunSummary): RunSummary {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof RunSummary)[]) out[k] = a[k] + b[k];
  return out;
}

/** True when the finding points to a verified fix group of the run. */
export function isFixable(finding: Finding, result: RunResult): boolean {
  return finding.fixId !== undefined && verifiedFixIds(result).has(finding.fixId);
}

const verifiedIdsCache = new WeakMap<RunResult, { fixes: number; ids: Set<string> }>();

/**
 * The ids of a run's verified fix groups, built once per result (and again if its fix list
 * grows): looking each finding's group up in the list was quadratic — 100,000 findings and
 * 10,000 fixes took most of a minute.
 */
function verifiedFixIds(result: RunResult): Set<string> {
  const cached = verifiedIdsCache.get(result);
  if (cached && cached.fixes === result.fixes.length) return cached.ids;
  const ids = new Set(result.fixes.filter((g) => g.verified).map((g) => g.id));
  verifiedIdsCache.set(result, { fixes: result.fixes.length, ids });
  return ids;
}

/** Findings no exemption suppresses. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.suppressed === undefined);
}

/** Unsuppressed findings whose severity is at or above `level` (`none`: no finding). */
export function findingsAtOrAbove(findings: readonly Finding[], level: Severity | 'none'): Finding[] {
  return findings.filter((f) => f.suppressed === undefined && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]);
}

/**
 * True when a run checked nothing: no Kubernetes object was found and nothing was reported (no
 * finding, suppressed or not — a file that does not parse is a finding, so it counts as
 * checked). Every file was skipped, none held a Kubernetes object, or no file matched at all.
 */
export function nothingChecked(s: RunSummary): boolean {
  return s.manifests === 0 && s.findings === 0 && s.suppressed === 0;
}

/**
 * The warning for a run that {@link nothingChecked}: `no Kubernetes manifest was checked: …`,
 * saying whether no file matched or every file was skipped or held no Kubernetes object.
 */
export function nothingCheckedWarning(s: RunSummary): string {
  const why =
    s.files === 0
      ? 'no file matched the paths and the include/exclude globs'
      : s.skippedFiles === s.files
        ? `${s.files === 1 ? 'the 1 file found was' : `all ${s.files} files found were`} skipped`
        : `${s.files === 1 ? 'the 1 file found holds' : `the ${s.files} files found hold`} no Kubernetes object${s.skippedFiles > 0 ? ` or were skipped` : ''}`;
  return `no Kubernetes manifest was checked: ${why}`;
}

/** `1 finding` / `2 findings`: a count with its noun, plural unless the count is 1. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/**
 * The one-line summary: `N findings (E errors, W warnings, I info) in F files; X fixable`,
 * then, for the counts that are not 0, `, G guesses and B behaviour changes suggested`
 * (remedies `fix` does not apply by default), with singular nouns for counts of 1.
 */
export function summaryLine(s: RunSummary): string {
  const suppressed = s.suppressed > 0 ? `; ${s.suppressed} suppressed by exemptions` : '';
  // `?? 0`: a summary made before these counts existed (e.g. by hand) has none.
  const guesses = s.guesses ?? 0;
  const behaviour = s.behaviourChanges ?? 0;
  const held = [...(guesses > 0 ? [plural(guesses, 'guess', 'guesses')] : []), ...(behaviour > 0 ? [plural(behaviour, 'behaviour change')] : [])];
  const suggested = held.length > 0 ? `, ${held.join(' and ')} suggested` : '';
  return `${plural(s.findings, 'finding')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.info} info) in ${plural(s.files, 'file')}; ${s.fixable} fixable${suggested}${suppressed}`;
}
