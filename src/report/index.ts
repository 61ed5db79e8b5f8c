/** Reporters: pure functions from a run's result (and the original texts) to output text. */
export { diffTexts, patchForEdits, patchForFile, patchForFixGroup, PATCH_CONTEXT_LINES } from './patch.js';
export { summarize, summaryLine, isFixable, findingsAtOrAbove, plural, type RunSummary } from './summary.js';
export { formatText, findingLine, type TextReportOptions } from './text.js';
export { formatJson, toJsonReport, JSON_REPORT_VERSION, type JsonReport, type JsonFile, type JsonFix, type JsonReportOptions } from './json.js';
export { formatSarif, toSarif, ruleOf, artifactUri, SARIF_LEVEL, SECURITY_SEVERITY, type SarifLog, type SarifReportOptions } from './sarif.js';
export { formatGithub, findingCommand, workflowCommand, escapeData, escapeProperty } from './github.js';
