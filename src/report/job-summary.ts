/**
 * The job summary (`core.summary`) of a run: Markdown, at most 1 MiB per step. GitHub refuses
 * a larger one as a whole ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size
 * of 1024k"; docs.github.com, "Workflow commands for GitHub Actions" › "Adding a job summary"),
 * so everything written, notes included, is counted against that limit.
 */
import { fixGroupLabel, type Finding, type RunResult, type Severity, type AnyPolicy } from '../engine/index.js';
import { SEVERITY_RANK } from '../engine/index.js';
import { sizeOf, TextBudget } from './budget.js';
import { exemptionSection } from './exemption-requests.js';
import { blobUrl, escapeHtml, escapeMarkdown, fence, inlineCode, link } from './markdown.js';
import { patchForFixGroup } from './patch.js';
import { plural, SEVERITY_LABEL, summarize, summaryLine } from './summary.js';

/** GitHub's limit on one step's job summary, in bytes (1 MiB). */
export const MAX_JOB_SUMMARY_BYTES = 1024 * 1024;

/** Options of {@link jobSummary}. */
export interface JobSummaryOptions {
  /** `https://github.com/owner/repo` (links to findings). */
  repoUrl: string;
  /** The commit the files were read at (links use it). */
  headSha: string;
  /** The policies of the run, for the counts table's order and docs links. */
  policies: readonly AnyPolicy[];
  /** Heading; default `kube-immutable`. */
  title?: string;
  /** Original text of each file by path: needed for the fixes' diffs (without it, no diffs). */
  originals?: ReadonlyMap<string, string>;
  /** Findings GitHub did not annotate (see `planAnnotations`'s `dropped`): a note says how many, naming no channel. */
  notAnnotated?: number;
  /** Size limit in UTF-8 bytes; default {@link MAX_JOB_SUMMARY_BYTES}. */
  maxBytes?: number;
  /**
   * Lines for the top of the summary (e.g. why no review was posted), each shown as a quote
   * (Markdown written by the action, not escaped; line breaks become spaces).
   * They count against `maxBytes`: each is cut to {@link MAX_NOTE_CHARS} characters, and at most
   * {@link MAX_NOTES} are shown, in at most a quarter of `maxBytes`.
   */
  notes?: readonly string[];
  /**
   * Fingerprints of the findings to list before the others when not every row fits (those no
   * other channel carries). The rows are still shown most severe first.
   */
  first?: ReadonlySet<string>;
  /**
   * The closing notes, given the findings the table lists and the ones it leaves out (most
   * severe first): the caller says where the left-out ones are (see `planChannels`). Each note
   * must stay under 1,000 bytes. Without it a note counts the left-out findings and names no
   * other channel.
   */
  closingNotes?: (listed: ReadonlySet<Finding>, omitted: readonly Finding[]) => string[];
}

/** What {@link jobSummaryReport} wrote. */
export interface JobSummaryReport {
  /** The Markdown (at most `maxBytes` UTF-8 bytes). */
  text: string;
  /** The findings that have a row in the findings table. */
  listed: ReadonlySet<Finding>;
}

/** At most this many {@link JobSummaryOptions.notes} are shown. */
export const MAX_NOTES = 20;
/** A {@link JobSummaryOptions.notes} line is cut to this many characters. */
export const MAX_NOTE_CHARS = 2_000;
/** Bytes kept free for the closing notes (at most 4 of under 1,000 bytes each). */
const CLOSING_RESERVE = 4_096;

/** At most this many skipped files are named (the findings table matters more). */
export const MAX_SKIPPED_LISTED = 100;

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/**
 * The run as job-summary Markdown: the summary line; a table of counts per policy and severity;
 * skipped files with their reasons; the exemption annotations the change requests or alters, or
 * the configuration refuses (at most 64 KiB); a table of findings, most severe first (severity, policy,
 * escaped message, a link `${repoUrl}/blob/${headSha}/${path}#L${line}`); and each verified
 * fix's unified diff in a collapsible `<details>` with a ```diff fence. Everything a pull
 * request controls is escaped. When the text would exceed `maxBytes` (1 MiB), rows and fixes are
 * left out at one place with a note saying how many; a fence is never cut.
 */
export function jobSummary(result: RunResult, options: JobSummaryOptions): string {
  return jobSummaryReport(result, options).text;
}

/**
 * {@link jobSummary}, also returning which findings got a row. When not every row fits, the
 * rows of `options.first` are kept before the others (each group cut at one place), and
 * `options.closingNotes` says where the others are.
 */
