import { fixGroupLabel, type Finding, type FindingSuggestion, type FixGroup, type RunResult, type Severity, type SourceFile } from '../engine/index.js';
import { patchForEdits, patchForFixGroup } from './patch.js';
import { nothingChecked, nothingCheckedWarning, plural, summarize, summaryLine } from './summary.js';
import { safeLine, safeText } from '../terminal.js';

/** Options of {@link formatText}. */
export interface TextReportOptions {
  /** ANSI colours (diff lines, severities). The CLI enables it for a TTY without NO_COLOR, or `--color`. */
  color?: boolean;
  /** Also list skipped YAML documents and each parse problem. */
  verbose?: boolean;
}

const ANSI = { red: 31, green: 32, yellow: 33, blue: 34, cyan: 36, dim: 2, bold: 1 } as const;
type Colour = keyof typeof ANSI;

/** Indentation of the lines under a finding (patches, suggestions, fix problems). */
const INDENT = '    ';

/**
 * Human-readable report of a run. Per finding one line `file:line:col  severity  policy-id  message`
 * (1-based line and column), then, indented: the unified diff of its verified fix group (once
 * per group; later findings of the same group refer to it), `fix withheld: <problem>` when a fix
 * failed verification, and each suggestion as `Suggestion: <message>` with its diff. Then
 * skipped files with reasons (skipped YAML documents and parse problems one by one only when
 * `verbose`), parse-problem counts per file, `warning: no Kubernetes manifest was checked: …`
 * when the run checked nothing (`nothingChecked`), and a final summary line (see `summaryLine`).
 * `sources` gives the original text of each file (needed for the diffs; a file without its
 * text gets no diffs). Every string a file controls (paths, names, images, messages, reasons,
 * diff lines) is passed through `safeText` (control, bidi and zero-width characters shown as
 * escapes such as `\e` and `\n`), and no line can start a workflow command (`safeLine`). Pure:
 * returns the text, ending with a newline.
 */
export function formatText(result: RunResult, sources: readonly SourceFile[], options: TextReportOptions = {}): string {
  const paint = (c: Colour, s: string) => (options.color ? `\x1b[${ANSI[c]}m${s}\x1b[0m` : s);
  const textOf = new Map(sources.map((s) => [s.path, s.text]));
  const groups = new Map(result.fixes.map((g) => [g.id, g]));
  const shown = new Set<string>();
  const out: string[] = [];

  const pushPatch = (patch: string) => {
    let inHunk = false;
    for (const raw of patch.replace(/\n$/, '').split('\n')) {
      const line = safeText(raw.replace(/\r$/, ''), { keepTabs: true });
      inHunk ||= line.startsWith('@@');
      out.push(INDENT + colourDiffLine(line, inHunk, paint));
    }
  };

  for (const f of result.findings) {
    out.push(findingLine(f, paint));
    if (f.suppressed) {
      out.push(INDENT + paint('dim', `suppressed by ${safeText(f.suppressed.source)}: ${safeText(f.suppressed.justification || '(no reason given)')}`));
      continue;
    }
    const group: FixGroup | undefined = f.fixId !== undefined ? groups.get(f.fixId) : undefined;
    const original = textOf.get(f.file);
    if (group?.verified) {
      if (shown.has(group.id)) out.push(INDENT + paint('dim', 'fix: included in the patch above'));
      else if (original !== undefined) {
        shown.add(group.id);
        out.push(INDENT + `fix (${safeText(fixGroupLabel(group))}):`);
        pushPatch(safePatch(() => patchForFixGroup(group, original)));
      } else out.push(INDENT + 'fix available (run `kube-immutable fix`)');
    }
    if (f.fixProblem !== undefined) out.push(INDENT + paint('yellow', `fix withheld: ${safeText(f.fixProblem)}`));
    for (const s of f.suggestions) {
      out.push(INDENT + `${suggestionLabel(s, f.policyId)}: ${safeText(s.message)}`);
      if (original !== undefined) pushPatch(safePatch(() => patchForEdits(f.file, original, s.edits)));
    }
  }

  const notes: string[] = [];
  for (const file of result.files) {
    const path = safeText(file.path);
    if (file.skipped !== undefined) notes.push(`${path}: skipped: ${safeText(file.skipped)}`);
    if (options.verbose) {
      for (const d of file.skippedDocuments) notes.push(`${path}:${d.line}: document ${d.docIndex + 1} skipped: ${safeText(d.reason)}`);
    }
    const errors = file.problems.filter((p) => p.severity === 'error').length;
    const warnings = file.problems.length - errors;
    if (file.problems.length > 0) {
      notes.push(`${path}: ${plural(errors, 'YAML parse error')}, ${plural(warnings, 'YAML parse warning')}`);
      if (options.verbose)
        for (const p of file.problems) notes.push(`${INDENT}${path}:${p.line}:${p.column}  ${p.severity}  ${safeText(p.code)}  ${safeText(p.message)}`);
    }
  }
  if (notes.length > 0) {
    if (out.length > 0) out.push('');
    out.push(...notes);
  }
  const summary = summarize(result);
  if (nothingChecked(summary)) {
    if (out.length > 0) out.push('');
    out.push(paint('yellow', `warning: ${nothingCheckedWarning(summary)}`));
  }
  if (out.length > 0) out.push('');
  let line = summaryLine(summary);
  if (summary.skippedFiles > 0) line += `; ${plural(summary.skippedFiles, 'file')} skipped`;
  if (!options.verbose && summary.skippedDocuments > 0) line += `; ${plural(summary.skippedDocuments, 'document')} skipped (--verbose lists them)`;
  out.push(paint('bold', line));
  return out.map(safeLine).join('\n') + '\n';
}

