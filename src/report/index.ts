/**
 * Reporters: pure functions from a run's result (and the original texts) to output text — text,
 * JSON, SARIF, GitHub workflow commands, unified diffs and the patch file, the job summary,
 * annotations, Markdown escaping. Planning the pull-request review is src/review/, which imports
 * these; nothing here imports src/review.
 */
export { diffTexts, patchForEdits, patchForFile, patchForFixGroup, PATCH_CONTEXT_LINES } from './patch.js';
export {
  summarize,
  summaryLine,
  isFixable,
  findingsAtOrAbove,
  plural,
  nothingChecked,
  nothingCheckedWarning,
  SEVERITY_LABEL,
  type RunSummary,
} from './summary.js';
export { formatCompact, formatText, findingLine, fixGroupLeads, type CompactReportOptions, type TextReportOptions } from './text.js';
export { formatJson, toJsonReport, JSON_REPORT_VERSION, type JsonReport, type JsonFile, type JsonFix, type JsonReportOptions } from './json.js';
export { formatSarif, sarifChunks, toSarif, ruleOf, artifactUri, SARIF_LEVEL, SECURITY_SEVERITY, type SarifLog, type SarifReportOptions } from './sarif.js';
export { formatGithub, githubReportWriter, findingCommand, workflowCommand, escapeData, escapeProperty, type GithubReportWriter } from './github.js';
export {
  escapeMarkdown,
  escapeHtml,
  inlineCode,
  fence,
  longestBacktickRun,
  fingerprintMarker,
  parseMarker,
  safeUrl,
  blobUrl,
  link,
  type Marker,
} from './markdown.js';
export {
  jobSummary,
  jobSummaryReport,
  MAX_JOB_SUMMARY_BYTES,
  MAX_NOTES,
  MAX_NOTE_CHARS,
  MAX_SKIPPED_LISTED,
  type JobSummaryOptions,
  type JobSummaryReport,
} from './job-summary.js';
export { patchFile, gitQuotePath } from './patch-file.js';
export {
  planAnnotations,
  DEFAULT_ANNOTATION_LIMITS,
  type AnnotationPlan,
  type PlannedAnnotation,
  type AnnotationLevel,
  type AnnotationLimits,
  type AnnotationProperties,
} from './annotations.js';
export { TextBudget, sizeOf, type BudgetUnit } from './budget.js';
export { exemptionSection, exemptionStatus, exemptionObjectLabel, EXEMPTION_SECTION_TITLE, type ExemptionSectionOptions } from './exemption-requests.js';
export { safeText, safeLine, neutraliseTerminal } from '../terminal.js';
