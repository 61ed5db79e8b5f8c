/**
 * Plan the ONE pull request review of a run (GitHub's REST docs, "Create a review for a pull
 * request", and its suggested-changes docs): which findings become inline
 * comments (a suggestion per fix group, a plain comment per unfixed line), which go to the
 * review body, which of our earlier comments are already there or stale. Pure: src/github
 * posts the plan.
 */
import type { Finding, FixGroup, RunResult, AnyPolicy, PolicyMeta, Severity } from '../engine/index.js';
import { fingerprintOf, SEVERITY_RANK } from '../engine/index.js';
import { TextBudget } from '../report/budget.js';
import { findHunk, type AnchorMode, type Hunk } from './diff-hunks.js';
import { escapeMarkdown, fingerprintMarker, parseMarker } from '../report/markdown.js';
import { patchForEdits, patchForFixGroup } from '../report/patch.js';
import { exemptionRecordId, exemptionSection } from '../report/exemption-requests.js';
import { BODY_TABLE_HEAD, bodyPatch, bodyRow, commentBody, maxSeverity, severityCounts, type BodyItem, type HeldChange } from './review-comment.js';
import { buildSuggestion, isSuggestion } from './suggestion.js';
import { plural, summarize, summaryLine } from '../report/summary.js';

/** GitHub's limit on a review body or comment body, in characters. */
export const MAX_BODY_LENGTH = 65_536;

/**
 * A review comment already on the pull request. Earlier review BODIES of ours may be passed too,
 * as `path: ''` and `line: null`: their markers tell which body findings were already listed.
 */
export interface ExistingComment {
  id: number;
  path: string;
  /** 1-based head line it sits on now; null when outdated. */
  line: number | null;
  body: string;
  inReplyTo?: number;
  hasReplies: boolean;
  /** Posted by us: has our marker. */
  mine: boolean;
}

/** One inline comment to post: lines are 1-based head lines, `startLine < line` when set. */
export interface PlannedComment {
  path: string;
  line: number;
  startLine?: number;
  side: 'RIGHT';
  startSide?: 'RIGHT';
  body: string;
  /** Fingerprints of the findings it reports. */
  fingerprints: string[];
  /** Set when it carries a ```` ```suggestion ````: what kind of change it is (a safe fix, a guess, a behaviour change). */
  suggestion?: 'safe' | 'guess' | 'behaviour';
}

/** The review to post. */
export interface ReviewPlan {
  /** New inline comments, most severe first. */
  comments: PlannedComment[];
  /** The review body (≤ {@link MAX_BODY_LENGTH} characters). */
  body: string;
  /** Findings listed in the body. */
  bodyFindings: Finding[];
  /** Our comments whose findings are all gone or re-posted by this review, with no replies: delete them. */
  staleCommentIds: number[];
  /** Fingerprints not posted again: an earlier comment of ours on the same line has them. */
  alreadyPosted: string[];
  /** True when there is no new inline comment and every body finding was already posted. */
  nothingNew: boolean;
  /**
   * The body to post instead when GitHub rejects the inline comments (HTTP 422): every finding
   * in scope listed as in `body`, the planned comments' ones included (same size limit).
   */
  fallbackBody: string;
  /**
   * Fingerprints the review carries when posted as planned (or, when `nothingNew`, as it
   * already is): the new inline comments, the body's findings, and those our earlier comments
   * and review bodies hold. The other findings must reach another channel.
   */
  carried: string[];
  /** As {@link carried}, for the review posted with `fallbackBody` instead. */
  fallbackCarried: string[];
}

/**
 * Where findings the review does not carry are reported instead: a clause such as `they are
 * in the job summary` (see `planChannels`'s `describe`), given those findings and the
 * fingerprints the review carries. At most {@link MAX_ELSEWHERE_LENGTH} characters are used.
 */
export type Elsewhere = (findings: readonly Finding[], carried: ReadonlySet<string>) => string;

/** Characters of an {@link Elsewhere} clause kept in a note (room is reserved for two). */
export const MAX_ELSEWHERE_LENGTH = 300;

