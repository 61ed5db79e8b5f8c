/** Reporters: pure functions from a run's result (and the original texts) to output text. */
export { diffTexts, patchForEdits, patchForFile, patchForFixGroup, PATCH_CONTEXT_LINES } from './patch.js';
export { summarize, summaryLine, isFixable, findingsAtOrAbove, plural, nothingChecked, nothingCheckedWarning, type RunSummary } from './summary.js';
export { formatText, findingLine, type TextReportOptions } from './text.js';
export { formatJson, toJsonReport, JSON_REPORT_VERSION, type JsonReport, type JsonFile, type JsonFix, type JsonReportOptions } from './json.js';
export { formatSarif, sarifChunks, toSarif, ruleOf, artifactUri, SARIF_LEVEL, SECURITY_SEVERITY, type SarifLog, type SarifReportOptions } from './sarif.js';
export { formatGithub, githubReportWriter, findingCommand, workflowCommand, escapeData, escapeProperty, type GithubReportWriter } from './github.js';
export { parsePatch, hunksBetween, findHunk, lineInHunks, type Hunk, type AnchorMode } from './diff-hunks.js';
export { escapeMarkdown, escapeHtml, inlineCode, fence, longestBacktickRun, fingerprintMarker, parseMarker, safeUrl, blobUrl, link, type Marker } from './markdown.js';
export { buildSuggestion, isSuggestion, applySuggestions, type Suggestion, type NoSuggestion } from './suggestion.js';
export { commentBody, bodyItem, maxSeverity, SEVERITY_LABEL, type CommentContent, type BodyItem } from './review-comment.js';
export { planReview, MAX_BODY_LENGTH, MAX_ELSEWHERE_LENGTH, type ExistingComment, type PlannedComment, type ReviewPlan, type ReviewInput, type Elsewhere } from './review-plan.js';
export { jobSummary, jobSummaryReport, MAX_JOB_SUMMARY_BYTES, MAX_NOTES, MAX_NOTE_CHARS, MAX_SKIPPED_LISTED, type JobSummaryOptions, type JobSummaryReport } from './job-summary.js';
export { planChannels, describeChannels, CHANNEL_LABEL, type Channel, type ChannelInput, type ChannelPlan } from './channels.js';
export { patchFile, gitQuotePath } from './patch-file.js';
export { planAnnotations, DEFAULT_ANNOTATION_LIMITS, type AnnotationPlan, type PlannedAnnotation, type AnnotationLevel, type AnnotationLimits, type AnnotationProperties } from './annotations.js';
export { TextBudget, sizeOf, type BudgetUnit } from './budget.js';
export { exemptionSection, exemptionStatus, exemptionObjectLabel, EXEMPTION_SECTION_TITLE, type ExemptionSectionOptions } from './exemption-requests.js';
export { safeText, safeLine, neutraliseTerminal } from '../terminal.js';