export function jobSummaryReport(result: RunResult, options: JobSummaryOptions): JobSummaryReport {
  const s = summarize(result);
  const limit = options.maxBytes ?? MAX_JOB_SUMMARY_BYTES;
  const budget = new TextBudget(limit, 'bytes', Math.min(CLOSING_RESERVE, limit / 4));
  // The notes: at most MAX_NOTES, each cut to MAX_NOTE_CHARS, together at most a quarter of the limit.
  let notes = '';
  for (const n of (options.notes ?? []).slice(0, MAX_NOTES)) {
    const line = `> ${(n.length > MAX_NOTE_CHARS ? `${n.slice(0, MAX_NOTE_CHARS - 1)}…` : n).replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')}\n`;
    if (sizeOf(notes + line, 'bytes') + 1 > limit / 4) break;
    notes += line;
  }
  if (notes !== '') budget.add(notes + '\n');
  budget.add(`## ${escapeMarkdown(options.title ?? 'kube-immutable')}\n\n${summaryLine(s)}.\n\n`);

  // Counts per policy and severity.
  if (result.findings.length > 0) {
    const ids = [...new Set([...options.policies.map((p) => p.id), ...result.findings.map((f) => f.policyId)])];
    const docs = new Map(options.policies.map((p) => [p.id, p.meta.docsUrl]));
    const rows = ids
      .map((id) => ({ id, n: SEVERITIES.map((sev) => result.findings.filter((f) => f.policyId === id && f.severity === sev).length) }))
      .filter((r) => r.n.some((x) => x > 0))
      .map((r) => {
        const url = docs.get(r.id);
        const name = url !== undefined ? link(r.id, url) : escapeMarkdown(r.id);
        return `| ${name} | ${r.n.join(' | ')} | ${r.n.reduce((a, b) => a + b, 0)} |\n`;
      });
    budget.add(
      `### Findings per policy\n\n| Policy | Errors | Warnings | Info | Total |\n| --- | ---: | ---: | ---: | ---: |\n${rows.join('')}| **Total** | ${s.errors} | ${s.warnings} | ${s.info} | ${s.findings} |\n\n`,
    );
  }

  // Skipped files (short, before the long tables).
  const skipped = result.files.filter((f) => f.skipped !== undefined);
  if (skipped.length > 0) {
    const shown = skipped.slice(0, MAX_SKIPPED_LISTED);
    const more = skipped.length - shown.length;
    budget.add(
      `### Skipped files\n\n${shown.map((f) => `- ${escapeMarkdown(f.path)}: ${escapeMarkdown(f.skipped!)}\n`).join('')}${more > 0 ? `- and ${plural(more, 'more file')} (\`kube-immutable scan\` lists them all)\n` : ''}\n`,
    );
  }

  // Exemption annotations the change requests or alters, or the configuration refuses.
  const exemptions = exemptionSection(result, {
    repoUrl: options.repoUrl,
    headSha: options.headSha,
    limit: Math.min(64 * 1024, limit / 4),
    unit: 'bytes',
    elsewhere: 'the JSON and SARIF outputs',
  });
  if (exemptions) budget.add(exemptions);

  // Findings, most severe first.
  const findings = [...result.findings].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line,
  );
  const listed = new Set<Finding>();
  const tableHead = '### Findings\n\n| Severity | Policy | Message | Location |\n| --- | --- | --- | --- |\n';
  if (findings.length > 0 && budget.add(tableHead)) {
    const row = (f: Finding) => {
      const where = link(`${f.file}:${f.range.start.line}`, blobUrl(options.repoUrl, options.headSha, f.file, f.range.start.line));
      const severity = f.suppressed ? `~~${SEVERITY_LABEL[f.severity]}~~ suppressed` : SEVERITY_LABEL[f.severity];
      const message = f.suppressed
        ? `${escapeMarkdown(f.message)}<br>_Exempted by ${escapeMarkdown(f.suppressed.source)}: ${escapeMarkdown(f.suppressed.justification || '(no reason given)')}_`
        : escapeMarkdown(f.message);
      return `| ${severity} | ${inlineCode(f.policyId, true)} | ${message} | ${where} |\n`;
    };
    // Choose the rows (the `first` ones, then the others, each group cut at one place), then
    // write them most severe first. The room is what the budget has left, less the blank line.
    const rows = new Map<Finding, string>();
    let room = limit - budget.reserve - budget.size - 1;
    const first = options.first;
    const groups = first ? [findings.filter((f) => first.has(f.fingerprint)), findings.filter((f) => !first.has(f.fingerprint))] : [findings];
    for (const group of groups) {
      for (const f of group) {
        const text = row(f);
        const size = sizeOf(text, 'bytes');
        if (size > room) break;
        room -= size;
        rows.set(f, text);
      }
    }
    for (const f of findings) {
      const text = rows.get(f);
      if (text !== undefined && budget.add(text)) listed.add(f);
    }
    budget.add('\n');
  }
  const omitted = findings.filter((f) => !listed.has(f));

  // Fixes, one collapsible diff each.
  const fixes = result.fixes.filter((g) => g.verified && g.edits.length > 0);
  let fixesLeft = fixes.length;
  if (fixes.length > 0 && options.originals && budget.add('### Fixes\n\n')) {
    for (const g of fixes) {
      const text = options.originals.get(g.file);
      let patch = '';
      try {
        if (text !== undefined) patch = patchForFixGroup(g, text);
      } catch {
        patch = '';
      }
      if (patch === '') {
        fixesLeft--;
        continue;
      }
      const what = fixGroupLabel(g);
      const summary = `${escapeHtml(g.file)}: fix for ${escapeHtml(what)} (${plural(g.findings.length, 'finding')})`;
      if (!budget.add(`<details><summary>${summary}</summary>\n\n${fence(patch.replace(/\n$/, ''), 'diff')}\n\n</details>\n\n`)) break;
      fixesLeft--;
    }
  }

  const closing: string[] = [];
  if (options.closingNotes) closing.push(...options.closingNotes(listed, omitted));
  else {
    if (omitted.length > 0)
      closing.push(`${plural(omitted.length, 'more finding')} not listed here: the job summary is limited to ${limit.toLocaleString('en-US')} bytes.`);
    if (options.notAnnotated !== undefined && options.notAnnotated > 0)
      closing.push(
        `${plural(options.notAnnotated, 'finding')} ${options.notAnnotated === 1 ? 'was' : 'were'} not annotated (GitHub shows at most 10 annotations of each level per step and 50 per job).`,
      );
  }
  if (fixesLeft > 0 && options.originals)
    closing.push(
      `${plural(fixesLeft, 'more fix', 'more fixes')} not shown here: the job summary is limited to ${limit.toLocaleString('en-US')} bytes. The patch-file input writes every fix to one file.`,
    );
  for (const n of closing) budget.addFinal(`_Note: ${n}_\n\n`);
  return { text: budget.toString(), listed };
}
