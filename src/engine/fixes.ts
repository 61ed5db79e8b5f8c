import { isDeepStrictEqual } from 'node:util';
import { applyEdits, detectStyle, expectedData, parseYaml, renderFixOps, verifyEdits, type FileStyle, type FixOp, type ParsedFile, type TextEdit } from '../yaml/index.js';
import { analyse, fingerprintOf, type Analysis, type EngineOptions, type RawFinding } from './analyse.js';
import type { Policy } from './policy.js';
import type { FixGroup } from './types.js';

/** Outcome of rendering and verifying one set of fix operations. */
interface Verified {
  ok: boolean;
  edits: TextEdit[];
  text?: string;
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
  policies: readonly Policy<any>[],
  opts: EngineOptions,
): Verified {
  const rendered = renderFixOps(parsed.text, style, ops);
  if (rendered.problems.length > 0) return { ok: false, edits: [], problem: rendered.problems[0] };
  if (rendered.edits.length === 0) return { ok: false, edits: [], problem: 'the fix changes nothing' };
  const docOf = new Map(parsed.documents.map((d) => [d.doc, d.index]));
  const docs = new Set(ops.map((op) => docOf.get(op.target.doc) ?? 0));
  if (docs.size === 1 && parsed.documents.length > 1) {
    const scoped = verifyInDocument(path, parsed, [...docs][0]!, rendered.edits, ops, fixes, before, policies, opts);
    if (scoped) return scoped;
  }
  const expected = expectedData(
    parsed.documents.map((d) => d.data),
    (op) => docOf.get(op.target.doc) ?? 0,
    ops,
  );
  const v = verifyEdits(parsed.text, rendered.edits, expected);
  if (!v.ok) return { ok: false, edits: [], problem: v.problem };
  const again = analyse(path, v.text!, policies, opts);
  const problem = compareFindings(again, fixes, before);
  if (problem) return { ok: false, edits: [], problem };
  return { ok: true, edits: rendered.edits, text: v.text };
}

/**
 * {@link renderAndVerify} for edits within ONE document of a multi-document file: re-parse and
 * re-check only that document's text (documents are independent), so a file of hundreds of
 * objects is not re-analysed whole for every fix group. Returns undefined when the document's
 * text cannot be checked alone (directives, or it does not parse alone to the same data): the
 * caller then checks the whole file.
 */
