import { applyEdits, detectStyle, expectedData, renderFixOps, verifyEdits, type FileStyle, type FixOp, type ParsedFile, type TextEdit } from '../yaml/index.js';
import { apiPathText, introducedApiViolations } from '../k8s/api-validation.js';
import { analyseText, fingerprintOf, type Analysis, type EngineOptions, type RawFinding } from './analyse.js';
import type { AnyPolicy, FixKind } from './policy.js';
import type { FixGroup } from './types.js';
import { budgetSeconds, FILE_NOT_SCANNED_ID, notScannedFinding } from './not-scanned.js';

/** Outcome of rendering and verifying one set of fix operations. */
interface Verified {
  ok: boolean;
  edits: TextEdit[];
  problem?: string;
}

/**
 * Render `ops` to edits and verify them: the edited text parses, every document's data equals
 * the original plus exactly the intended change, the findings in `fixes` are gone and no new
 * finding appears (policies re-run on the edited text).
 */
function renderAndVerify(
  path: string,
  parsed: ParsedFile,
  style: FileStyle,
  ops: FixOp[],
  fixes: ReadonlySet<string>,
  before: ReadonlySet<string>,
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
): Verified {
  const rendered = render(parsed, style, ops);
  if (!rendered.ok) return rendered;
  return verifyRendered(path, parsed, ops, rendered.edits, fixes, before, policies, opts);
}

/** Render `ops` to edits; not ok (with the reason) when they cannot be rendered or change nothing. */
function render(parsed: ParsedFile, style: FileStyle, ops: FixOp[]): Verified {
  const rendered = renderFixOps(parsed.text, style, ops);
  if (rendered.problems.length > 0) return { ok: false, edits: [], problem: rendered.problems[0] };
  if (rendered.edits.length === 0) return { ok: false, edits: [], problem: 'the fix changes nothing' };
  return { ok: true, edits: rendered.edits };
}

/** The 0-based indexes of the documents `ops` edit. */
function docsOf(parsed: ParsedFile, ops: readonly FixOp[]): Set<number> {
  const docOf = documentIndexes(parsed);
  return new Set(ops.map((op) => docOf.get(op.target.doc) ?? 0));
}

const documentIndexCache = new WeakMap<ParsedFile, Map<unknown, number>>();

/** Each document of `parsed` (the `yaml` document an operation targets) → its 0-based index; built once per file. */
function documentIndexes(parsed: ParsedFile): Map<unknown, number> {
  let map = documentIndexCache.get(parsed);
  if (!map) {
    map = new Map(parsed.documents.map((d) => [d.doc, d.index]));
    documentIndexCache.set(parsed, map);
  }
  return map;
}

/** {@link renderAndVerify} of edits already rendered from `ops`. */
function verifyRendered(
  path: string,
  parsed: ParsedFile,
  ops: FixOp[],
  edits: TextEdit[],
  fixes: ReadonlySet<string>,
  before: ReadonlySet<string>,
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
): Verified {
  const docs = docsOf(parsed, ops);
  if (docs.size === 1 && parsed.documents.length > 1) {
    const scoped = verifyInDocument(path, parsed, [...docs][0]!, edits, ops, fixes, before, policies, opts);
    if (scoped) return scoped;
  }
  const docOf = documentIndexes(parsed);
  const expected = expectedData(
    parsed.documents.map((d) => d.data),
    (op) => docOf.get(op.target.doc) ?? 0,
    ops,
  );
  const v = verifyEdits(parsed.text, edits, expected);
  if (!v.ok) return { ok: false, edits: [], problem: v.problem };
  const invalid = apiRuleProblem([...docs].map((d) => [parsed.documents[d]!.data, v.parsed!.documents[d]!.data]));
  if (invalid) return { ok: false, edits: [], problem: invalid };
  const again = analyseText(path, v.text!, v.parsed, policies, { ...opts, verification: true });
  const problem = compareFindings(again, fixes, before);
  if (problem) return { ok: false, edits: [], problem };
  return { ok: true, edits };
}