/** What {@link planReview} needs. */
export interface ReviewInput {
  result: RunResult;
  /** Changed files: head text (at `headSha`) and diff hunks. */
  files: Map<string, { headText: string; hunks: Hunk[] }>;
  filterMode: 'added' | 'diff_context' | 'file' | 'nofilter';
  maxComments: number;
  /**
   * The lowest severity that gets an inline comment without a suggested change (the action's
   * `comment-level` input, reviewdog's `level`): a finding below it goes to the body's table
   * unless its comment carries a suggested change (a verified fix, or a guess or behaviour change
   * held back), which is always eligible; `none` — only comments with a suggested change.
   * Default `info` (every finding may be inline).
   */
  commentLevel?: Severity | 'none';
  existing: ExistingComment[];
  headSha: string;
  /** `https://github.com/owner/repo`. */
  repoUrl: string;
  /** For each policy's meta (remediation, docsUrl). */
  policies: readonly AnyPolicy[];
  /** Where the findings left out of the review are; default `they are in the job summary`. */
  elsewhere?: Elsewhere;
  /**
   * Head texts (at `headSha`, path as in the run's findings) of files the pull request does not
   * change that a fix group edits: a chart's values file a template's finding is fixed in, a
   * Kustomize base an overlay's finding is fixed in. No comment can sit on them, so the review
   * body shows their fix as a ```` ```diff ```` (against this text) to apply by hand. Files
   * in `files` are never looked up here.
   */
  unchangedTexts?: ReadonlyMap<string, string>;
}

/** A finding or fix group on its way to a comment or the body (`path` as in the run's findings). */
export interface Unit {
  path: string;
  findings: Finding[];
  group: FixGroup | undefined;
  /**
   * For a unit without a fix group: the guess or behaviour change it offers as its suggested
   * change instead (see {@link heldChangeOf}); undefined when there is none.
   */
  held?: HeldChange;
  /** Set when it can be inline: the anchor (and suggestion content). */
  anchor?: { startLine: number; line: number; suggestion?: string };
  reason?: string;
}

/**
 * Plan the review. A finding is in scope by `filterMode`: `added` / `diff_context` — some line
 * of its range is an added / RIGHT-side line of a hunk; `file` — its file changed; `nofilter` —
 * every finding. Each verified fix group in scope becomes ONE comment with ONE suggestion
 * (`buildSuggestion`, anchored on added lines for `added`, else added or context lines); the
 * unfixed findings of one line become one comment: with the suggestion of a policy's fix held
 * back (a guess or a behaviour change, {@link heldChangeOf}; the comment's headline says which)
 * placed as a fix group's is, else a plain comment on that line when it is in a hunk. Comments
 * are posted most severe first while our inline comments on the pull request (the live ones of
 * earlier runs counted, {@link liveInlineComments}) stay within `maxComments`; a suggestion whose lines overlap one
 * planned or already posted (or, for a guess or behaviour change, any safe fix's) goes to the
 * body, as does everything that cannot be inline (with its reason and ```diff; a fix of a file the pull
 * request does not change is diffed against its text in `unchangedTexts`). Re-runs: a comment whose
 * fingerprints all sit in our earlier comment on the same line is skipped (`alreadyPosted`);
 * our earlier comments with no replies whose fingerprints are all gone or re-posted now are
 * `staleCommentIds`.
 */
