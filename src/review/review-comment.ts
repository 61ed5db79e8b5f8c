/**
 * The Markdown of one review comment (inline, with or without a suggestion) and of one item
 * of the review body. Every user-controlled string is escaped (see markdown.ts); policy ids and
 * severities are ours.
 */
import { fixGroupLabel, type Finding, type FindingSuggestion, type FixGroup, type PolicyMeta, type Severity } from '../engine/index.js';
import { SEVERITY_RANK } from '../engine/index.js';
import { blobUrl, escapeMarkdown, fence, fingerprintMarker, inlineCode, link, safeUrl } from '../report/markdown.js';
import { SEVERITY_LABEL } from '../report/summary.js';

/** The most severe severity of `findings` (`info` for none). */
export function maxSeverity(findings: readonly Finding[]): Severity {
  let s: Severity = 'info';
  for (const f of findings) if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[s]) s = f.severity;
  return s;
}

/** Distinct policy ids of `findings`, in first-seen order. */
function policyIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.policyId))];
}

/**
 * A suggested change that is not a safe fix: a policy's fix held back as a verified suggestion
 * (`FindingSuggestion` with `kind` and `reason`, see src/engine/types.ts), shown as the comment's
 * ```` ```suggestion ```` block or the body item's ```` ```diff ````.
 */
export interface HeldChange {
  /** The finding whose suggestion it is (one of the comment's findings). */
  finding: Finding;
  /** That finding's suggestion (the same object as in `finding.suggestions`). */
  suggestion: FindingSuggestion;
  kind: 'guess' | 'behaviour';
  /**
   * A stable id for the marker's `fix=` (as a fix group's id is): 16 hex digits of sha256 of the
   * file and the finding's fingerprint, so it survives unrelated lines moving.
   */
  id: string;
}

/**
 * The label a comment's or body item's first line carries after the policy ids when its
 * suggested change is a guess or a behaviour change (issue #15: labelled in the title).
 */
export const HELD_CHANGE_LABEL: Record<HeldChange['kind'], string> = {
  guess: 'suggested change is a guess — check before committing',
  behaviour: 'suggested change changes behaviour — review before committing',
};

/**
 * `**Error** · `policy-a` · `policy-b``: the first line of a comment or body item, with
 * {@link HELD_CHANGE_LABEL} appended when its suggested change is `held`.
 */
function headline(findings: readonly Finding[], held?: HeldChange, group?: FixGroup): string {
  const ids = policyIds(findings)
    .map((id) => inlineCode(id))
    .join(' · ');
  const kind = held?.kind ?? group?.kinds?.[0];
  const label = held ? HELD_CHANGE_LABEL[held.kind] : kind ? APPLIED_KIND_LABEL[kind] : undefined;
  return `**${SEVERITY_LABEL[maxSeverity(findings)]}** · ${ids}${label ? ` · ${label}` : ''}`;
}

/**
 * The label of a fix group's headline when it holds a guess or a behaviour change that the run
 * applies as a fix because it was asked to (`fixes:` configuration, `--include-guesses`,
 * `--apply-behaviour-changes`): still said, so a reader knows how sure the change is.
 */
export const APPLIED_KIND_LABEL: Record<HeldChange['kind'], string> = {
  guess: 'suggested change includes a guess (guesses are included) — check before committing',
  behaviour: 'suggested change includes a behaviour change (applied as configured) — review before committing',
};

/** `container "app" of Deployment/ns/web` (escaped) for a fix group, or the finding's object. */
function subjectOf(findings: readonly Finding[], group: FixGroup | undefined): string | undefined {
  if (group) return escapeMarkdown(fixGroupLabel(group));
  const o = findings[0]?.object;
  if (!o) return undefined;
  const c = findings[0]!.container;
  const obj = `${o.kind}/${o.namespace ?? ''}${o.namespace !== undefined ? '/' : ''}${o.name}`;
  return escapeMarkdown(c ? `container "${c.name}" of ${obj}` : obj);
}

/**
 * Message lines: one list item per finding (escaped), with a withheld fix and alternatives. The
 * suggestion `shown` below as the suggested change (block or diff) is not listed as an
 * alternative: its line says it is the change below (`Suggested change below (a guess, ...)`).
 */
function messageLines(findings: readonly Finding[], shown?: FindingSuggestion): string[] {
  const out: string[] = [];
  for (const f of findings) {
    out.push(`- ${findings.length > 1 ? inlineCode(f.policyId) + ': ' : ''}${escapeMarkdown(f.message)}`);
    if (f.fixProblem !== undefined) out.push(`  - No fix offered: ${escapeMarkdown(f.fixProblem)}`);
    for (const s of f.suggestions) out.push(`  - ${s === shown ? shownLabel(s) : alternativeLabel(s)}: ${escapeMarkdown(s.message)}`);
  }
  return out;
}