/**
 * How a suggestion is introduced in the text report: `Suggestion` for a plain alternative;
 * `Suggestion (a guess) — not applied; use --include-guesses` or `Suggestion (a behaviour
 * change) — not applied; use --apply-behaviour-changes <policy>` for a policy's fix the run held
 * back (it has a `reason`); `Suggestion (a guess)` / `Suggestion (a behaviour change)` for a
 * labelled alternative.
 */
export function suggestionLabel(s: Pick<FindingSuggestion, 'kind' | 'reason'>, policyId: string): string {
  if (s.kind === undefined) return 'Suggestion';
  const what = s.kind === 'guess' ? 'a guess' : 'a behaviour change';
  if (s.reason === undefined) return `Suggestion (${what})`;
  const how = s.kind === 'guess' ? '--include-guesses' : `--apply-behaviour-changes ${safeText(policyId)}`;
  return `Suggestion (${what}) — not applied; use ${how}`;
}

/**
 * The first line of a finding: `file:line:col  severity  policy-id  message`, the path, policy
 * id and message through `safeText`, the whole through `safeLine` (one line, never a workflow
 * command).
 */
export function findingLine(f: Finding, paint: (c: Colour, s: string) => string = (_c, s) => s): string {
  return safeLine(
    `${safeText(f.file)}:${f.range.start.line}:${f.range.start.column}  ${paint(SEVERITY_COLOUR[f.severity], f.severity)}  ${safeText(f.policyId)}  ${safeText(f.message)}`,
  );
}

const SEVERITY_COLOUR: Record<Severity, Colour> = { error: 'red', warning: 'yellow', info: 'blue' };

function colourDiffLine(line: string, inHunk: boolean, paint: (c: Colour, s: string) => string): string {
  if (!inHunk) return paint('bold', line);
  if (line.startsWith('+')) return paint('green', line);
  if (line.startsWith('-')) return paint('red', line);
  if (line.startsWith('@@')) return paint('cyan', line);
  return line;
}

/** A patch, or a one-line note when the edits cannot be applied (never throws). */
function safePatch(make: () => string): string {
  try {
    return make();
  } catch (err) {
    return `(no patch: ${(err as Error).message})`;
  }
}
