import type { Finding, RunResult, Severity } from '../engine/index.js';
import { safeText } from '../terminal.js';
import { addSummaries, nothingChecked, nothingCheckedWarning, summarize, summaryLine, type RunSummary } from './summary.js';

/** The workflow command of each severity. */
export const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape a workflow command's message (GitHub's rules: `%` → %25, CR → %0D, LF → %0A). */
export function escapeData(s: string): string {
  if (!/[%\r\n]/.test(s)) return s;
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a workflow command's property value: as {@link escapeData}, plus `:` → %3A and `,` → %2C. */
export function escapeProperty(s: string): string {
  if (!/[%\r\n:,]/.test(s)) return s;
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command `::<command> <k>=<v>,...::<message>`; properties with undefined values
 * are left out, the others are escaped with {@link escapeProperty}, the message with {@link escapeData}.
 */
export function workflowCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${command}${props ? ' ' + props : ''}::${escapeData(message)}`;
}

/**
 * The annotation command of one finding: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
 * (`notice` for info). Columns are sent only when the range is on one line, as GitHub ignores
 * them otherwise. The title is the policy id. The message and the file go through `safeText`
 * (ESC sequences, other control characters, bidi and zero-width characters made visible; line
 * breaks are left to the workflow-command escaping), so a path holding such characters is
 * shown, not acted on.
 */
export function findingCommand(f: Finding): string {
  const { start, end } = f.range;
  const oneLine = start.line === end.line;
  return workflowCommand(
    GITHUB_COMMAND[f.severity],
    {
      file: safeText(f.file, { keepLineBreaks: true }),
      line: start.line,
      col: oneLine ? start.column : undefined,
      endLine: end.line,
      endColumn: oneLine ? end.column : undefined,
      title: f.policyId,
    },
    safeText(f.message, { keepLineBreaks: true }),
  );
}

/**
 * The run as GitHub Actions workflow commands: one annotation per finding, a `notice` per
 * skipped file, a `warning` when the run checked nothing (`nothingChecked`), and the summary
 * line as plain log text. Pure: returns the lines (final newline).
 */
export function formatGithub(result: RunResult): string {
  const writer = githubReportWriter();
  return writer.add(result) + writer.finish();
}

/** A {@link formatGithub} report written part by part (see {@link githubReportWriter}). */
export interface GithubReportWriter {
  /** The text of this part's findings (each line ending in a newline); its files are remembered for the end. */
  add(part: RunResult): string;
  /** The skipped-file notices and the summary line of every part added: the report's end. */
  finish(): string;
  /** The summary of the parts added so far. */
  readonly summary: RunSummary;
}

/**
 * Write a run's {@link formatGithub} report as its parts (consecutive files, in order, each
 * part with its own fix groups) arrive, so that a scan need not keep every finding: the texts
 * of `add` for each part and then of `finish`, concatenated, are exactly `formatGithub` of the
 * whole run (test/report/github.test.ts).
 */
export function githubReportWriter(): GithubReportWriter {
  const notices: string[] = [];
  let summary: RunSummary | undefined;
  return {
    add(part) {
      let out = '';
      for (const f of part.findings) if (!f.suppressed) out += findingCommand(f) + '\n';
      for (const f of part.files) {
        if (f.skipped !== undefined)
          notices.push(
            workflowCommand(
              'notice',
              { file: safeText(f.path, { keepLineBreaks: true }), title: 'kube-immutable: file skipped' },
              safeText(f.skipped, { keepLineBreaks: true }),
            ),
          );
      }
      const s = summarize(part);
      summary = summary ? addSummaries(summary, s) : s;
      return out;
    },
    finish() {
      const s = this.summary;
      const lines = [
        ...notices,
        ...(nothingChecked(s) ? [workflowCommand('warning', { title: 'kube-immutable' }, nothingCheckedWarning(s))] : []),
        summaryLine(s),
      ];
      return lines.join('\n') + '\n';
    },
    get summary() {
      return summary ?? summarize({ files: [], findings: [], fixes: [] });
    },
  };
}
