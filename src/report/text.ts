import {
  confidenceOfKinds,
  fixGroupLabel,
  SEVERITY_RANK,
  type Finding,
  type FindingSuggestion,
  type FixGroup,
  type RunResult,
  type Severity,
  type SourceFile,
} from '../engine/index.js';
import { patchForEdits, patchForFixGroup } from './patch.js';
import { nothingChecked, nothingCheckedWarning, plural, summarize, summaryLine, type RunSummary } from './summary.js';
import { safeLine, safeText } from '../terminal.js';

/** Options of {@link formatText}. */
export interface TextReportOptions {
  /** ANSI colours (diff lines, severities). The CLI enables it for a TTY without NO_COLOR, or `--color`. */
  color?: boolean;
  /** Also list skipped YAML documents and each parse problem. */
  verbose?: boolean;
  /**
   * False (`--no-patches`): no diff is printed — a fixed finding says `fix available for <container> (run \`kube-immutable fix\`)`,
   * a suggestion keeps its one line. Default true.
   */
  patches?: boolean;
}

const ANSI = { red: 31, green: 32, yellow: 33, blue: 34, cyan: 36, dim: 2, bold: 1 } as const;
type Colour = keyof typeof ANSI;

/** Indentation of the lines under a finding (patches, suggestions, fix problems). */
const INDENT = '    ';

/**
 * Human-readable report of a run. Per finding one line `file:line:col  severity  policy-id  message`
 * (1-based line and column), then, indented: `fix (<container of object>; <confidence>):` —
 * `known fact`, `guess` or `behaviour change` (confidenceOfKinds) — and the unified diff of its
 * verified fix group (once per group, under the group's lead finding — see {@link fixGroupLeads}; the group's other
 * findings say where it is, above or below), `fix withheld: <problem>` when a fix
 * failed verification, and each suggestion as `Suggestion: <message>` with its diff (no diff at
 * all with `patches: false`). Then
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
  const patches = options.patches !== false;
  const leads = patches ? fixGroupLeads(result, (f) => textOf.has(f.file)) : new Map<string, Finding>();
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
      const lead = leads.get(group.id);
      if (lead === f && original !== undefined) {
        shown.add(group.id);
        out.push(INDENT + `fix (${safeText(fixGroupLabel(group))}; ${confidenceOfKinds(group.kinds)}):`);
        pushPatch(safePatch(() => patchForFixGroup(group, original)));
      } else if (lead !== undefined) {
        const where = `(under the ${safeText(lead.policyId)} finding at ${safeText(lead.file)}:${lead.range.start.line}:${lead.range.start.column})`;
        out.push(INDENT + paint('dim', `fix: included in the patch ${shown.has(group.id) ? 'above' : 'below'} ${where}`));
      } else if (!patches) out.push(INDENT + `fix available for ${safeText(fixGroupLabel(group))} (run \`kube-immutable fix\`)`);
      else out.push(INDENT + 'fix available (run `kube-immutable fix`)');
    }
    if (f.fixProblem !== undefined) out.push(INDENT + paint('yellow', `fix withheld: ${safeText(f.fixProblem)}`));
    for (const s of f.suggestions) {
      out.push(INDENT + `${suggestionLabel(s, f.policyId)}: ${safeText(s.message)}`);
      if (patches && original !== undefined) pushPatch(safePatch(() => patchForEdits(f.file, original, s.edits)));
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
  out.push(paint('bold', finalLine(summary, options.verbose === true)));
  return out.map(safeLine).join('\n') + '\n';
}

/** The last line of the text and compact reports: `summaryLine`, then the skipped files and (without `verbose`) documents. */
function finalLine(summary: RunSummary, verbose: boolean): string {
  let line = summaryLine(summary);
  if (summary.skippedFiles > 0) line += `; ${plural(summary.skippedFiles, 'file')} skipped`;
  if (!verbose && summary.skippedDocuments > 0) line += `; ${plural(summary.skippedDocuments, 'document')} skipped (--verbose lists them)`;
  return line;
}

/**
 * The finding each verified fix group's patch is shown under, by group id: of the group's
 * findings that are not suppressed and pass `usable` (the text report: whose file text it has),
 * the most severe (`SEVERITY_RANK`), the first in `result.findings` order among equals. A
 * group none of whose findings qualifies has no entry. Pure.
 */
export function fixGroupLeads(result: Pick<RunResult, 'findings' | 'fixes'>, usable: (f: Finding) => boolean = () => true): Map<string, Finding> {
  const verified = new Set(result.fixes.filter((g) => g.verified).map((g) => g.id));
  const leads = new Map<string, Finding>();
  for (const f of result.findings) {
    if (f.fixId === undefined || !verified.has(f.fixId) || f.suppressed || !usable(f)) continue;
    const lead = leads.get(f.fixId);
    if (lead === undefined || SEVERITY_RANK[f.severity] > SEVERITY_RANK[lead.severity]) leads.set(f.fixId, f);
  }
  return leads;
}

/** Options of {@link formatCompact}. */
export interface CompactReportOptions {
  /** ANSI colours of the severities and the summary line (as {@link TextReportOptions.color}). */
  color?: boolean;
  /** As {@link TextReportOptions.verbose}: the summary line then does not point to `--verbose` for skipped documents. */
  verbose?: boolean;
}

/**
 * The compact report (`scan --format compact`): one line a finding not suppressed by an
 * exemption, `file:line:col severity policy-id message` (1-based line and column, single
 * spaces; the form compilers print, which editors and `grep` read), in `result.findings` order;
 * then `warning: no Kubernetes manifest was checked: …` when the run checked nothing, and the
 * text report's summary line (suppressed findings are counted there). No patches, suggestions or
 * per-file notes. Every string a file controls goes through `safeText` and every line through
 * `safeLine`, as in {@link formatText}: a hostile path or message cannot add a line, move the
 * cursor or start a workflow command. Pure: returns the text, ending with a newline.
 */
export function formatCompact(result: RunResult, options: CompactReportOptions = {}): string {
  const paint = (c: Colour, s: string) => (options.color ? `\x1b[${ANSI[c]}m${s}\x1b[0m` : s);
  const out: string[] = [];
  for (const f of result.findings) if (!f.suppressed) out.push(findingLine(f, paint, ' '));
  const summary = summarize(result);
  if (nothingChecked(summary)) out.push(paint('yellow', `warning: ${nothingCheckedWarning(summary)}`));
  out.push(paint('bold', finalLine(summary, options.verbose === true)));
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
 * The first line of a finding: `file:line:col  severity  policy-id  message` (fields apart by
 * `separator`, two spaces by default; the compact report's one), the path, policy
 * id and message through `safeText`, the whole through `safeLine` (one line, never a workflow
 * command).
 */
export function findingLine(f: Finding, paint: (c: Colour, s: string) => string = (_c, s) => s, separator = '  '): string {
  return safeLine(
    [
      `${safeText(f.file)}:${f.range.start.line}:${f.range.start.column}`,
      paint(SEVERITY_COLOUR[f.severity], f.severity),
      safeText(f.policyId),
      safeText(f.message),
    ].join(separator),
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
