import { fixGroupLabel, type Finding, type FixGroup, type RunResult, type Severity, type AnyPolicy } from '../engine/index.js';
import { nothingChecked, nothingCheckedWarning, summarize } from './summary.js';

/** The SARIF schema this reporter writes. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The tool's home page (SARIF `tool.driver.informationUri`). */
export const INFORMATION_URI = 'https://github.com/kube-immutable/kube-immutable';

/** SARIF `level` of each severity. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning `security-severity` (0.0–10.0, as a string) of each default severity. */
export const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

const SEVERITY_ORDER: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** The rule id of findings made when a policy throws (see the engine's `analyse`). */
export const POLICY_ERROR_ID = 'policy-error';

/** Options of {@link formatSarif}. */
export interface SarifReportOptions {
  /** The tool's version (package.json). */
  toolVersion: string;
}

/* Minimal SARIF 2.1.0 shapes: only what this reporter writes. */
/** A SARIF region: 1-based lines and columns (UTF-16 code units), end column exclusive; or char offsets. */
export interface SarifRegion {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  charOffset?: number;
  charLength?: number;
}
/** A SARIF reporting descriptor (one rule). */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[]; 'security-severity'?: string; precision?: string };
}
/** A SARIF fix: replacements in one artifact. */
export interface SarifFix {
  description: { text: string };
  artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[];
}
/** A SARIF result (one finding). */
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }[];
  partialFingerprints: { primaryLocationLineHash: string };
  /** SARIF 2.1.0 §3.27.22: for a rendered finding moved to its fix's file, the template line it renders from (`message.text` says so). */
  relatedLocations?: { id: number; physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion }; message: { text: string } }[];
  fixes?: SarifFix[];
  /**
   * Property bag (SARIF 2.1.0 §3.8). `fixId`: the fix group that fixes this finding; its edits are
   * in the `fixes` of ONE result of the group (the most severe, then the first), and the others
   * carry `fixInResult`, that result's 0-based index in `results` — a group's edits are never
   * repeated per result. `suggestionKinds`: the kinds of its suggestions that are guesses or
   * behaviour changes (remedies `fix` does not apply by default), when it has any.
   */
  properties?: { fixId?: string; fixInResult?: number; suggestionKinds?: ('guess' | 'behaviour')[] };
  /** SARIF 2.1.0 §3.35: a suppressed result (an exemption annotation = inSource, a config exemption = external). */
  suppressions?: { kind: 'inSource' | 'external'; status: 'accepted' | 'underReview' | 'rejected'; justification: string }[];
}
/** The SARIF log: one run. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: {
        level: 'note' | 'warning';
        message: { text: string };
        locations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
      }[];
    }[];
  }[];
}

/**
 * A file path as a SARIF artifact URI relative to the repository root: `\` becomes `/`, a
 * leading `./` is dropped and each segment is percent-encoded (a space is `%20`).
 */
export function artifactUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

/** `read-only-root-filesystem` → `ReadOnlyRootFilesystem` (SARIF rule names are identifiers). */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
}

/** The SARIF rule of a policy (see the module's rule fields). */
export function ruleOf(policy: AnyPolicy): SarifRule {
  const m = policy.meta;
  const peers = m.peers
    ? Object.entries(m.peers)
        .map(([tool, id]) => `${tool}: ${id}`)
        .join(', ')
    : '';
  return {
    id: policy.id,
    name: ruleName(policy.id),
    shortDescription: { text: m.description },
    fullDescription: { text: `${m.description} ${m.remediation}` },
    help: {
      text: m.remediation,
      markdown: `**${m.description}**\n\n${m.remediation}\n\n${peers ? `Same check in other tools: ${peers}.\n\n` : ''}${m.docsUrl !== undefined ? `[Documentation](${m.docsUrl})` : ''}`,
    },
    helpUri: m.docsUrl,
    defaultConfiguration: { level: SARIF_LEVEL[m.defaultSeverity] },
    properties: { tags: ['security', m.category, 'kubernetes'], 'security-severity': SECURITY_SEVERITY[m.defaultSeverity], precision: 'high' },
  };
}

