/**
 * The "Exemptions this pull request requests or changes" section of the review body and the job
 * summary: every exemption annotation the change adds or alters, or the configuration's rules
 * refuse (see `ExemptionRecord`), with its object, policy, containers, reason, expiry, status
 * and location, so that a human reviewer decides. Everything the pull request controls is
 * escaped; the section fits the caller's budget, whole rows only.
 */
import { fingerprintOf, type ExemptionRecord, type RunResult } from '../engine/index.js';
import { TextBudget } from './budget.js';
import { blobUrl, escapeMarkdown, inlineCode, link } from './markdown.js';
import { plural } from './summary.js';

/** The section's heading. */
export const EXEMPTION_SECTION_TITLE = 'Exemptions this pull request requests or changes';
/** The heading when no exemption is new or changed (no base commit, or only refusals by the rules). */
export const REFUSED_SECTION_TITLE = 'Exemption annotations not honoured';

/**
 * A stable id of a record for review markers (`ex-` and 16 hex digits): file, object, place, key,
 * policy, containers, reason, expiry and the decision — a re-run with the same request posts no
 * new review for it; a changed request (or decision) does.
 */
export function exemptionRecordId(r: ExemptionRecord): string {
  const o = r.object;
  return `ex-${fingerprintOf([r.file, o.kind, o.namespace, o.name, r.on, r.key, r.policy, r.containers?.join(','), r.reason, r.expires, r.honoured ? 'honoured' : r.refusals.join(',')])}`;
}

/** At most this many characters of a reason, an object name or a refusal in a row. */
const CELL_LIMIT = 300;

const clip = (text: string): string => (text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT - 1)}…` : text);

/** `Kind/namespace/name` (or `the pod template of Kind/name`). */
export function exemptionObjectLabel(r: Pick<ExemptionRecord, 'object' | 'on'>): string {
  const o = `${r.object.kind}/${r.object.namespace ? `${r.object.namespace}/` : ''}${r.object.name || '(unnamed)'}`;
  return r.on === 'podTemplate' ? `the pod template of ${o}` : o;
}

/** The status of a record in words: `not honoured: <why>`, or `honoured (new or changed in this change)`. */
export function exemptionStatus(r: Pick<ExemptionRecord, 'honoured' | 'why' | 'fingerprints' | 'atBase'>): string {
  const n = plural(r.fingerprints.length, 'finding');
  if (!r.honoured) return `not honoured — ${r.why}; ${n} still ${r.fingerprints.length === 1 ? 'counts' : 'count'}`;
  return `honoured (${r.atBase === false ? 'new or changed in this change' : 'at the base commit'}); suppresses ${n}`;
}

/** Options of {@link exemptionSection}. */
export interface ExemptionSectionOptions {
  repoUrl: string;
  headSha: string;
  /** Size limit of the section and how it is measured (the review body counts characters). */
  limit: number;
  unit: 'chars' | 'bytes';
  /** Heading level; default `###`. */
  heading?: string;
  /** Where the rows that do not fit are listed (for the closing note); default: the JSON and SARIF outputs. */
  elsewhere?: string;
}

/**
 * The section as Markdown ('' when the run has no records): a heading ({@link EXEMPTION_SECTION_TITLE},
 * or {@link REFUSED_SECTION_TITLE} when no record is new or changed), one sentence, and a table
 * `| Object | Policy | Containers | Reason | Expires | Status | Location |`; rows that do not fit
 * in `limit` are counted in a closing note. Cells are escaped ({@link escapeMarkdown},
 * {@link inlineCode}) and clipped to 300 characters.
 */
export function exemptionSection(result: Pick<RunResult, 'exemptions'>, opts: ExemptionSectionOptions): string {
  const records = result.exemptions ?? [];
  if (records.length === 0) return '';
  const refused = records.filter((r) => !r.honoured).length;
  const note = (left: number) =>
    `_Note: ${plural(left, 'more exemption')} not listed here (size limit); see ${opts.elsewhere ?? 'the JSON and SARIF outputs'}._\n\n`;
  const budget = new TextBudget(opts.limit, opts.unit, note(records.length).length + 8);
  const intro =
    `${opts.heading ?? '###'} ${records.some((r) => r.atBase === false) ? EXEMPTION_SECTION_TITLE : REFUSED_SECTION_TITLE}\n\n` +
    `${plural(records.length, 'exemption annotation')}${refused > 0 ? `, ${refused} not honoured (${refused === 1 ? 'its findings count' : 'their findings count'} for fail-level)` : ''}. ` +
    'Each row says whether it applies and why; under base-only a reviewer grants one by merging it (then it is at the base commit of later pull requests).\n\n' +
    '| Object | Policy | Containers | Reason | Expires | Status | Location |\n| --- | --- | --- | --- | --- | --- | --- |\n';
  if (!budget.add(intro)) return '';
  let left = records.length;
  for (const r of records) {
    const cells = [
      escapeMarkdown(clip(exemptionObjectLabel(r))),
      inlineCode(r.policy === '*' ? 'all' : r.policy, true),
      r.containers ? escapeMarkdown(clip(r.containers.join(', '))) : 'all',
      r.reason ? escapeMarkdown(clip(r.reason)) : '_(no reason given)_',
      r.expires ? escapeMarkdown(r.expires) : '—',
      `${r.honoured ? '' : '**'}${escapeMarkdown(clip(exemptionStatus(r)))}${r.honoured ? '' : '**'}`,
      link(`${r.file}:${r.line}`, blobUrl(opts.repoUrl, opts.headSha, r.file, r.line)),
    ];
    if (!budget.add(`| ${cells.join(' | ')} |\n`)) break;
    left--;
  }
  budget.addFinal('\n');
  if (left > 0) budget.addFinal(note(left));
  return budget.toString();
}
