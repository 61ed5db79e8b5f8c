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

/** `**Error** · `policy-a` · `policy-b``: the first line of a comment or body item. */
function headline(findings: readonly Finding[]): string {
  return `**${SEVERITY_LABEL[maxSeverity(findings)]}** · ${policyIds(findings)
    .map((id) => inlineCode(id))
    .join(' · ')}`;
}

/** `container "app" of Deployment/ns/web` (escaped) for a fix group, or the finding's object. */
function subjectOf(findings: readonly Finding[], group: FixGroup | undefined): string | undefined {
  if (group) return escapeMarkdown(fixGroupLabel(group));
  const o = findings[0]?.object;
  if (!o) return undefined;
  const c = findings[0]!.container;
  const obj = `${o.kind}/${o.namespace ?? ''}${o.namespace !== undefined ? '/' : ''}${o.name}`;
  return escapeMarkdown(c ? `container "${c.name}" of ${obj}` : obj);
}

/** Message lines: one list item per finding (escaped), with a withheld fix and alternatives. */
function messageLines(findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    out.push(`- ${findings.length > 1 ? inlineCode(f.policyId) + ': ' : ''}${escapeMarkdown(f.message)}`);
    if (f.fixProblem !== undefined) out.push(`  - No fix offered: ${escapeMarkdown(f.fixProblem)}`);
    for (const s of f.suggestions) out.push(`  - ${alternativeLabel(s)}: ${escapeMarkdown(s.message)}`);
  }
  return out;
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
  findings: readonly Finding[];
  group: FixGroup | undefined;
  /** The suggestion block's content (lines joined with `\n`), for a comment with a suggestion. */
  suggestion?: string;
  /** The head line the comment is anchored on (written into the marker). */
  line: number;
}

/**
 * The body of an inline review comment: severity and policy ids, the object/container, every
 * finding's message, each policy's remediation and docs link, the ```` ```suggestion ```` block
 * (fence longer than any backtick run in it), and the hidden marker with the findings'
 * fingerprints, the fix id and the anchor line.
 */
export function commentBody(c: CommentContent, meta: ReadonlyMap<string, PolicyMeta>): string {
  const parts: string[] = [headline(c.findings)];
  const subject = subjectOf(c.findings, c.group);
  parts.push([...(subject ? [`${subject}:`] : []), ...messageLines(c.findings)].join('\n'));
  const why = remediationLines(c.findings, meta);
  if (why.length > 0) parts.push(why.join('\n'));
  if (c.suggestion !== undefined) parts.push(fence(c.suggestion, 'suggestion'));
  parts.push(fingerprintMarker({ fingerprint: c.findings.map((f) => f.fingerprint), fixId: c.group?.id, line: c.line }));
  return parts.join('\n\n') + '\n';
}

/** One finding (or fix group) listed in the review body or the job summary. */
export interface BodyItem {
  findings: readonly Finding[];
  group: FixGroup | undefined;
  /** Unified diff of the group's edits ('' when there is none). */
  patch: string;
  /** Why it is not an inline comment. */
  reason: string;
}

/**
 * A review-body entry: headline, a link to the first finding's line at `headSha`, the
 * messages, why it is not inline, and the fix as a ```` ```diff ```` block. Ends with a blank line.
 */
export function bodyItem(item: BodyItem, repoUrl: string, headSha: string): string {
  const f = item.findings[0]!;
  const where = link(`${f.file}:${f.range.start.line}`, blobUrl(repoUrl, headSha, f.file, f.range.start.line));
  const subject = subjectOf(item.findings, item.group);
  const lines = [
    `${headline(item.findings)} · ${where}${subject ? ` · ${subject}` : ''}`,
    '',
    ...messageLines(item.findings),
    '',
    `_Not inline: ${escapeMarkdown(item.reason)}._`,
  ];
  if (item.patch !== '') lines.push('', fence(item.patch.replace(/\n$/, ''), 'diff'));
  return lines.join('\n') + '\n\n';
}