export function planReview(input: ReviewInput): ReviewPlan {
  const { result, files, filterMode } = input;
  const anchorMode: AnchorMode = filterMode === 'added' ? 'added' : 'diff_context';
  const meta = new Map(input.policies.map((p) => [p.id, p.meta]));
  const { units, outOfScope } = collectUnits(result, (f) => findingInScope(f, files, filterMode));
  for (const u of units) Object.assign(u, placeUnit(u, files.get(u.path), anchorMode));
  const ours = ourComments(input.existing);
  const postedAnywhere = new Set(ours.flatMap((x) => x.fingerprints));
  const alive = new Set(result.findings.filter((f) => !f.suppressed).map((f) => f.fingerprint));
  const picked = pickInlineComments(units, ours, input.maxComments, meta, alive, input.commentLevel ?? 'info');
  const { comments, alreadyPosted } = picked;
  const staleCommentIds = staleComments(ours, result.findings, comments);
  const body = [...units.filter((u) => !u.anchor), ...picked.toBody].sort(bodyOrder);
  // An exemption request not yet listed in one of our review bodies makes the review worth posting.
  const requestIds = markedRequestIds(result);
  const nothingNew =
    comments.length === 0 && body.every((u) => u.findings.every((f) => postedAnywhere.has(f.fingerprint))) && requestIds.every((id) => postedAnywhere.has(id));
  const inlineNow = [...comments.flatMap((c) => c.fingerprints), ...alreadyPosted];
  const rendered = renderBody(input, body, comments, alreadyPosted.length, outOfScope, inlineNow);
  const rejected = 'GitHub did not accept the inline comments of this review';
  const all = units.map((u) => (u.anchor ? { ...u, anchor: undefined, reason: rejected } : u)).sort(bodyOrder);
  const fallback = renderBody(input, all, [], 0, outOfScope, []);
  const carried = nothingNew
    ? [...alreadyPosted, ...body.flatMap((u) => u.findings.map((f) => f.fingerprint))]
    : [...inlineNow, ...rendered.listed.map((f) => f.fingerprint)];
  return {
    comments,
    body: rendered.text,
    bodyFindings: rendered.listed,
    staleCommentIds,
    alreadyPosted,
    nothingNew,
    fallbackBody: fallback.text,
    carried: [...new Set(carried)],
    fallbackCarried: fallback.listed.map((f) => f.fingerprint),
  };
}

/**
 * Whether a finding is in the review's scope by `filterMode`: `nofilter` — always; `file` — its
 * file is in `files` (changed by the pull request); `added` / `diff_context` — one of its lines
 * (1-based, `range.start.line` to `range.end.line`) is an added / RIGHT-side line of a hunk. A
 * finding moved to its fix's file (`origin`, a template line) is in scope when its origin is.
 */
export function findingInScope(f: Finding, files: ReadonlyMap<string, { hunks: Hunk[] }>, filterMode: ReviewInput['filterMode']): boolean {
  if (filterMode === 'nofilter') return true;
  if (f.origin && findingInScope({ ...f, file: f.origin.file, range: f.origin.range, origin: undefined }, files, filterMode)) return true;
  const file = files.get(f.file);
  if (!file) return false;
  if (filterMode === 'file') return true;
  const anchorMode: AnchorMode = filterMode === 'added' ? 'added' : 'diff_context';
  for (let l = f.range.start.line; l <= f.range.end.line; l++) if (findHunk(file.hunks, l, l, anchorMode)) return true;
  return false;
}

/**
 * Step 1: the units of the review, in the findings' order — one per verified fix group with edits
 * (its findings in scope), one per file and start line of the other findings, with the guess or
 * behaviour change they offer (`held`, {@link heldChangeOf}). A unit's findings are most severe
 * first (`SEVERITY_RANK`), in the findings' order among equals: the comment's headline, message
 * list and the body item's link lead with the most severe, as the text report shows a fix
 * group's patch under it (src/report/text.ts fixGroupLeads). Suppressed (exempted) findings are
 * left out: reported in the summary and SARIF, never commented on. Findings out of scope are
 * returned apart (`outOfScope`), for the body's note.
 */
export function collectUnits(result: Pick<RunResult, 'findings' | 'fixes'>, inScope: (f: Finding) => boolean): { units: Unit[]; outOfScope: Finding[] } {
  const groups = new Map(result.fixes.map((g) => [g.id, g]));
  const units: Unit[] = [];
  const byKey = new Map<string, Unit>();
  const outOfScope: Finding[] = [];
  for (const f of result.findings) {
    if (f.suppressed) continue;
    if (!inScope(f)) {
      outOfScope.push(f);
      continue;
    }
    const g = f.fixId !== undefined ? groups.get(f.fixId) : undefined;
    const group = g && g.verified && g.edits.length > 0 ? g : undefined;
    const key = group ? `group\n${group.id}` : `line\n${f.file}\n${f.range.start.line}`;
    let u = byKey.get(key);
    if (!u) {
      u = { path: f.file, findings: [], group };
      byKey.set(key, u);
      units.push(u);
    }
    u.findings.push(f);
  }
  for (const u of units) {
    // The most severe finding leads its comment (headline ids, messages, the body item's link); a stable sort keeps the rest in order.
    u.findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
    const held = u.group ? undefined : heldChangeOf(u.findings);
    if (held) u.held = held;
  }
  return { units, outOfScope };
}

