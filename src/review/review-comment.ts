/**
 * The Markdown of one review comment (inline, with or without a suggestion) and of one row (and
 * folded patch) of the review body's table. Every user-controlled string is escaped (see
 * markdown.ts: escapeMarkdown in Markdown, escapeHtml inside `<summary>`); severities are ours.
 */
import {
  confidenceOfKinds,
  fixGroupLabel,
  type Confidence,
  type Finding,
  type FindingSuggestion,
  type FixGroup,
  type PolicyMeta,
  type Severity,
} from '../engine/index.js';
import { SEVERITY_RANK } from '../engine/index.js';
import { blobUrl, escapeHtml, escapeMarkdown, fence, fingerprintMarker, inlineCode, link, safeUrl } from '../report/markdown.js';
import { plural, SEVERITY_LABEL } from '../report/summary.js';

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

/** `container "app" of Deployment/ns/web` (not escaped) for a fix group, or the first finding's object (undefined without one). */
function subjectText(findings: readonly Finding[], group?: FixGroup): string | undefined {
  if (group) return fixGroupLabel(group);
  const o = findings[0]?.object;
  if (!o) return undefined;
  const c = findings[0]!.container;
  const obj = `${o.kind}/${o.namespace ?? ''}${o.namespace !== undefined ? '/' : ''}${o.name}`;
  return c ? `container "${c.name}" of ${obj}` : obj;
}

/** {@link subjectText}, escaped for Markdown. */
function subjectOf(findings: readonly Finding[], group: FixGroup | undefined): string | undefined {
  const t = subjectText(findings, group);
  return t === undefined ? undefined : escapeMarkdown(t);
}

/**
 * Message lines: one list item per finding (escaped), with a withheld fix and alternatives. The
 * suggestion `shown` as the comment's suggested change (the block above the folded details) is
 * not listed as an alternative: its line says it is that change (`The suggested change above (a
 * guess, ...)`).
 */
function messageLines(findings: readonly Finding[], shown?: FindingSuggestion): string[] {
  const out: string[] = [];
  for (const f of findings) {
    out.push(`- ${findings.length > 1 ? `${inlineCode(f.policyId)} (${f.severity}): ` : ''}${escapeMarkdown(f.message)}`);
    if (f.fixProblem !== undefined) out.push(`  - No fix offered: ${escapeMarkdown(f.fixProblem)}`);
    for (const s of f.suggestions) out.push(`  - ${s === shown ? shownLabel(s) : alternativeLabel(s)}: ${escapeMarkdown(s.message)}`);
  }
  return out;
}