/**
 * {@link renderAndVerify} for edits within ONE document of a multi-document file: re-parse and
 * re-check only that document's text (documents are independent), so a file of hundreds of
 * objects is not re-analysed whole for every fix group. Returns undefined when the document's
 * text cannot be checked alone — directives, edits outside it, or its edited text does not read
 * alone as the intended data (it may not read alone as it does in the file): the caller then
 * checks the whole file, whose verdict is authoritative.
 */
function verifyInDocument(
  path: string,
  parsed: ParsedFile,
  d: number,
  edits: TextEdit[],
  ops: FixOp[],
  fixes: ReadonlySet<string>,
  before: ReadonlySet<string>,
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
): Verified | undefined {
  const docs = parsed.documents;
  const start = docs[d]!.span[0];
  const end = d + 1 < docs.length ? docs[d + 1]!.span[0] : (parsed.readEnd ?? parsed.text.length);
  if (edits.some((e) => e.range[0] < start || e.range[1] > end)) return undefined;
  if (/^%/m.test(parsed.text.slice(0, docs[0]!.span[0]))) return undefined;
  const slice = parsed.text.slice(start, end);
  const shifted = edits.map((e) => ({ range: [e.range[0] - start, e.range[1] - start] as [number, number], text: e.text }));
  const v = verifyEdits(
    slice,
    shifted,
    expectedData([docs[d]!.data], () => 0, ops),
  );
  if (!v.ok) return undefined;
  const invalid = apiRuleProblem([[docs[d]!.data, v.parsed!.documents[0]!.data]]);
  if (invalid) return { ok: false, edits: [], problem: invalid };
  const again = analyseText(path, v.text!, v.parsed, policies, { ...opts, docIndexOffset: d, verification: true });
  const problem = compareFindings(again, fixes, before);
  if (problem) return { ok: false, edits: [], problem };
  return { ok: true, edits };
}

/**
 * Why a fix is withheld for the API server's own validation (src/k8s/api-validation.ts): the
 * first rule violation an edited document (pairs of its data before and after the fix) has only
 * after the fix. Checked whatever policies are enabled; undefined when the fix adds none.
 */
function apiRuleProblem(changed: readonly (readonly [unknown, unknown])[]): string | undefined {
  for (const [before, after] of changed) {
    const [v] = introducedApiViolations(before, after);
    if (v) return `the fix makes the object invalid for the API server: ${apiPathText(v.path)}: ${v.message} (${v.source})`;
  }
  return undefined;
}

/** Why a re-check fails: a fixed finding is still there, or a new one appeared. */
function compareFindings(again: Analysis, fixes: ReadonlySet<string>, before: ReadonlySet<string>): string | undefined {
  const after = new Set(again.raw.map((r) => r.finding.fingerprint));
  for (const fp of fixes) if (after.has(fp)) return 'the fixed finding is still reported after the fix';
  for (const fp of after) {
    if (!before.has(fp)) {
      const r = again.raw.find((x) => x.finding.fingerprint === fp)!;
      return `the fix causes a new finding: ${r.finding.policyId}: ${r.finding.message}`;
    }
  }
  return undefined;
}

/**
 * The file's time budget as fix verification sees it: `left()` is false once `performance.now()`
 * passes the deadline (and stays false); `skipped` counts the verifications not made.
 */
interface Budget {
  left(): boolean;
  skipped: number;
}

function budgetOf(deadline: number | undefined): Budget {
  let out = false;
  return {
    left: () => !(out ||= deadline !== undefined && performance.now() > deadline),
    skipped: 0,
  };
}

/** The problem of a fix group that was not verified because the file's time budget ran out. */
const OUT_OF_TIME = "not verified: the file's time budget ran out (see the file-not-scanned finding)";