/**
 * The suggested change a unit without a fix group offers: the first of `findings` (in order)
 * with a policy's fix held back — a suggestion with `kind` and `reason` (verified by the engine
 * as a fix set is; src/engine/fixes.ts) and edits. Plain alternatives, labelled or not, are
 * never offered as a one-click change: their edits are only rendered, not verified, and a policy
 * with several remedies leaves the choice to the author. Undefined when there is none.
 */
export function heldChangeOf(findings: readonly Finding[]): HeldChange | undefined {
  for (const f of findings) {
    const s = f.suggestions.find((x) => x.kind !== undefined && x.reason !== undefined && x.edits.length > 0);
    if (s) return { finding: f, suggestion: s, kind: s.kind!, id: fingerprintOf(['held-fix', f.file, f.fingerprint]) };
  }
  return undefined;
}

/**
 * Step 2: where a unit can be inline — `{ anchor }` (1-based head lines; with the suggestion's
 * content for a fix group or a held change) — or why not (`{ reason }`): its file is not in the
 * pull request (`file` undefined), its suggestion cannot be placed (a held change's too: it then
 * goes to the body with its diff, as a fix group's does), or its first line is not in the diff.
 */
export function placeUnit(
  u: Pick<Unit, 'findings' | 'group' | 'held'>,
  file: { headText: string; hunks: Hunk[] } | undefined,
  anchorMode: AnchorMode,
): Pick<Unit, 'anchor'> | Pick<Unit, 'reason'> {
  if (!file) return { reason: 'the file is not part of this pull request' };
  const edits = u.group?.edits ?? u.held?.suggestion.edits;
  if (edits) {
    const s = buildSuggestion(file.headText, edits, file.hunks, anchorMode);
    return isSuggestion(s)
      ? { anchor: { startLine: s.startLine, line: s.line, suggestion: s.content } }
      : { reason: `the suggestion cannot be placed: ${s.reason}` };
  }
  const line = u.findings[0]!.range.start.line;
  if (findHunk(file.hunks, line, line, anchorMode)) return { anchor: { startLine: line, line } };
  return { reason: `its line is not ${anchorMode === 'added' ? 'an added line' : 'in the diff'}` };
}

/** An earlier comment (or review body) of ours, with the fingerprints of its marker. */
export interface OurComment {
  c: ExistingComment;
  fingerprints: string[];
}

/** The existing comments that are ours (`mine`) and carry our marker, with its fingerprints. */
export function ourComments(existing: readonly ExistingComment[]): OurComment[] {
  return existing.flatMap((c) => {
    const m = c.mine ? parseMarker(c.body) : undefined;
    return m ? [{ c, fingerprints: m.fingerprints }] : [];
  });
}

/** Most severe first, then by path, then by the first finding's line (a stable sort keeps the rest). */
function bodyOrder(a: Unit, b: Unit): number {
  return severityOf(b) - severityOf(a) || a.path.localeCompare(b.path) || a.findings[0]!.range.start.line - b.findings[0]!.range.start.line;
}

function severityOf(u: Unit): number {
  return SEVERITY_RANK[maxSeverity(u.findings)];
}

