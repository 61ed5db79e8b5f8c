import type { FileResult, Finding, RunResult, SourceFile } from '../engine/index.js';
import type { ParseProblem, TextEdit } from '../yaml/index.js';
import { patchForFile, patchForFixGroup } from './patch.js';
import { nothingChecked, nothingCheckedWarning, summarize, type RunSummary } from './summary.js';

/** Version of the JSON report's shape; raised on incompatible changes. */
export const JSON_REPORT_VERSION = 1;

/** One file of the JSON report (a FileResult without its fixed text, plus the whole-file patch). */
export interface JsonFile {
  path: string;
  /** Why the whole file was skipped, or null. */
  skipped: string | null;
  skippedDocuments: FileResult['skippedDocuments'];
  problems: ParseProblem[];
  manifests: number;
  /** True when at least one verified fix applies to the file. */
  fixable: boolean;
  /** Unified diff of every fix of the file applied together ('' when none). */
  patch: string;
}

/** One fix group of the JSON report, with its edits (offsets into the original text) and patch. */
export interface JsonFix {
  id: string;
  file: string;
  docIndex: number;
  object: string;
  container: string | null;
  /** Fingerprints of the findings it fixes. */
  findings: string[];
  verified: boolean;
  problem: string | null;
  edits: TextEdit[];
  /** Unified diff of this group alone ('' when not verified). */
  patch: string;
}

/** The JSON report document. Keys appear in this order; absent values are `null`, never omitted. */
export interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  summary: RunSummary;
  files: JsonFile[];
  findings: Finding[];
  fixes: JsonFix[];
  /** Exemption annotations the change adds or alters, or the configuration refuses (`undefined` values as `null`). */
  exemptions: Record<string, unknown>[];
  /** Warnings about the run as a whole (e.g. `no Kubernetes manifest was checked: …`); empty when none. */
  warnings: string[];
}

/** Options of {@link formatJson}. */
export interface JsonReportOptions {
  /** The tool's version (package.json). */
  toolVersion: string;
}

/**
 * The run as a stable JSON document `{version, tool, summary, files, findings, fixes, exemptions, warnings}` (see
 * {@link JsonReport}): positions are 1-based lines/columns with 0-based UTF-16 offsets, as in
 * the engine's types; `undefined` becomes `null`. `sources` gives the original texts (for
 * the patches). Pure: returns the JSON text (2-space indented, final newline).
 */
export function formatJson(result: RunResult, sources: readonly SourceFile[], options: JsonReportOptions): string {
  return JSON.stringify(toJsonReport(result, sources, options), (_k, v: unknown) => (v === undefined ? null : v), 2) + '\n';
}

/** The {@link JsonReport} object behind {@link formatJson}. */
export function toJsonReport(result: RunResult, sources: readonly SourceFile[], options: JsonReportOptions): JsonReport {
  const textOf = new Map(sources.map((s) => [s.path, s.text]));
  const files: JsonFile[] = result.files.map((f) => {
    const text = textOf.get(f.path);
    return {
      path: f.path,
      skipped: f.skipped ?? null,
      skippedDocuments: f.skippedDocuments,
      problems: f.problems,
      manifests: f.manifests,
      fixable: f.fixedText !== undefined,
      patch: text === undefined ? '' : patchForFile(f, text),
    };
  });
  const findings: Finding[] = result.findings.map((f) => ({
    policyId: f.policyId,
    severity: f.severity,
    messageId: f.messageId,
    message: f.message,
    file: f.file,
    range: f.range,
    object: f.object,
    container: f.container,
    fingerprint: f.fingerprint,
    fixId: f.fixId,
    fixProblem: f.fixProblem,
    suggestions: f.suggestions,
    suppressed: f.suppressed,
    ...(f.origin ? { origin: f.origin } : {}),
  }));
  const fixes: JsonFix[] = result.fixes.map((g) => {
    const text = textOf.get(g.file);
    let patch = '';
    try {
      if (text !== undefined) patch = patchForFixGroup(g, text);
    } catch {
      patch = '';
    }
    return {
      id: g.id,
      file: g.file,
      docIndex: g.docIndex,
      object: g.object,
      container: g.container ?? null,
      findings: g.findings,
      verified: g.verified,
      problem: g.problem ?? null,
      edits: g.edits,
      patch,
    };
  });
  const exemptions = (result.exemptions ?? []).map((e) => ({
    ...e,
    object: { ...e.object, namespace: e.object.namespace ?? null },
    containers: e.containers ?? null,
    expires: e.expires ?? null,
    atBase: e.atBase ?? null,
  }));
  const summary = summarize(result);
  const warnings = nothingChecked(summary) ? [nothingCheckedWarning(summary)] : [];
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: 'kube-immutable', version: options.toolVersion },
    summary,
    files,
    findings,
    fixes,
    exemptions,
    warnings,
  };
}