/** Fix groups of one analysed file, and its text with every verified group applied (and the edits that give it). */
export interface FileFixes {
  groups: FixGroup[];
  fixedText: string | undefined;
  fixedEdits: TextEdit[] | undefined;
}

/**
 * Merge the fixes of each container (or object) into one edit set, render them all, and merge
 * further the sets of one document whose edits share lines (a container's new volumes go after
 * the next container's own fix; they cannot be separate suggestions): such a cluster is
 * verified as one group, and only when it does not verify are its members verified alone (and
 * the verified ones clustered again, see mergeSharedLines). Then the whole file's fixed text is
 * computed from all verified sets together — per document when every set stays in one
 * document (documents are independent), falling back to adding sets one by one when a
 * combination does not verify. Unverified sets are dropped: their findings carry `fixProblem`,
 * never edits. Nothing is edited in a document with duplicate keys (`ParsedDocument.lastKeyWins`):
 * its findings' fixes are withheld, the reason in `fixProblem`. Mutates the findings'
 * `fixId`/`fixProblem`.
 *
 * Honours the file's time budget (`analysis.deadline`): once it has run out, no further set is
 * verified (the sets left are unverified with {@link OUT_OF_TIME}) and a `file-not-scanned`
 * finding saying how many were left is added to `analysis.raw`.
 */
export function computeFixes(path: string, analysis: Analysis, policies: readonly AnyPolicy[], opts: EngineOptions): FileFixes {
  const parsed = analysis.parsed;
  if (!parsed) return { groups: [], fixedText: undefined, fixedEdits: undefined };
  const budget = budgetOf(analysis.deadline);
  const result = computeFixesWithin(path, analysis, parsed, policies, opts, budget);
  if (budget.skipped > 0 && !analysis.raw.some((r) => r.finding.policyId === FILE_NOT_SCANNED_ID && r.finding.messageId.startsWith('timeBudget'))) {
    const at = parsed.position(0);
    const r = notScannedFinding(
      path,
      'timeBudgetFixes',
      { budget: budgetSeconds(opts), count: budget.skipped },
      { start: at, end: at },
      'time-budget-fixes',
      policies,
      opts,
    );
    if (r) analysis.raw.push(r);
  }
  return result;
}