/**
 * Step 3: the inline comments, from the anchored units most severe first (then path, line).
 * A unit whose findings all sit in our earlier top-level comment on the same line is not posted
 * again (`alreadyPosted`; its suggestion's lines still count as taken). The others become
 * comments, unless their suggestion overlaps one taken (a held change's — a guess or a behaviour
 * change — also one of any anchored safe fix group, which keeps its lines whatever the order),
 * the pull request already holds `maxComments` of our inline comments — the `live` ones of
 * earlier runs ({@link liveInlineComments}, given the fingerprints of the run's `alive` findings)
 * plus those planned now (`overLimit` counts the units left out so) — or the comment would pass
 * {@link MAX_BODY_LENGTH}, or it has no suggested change and its findings are below
 * `commentLevel` ({@link ReviewInput.commentLevel}): then they go to the body (`toBody`,
 * unanchored, with the reason; a reason's text is the same for every unit it applies to). So
 * `max-comments` caps our live inline comments on the pull request, not each run's: a re-run on
 * the same head posts none of the units an earlier run left out for the limit, and a comment
 * whose findings are all fixed (or that is outdated) frees its slot.
 */
export function pickInlineComments(
  units: readonly Unit[],
  ours: readonly OurComment[],
  maxComments: number,
  meta: ReadonlyMap<string, PolicyMeta>,
  alive: ReadonlySet<string>,
  commentLevel: Severity | 'none' = 'info',
): { comments: PlannedComment[]; alreadyPosted: string[]; toBody: Unit[]; overLimit: number; live: number } {
  const level = commentLevel === 'none' ? Infinity : SEVERITY_RANK[commentLevel];
  const inline = units.filter((u) => u.anchor).sort((a, b) => severityOf(b) - severityOf(a) || a.path.localeCompare(b.path) || a.anchor!.line - b.anchor!.line);
  const postedOn = (path: string, line: number): Set<string> =>
    new Set(ours.filter((x) => x.c.path === path && x.c.line === line && x.c.inReplyTo === undefined).flatMap((x) => x.fingerprints));
  const taken = new Map<string, [number, number][]>(); // suggestion ranges per path
  const hits = (u: Unit, ranges: readonly [number, number][] | undefined) => (ranges ?? []).some(([s, e]) => u.anchor!.startLine <= e && s <= u.anchor!.line);
  // The lines of every safe suggestion: a guess or behaviour change never takes them.
  const safe = new Map<string, [number, number][]>();
  for (const u of inline)
    if (u.group && u.anchor!.suggestion !== undefined) safe.set(u.path, [...(safe.get(u.path) ?? []), [u.anchor!.startLine, u.anchor!.line]]);
  const overlaps = (u: Unit) => hits(u, taken.get(u.path)) || (u.held !== undefined && hits(u, safe.get(u.path)));
  const take = (u: Unit) => taken.set(u.path, [...(taken.get(u.path) ?? []), [u.anchor!.startLine, u.anchor!.line]]);
  const alreadyPosted: string[] = [];
  const fresh: Unit[] = [];
  for (const u of inline) {
    const posted = postedOn(u.path, u.anchor!.line);
    if (u.findings.every((f) => posted.has(f.fingerprint))) {
      alreadyPosted.push(...u.findings.map((f) => f.fingerprint));
      if (u.anchor!.suggestion !== undefined) take(u);
    } else fresh.push(u);
  }
  const live = liveInlineComments(ours, alive);
  const comments: PlannedComment[] = [];
  const toBody: Unit[] = [];
  let overLimit = 0;
  for (const u of fresh) {
    const a = u.anchor!;
    if (a.suggestion !== undefined && overlaps(u)) {
      toBody.push({
        ...u,
        anchor: undefined,
        reason: 'its suggestion overlaps the lines of another (only one suggestion per line can be applied)',
      });
      continue;
    }
    if (a.suggestion === undefined && severityOf(u) < level) {
      toBody.push({
        ...u,
        anchor: undefined,
        reason:
          commentLevel === 'none'
            ? 'it has no suggested change (comment-level none: only suggested changes are posted inline)'
            : `it has no suggested change and is below comment-level (${commentLevel})`,
      });
      continue;
    }
    if (live + comments.length >= maxComments) {
      overLimit++;
      const reason =
        live === 0
          ? `the review already has ${plural(maxComments, 'inline comment')} (max-comments)`
          : `the pull request already has ${plural(live + comments.length, 'inline comment')} from kube-immutable (max-comments ${maxComments}), ${live} of them from earlier runs`;
      toBody.push({ ...u, anchor: undefined, reason });
      continue;
    }
    const text = commentBody({ findings: u.findings, group: u.group, suggestion: a.suggestion, line: a.line, held: u.held }, meta);
    if (text.length > MAX_BODY_LENGTH) {
      toBody.push({ ...u, anchor: undefined, reason: 'the comment would be longer than GitHub allows' });
      continue;
    }
    if (a.suggestion !== undefined) take(u);
    const c: PlannedComment = { path: u.path, line: a.line, side: 'RIGHT', body: text, fingerprints: u.findings.map((f) => f.fingerprint) };
    if (a.suggestion !== undefined) c.suggestion = u.held?.kind ?? u.group?.kinds?.[0] ?? 'safe';
    if (a.startLine < a.line) Object.assign(c, { startLine: a.startLine, startSide: 'RIGHT' as const });
    comments.push(c);
  }
  return { comments, alreadyPosted, toBody, overLimit, live };
}

