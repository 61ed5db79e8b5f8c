/**
 * The job summary (`core.summary`) of a run: Markdown, at most 1 MiB per step.
 */
import { fixGroupLabel, type Policy, type RunResult, type Severity } from '../engine/index.js';
import { SEVERITY_RANK } from '../engine/index.js';
import { TextBudget } from './budget.js';
import { exemptionSection } from './exemption-requests.js';
import { blobUrl, escapeHtml, escapeMarkdown, fence, inlineCode, link } from './markdown.js';
import { patchForFixGroup } from './patch.js';
import { SEVERITY_LABEL } from './review-comment.js';
import { plural, summarize, summaryLine } from './summary.js';

/** GitHub's limit on one step's job summary, in bytes (1 MiB). */
export const MAX_JOB_SUMMARY_BYTES = 1024 * 1024;

/** Options of {@link jobSummary}. */
export interface JobSummaryOptions {
  /** `https://github.com/owner/repo` (links to findings). */
  repoUrl: string;
  /** The commit the files were read at (links use it). */
  headSha: string;
  /** The policies of the run, for the counts table's order and docs links. */
  policies: readonly Policy<any>[];
  /** Heading; default `kube-immutable`. */
  title?: string;
  /** Original text of each file by path: needed for the fixes' diffs (without it, no diffs). */
  originals?: ReadonlyMap<string, string>;
  /** Findings GitHub did not annotate (see `planAnnotations`'s `dropped`). */
  notAnnotated?: number;
  /** Size limit in UTF-8 bytes; default {@link MAX_JOB_SUMMARY_BYTES}. */
  maxBytes?: number;
}

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
  const s = summarize(result);
  const limit = options.maxBytes ?? MAX_JOB_SUMMARY_BYTES;
  const budget = new TextBudget(limit, 'bytes', Math.min(2_048, limit / 4));
  budget.add(`## ${escapeMarkdown(options.title ?? 'kube-immutable')}\n\n${summaryLine(s)}.\n\n`);
  if (options.notAnnotated !== undefined && options.notAnnotated > 0) {
    budget.add(`> [!NOTE]\n> ${plural(options.notAnnotated, 'finding')} ${options.notAnnotated === 1 ? 'was' : 'were'} not annotated in the diff (GitHub keeps at most 10 annotations per severity per step); all are listed below.\n\n`);
  }

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
    budget.add(`### Findings per policy\n\n| Policy | Errors | Warnings | Info | Total |\n| --- | ---: | ---: | ---: | ---: |\n${rows.join('')}| **Total** | ${s.errors} | ${s.warnings} | ${s.info} | ${s.findings} |\n\n`);
  }

  // Skipped files (short, before the long tables).
  const skipped = result.files.filter((f) => f.skipped !== undefined);
  if (skipped.length > 0) {
    budget.add(`### Skipped files\n\n${skipped.map((f) => `- ${escapeMarkdown(f.path)}: ${escapeMarkdown(f.skipped!)}\n`).join('')}\n`);
  }

  // Exemption annotations the change requests or alters, or the configuration refuses.
  const exemptions = exemptionSection(result, { repoUrl: options.repoUrl, headSha: options.headSha, limit: Math.min(64 * 1024, limit / 4), unit: 'bytes', elsewhere: 'the JSON and SARIF outputs' });
  if (exemptions) budget.add(exemptions);

  // Findings, most severe first.
  const findings = [...result.findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line);
  let rowsLeft = findings.length;
  if (findings.length > 0 && budget.add('### Findings\n\n| Severity | Policy | Message | Location |\n| --- | --- | --- | --- |\n')) {
    for (const f of findings) {
      const where = link(`${f.file}:${f.range.start.line}`, blobUrl(options.repoUrl, options.headSha, f.file, f.range.start.line));
      const severity = f.suppressed ? `~~${SEVERITY_LABEL[f.severity]}~~ suppressed` : SEVERITY_LABEL[f.severity];
      const message = f.suppressed ? `${escapeMarkdown(f.message)}<br>_Exempted by ${escapeMarkdown(f.suppressed.source)}: ${escapeMarkdown(f.suppressed.justification || '(no reason given)')}_` : escapeMarkdown(f.message);
      if (!budget.add(`| ${severity} | ${inlineCode(f.policyId, true)} | ${message} | ${where} |\n`)) break;
      rowsLeft--;
    }
    budget.add('\n');
  }

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

  if (rowsLeft > 0) budget.addFinal(`_Note: ${plural(rowsLeft, 'more finding')} not listed: the job summary is limited to ${limit} bytes. The SARIF file and annotations have them all._\n\n`);
  if (fixesLeft > 0 && options.originals) budget.addFinal(`_Note: ${plural(fixesLeft, 'more fix', 'more fixes')} not shown: the job summary is limited to ${limit} bytes. Download the patch file for all fixes._\n\n`);
  return budget.toString();
}