function computeFixesWithin(
  path: string,
  analysis: Analysis,
  parsed: ParsedFile,
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
  budget: Budget,
): FileFixes {
  // Nothing is edited in a document with duplicate keys; the findings say why.
  const withheld = withholdInDuplicateKeyDocuments(parsed, analysis.raw);
  const raw = withheld.size > 0 ? analysis.raw.filter((r) => !withheld.has(r)) : analysis.raw;
  const byKey = new Map<string, RawFinding[]>();
  for (const r of raw) {
    if (!r.fix || r.fix.length === 0 || r.finding.suppressed) continue;
    const arr = byKey.get(r.groupKey) ?? [];
    arr.push(r);
    byKey.set(r.groupKey, arr);
  }
  const style = detectStyle(
    parsed.text,
    parsed.documents.map((d) => d.doc),
  );
  const before = new Set(analysis.raw.map((r) => r.finding.fingerprint));

  // Render every set first: which sets share lines decides what is verified.
  const entries = [...byKey].map(([key, members]) => {
    const ops = members.flatMap((m) => m.fix!) as FixOp[];
    const label = members[0]!.groupLabel;
    const group: FixGroup = {
      id: fingerprintOf(['fix', path, key]),
      file: path,
      docIndex: label.docIndex,
      object: label.object,
      container: label.container,
      containers: label.container !== undefined ? [label.container] : [],
      findings: [...new Set(members.map((m) => m.finding.fingerprint))],
      edits: [],
      verified: false,
      problem: undefined,
      ...kindsOf(members.map((m) => m.fixKind)),
    };
    return { group, members, ops, rendered: render(parsed, style, ops), merged: undefined as { group: FixGroup; ops: FixOp[] } | undefined };
  });
  const renderedOk = entries.filter((e) => e.rendered.ok);
  for (const cluster of sharedLineClusters(
    parsed,
    renderedOk.map((e) => ({ item: e, docIndex: e.group.docIndex, edits: e.rendered.edits })),
  )) {
    if (cluster.length < 2) continue;
    const ops = cluster.flatMap((e) => e.ops);
    const fps = new Set(cluster.flatMap((e) => e.group.findings));
    if (!budget.left()) break; // its members are left unverified below
    const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
    if (!v.ok) continue;
    // In the cluster's order (document, then first line), as the operations were verified.
    const merged = {
      group: mergedGroup(
        path,
        cluster.map((e) => e.group),
        fps,
        v.edits,
      ),
      ops,
    };
    for (const e of cluster) e.merged = merged;
  }
  const groups: FixGroup[] = [];
  const verifiedOps: { group: FixGroup; ops: FixOp[] }[] = [];
  const emitted = new Set<FixGroup>();
  for (const e of entries) {
    if (e.merged) {
      if (emitted.has(e.merged.group)) continue;
      emitted.add(e.merged.group);
      groups.push(e.merged.group);
      verifiedOps.push(e.merged);
      continue;
    }
    let v: Verified;
    if (!e.rendered.ok) v = e.rendered;
    else if (!budget.left()) {
      budget.skipped++;
      v = { ok: false, edits: [], problem: OUT_OF_TIME };
    } else v = verifyRendered(path, parsed, e.ops, e.rendered.edits, new Set(e.group.findings), before, policies, opts);
    e.group.edits = v.edits;
    e.group.verified = v.ok;
    e.group.problem = v.ok ? undefined : v.problem;
    groups.push(e.group);
    if (v.ok) verifiedOps.push({ group: e.group, ops: e.ops });
  }
  for (const e of entries) {
    for (const m of e.members) {
      if (e.merged) m.finding.fixId = e.merged.group.id;
      else if (e.group.verified) m.finding.fixId = e.group.id;
      else m.finding.fixProblem = e.group.problem;
    }
  }
  // Members of a cluster that did not verify as a whole: those verified alone may still share lines.
  const unmerged = new Set(entries.filter((e) => !e.merged && e.group.verified).map((e) => e.group));
  if (budget.left()) mergeSharedLines(path, parsed, style, groups, verifiedOps, unmerged, analysis.raw, before, policies, opts, budget);
  const heldVerified = verifyHeldFixes(path, parsed, style, raw, before, policies, opts, budget);
  for (const r of raw) {
    for (const s of r.suggestions) {
      if (s.heldFix) {
        const v = heldVerified.get(s);
        if (!v) continue;
        if (v.ok) r.finding.suggestions.push({ message: s.message, edits: v.edits, kind: s.kind, reason: s.reason });
        else if (r.finding.fixProblem === undefined) r.finding.fixProblem = v.problem;
        continue;
      }
      const rendered = renderFixOps(parsed.text, style, s.ops as FixOp[]);
      if (rendered.problems.length === 0 && rendered.edits.length > 0)
        r.finding.suggestions.push({ message: s.message, edits: rendered.edits, ...(s.kind ? { kind: s.kind } : {}) });
    }
  }
  const fixedEdits = combinedEdits(path, parsed, style, verifiedOps, before, policies, opts, budget);
  return { groups, fixedText: fixedEdits ? applyEdits(parsed.text, fixedEdits) : undefined, fixedEdits };
}

/**
 * The findings whose fix or suggestions would edit a document with duplicate keys (one read as
 * kubectl reads it, the last occurrence of each key winning: `ParsedDocument.lastKeyWins`): they
 * get no edits at all — an edit could land on the occurrence kubectl ignores, and the edited
 * text could not be verified (it still has the duplicate, a parse error). Those with a fix (or a
 * fix held as a suggestion) get `fixProblem` naming the first duplicate's line (1-based). Returns
 * them; mutates their `fixProblem`.
 */