/**
 * How many of our earlier inline comments are live on the pull request, each taking one of the
 * `max-comments` slots: top-level (a path, not in reply), on a line of the head (not outdated:
 * `line` is null then) and holding at least one fingerprint of `alive` (the run's unsuppressed
 * findings, in scope or not). A comment whose findings are all gone is stale (deleted, or kept
 * for its replies) and an outdated one is re-posted where its findings are now, so neither
 * counts. A live comment whose findings this run re-posts elsewhere still counts, so the live
 * comments never pass the limit even when it is kept for its replies.
 */
export function liveInlineComments(ours: readonly OurComment[], alive: ReadonlySet<string>): number {
  return ours.filter(({ c, fingerprints }) => c.path !== '' && c.inReplyTo === undefined && c.line !== null && fingerprints.some((fp) => alive.has(fp))).length;
}

/**
 * Step 4: the ids of our stale comments — top-level (a path, not in reply), no replies, and every
 * fingerprint of its marker gone (no unsuppressed finding has it) or re-posted by `comments`.
 */
export function staleComments(ours: readonly OurComment[], findings: readonly Finding[], comments: readonly PlannedComment[]): number[] {
  const alive = new Set(findings.filter((f) => !f.suppressed).map((f) => f.fingerprint));
  const reposted = new Set(comments.flatMap((c) => c.fingerprints));
  return ours
    .filter(
      ({ c, fingerprints }) => c.path !== '' && c.inReplyTo === undefined && !c.hasReplies && fingerprints.every((fp) => !alive.has(fp) || reposted.has(fp)),
    )
    .map(({ c }) => c.id);
}

/** The ids of the first 200 exemption records, as the review body's marker holds them (re-runs compare them). */
function markedRequestIds(result: RunResult): string[] {
  return (result.exemptions ?? []).slice(0, 200).map(exemptionRecordId);
}

/** At most this many characters of the review body list exemption requests (a quarter of it). */
const EXEMPTION_SECTION_CHARS = 16_000;

/**
 * The review body (issue #18: a table, not paragraphs): ONE lead line — the run's counts
 * (`summaryLine`) and what is inline (`planned`, the new comments: how many carry a one-click
 * change and how many of those are guesses or behaviour changes; `postedCount` findings already
 * commented on) and how many entries the table below lists; then the exemptions requested or
 * changed; then the table of the `units` not inline ({@link BODY_TABLE_HEAD}, a row each, within
 * the size limit) with the reasons they are not inline listed once under it, numbered; then
 * the rows' patches, each folded in `<details>` while they fit; notes; marker. `inline` are the
 * fingerprints inline comments carry (new and earlier ones); the notes on findings left out
 * say where they are (`input.elsewhere`).
 */
