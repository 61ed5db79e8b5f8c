import type { Finding, RunResult, Severity } from '../engine/index.js';
import { summarize, summaryLine } from './summary.js';

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
 * them otherwise. The title is the policy id.
 */
export function findingCommand(f: Finding): string {
  const { start, end } = f.range;
  const oneLine = start.line === end.line;
  return workflowCommand(
    GITHUB_COMMAND[f.severity],
    {
      file: f.file,
      line: start.line,
      col: oneLine ? start.column : undefined,
      endLine: end.line,
      endColumn: oneLine ? end.column : undefined,
      title: f.policyId,
    },
    f.message,
  );
}

/**
 * The run as GitHub Actions workflow commands: one annotation per finding, a `notice` per
 * skipped file, and the summary line as plain log text. Pure: returns the lines (final newline).
 */
export function formatGithub(result: RunResult): string {
  const lines = result.findings.filter((f) => !f.suppressed).map(findingCommand);
  for (const f of result.files) {
    if (f.skipped !== undefined) lines.push(workflowCommand('notice', { file: f.path, title: 'kube-immutable: file skipped' }, f.skipped));
  }
  lines.push(summaryLine(summarize(result)));
  return lines.join('\n') + '\n';
}