function withholdInDuplicateKeyDocuments(parsed: ParsedFile, raw: readonly RawFinding[]): Set<RawFinding> {
  const out = new Set<RawFinding>();
  const dupDocs = parsed.documents.filter((d) => d.lastKeyWins);
  if (dupDocs.length === 0) return out;
  const reasons = new Map<unknown, string>();
  for (const d of dupDocs) {
    const first = parsed.problems.find((p) => p.code === 'duplicate-key' && p.offset >= d.span[0] && p.offset <= d.span[1]);
    const at = first ? ` (line ${first.line})` : '';
    reasons.set(d.doc, `the document has a duplicate key${at}: remove it first; no fix is offered in a document with duplicate keys`);
  }
  for (const r of raw) {
    const ops = [...(r.fix ?? []), ...r.suggestions.flatMap((s) => s.ops)] as FixOp[];
    const reason = ops.map((op) => reasons.get(op.target.doc)).find((x) => x !== undefined);
    if (reason === undefined) continue;
    out.add(r);
    if ((r.fix && r.fix.length > 0) || r.suggestions.some((s) => s.heldFix)) r.finding.fixProblem = reason;
  }
  return out;
}

/**
 * The verified edits of each policy's fix held back as a suggestion (a guess or a behaviour
 * change the run does not apply; suppressed findings have none), verified as a fix set is (the
 * finding gone, no new finding, the API server's rules kept): first all those of one document
 * together — the common case, one verification for a document of 10,000 containers — each then
 * rendered alone against the original text; when that set does not verify, each alone. Not ok,
 * with the reason, when it fails alone or the file's time budget has run out.
 */
function verifyHeldFixes(
  path: string,
  parsed: ParsedFile,
  style: FileStyle,
  raw: readonly RawFinding[],
  before: ReadonlySet<string>,
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
  budget: Budget,
): Map<RawFinding['suggestions'][number], Verified> {
  const out = new Map<RawFinding['suggestions'][number], Verified>();
  const byDoc = new Map<number, { r: RawFinding; s: RawFinding['suggestions'][number] }[]>();
  for (const r of raw) {
    if (r.finding.suppressed) continue;
    for (const s of r.suggestions) {
      if (!s.heldFix) continue;
      const d = r.groupLabel.docIndex;
      let list = byDoc.get(d);
      if (!list) byDoc.set(d, (list = []));
      list.push({ r, s });
    }
  }
  const alone = (r: RawFinding, s: RawFinding['suggestions'][number]): Verified => {
    if (!budget.left()) {
      budget.skipped++;
      return { ok: false, edits: [], problem: OUT_OF_TIME };
    }
    return renderAndVerify(path, parsed, style, s.ops as FixOp[], new Set([r.finding.fingerprint]), before, policies, opts);
  };
  for (const items of byDoc.values()) {
    if (items.length > 1 && budget.left()) {
      const all = renderAndVerify(
        path,
        parsed,
        style,
        items.flatMap((x) => x.s.ops as FixOp[]),
        new Set(items.map((x) => x.r.finding.fingerprint)),
        before,
        policies,
        opts,
      );
      if (all.ok) {
        for (const { r, s } of items) {
          const own = render(parsed, style, s.ops as FixOp[]);
          out.set(s, own.ok ? own : alone(r, s));
        }
        continue;
      }
    }
    for (const { r, s } of items) out.set(s, alone(r, s));
  }
  return out;
}

/**
 * The edits of the file's text with every verified set applied together. One set: its own edits.
 * Sets in several documents, each set within one: each document's sets are verified together
 * in that document alone. Otherwise the whole file. When a combination does not verify, sets are
 * added one at a time, keeping each that still verifies with those kept before it. Undefined
 * when nothing is kept.
 */