function renderBody(
  input: ReviewInput,
  units: readonly Unit[],
  planned: readonly PlannedComment[],
  postedCount: number,
  outOfScope: readonly Finding[],
  inline: readonly string[],
): { text: string; listed: Finding[] } {
  const notes: string[] = [];
  const elsewhere = (findings: readonly Finding[], listed: readonly Finding[]): string => {
    const carried = new Set([...inline, ...listed.map((f) => f.fingerprint)]);
    const text = input.elsewhere ? input.elsewhere(findings, carried) : `${findings.length === 1 ? 'it is' : 'they are'} in the job summary`;
    return text.length > MAX_ELSEWHERE_LENGTH ? `${text.slice(0, MAX_ELSEWHERE_LENGTH - 1)}…` : text;
  };
  const inlineWord = `${plural(planned.length, 'new inline comment')}${heldCounts(planned)}${postedCount > 0 ? `; ${plural(postedCount, 'finding')} already commented on` : ''}`;
  const tableWord = units.length > 0 ? `; ${plural(units.length, 'entry', 'entries')} in the table below` : '';
  const head = `**kube-immutable** · ${summaryLine(summarize(input.result))} · ${inlineWord}${tableWord}.\n\n`;
  // The notes on what is left out name channels (two clauses of at most MAX_ELSEWHERE_LENGTH);
  // the reasons under the table are at most MAX_REASONS of MAX_REASON_CHARS (and their numbering).
  const requestIds = markedRequestIds(input.result);
  const reserve = 1_500 + 2 * MAX_ELSEWHERE_LENGTH + MAX_REASONS * (MAX_REASON_CHARS + 25) + 24 * requestIds.length;
  const budget = new TextBudget(MAX_BODY_LENGTH, 'chars', reserve);
  budget.add(head);
  // Exemptions the pull request requests or changes come first: a human decides on them.
  const exemptions = exemptionSection(input.result, {
    repoUrl: input.repoUrl,
    headSha: input.headSha,
    limit: EXEMPTION_SECTION_CHARS,
    unit: 'chars',
    elsewhere: 'the job summary',
  });
  if (exemptions) budget.add(exemptions);
  const { listed, remaining, patches } = addBodyRows(input, units, budget, reserve);
  if (remaining > 0) {
    const left = units.slice(units.length - remaining).flatMap((u) => u.findings);
    notes.unshift(
      `${plural(remaining, 'more entry', 'more entries')} (${plural(left.length, 'finding')}) did not fit in this review body (${MAX_BODY_LENGTH.toLocaleString('en-US')} characters); ${elsewhere(left, listed)}.`,
    );
  }
  if (patches.left > 0)
    notes.push(
      `${plural(patches.left, 'patch', 'patches')} of the table did not fit in this review body; the job summary shows the verified fixes, and \`kube-immutable scan\` prints every patch.`,
    );
  if (outOfScope.length > 0) {
    const n = outOfScope.length;
    notes.push(
      `${plural(n, 'finding')} outside the lines this pull request changes ${n === 1 ? 'is' : 'are'} not shown here (filter-mode: ${input.filterMode}); ${elsewhere(outOfScope, listed)}.`,
    );
  }
  for (const n of notes) budget.addFinal(`_Note: ${n}_\n\n`);
  const ids = [...listed.map((f) => f.fingerprint), ...(exemptions ? requestIds : [])];
  if (ids.length > 0) budget.addFinal(fingerprintMarker({ fingerprint: ids }) + '\n');
  return { text: budget.toString(), listed };
}

/**
 * `, 3 with a one-click suggested change, of which 1 is a guess and 1 is a behaviour change
 * (labelled in their titles: check them before committing)` when some of the `planned`
 * comments' suggested changes are guesses or behaviour changes; '' when none is (every
 * suggested change is a safe fix, or there is none).
 */