const POLICY_ERROR_RULE: SarifRule = {
  id: POLICY_ERROR_ID,
  name: 'PolicyError',
  shortDescription: { text: 'A policy failed while checking a file.' },
  fullDescription: {
    text: 'A policy threw an error on a file, so that file was not fully checked by it. This is a bug in the policy or an input it does not handle.',
  },
  help: {
    text: 'Report the message as a bug of kube-immutable; the other policies still ran on the file.',
    markdown: '**A policy failed while checking a file.**\n\nReport the message as a bug of kube-immutable; the other policies still ran on the file.',
  },
  defaultConfiguration: { level: 'error' },
  properties: { tags: ['reliability'] },
};

/**
 * The run as a SARIF 2.1.0 log for GitHub code scanning: one run whose driver lists one rule
 * per policy (in the order given; a `policy-error` rule is added when such findings exist, and a
 * bare rule for any other unknown policy id), one result per finding (level from the finding's
 * severity; region from its 1-based range, end column exclusive; `partialFingerprints.
 * primaryLocationLineHash` = the finding's fingerprint), and for each verified fix group ONE
 * SARIF fix, on the group's most severe result (the first of those), whose replacements use
 * 0-based UTF-16 `charOffset`/`charLength` into the original text; the group's other results
 * point to it (`properties.fixInResult`, see {@link SarifResult}), so the size stays linear in
 * the findings plus the edits. Skipped files become tool execution notifications (and are
 * `file-not-scanned` results). Pure: returns JSON text.
 */
export function formatSarif(result: RunResult, policies: readonly AnyPolicy[], options: SarifReportOptions): string {
  return [...sarifChunks(result, policies, options)].join('');
}

/**
 * {@link formatSarif}'s text in pieces, in order (the head of the log, each result, the tail),
 * made one result at a time: 40,000 results never exist as one object tree, nor as one string
 * when the pieces are written as they come. Their concatenation equals
 * `JSON.stringify(toSarif(...), null, 2) + '\n'`.
 */
export function* sarifChunks(result: RunResult, policies: readonly AnyPolicy[], options: SarifReportOptions): Generator<string> {
  const { log, count, resultAt } = sarifParts(result, policies, options);
  const text = JSON.stringify(log, null, 2);
  // A string in JSON never holds a raw newline: this indented key is the run's results.
  const marker = '\n      "results": []';
  const at = text.indexOf(marker);
  yield `${text.slice(0, at)}\n      "results": [`;
  for (let i = 0; i < count; i++) yield `${i > 0 ? ',' : ''}\n        ${JSON.stringify(resultAt(i), null, 2).replace(/\n/g, '\n        ')}`;
  yield `${count > 0 ? '\n      ]' : ']'}${text.slice(at + marker.length)}\n`;
}

/** The {@link SarifLog} object behind {@link formatSarif}. */
export function toSarif(result: RunResult, policies: readonly AnyPolicy[], options: SarifReportOptions): SarifLog {
  const { log, count, resultAt } = sarifParts(result, policies, options);
  for (let i = 0; i < count; i++) log.runs[0]!.results.push(resultAt(i));
  return log;
}

/**
 * The log with its rules complete and no results yet, and the result of each finding (by its
 * index in `result.findings`, built when asked for).
 */