function combinedEdits(
  path: string,
  parsed: ParsedFile,
  style: FileStyle,
  verifiedOps: readonly { group: FixGroup; ops: FixOp[] }[],
  before: ReadonlySet<string>,
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
  budget: Budget,
): TextEdit[] | undefined {
  if (verifiedOps.length === 0) return undefined;
  // One verified edit set: it was verified on its own, so it is the file's fix as is.
  if (verifiedOps.length === 1) return verifiedOps[0]!.group.edits;
  const docSets = verifiedOps.map((g) => docsOf(parsed, g.ops));
  const perDocument = parsed.documents.length > 1 && docSets.every((d) => d.size === 1);
  const parts = new Map<number, { group: FixGroup; ops: FixOp[] }[]>();
  verifiedOps.forEach((g, i) => {
    const d = perDocument ? [...docSets[i]!][0]! : -1;
    parts.set(d, [...(parts.get(d) ?? []), g]);
  });
  const edits: TextEdit[] = [];
  for (const part of parts.values()) {
    if (part.length === 1) {
      for (const e of part[0]!.group.edits) edits.push(e);
      continue;
    }
    // Out of time: this part's sets stay offered one by one (each was verified alone), but the
    // file's fixed text leaves them out (their combination is not verified).
    if (!budget.left()) {
      budget.skipped += part.length;
      continue;
    }
    const allFps = new Set(part.flatMap((g) => g.group.findings));
    const all = renderAndVerify(
      path,
      parsed,
      style,
      part.flatMap((g) => g.ops),
      allFps,
      before,
      policies,
      opts,
    );
    if (all.ok) {
      for (const e of all.edits) edits.push(e);
      continue;
    }
    let kept: FixOp[] = [];
    let keptEdits: TextEdit[] = [];
    const keptFps = new Set<string>();
    for (const g of part) {
      if (!budget.left()) break;
      const ops = [...kept, ...g.ops];
      const fps = new Set([...keptFps, ...g.group.findings]);
      const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
      if (v.ok) {
        kept = ops;
        keptEdits = v.edits;
        for (const f of g.group.findings) keptFps.add(f);
      }
    }
    for (const e of keptEdits) edits.push(e);
  }
  return edits.length > 0 ? edits : undefined;
}

/** One group standing for the sets of `members` (in order), with the edits verified for all of them. */
function mergedGroup(path: string, members: readonly FixGroup[], fps: ReadonlySet<string>, edits: TextEdit[]): FixGroup {
  const first = members[0]!;
  const objects = [...new Set(members.map((m) => m.object))];
  const containers = members.flatMap((m) => m.containers);
  return {
    id: fingerprintOf(['fix', path, ...members.map((m) => m.id)]),
    file: path,
    docIndex: first.docIndex,
    object: objects.join(', '),
    container: containers.length === 1 ? containers[0] : undefined,
    containers,
    findings: [...fps],
    edits,
    verified: true,
    problem: undefined,
    ...kindsOf(members.flatMap((m) => m.kinds ?? [])),
  };
}

/** `{ kinds }` with the distinct non-safe kinds among `kinds` (guess first), or `{}` when all are safe. */
function kindsOf(kinds: readonly (FixKind | undefined)[]): Pick<FixGroup, 'kinds'> {
  const out = (['guess', 'behaviour'] as const).filter((k) => kinds.includes(k));
  return out.length > 0 ? { kinds: out } : {};
}

/**
 * Clusters of items of one document whose edits' line spans (see lineSpan) overlap, in order of
 * document and first line; every item is in exactly one cluster.
 */