function heldCounts(planned: readonly PlannedComment[]): string {
  const guesses = planned.filter((c) => c.suggestion === 'guess').length;
  const behaviour = planned.filter((c) => c.suggestion === 'behaviour').length;
  const held = guesses + behaviour;
  if (held === 0) return '';
  const suggested = planned.filter((c) => c.suggestion !== undefined).length;
  const kinds = [
    ...(guesses > 0 ? [`${guesses} ${guesses === 1 ? 'is a guess' : 'are guesses'}`] : []),
    ...(behaviour > 0 ? [`${behaviour} ${behaviour === 1 ? 'is a behaviour change' : 'are behaviour changes'}`] : []),
  ].join(' and ');
  return `, ${suggested} with a one-click suggested change, of which ${kinds} (labelled in ${held === 1 ? 'its lead line: check it' : 'their lead lines: check them'} before committing)`;
}

/** Room for the marker of `n` fingerprints (17 characters each; generous). */
const markerRoom = (n: number) => 64 + 40 * n;

/** At most this many distinct reasons are listed under the table (the others share the last number). */
const MAX_REASONS = 8;

/** Characters of one reason kept under the table (a longer one is cut with `…`). */
const MAX_REASON_CHARS = 300;

/**
 * Add the table of `units` to `budget`: its header, the rows in order while they fit within
 * {@link MAX_BODY_LENGTH} less `reserve` (keeping room for their fingerprints in the marker; the
 * budget stops at the first that does not), the numbered list of their reasons (each reason
 * once), then the rows' patches folded ({@link bodyPatch}) while they fit. Returns the findings
 * listed, how many units did not fit (the last ones), and how many patches were left out.
 */
function addBodyRows(
  input: ReviewInput,
  units: readonly Unit[],
  budget: TextBudget,
  reserve: number,
): { listed: Finding[]; remaining: number; patches: { left: number } } {
  const listed: Finding[] = [];
  let remaining = units.length;
  if (units.length === 0) return { listed, remaining, patches: { left: 0 } };
  const meta = new Map(input.policies.map((p) => [p.id, p.meta]));
  const reasons: string[] = [];
  const numberOf = (reason: string): number => {
    let i = reasons.indexOf(reason);
    if (i < 0 && reasons.length < MAX_REASONS) i = reasons.push(reason) - 1;
    return i < 0 ? MAX_REASONS : i + 1;
  };
  const items: BodyItem[] = [];
  budget.add(`**Not posted inline** (${severityCounts(units.flatMap((u) => u.findings))}):\n\n${BODY_TABLE_HEAD}`);
  for (const u of units) {
    // A fix of a file the pull request does not change is shown as a diff against its head text.
    const headText = input.files.get(u.path)?.headText ?? input.unchangedTexts?.get(u.path);
    let patch = '';
    try {
      if (u.group && headText !== undefined) patch = patchForFixGroup(u.group, headText);
      else if (u.held && headText !== undefined) patch = patchForEdits(u.path, headText, u.held.suggestion.edits);
    } catch {
      patch = '';
    }
    const reason = u.reason ?? 'it cannot be placed on a line of the diff';
    const item: BodyItem = { findings: u.findings, group: u.group, patch, reason, held: u.held };
    const before = reasons.length;
    const text = bodyRow(item, input.repoUrl, input.headSha, meta, numberOf(reason));
    // Keep room for this row's fingerprints in the marker.
    if (budget.size + text.length + markerRoom(listed.length + u.findings.length) > MAX_BODY_LENGTH - reserve) {
      reasons.length = before;
      budget.stop();
      break;
    }
    budget.add(text);
    items.push(item);
    listed.push(...u.findings);
    remaining--;
  }
  const reasonText = (r: string, i: number) =>
    `${i + 1}. ${escapeMarkdown(r.length > MAX_REASON_CHARS ? `${r.slice(0, MAX_REASON_CHARS - 1)}…` : r)}${i === MAX_REASONS - 1 ? ' (and other reasons)' : ''}`;
  budget.addFinal(`\nNot inline because:\n\n${reasons.map(reasonText).join('\n')}\n\n`);
  const withPatch = items.filter((i) => i.patch !== '');
  let left = withPatch.length;
  for (const item of withPatch) {
    const text = bodyPatch(item);
    if (budget.size + text.length + markerRoom(listed.length) > MAX_BODY_LENGTH - reserve || !budget.add(text)) break;
    left--;
  }
  return { listed, remaining, patches: { left } };
}