/** `Suggested change below (a guess, not applied by kube-immutable fix)` (or `a behaviour change`). */
function shownLabel(s: Pick<FindingSuggestion, 'kind'>): string {
  return `Suggested change below (${s.kind === 'behaviour' ? 'a behaviour change' : 'a guess'}, not applied by kube-immutable fix)`;
}

/**
 * `Alternative` for a plain one; `Alternative (a guess, not applied by kube-immutable fix)` /
 * `Alternative (a behaviour change, not applied by kube-immutable fix)` for a policy's fix held
 * back; `Alternative (a guess)` / `Alternative (a behaviour change)` for a labelled one.
 */
function alternativeLabel(s: Pick<FindingSuggestion, 'kind' | 'reason'>): string {
  if (s.kind === undefined) return 'Alternative';
  const what = s.kind === 'guess' ? 'a guess' : 'a behaviour change';
  return `Alternative (${what}${s.reason !== undefined ? ', not applied by kube-immutable fix' : ''})`;
}

/** Why it matters (each policy's remediation, escaped) and a link to its docs page. */
function remediationLines(findings: readonly Finding[], meta: ReadonlyMap<string, PolicyMeta>): string[] {
  const out: string[] = [];
  for (const id of policyIds(findings)) {
    const m = meta.get(id);
    if (!m) continue;
    const docs = m.docsUrl === undefined ? undefined : safeUrl(m.docsUrl);
    out.push(`> ${inlineCode(id)}: ${escapeMarkdown(m.remediation)}${docs ? ` ([docs](${docs}))` : ''}`);
    out.push('>');
  }
  if (out.length > 0) out.pop();
  return out;
}

/** What an inline review comment says. */
export interface CommentContent {
  /** In the order shown: the planned review's units are most severe first (collectUnits, src/review/review-plan.ts). */
  findings: readonly Finding[];
  group: FixGroup | undefined;
  /** The suggestion block's content (lines joined with `\n`), for a comment with a suggestion. */
  suggestion?: string;
  /** The head line the comment is anchored on (written into the marker). */
  line: number;
  /**
   * Set when `suggestion` is a guess or a behaviour change (no `group` then): the headline is
   * labelled, its message line says it is the change below, and the marker's `fix=` is its id.
   */
  held?: HeldChange;
}

/**
 * The body of an inline review comment: severity and policy ids (labelled when the suggested
 * change is a guess or a behaviour change, see {@link HELD_CHANGE_LABEL}), the object/container,
 * every finding's message, each policy's remediation and docs link, the ```` ```suggestion ````
 * block (fence longer than any backtick run in it), and the hidden marker with the findings'
 * fingerprints, the fix id (the group's, or the held change's) and the anchor line.
 */
export function commentBody(c: CommentContent, meta: ReadonlyMap<string, PolicyMeta>): string {
  const held = c.suggestion !== undefined ? c.held : undefined;
  const parts: string[] = [headline(c.findings, held, c.suggestion !== undefined ? c.group : undefined)];
  const subject = subjectOf(c.findings, c.group);
  parts.push([...(subject ? [`${subject}:`] : []), ...messageLines(c.findings, held?.suggestion)].join('\n'));
  const why = remediationLines(c.findings, meta);
  if (why.length > 0) parts.push(why.join('\n'));
  if (c.suggestion !== undefined) parts.push(fence(c.suggestion, 'suggestion'));
  parts.push(fingerprintMarker({ fingerprint: c.findings.map((f) => f.fingerprint), fixId: c.group?.id ?? held?.id, line: c.line }));
  return parts.join('\n\n') + '\n';
}

/** One finding (or fix group) listed in the review body or the job summary. */
export interface BodyItem {
  findings: readonly Finding[];
  group: FixGroup | undefined;
  /** Unified diff of the group's edits, or of `held`'s ('' when there is none). */
  patch: string;
  /** Why it is not an inline comment. */
  reason: string;
  /** Set when `patch` is the diff of a guess or a behaviour change (no `group` then). */
  held?: HeldChange;
}

/**
 * A review-body entry: headline (labelled when the diff is a guess or a behaviour change), a link
 * to the first finding's line at `headSha`, the messages, why it is not inline, and the fix as a
 * ```` ```diff ```` block. Ends with a blank line.
 */
export function bodyItem(item: BodyItem, repoUrl: string, headSha: string): string {
  const f = item.findings[0]!;
  const where = link(`${f.file}:${f.range.start.line}`, blobUrl(repoUrl, headSha, f.file, f.range.start.line));
  const subject = subjectOf(item.findings, item.group);
  const held = item.patch !== '' ? item.held : undefined;
  const lines = [
    `${headline(item.findings, held, item.patch !== '' ? item.group : undefined)} · ${where}${subject ? ` · ${subject}` : ''}`,
    '',
    ...messageLines(item.findings, held?.suggestion),
    '',
    `_Not inline: ${escapeMarkdown(item.reason)}._`,
  ];
  if (item.patch !== '') lines.push('', fence(item.patch.replace(/\n$/, ''), 'diff'));
  return lines.join('\n') + '\n\n';
}
