/**
 * The `file-not-scanned` check (policies/file-not-scanned.ts holds its metadata and doc page):
 * nothing a pull request changes is left out silently. A file that is too large, binary, not
 * UTF-8, an unparseable template, holds more documents or flow items than are read, or whose
 * analysis ran out of its time budget, is a finding at line 1 (or at the line where reading
 * stopped) of that file — error by default, like any policy's severity configurable
 * (`policies: {file-not-scanned: warning}`); no preset turns it off. The engine reports it
 * itself, because the file's other checks never run (or stop).
 */
import type { SourceRange } from '../yaml/index.js';
import { formatMessage, type AnyPolicy, type Severity } from './policy.js';
import type { EngineOptions, RawFinding } from './analysis-types.js';
import { fingerprintOf } from './fingerprint.js';

/** The id of the check. */
export const FILE_NOT_SCANNED_ID = 'file-not-scanned';

/** Its messages, by id (the policy's `meta.messages`). */
export const NOT_SCANNED_MESSAGES = {
  tooLarge:
    'This file was not scanned: it is {{size}} bytes, more than the limit of {{limit}} bytes, and kubectl would apply it all the same. Split it, or raise the size limit.',
  binary: 'This file was not scanned: it is binary (it contains NUL bytes). A manifest is text; remove the file or keep it out of the scanned paths.',
  unreadable: 'This file was not scanned: {{reason}}. Save it as UTF-8 text (kubectl reads manifests as UTF-8).',
  template:
    'This file was not scanned: it is not valid YAML (line {{line}}: {{message}}) and holds Helm/Go template syntax ({{ ... }}). Render it first (e.g. `helm template`) and scan the output.',
  notRendered: '{{what}} was not analysed: {{reason}}. Its templates and values are not plain manifests, so nothing of it was checked; {{remedy}}',
  renderProblem: '{{what}}: {{message}}',
  documentLimit: 'Not all of this file was scanned: {{message}}.',
  flowLimit: 'A document of this file was not scanned: {{message}}.',
  timeBudget:
    'The scan of this file stopped when its time budget of {{budget}} s ran out: {{what}} not checked. Split the file, or raise the budget (policies: file-not-scanned: options: timeBudgetSeconds).',
  timeBudgetFixes:
    'The time budget of {{budget}} s of this file ran out while its fixes were verified: {{count}} fix verifications were not made, so those fixes are not offered (or not in the fixed file). Split the file, or raise the budget (policies: file-not-scanned: options: timeBudgetSeconds).',
} as const;

/** A message id of the check. */
export type NotScannedMessageId = keyof typeof NOT_SCANNED_MESSAGES;

/** The check's options (`policies: {file-not-scanned: {options: ...}}`) and their defaults. */
export interface NotScannedOptions {
  /**
   * Seconds one file's analysis may take, counted from its start (the parse counts, though it is
   * never interrupted: the document and flow-item limits bound it), fix verification included;
   * checked between objects and between fix verifications. Default 10.
   */
  timeBudgetSeconds: number;
  /** Documents read in one file; default 10,000 (src/yaml/parse.ts, `maxDocuments`). */
  maxDocuments: number;
  /** Flow items (`[...]`, `{...}`) read in one file; default 100,000 (src/yaml/parse.ts, `maxFlowItems`). */
  maxFlowItems: number;
}

/** The defaults of {@link NotScannedOptions}. */
export const NOT_SCANNED_DEFAULTS: Readonly<NotScannedOptions> = Object.freeze({ timeBudgetSeconds: 10, maxDocuments: 10_000, maxFlowItems: 100_000 });

/** The check's options for a run: the configured ones over the defaults (non-numbers ignored). */
export function notScannedOptions(opts: EngineOptions): NotScannedOptions {
  const given = opts.options?.[FILE_NOT_SCANNED_ID] ?? {};
  const pick = (k: keyof NotScannedOptions) => (typeof given[k] === 'number' && (given[k] as number) > 0 ? (given[k] as number) : NOT_SCANNED_DEFAULTS[k]);
  return { timeBudgetSeconds: pick('timeBudgetSeconds'), maxDocuments: pick('maxDocuments'), maxFlowItems: pick('maxFlowItems') };
}

/** The per-file time budget in milliseconds: `EngineOptions.timeBudgetMs`, else the check's option. */
export function timeBudgetMs(opts: EngineOptions): number {
  return opts.timeBudgetMs ?? notScannedOptions(opts).timeBudgetSeconds * 1000;
}

/** The time budget in seconds as messages show it (3 significant digits: `10`, `0.5`). */
export function budgetSeconds(opts: EngineOptions): number {
  return Number((timeBudgetMs(opts) / 1000).toPrecision(3));
}

/**
 * A finding of the check, or undefined when the check is `off`. `range` is where it points (line
 * 1 for the whole file); `detail` tells findings of one file apart in the fingerprint. The
 * message comes from the check's policy when it is among `policies` (so a custom bundle may
 * reword it), else from {@link NOT_SCANNED_MESSAGES}.
 */
export function notScannedFinding(
  path: string,
  messageId: NotScannedMessageId,
  data: Record<string, string | number>,
  range: SourceRange,
  detail: string,
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
): RawFinding | undefined {
  const configured = opts.severity?.[FILE_NOT_SCANNED_ID];
  if (configured === 'off') return undefined;
  const policy = policies.find((p) => p.id === FILE_NOT_SCANNED_ID);
  const severity: Severity = configured ?? policy?.meta.defaultSeverity ?? 'error';
  const template = policy?.meta.messages[messageId] ?? NOT_SCANNED_MESSAGES[messageId];
  const fingerprint = fingerprintOf([FILE_NOT_SCANNED_ID, path, messageId, detail]);
  return {
    finding: {
      policyId: FILE_NOT_SCANNED_ID,
      severity,
      messageId,
      message: formatMessage(template, data),
      file: path,
      range,
      object: undefined,
      container: undefined,
      fingerprint,
      fixId: undefined,
      fixProblem: undefined,
      suggestions: [],
    },
    groupKey: `${FILE_NOT_SCANNED_ID}:${fingerprint}`,
    groupLabel: { docIndex: -1, object: path, container: undefined },
    manifestIndex: undefined,
    fix: undefined,
    suggestions: [],
  };
}

/** Line 1, column 1 (offset 0): where a finding about a whole file points. */
export function fileStart(): SourceRange {
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}