function sarifParts(
  result: RunResult,
  policies: readonly AnyPolicy[],
  options: SarifReportOptions,
): { log: SarifLog; count: number; resultAt: (i: number) => SarifResult } {
  const rules = policies.map(ruleOf);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const ruleIndexOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      const rule: SarifRule =
        id === POLICY_ERROR_ID
          ? POLICY_ERROR_RULE
          : { ...POLICY_ERROR_RULE, id, name: ruleName(id), shortDescription: { text: id }, fullDescription: { text: id }, help: { text: id, markdown: id } };
      i = rules.push(rule) - 1;
      index.set(id, i);
    }
    return i;
  };
  // Every rule first (in the order of the findings), so the log is complete before any result.
  for (const f of result.findings) ruleIndexOf(f.policyId);
  const groups = new Map(result.fixes.map((g) => [g.id, g]));
  // Exemption annotations not honoured: `underReview` when only a reviewer's merge is missing
  // (base-only), `rejected` when the configuration's rules refuse them. The result stays active.
  const requested = new Map<string, NonNullable<SarifResult['suppressions']>>();
  for (const e of result.exemptions ?? []) {
    if (e.honoured) continue;
    const status = e.refusals.every((x) => x === 'notAtBase') ? ('underReview' as const) : ('rejected' as const);
    const s = { kind: 'inSource' as const, status, justification: `${e.reason} (annotation ${e.key} at ${e.file}:${e.line}: not honoured: ${e.why})` };
    for (const fp of e.fingerprints) requested.set(fp, [...(requested.get(fp) ?? []), s]);
  }
  // Each verified group's edits go on one result: its most severe finding, the first of those.
  const holder = new Map<string, number>();
  result.findings.forEach((f, i) => {
    const g = f.fixId !== undefined ? groups.get(f.fixId) : undefined;
    if (!g?.verified || g.edits.length === 0) return;
    const at = holder.get(g.id);
    if (at === undefined || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[result.findings[at]!.severity]) holder.set(g.id, i);
  });
  const resultAt = (i: number): SarifResult => {
    const f = result.findings[i]!;
    const r: SarifResult = {
      ruleId: f.policyId,
      ruleIndex: ruleIndexOf(f.policyId),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.file) }, region: regionOf(f) } }],
      partialFingerprints: { primaryLocationLineHash: f.fingerprint },
    };
    if (f.origin)
      r.relatedLocations = [
        {
          id: 0,
          physicalLocation: { artifactLocation: { uri: artifactUri(f.origin.file) }, region: regionOf({ ...f, range: f.origin.range }) },
          message: { text: 'rendered from here' },
        },
      ];
    if (f.suppressed)
      r.suppressions = [{ kind: f.suppressed.kind, status: 'accepted', justification: `${f.suppressed.justification} (${f.suppressed.source})` }];
    else if (requested.has(f.fingerprint)) r.suppressions = requested.get(f.fingerprint);
    const at = f.fixId !== undefined ? holder.get(f.fixId) : undefined;
    if (at === i) {
      r.fixes = [fixOf(groups.get(f.fixId!)!)];
      r.properties = { fixId: f.fixId! };
    } else if (at !== undefined) r.properties = { fixId: f.fixId!, fixInResult: at };
    // The kinds of its suggestions that are guesses or behaviour changes (not applied by `fix`).
    const kinds = [...new Set(f.suggestions.flatMap((x) => (x.kind ? [x.kind] : [])))];
    if (kinds.length > 0) r.properties = { ...r.properties, suggestionKinds: kinds };
    return r;
  };
  const notifications: SarifLog['runs'][number]['invocations'][number]['toolExecutionNotifications'] = result.files
    .filter((f) => f.skipped !== undefined)
    .map((f) => ({
      level: 'note' as const,
      message: { text: `${f.path}: skipped: ${f.skipped}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.path) } } }],
    }));
  const s = summarize(result);
  if (nothingChecked(s)) notifications.push({ level: 'warning', message: { text: nothingCheckedWarning(s) } });
  const log: SarifLog = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'kube-immutable', version: options.toolVersion, semanticVersion: options.toolVersion, informationUri: INFORMATION_URI, rules },
        },
        columnKind: 'utf16CodeUnits',
        results: [],
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return { log, count: result.findings.length, resultAt };
}

function regionOf(f: Finding): SarifRegion {
  const { start, end } = f.range;
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

function fixOf(g: FixGroup): SarifFix {
  const target = fixGroupLabel(g);
  return {
    description: { text: `kube-immutable fix for ${target}` },
    artifactChanges: [
      {
        artifactLocation: { uri: artifactUri(g.file) },
        replacements: [...g.edits]
          .sort((a, b) => a.range[0] - b.range[0])
          .map((e) => ({ deletedRegion: { charOffset: e.range[0], charLength: e.range[1] - e.range[0] }, insertedContent: { text: e.text } })),
      },
    ],
  };
}