function sharedLineClusters<T>(parsed: ParsedFile, items: readonly { item: T; docIndex: number; edits: readonly TextEdit[] }[]): T[][] {
  const spans = items.map((x) => ({ x, span: lineSpan(parsed, x.edits) }));
  spans.sort((a, b) => a.x.docIndex - b.x.docIndex || a.span[0] - b.span[0]);
  const clusters: { docIndex: number; end: number; items: T[] }[] = [];
  for (const s of spans) {
    const last = clusters[clusters.length - 1];
    if (last && last.docIndex === s.x.docIndex && s.span[0] <= last.end) {
      last.items.push(s.x.item);
      last.end = Math.max(last.end, s.span[1]);
    } else clusters.push({ docIndex: s.x.docIndex, end: s.span[1], items: [s.x.item] });
  }
  return clusters.map((c) => c.items);
}

/** Lines a group's edits touch, widened by one line each side (a suggestion may anchor there). */
function lineSpan(parsed: ParsedFile, edits: readonly TextEdit[]): [number, number] {
  // A loop, not Math.min(...): a merged group may hold more edits than a call takes arguments.
  let start = Infinity;
  let end = -Infinity;
  for (const e of edits) {
    if (e.range[0] < start) start = e.range[0];
    if (e.range[1] > end) end = e.range[1];
  }
  return [parsed.position(start).line - 1, parsed.position(end).line + 1];
}

/**
 * Groups of one document whose edits share lines cannot become separate suggestions: merge each
 * cluster of `candidates` (verified groups) into one group, rendered from all its operations
 * together and verified again. A cluster that does not verify keeps its groups apart. Mutates
 * `groups`, `verified` (the merged group takes its first member's place in each) and the
 * findings' `fixId`.
 */
function mergeSharedLines(
  path: string,
  parsed: ParsedFile,
  style: FileStyle,
  groups: FixGroup[],
  verified: { group: FixGroup; ops: FixOp[] }[],
  candidates: ReadonlySet<FixGroup>,
  raw: readonly RawFinding[],
  before: ReadonlySet<string>,
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
  budget: Budget,
): void {
  const items = verified.filter((v) => candidates.has(v.group)).map((v) => ({ item: v, docIndex: v.group.docIndex, edits: v.group.edits }));
  /** Member group id → the merged group (and its operations) that replaces it. */
  const replaced = new Map<string, { group: FixGroup; ops: FixOp[] }>();
  for (const members of sharedLineClusters(parsed, items)) {
    if (members.length < 2) continue;
    const ops = members.flatMap((m) => m.ops);
    const fps = new Set(members.flatMap((m) => m.group.findings));
    if (!budget.left()) break;
    const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
    if (!v.ok) continue;
    const group = mergedGroup(
      path,
      members.map((m) => m.group),
      fps,
      v.edits,
    );
    for (const m of members) replaced.set(m.group.id, { group, ops });
  }
  if (replaced.size === 0) return;
  // Each merged group takes its first member's place in `groups` and `verified`: one pass each
  // (not a search and splices per cluster: thousands of clusters stay linear).
  const placed = new Set<FixGroup>();
  const keep = <T>(list: T[], groupOf: (x: T) => FixGroup, merged: (m: { group: FixGroup; ops: FixOp[] }) => T): T[] => {
    placed.clear();
    const out: T[] = [];
    for (const x of list) {
      const m = replaced.get(groupOf(x).id);
      if (!m) out.push(x);
      else if (!placed.has(m.group)) {
        placed.add(m.group);
        out.push(merged(m));
      }
    }
    return out;
  };
  // Refilled in place by a loop (a spread of 100,000 items would pass a call's argument limit).
  const refill = <T>(list: T[], items: readonly T[]) => {
    list.length = 0;
    for (const x of items) list.push(x);
  };
  refill(
    groups,
    keep(
      groups,
      (g) => g,
      (m) => m.group,
    ),
  );
  refill(
    verified,
    keep(
      verified,
      (x) => x.group,
      (m) => m,
    ),
  );
  for (const r of raw) {
    const m = r.finding.fixId !== undefined ? replaced.get(r.finding.fixId) : undefined;
    if (m) r.finding.fixId = m.group.id;
  }
}
