import { fixGroupLabel, type Finding, type FixGroup, type Policy, type RunResult, type Severity } from '../engine/index.js';
import { nothingChecked, nothingCheckedWarning, summarize } from './summary.js';

/** The SARIF schema this reporter writes. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The tool's home page (SARIF `tool.driver.informationUri`). */
export const INFORMATION_URI = 'https://github.com/kube-immutable/kube-immutable';

/** SARIF `level` of each severity. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning `security-severity` (0.0–10.0, as a string) of each default severity. */
export const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

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
  fixes?: SarifFix[];
  /** SARIF 2.1.0 §3.35: a suppressed result (an exemption annotation = inSource, a config exemption = external). */
  suppressions?: { kind: 'inSource' | 'external'; status: 'accepted'; justification: string }[];
}
/** The SARIF log: one run. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: 'note' | 'warning'; message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
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
export function ruleOf(policy: Policy<any>): SarifRule {
  const m = policy.meta;
  const peers = m.peers ? Object.entries(m.peers).map(([tool, id]) => `${tool}: ${id}`).join(', ') : '';
  return {
    id: policy.id,
    name: ruleName(policy.id),
    shortDescription: { text: m.description },
    fullDescription: { text: `${m.description} ${m.remediation}` },
    help: {
      text: m.remediation,
      markdown: `**${m.description}**\n\n${m.remediation}\n\n${peers ? `Same check in other tools: ${peers}.\n\n` : ''}[Documentation](${m.docsUrl})`,
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
  fullDescription: { text: 'A policy threw an error on a file, so that file was not fully checked by it. This is a bug in the policy or an input it does not handle.' },
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
 * primaryLocationLineHash` = the finding's fingerprint), and for findings with a verified fix
 * a SARIF fix whose replacements use 0-based UTF-16 `charOffset`/`charLength` into the original
 * text. Skipped files become tool execution notifications. Pure: returns JSON text.
 */
export function formatSarif(result: RunResult, policies: readonly Policy<any>[], options: SarifReportOptions): string {
  return JSON.stringify(toSarif(result, policies, options), null, 2) + '\n';
}

/** The {@link SarifLog} object behind {@link formatSarif}. */
export function toSarif(result: RunResult, policies: readonly Policy<any>[], options: SarifReportOptions): SarifLog {
  const rules = policies.map(ruleOf);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const ruleIndexOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      const rule: SarifRule = id === POLICY_ERROR_ID ? POLICY_ERROR_RULE : { ...POLICY_ERROR_RULE, id, name: ruleName(id), shortDescription: { text: id }, fullDescription: { text: id }, help: { text: id, markdown: id } };
      i = rules.push(rule) - 1;
      index.set(id, i);
    }
    return i;
  };
  const groups = new Map(result.fixes.map((g) => [g.id, g]));
  const results = result.findings.map((f): SarifResult => {
    const r: SarifResult = {
      ruleId: f.policyId,
      ruleIndex: ruleIndexOf(f.policyId),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.file) }, region: regionOf(f) } }],
      partialFingerprints: { primaryLocationLineHash: f.fingerprint },
    };
    if (f.suppressed) r.suppressions = [{ kind: f.suppressed.kind, status: 'accepted', justification: `${f.suppressed.justification} (${f.suppressed.source})` }];
    const g = f.fixId !== undefined ? groups.get(f.fixId) : undefined;
    if (g?.verified && g.edits.length > 0) r.fixes = [fixOf(g)];
    return r;
  });
  const notifications: SarifLog['runs'][number]['invocations'][number]['toolExecutionNotifications'] = result.files
    .filter((f) => f.skipped !== undefined)
    .map((f) => ({
      level: 'note' as const,
      message: { text: `${f.path}: skipped: ${f.skipped}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.path) } } }],
    }));
  const s = summarize(result);
  if (nothingChecked(s)) notifications.push({ level: 'warning', message: { text: nothingCheckedWarning(s) } });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kube-immutable', version: options.toolVersion, semanticVersion: options.toolVersion, informationUri: INFORMATION_URI, rules } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
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