/** `The suggested change above (a guess, not applied by kube-immutable fix)` (or `a behaviour change`). */
function shownLabel(s: Pick<FindingSuggestion, 'kind'>): string {
  return `The suggested change above (${s.kind === 'behaviour' ? 'a behaviour change' : 'a guess'}, not applied by kube-immutable fix)`;
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

/** Why it matters (each policy's remediation, escaped) and a link to its docs page: one list item per policy. */
function remediationLines(findings: readonly Finding[], meta: ReadonlyMap<string, PolicyMeta>): string[] {
  const out: string[] = [];
  for (const id of policyIds(findings)) {
    const m = meta.get(id);
    if (!m) continue;
    const docs = m.docsUrl === undefined ? undefined : safeUrl(m.docsUrl);
    out.push(`- ${inlineCode(id)}: ${escapeMarkdown(m.remediation)}${docs ? ` ([docs](${docs}))` : ''}`);
  }
  return out;
}

/** The {@link Confidence} of a suggested change: the held change's kind, else the fix group's least sure kind (confidenceOfKinds). */
export function confidenceOf(held: HeldChange | undefined, group: FixGroup | undefined): Confidence {
  return confidenceOfKinds(held ? [held.kind] : group?.kinds);
}

/** `2 errors, 1 warning`: the findings' counts by severity, most severe first, zero counts left out. */
export function severityCounts(findings: readonly Finding[]): string {
  const order: Severity[] = ['error', 'warning', 'info'];
  return order
    .map((sev) => [sev, findings.filter((f) => f.severity === sev).length] as const)
    .filter(([, n]) => n > 0)
    .map(([sev, n]) => (sev === 'info' ? `${n} info` : `${n} ${sev}${n === 1 ? '' : 's'}`))
    .join(', ');
}

/**
 * What a lead line says of its suggested change: `one-click fix below (known fact)`,
 * `one-click fix below (includes a guess, applied as configured: check it before committing)`,
 * `suggested change below (a guess: check it before committing)` or `suggested change below (a
 * behaviour change: review it before committing)`.
 */
function changeNote(held: HeldChange | undefined, group: FixGroup | undefined): string {
  const where = 'below';
  const c = confidenceOf(held, group);
  if (held) return `suggested change ${where} (${c === 'guess' ? 'a guess: check it' : 'a behaviour change: review it'} before committing)`;
  if (c === 'known fact') return `one-click fix ${where} (known fact)`;
  return `one-click fix ${where} (includes ${c === 'guess' ? 'a guess' : 'a behaviour change'}, applied as configured: ${c === 'guess' ? 'check' : 'review'} it before committing)`;
}

/**
 * The one lead line of a comment: `**Error** · container "app" of Deployment/ns/web · 2 errors,
 * 1 warning · one-click fix below (known fact)` — the most severe severity, the object (and
 * container), the counts by severity (with the policy id when there is one policy), and what
 * follows: the suggested change and how sure it is ({@link changeNote}), or `no suggested change`.
 */
export function leadLine(findings: readonly Finding[], group: FixGroup | undefined, held: HeldChange | undefined, suggested: boolean): string {
  const subject = subjectOf(findings, group);
  const ids = policyIds(findings);
  const counts = `${severityCounts(findings)}${ids.length === 1 ? `: ${inlineCode(ids[0]!)}` : ''}`;
  const after = suggested ? changeNote(held, group) : 'no suggested change';
  return [`**${SEVERITY_LABEL[maxSeverity(findings)]}**`, ...(subject ? [subject] : []), counts, after].join(' · ');
}

/** `<summary>` text (HTML-escaped): `3 findings: policy-a, policy-b` (ours: ids and counts). */
function detailsSummary(findings: readonly Finding[], what: string): string {
  return escapeHtml(`${what}: ${plural(findings.length, 'finding')} — ${policyIds(findings).join(', ')}`);
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
   * Set when `suggestion` is a guess or a behaviour change (no `group` then): the lead line says
   * so, its message line says it is the change above, and the marker's `fix=` is its id.
   */
  held?: HeldChange;
}

/**
 * The body of an inline review comment, shortest first (issue #18): ONE lead line
 * ({@link leadLine}: severity, object, counts, and the suggested change's confidence), then the
 * ```` ```suggestion ```` block (fence longer than any backtick run in it) right after it, then
 * the explanations folded in `<details>` — every finding's message with its withheld fix and
 * alternatives, each policy's remediation and docs link — and the hidden marker with the
 * findings' fingerprints, the fix id (the group's, or the held change's) and the anchor line. A
 * comment without a suggestion shows the messages unfolded (they are what it says) and folds
 * the remediation. GitHub renders `<details>`/`<summary>` (its "Organizing information with
 * collapsed sections" docs); the summary text is HTML-escaped, the Markdown inside escaped.
 */
export function commentBody(c: CommentContent, meta: ReadonlyMap<string, PolicyMeta>): string {
  const suggested = c.suggestion !== undefined;
  const held = suggested ? c.held : undefined;
  const parts: string[] = [leadLine(c.findings, suggested ? c.group : undefined, held, suggested)];
  const messages = messageLines(c.findings, held?.suggestion);
  const why = remediationLines(c.findings, meta);
  if (suggested) {
    parts.push(fence(c.suggestion!, 'suggestion'));
    const inside = [messages.join('\n'), ...(why.length > 0 ? ['How to fix it, and why:', why.join('\n')] : [])];
    parts.push(`<details><summary>${detailsSummary(c.findings, 'Details')}</summary>\n\n${inside.join('\n\n')}\n\n</details>`);
  } else {
    parts.push(messages.join('\n'));
    if (why.length > 0) parts.push(`<details><summary>How to fix it, and why</summary>\n\n${why.join('\n')}\n\n</details>`);
  }
  parts.push(fingerprintMarker({ fingerprint: c.findings.map((f) => f.fingerprint), fixId: c.group?.id ?? held?.id, line: c.line }));
  return parts.join('\n\n') + '\n';
}

/** One finding (or fix group) listed in the review body's table. */
export interface BodyItem {
  findings: readonly Finding[];
  group: FixGroup | undefined;
  /** Unified diff of the group's edits, or of `held`'s ('' when there is none). */
  patch: string;
  /** Why it is not an inline comment (the same text for every row with that reason: the table numbers it once). */
  reason: string;
  /** Set when `patch` is the diff of a guess or a behaviour change (no `group` then). */
  held?: HeldChange;
}

/** At most this many characters of a message stand in a row of the review body's table. */
const ROW_MESSAGE_CHARS = 200;

/** The header of the review body's table of findings not posted inline (see {@link bodyRow}). */
export const BODY_TABLE_HEAD = '| Severity | Where | Object | Policies | Not inline |\n| --- | --- | --- | --- | :-: |\n';

/**
 * A row of the review body's table (with its newline): the most severe severity, a link to the
 * first finding's line at `headSha`, the object/container (for a finding about a whole file, its
 * message, cut at 200 characters), the policy ids (linked to their docs
 * pages when `meta` has one; with `· patch below` and its confidence when it has a patch), and
 * `reasonNumber`: the number of its reason in the list under the table (stated once per reason).
 */
export function bodyRow(item: BodyItem, repoUrl: string, headSha: string, meta: ReadonlyMap<string, PolicyMeta>, reasonNumber: number): string {
  const f = item.findings[0]!;
  const where = link(`${f.file}:${f.range.start.line}`, blobUrl(repoUrl, headSha, f.file, f.range.start.line));
  // A finding about a file (no object: a file not scanned, a syntax error) shows its message instead.
  const m = f.message.length > ROW_MESSAGE_CHARS ? `${f.message.slice(0, ROW_MESSAGE_CHARS - 1)}…` : f.message;
  const subject = subjectOf(item.findings, item.group) ?? escapeMarkdown(m);
  const ids = policyIds(item.findings)
    .map((id) => {
      const docs = meta.get(id)?.docsUrl;
      const url = docs === undefined ? undefined : safeUrl(docs);
      return url ? `[${inlineCode(id, true)}](${url})` : inlineCode(id, true);
    })
    .join(', ');
  const patch = item.patch !== '' ? ` · patch below (${confidenceOf(item.held, item.group)})` : '';
  return `| **${SEVERITY_LABEL[maxSeverity(item.findings)]}** | ${where} | ${subject} | ${ids}${patch} | ${reasonNumber} |\n`;
}

/**
 * A folded patch of the review body (with a blank line after it): `<details>` whose summary
 * names the file, line and object (HTML-escaped) and says how sure the change is, holding the
 * ```` ```diff ```` of `item.patch`. '' when the item has no patch.
 */
export function bodyPatch(item: BodyItem): string {
  if (item.patch === '') return '';
  const f = item.findings[0]!;
  const what = subjectText(item.findings, item.group) ?? f.file;
  const c = confidenceOf(item.held, item.group);
  const summary = escapeHtml(`Patch for ${f.file}:${f.range.start.line} · ${what} (${c})`);
  return `<details><summary>${summary}</summary>\n\n${fence(item.patch.replace(/\n$/, ''), 'diff')}\n\n</details>\n\n`;
}