function verifyInDocument(
  path: string,
  parsed: ParsedFile,
  d: number,
  edits: TextEdit[],
  ops: FixOp[],
  fixes: ReadonlySet<string>,
  before: ReadonlySet<string>,
  policies: readonly Policy<any>[],
  opts: EngineOptions,
): Verified | undefined {
  const docs = parsed.documents;
  const start = docs[d]!.span[0];
  const end = d + 1 < docs.length ? docs[d + 1]!.span[0] : parsed.text.length;
  if (edits.some((e) => e.range[0] < start || e.range[1] > end)) return undefined;
  if (/^%/m.test(parsed.text.slice(0, docs[0]!.span[0]))) return undefined;
  const slice = parsed.text.slice(start, end);
  const alone = parseYaml(slice);
  if (alone.documents.length !== 1 || !isDeepStrictEqual(alone.documents[0]!.data, docs[d]!.data)) return undefined;
  const shifted = edits.map((e) => ({ range: [e.range[0] - start, e.range[1] - start] as [number, number], text: e.text }));
  const v = verifyEdits(slice, shifted, expectedData([docs[d]!.data], () => 0, ops));
  if (!v.ok) return { ok: false, edits: [], problem: v.problem };
  const again = analyse(path, v.text!, policies, { ...opts, docIndexOffset: d });
  const problem = compareFindings(again, fixes, before);
  if (problem) return { ok: false, edits: [], problem };
  return { ok: true, edits, text: applyEdits(parsed.text, edits) };
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

/** Fix groups of one analysed file, and its text with every verified group applied. */
export interface FileFixes {
  groups: FixGroup[];
  fixedText: string | undefined;
}

/**
 * Merge the fixes of each container (or object) into one edit set (sets that share lines are
 * merged further, see mergeSharedLines), verify each set alone,
 * then compute the whole file's fixed text from all verified sets together (falling back to
 * adding sets one by one when the combination does not verify). Unverified sets are dropped:
 * their findings carry `fixProblem`, never edits. Mutates the findings' `fixId`/`fixProblem`.
 */
export function computeFixes(path: string, analysis: Analysis, policies: readonly Policy<any>[], opts: EngineOptions): FileFixes {
  const parsed = analysis.parsed;
  if (!parsed) return { groups: [], fixedText: undefined };
  const byKey = new Map<string, RawFinding[]>();
  for (const r of analysis.raw) {
    if (!r.fix || r.fix.length === 0 || r.finding.suppressed) continue;
    const arr = byKey.get(r.groupKey) ?? [];
    arr.push(r);
    byKey.set(r.groupKey, arr);
  }
  const style = detectStyle(parsed.text, parsed.documents.map((d) => d.doc));
  const before = new Set(analysis.raw.map((r) => r.finding.fingerprint));
  const groups: FixGroup[] = [];
  const verifiedOps: { group: FixGroup; ops: FixOp[] }[] = [];
  for (const [key, members] of byKey) {
    const ops = members.flatMap((m) => m.fix!) as FixOp[];
    const fps = new Set(members.map((m) => m.finding.fingerprint));
    const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
    const label = members[0]!.groupLabel;
    const group: FixGroup = {
      id: fingerprintOf(['fix', path, key]),
      file: path,
      docIndex: label.docIndex,
      object: label.object,
      container: label.container,
      containers: label.container !== undefined ? [label.container] : [],
      findings: [...fps],
      edits: v.edits,
      verified: v.ok,
      problem: v.ok ? undefined : v.problem,
    };
    groups.push(group);
    for (const m of members) {
      if (v.ok) m.finding.fixId = group.id;
      else m.finding.fixProblem = v.problem;
    }
    if (v.ok) verifiedOps.push({ group, ops });
  }
  mergeSharedLines(path, parsed, style, groups, verifiedOps, analysis.raw, before, policies, opts);
  for (const r of analysis.raw) {
    for (const s of r.suggestions) {
      const rendered = renderFixOps(parsed.text, style, s.ops as FixOp[]);
      if (rendered.problems.length === 0 && rendered.edits.length > 0) r.finding.suggestions.push({ message: s.message, edits: rendered.edits });
    }
  }
  let fixedText: string | undefined;
  if (verifiedOps.length === 1) {
    // One verified edit set: it was verified on its own, so it is the file's fix as is.
    fixedText = applyEdits(parsed.text, verifiedOps[0]!.group.edits);
  } else if (verifiedOps.length > 1) {
    const allFps = new Set(verifiedOps.flatMap((g) => g.group.findings));
    const all = renderAndVerify(path, parsed, style, verifiedOps.flatMap((g) => g.ops), allFps, before, policies, opts);
    if (all.ok) fixedText = all.text;
    else {
      // Add groups one at a time, keeping each that still verifies with those kept before it.
      let kept: FixOp[] = [];
      const keptFps = new Set<string>();
      for (const g of verifiedOps) {
        const ops = [...kept, ...g.ops];
        const fps = new Set([...keptFps, ...g.group.findings]);
        const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
        if (v.ok) {
          kept = ops;
          for (const f of g.group.findings) keptFps.add(f);
          fixedText = v.text;
        }
      }
    }
  }
  return { groups, fixedText };
}

/** Lines a group's edits touch, widened by one line each side (a suggestion may anchor there). */
function lineSpan(parsed: ParsedFile, edits: readonly TextEdit[]): [number, number] {
  const start = Math.min(...edits.map((e) => e.range[0]));
  const end = Math.max(...edits.map((e) => e.range[1]));
  return [parsed.position(start).line - 1, parsed.position(end).line + 1];
}

/**
 * Groups of one document whose edits share lines cannot become separate suggestions (a
 * container's new volumes go at the end of the pod spec, after the next container's own fix):
 * merge each such cluster into one group, rendered from all its operations together and
 * verified again. A cluster that does not verify keeps its groups apart. Mutates `groups`,
 * `verified` and the findings' `fixId`.
 */
function mergeSharedLines(
  path: string,
  parsed: ParsedFile,
  style: FileStyle,
  groups: FixGroup[],
  verified: { group: FixGroup; ops: FixOp[] }[],
  raw: readonly RawFinding[],
  before: ReadonlySet<string>,
  policies: readonly Policy<any>[],
  opts: EngineOptions,
): void {
  const spans = verified.map((v) => ({ v, span: lineSpan(parsed, v.group.edits) }));
  spans.sort((a, b) => a.v.group.docIndex - b.v.group.docIndex || a.span[0] - b.span[0]);
  const clusters: (typeof spans)[] = [];
  for (const s of spans) {
    const last = clusters[clusters.length - 1];
    const end = last ? Math.max(...last.map((x) => x.span[1])) : -Infinity;
    if (last && last[0]!.v.group.docIndex === s.v.group.docIndex && s.span[0] <= end) last.push(s);
    else clusters.push([s]);
  }
  for (const cluster of clusters) {
    if (cluster.length < 2) continue;
    const members = cluster.map((c) => c.v);
    const ops = members.flatMap((m) => m.ops);
    const fps = new Set(members.flatMap((m) => m.group.findings));
    const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
    if (!v.ok) continue;
    const first = members[0]!.group;
    const objects = [...new Set(members.map((m) => m.group.object))];
    const containers = members.flatMap((m) => m.group.containers);
    const group: FixGroup = {
      id: fingerprintOf(['fix', path, ...members.map((m) => m.group.id)]),
      file: path,
      docIndex: first.docIndex,
      object: objects.join(', '),
      container: containers.length === 1 ? containers[0] : undefined,
      containers,
      findings: [...fps],
      edits: v.edits,
      verified: true,
      problem: undefined,
    };
    const ids = new Set(members.map((m) => m.group.id));
    const at = groups.findIndex((g) => ids.has(g.id));
    groups.splice(at, 0, group);
    for (let i = groups.length - 1; i >= 0; i--) if (ids.has(groups[i]!.id)) groups.splice(i, 1);
    const vi = verified.findIndex((x) => ids.has(x.group.id));
    verified.splice(vi, 0, { group, ops });
    for (let i = verified.length - 1; i >= 0; i--) if (ids.has(verified[i]!.group.id)) verified.splice(i, 1);
    for (const r of raw) if (r.finding.fixId && ids.has(r.finding.fixId)) r.finding.fixId = group.id;
  }
}
