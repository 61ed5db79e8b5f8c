/**
 * Fixes on the files of Kustomize roots, proven by building (issue #16): a plain fix of a
 * resource file (a base) is kept only when every root whose closure holds that file, built again
 * with the edited text, no longer shows the findings it fixes and shows no new one; a bad scalar
 * value that an overlay patch sets (`privileged: true`) gets a fix IN the patch — the value the
 * policy's fix of the rendered object writes there — proven the same way.
 *
 * Findings are compared between the build before and the build after by policy, object (kind,
 * namespace, name as rendered), container and message id. Cost: the candidates of all the files
 * of a root are tried in ONE extra build of that root; only when it disagrees are they tried
 * per file, then one by one.
 */
import { fingerprintOf, run, type AnyPolicy, type EngineOptions, type FileResult, type Finding, type FixGroup, type RunResult } from '../engine/index.js';
import { applyEdits, detectStyle, parseYaml, renderFixOps, sameData, type JsonValue, type TextEdit } from '../yaml/index.js';
import { placeRendered, type PlacedFinding, type RenderedUnit, type SourceReader } from './analyse.js';
import { attributeOffset, follow, generatorEntry, NAME_HASH, nodeAtOffset, parseOnce, sourceDocument, stepsTo } from './attribute.js';
import { dataChanges, withChanges, type Change } from './helm-fix.js';
import { buildKustomization, type KustomizeAnalysis } from './kustomize.js';
import type { KustomizeEngine } from './types.js';

/** A root that was built, with what {@link proveKustomizeFixes} needs of it. */
export interface BuiltRoot {
  /** The root kustomization file (repository-relative). */
  root: string;
  /** Every file of its closure (kustomizations and the files they reference). */
  closure: ReadonlySet<string>;
  /** Its rendered objects, label and patches (as analysed). */
  unit: RenderedUnit;
}

/** Where and how {@link proveKustomizeFixes} builds. */
export interface KustomizeFixContext {
  engine: KustomizeEngine;
  analysis: KustomizeAnalysis;
  /** The absolute folder the repository-relative paths start from. */
  repoRoot: string;
  policies: readonly AnyPolicy[];
  opts: EngineOptions;
  read: SourceReader;
}

/** What the builds said of the fixes of a tree's Kustomize files. */
export interface KustomizeFixes {
  /**
   * Resource file → its text as scanned and the verdict on each verified plain fix group of it,
   * by {@link editsKey} of the group's edits: undefined when every build confirms it, else why not.
   */
  plain: ReadonlyMap<string, { text: string; verdicts: ReadonlyMap<string, string | undefined> }>;
  /** Proven fixes in patch files: their groups, one `files` entry a patch (with `fixedText`), and the group of each place (policy, file, line). */
  patch: { groups: FixGroup[]; files: FileResult[]; byPlace: ReadonlyMap<string, { group: string | undefined; problem: string | undefined }> };
}

/** A fix to prove: edits of one file (against its scanned text), and the places of the findings it must clear. */
interface Candidate {
  file: string;
  edits: TextEdit[];
  /** Place keys ({@link placeKeyOf}) of the findings it fixes. */
  targets: Set<string>;
  /**
   * What it changes in the rendered objects ({@link objectKeyOf} → data changes): a rebuild must
   * give each of them exactly its data with these changes, and every other object exactly as before.
   */
  predicts: Map<string, Change[]>;
}

/** `kind/namespace/name` of a rendered object's text, a ConfigMap's or Secret's content hash dropped (a generator fix may rename it). */
function objectKeyOf(text: string): string {
  const d = parseOnce(text).documents.find((x) => x.root)?.data as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | undefined;
  const kind = typeof d?.kind === 'string' ? d.kind : '';
  const name = typeof d?.metadata?.name === 'string' ? d.metadata.name : '';
  const ns = typeof d?.metadata?.namespace === 'string' ? d.metadata.namespace : '';
  return `${kind}/${ns}/${kind === 'ConfigMap' || kind === 'Secret' ? name.replace(NAME_HASH, '') : name}`;
}

/** A ConfigMap's or Secret's data with the content hash of its name dropped (a generator fix may rename it). */
function ignoreNameHash(data: unknown): unknown {
  const d = data as { kind?: unknown; metadata?: { name?: unknown } } | undefined;
  if ((d?.kind !== 'ConfigMap' && d?.kind !== 'Secret') || typeof d.metadata?.name !== 'string') return data;
  return { ...d, metadata: { ...d.metadata, name: d.metadata.name.replace(NAME_HASH, '') } };
}

/** The texts of a build's objects by {@link objectKeyOf}, in order. */
function textsByObject(objects: readonly { text: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of objects) {
    const k = objectKeyOf(o.text);
    out.set(k, [...(out.get(k) ?? []), o.text]);
  }
  return out;
}

/** The key of a group's edits: groups are matched between two scans of the same text by it. */
export const editsKey = (edits: readonly TextEdit[]): string => JSON.stringify(edits.map((e) => [e.range[0], e.range[1], e.text]));

/** Where a finding is (policy, file, 1-based line), as the render reconciler matches them. */
export const placeKeyOf = (policyId: string, file: string, line: number): string => `${policyId}\0${file}\0${line}`;

/** Which finding of which object: policy, kind, namespace, name, container, message id. */
const identityOf = (f: Finding): string =>
  [f.policyId, f.object?.kind ?? '', f.object?.namespace ?? '', f.object?.name ?? '', f.container?.name ?? '', f.messageId].join('\0');

const describe = (f: Finding): string =>
  `${f.policyId} on ${f.object ? `${f.object.kind}/${f.object.name}` : f.file}${f.container ? ` (container "${f.container.name}")` : ''}`;

/** The findings of a root's build: placed (before an edit), and by identity. */
interface Before {
  placed: PlacedFinding[];
  identities: Set<string>;
}

/**
 * Whether `cands` together hold on `b`: build it with their edits in place; undefined when the
 * findings they fix are gone and no new finding appears, else what the build shows instead.
 */
async function holds(ctx: KustomizeFixContext, b: BuiltRoot, before: Before, cands: readonly Candidate[]): Promise<string | undefined> {
  const overrides = new Map<string, string>();
  for (const file of new Set(cands.map((c) => c.file))) {
    const text = ctx.read(file);
    if (text === undefined) return `${file} could not be read again`;
    try {
      overrides.set(
        file,
        applyEdits(
          text,
          cands.filter((c) => c.file === file).flatMap((c) => c.edits),
        ),
      );
    } catch {
      return `its edits overlap others of ${file}`;
    }
  }
  const r = await buildKustomization(ctx.engine, ctx.analysis, b.root, ctx.repoRoot, { overrides });
  if (r.problems.length > 0 || r.objects.length === 0) return `${b.unit.label} fails with it (${r.problems[0]?.message.split('\n')[0] ?? 'no objects'})`;
  const after = new Map<string, Finding>();
  for (const o of r.objects)
    for (const f of run([{ path: o.sourceFile ?? b.unit.root, text: o.text }], ctx.policies, ctx.opts).findings) after.set(identityOf(f), f);
  for (const [id, f] of after) if (!before.identities.has(id)) return `${b.unit.label} gives a new finding with it: ${describe(f)}`;
  const targets = new Set(cands.flatMap((c) => [...c.targets]));
  for (const p of before.placed)
    if (targets.has(placeKeyOf(p.rendered.policyId, p.file, p.range.start.line)) && after.has(identityOf(p.rendered)))
      return `${b.unit.label} still shows ${describe(p.rendered)} with it`;
  // Each object renders exactly as the fixes predict, the others exactly as before (a replacement
  // or a patch copying or overriding the fixed field is caught here).
  const predicted = new Map<string, Change[]>();
  for (const c of cands) for (const [k, ch] of c.predicts) predicted.set(k, [...(predicted.get(k) ?? []), ...ch]);
  const was = textsByObject(b.unit.objects);
  const now = textsByObject(r.objects);
  for (const k of new Set([...was.keys(), ...now.keys()])) {
    const x = was.get(k) ?? [];
    const y = now.get(k) ?? [];
    const what = k.replace(/\/\//, '/');
    const changes = predicted.get(k);
    if (!changes) {
      if (x.length !== y.length || x.some((t, i) => t !== y[i])) return `${b.unit.label} also changes ${what} with it`;
      continue;
    }
    if (x.length !== 1 || y.length !== 1) return `${b.unit.label} renders ${what} ${x.length === 1 ? 'other than once' : 'more than once'} with it`;
    const want = withChanges(parseOnce(x[0]!).documents.find((d) => d.root)?.data, changes);
    const got = parseOnce(y[0]!).documents.find((d) => d.root)?.data;
    if (want === undefined || !sameData(ignoreNameHash(want), ignoreNameHash(got))) return `${b.unit.label} does not render ${what} as the fix makes it`;
  }
  return undefined;
}

/** The verdict of `b` on each of `cands`: all together first, then per file, then one by one. */
async function proveOnRoot(ctx: KustomizeFixContext, b: BuiltRoot, before: Before, cands: readonly Candidate[]): Promise<Map<Candidate, string | undefined>> {
  const out = new Map<Candidate, string | undefined>();
  if (cands.length === 0) return out;
  const all = await holds(ctx, b, before, cands);
  const files = [...new Set(cands.map((c) => c.file))];
  for (const file of files) {
    const mine = cands.filter((c) => c.file === file);
    const together = all === undefined || files.length === 1 ? all : await holds(ctx, b, before, mine);
    for (const c of mine) out.set(c, together === undefined || mine.length === 1 ? together : await holds(ctx, b, before, [c]));
  }
  return out;
}

/** The fix in a patch file for a finding a patch's value causes, or undefined when there is none to offer. */
function patchCandidate(p: PlacedFinding, read: SourceReader): { candidate: Candidate; at: number; value: unknown; group: FixGroup } | undefined {
  if (!p.setByPatch || !p.fix) return undefined;
  const text = p.object.text;
  const rendered = parseOnce(text).documents.find((d) => d.root && !d.hasErrors)?.root;
  if (!rendered) return undefined;
  const node = nodeAtOffset(rendered, p.rendered.range.start.offset, p.rendered.range.end.offset);
  if (node.kind !== 'scalar') return undefined;
  // The value the policy's own fix of the rendered object writes at that place.
  let fixedText: string;
  try {
    fixedText = applyEdits(text, p.fix.edits);
  } catch {
    return undefined;
  }
  const fixed = parseYaml(fixedText).documents.find((d) => d.root && !d.hasErrors)?.root;
  const steps = stepsTo(rendered, node);
  const to = fixed && follow(fixed, steps);
  if (!to || to.depth !== steps.length || to.node.kind !== 'scalar') return undefined;
  const value = to.node.value;
  if (!(typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string' || value === null) || value === node.value) return undefined;
  // An inline patch is edited in its own text, then each edit is moved to the kustomization's offsets (one line each).
  const patchText = p.inline ? p.inline.text : read(p.file);
  const a = patchText === undefined ? undefined : attributeOffset(text, p.rendered.range.start.offset, patchText, p.rendered.range.end.offset);
  if (!a?.exact || a.node.kind !== 'scalar' || patchText === undefined) return undefined;
  const rendered0 = renderFixOps(
    patchText,
    detectStyle(
      patchText,
      parseOnce(patchText).documents.map((d) => d.doc),
    ),
    [{ kind: 'replace', target: a.node, value }],
  );
  if (rendered0.problems.length > 0 || rendered0.edits.length === 0) return undefined;
  const inline = p.inline;
  if (inline && rendered0.edits.some((e) => e.text.includes('\n') || patchText.slice(e.range[0], e.range[1]).includes('\n'))) return undefined;
  const r = inline
    ? { ...rendered0, edits: rendered0.edits.map((e) => ({ range: [inline.toFile(e.range[0]), inline.toFile(e.range[1])] as [number, number], text: e.text })) }
    : rendered0;
  const docs = parseOnce(patchText).documents;
  const docIndex = inline
    ? 0
    : Math.max(
        0,
        docs.findIndex((d) => d.span[0] <= a.node.offsets[0] && a.node.offsets[0] < d.span[1]),
      );
  const at = inline ? inline.toFile(a.node.offsets[0]) : a.node.offsets[0];
  const data = docs[docIndex]?.data as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | undefined;
  const ns = typeof data?.metadata?.namespace === 'string' ? `${data.metadata.namespace}/` : '';
  const object = `${typeof data?.kind === 'string' ? data.kind : '(unknown)'}/${ns}${typeof data?.metadata?.name === 'string' ? data.metadata.name : '(unnamed)'}`;
  const container = p.rendered.container?.name;
  const group: FixGroup = {
    id: fingerprintOf(['kustomize-patch-fix', p.file, at]),
    file: p.file,
    docIndex,
    object,
    container,
    containers: container === undefined ? [] : [container],
    findings: [],
    edits: r.edits,
    verified: true,
    problem: undefined,
    ...(p.fix.kinds ? { kinds: p.fix.kinds } : {}),
  };
  return {
    candidate: {
      file: p.file,
      edits: r.edits,
      targets: new Set([placeKeyOf(p.rendered.policyId, p.file, p.range.start.line)]),
      predicts: new Map([[objectKeyOf(p.object.text), [{ op: 'set', path: steps, value: value as JsonValue }]]]),
    },
    at,
    value,
    group,
  };
}

/**
 * The fix of a generated ConfigMap or Secret that is not immutable: `options.immutable: true` on
 * its `configMapGenerator` / `secretGenerator` entry (the rendered object's own `immutable: true`
 * would be lost at the next build), offered only when the rendered name carries the content-hash
 * suffix — the generator renames the object with every change of its data, so immutable cannot
 * break a later rollout (https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/generatoroptions/).
 * Undefined for any other finding.
 */
function generatorCandidate(p: PlacedFinding, read: SourceReader): { candidate: Candidate; at: number; value: unknown; group: FixGroup } | undefined {
  if (p.rendered.policyId !== 'immutable-configmap-secret' || p.rendered.object === undefined) return undefined;
  const text = read(p.file);
  if (text === undefined) return undefined;
  const g = generatorEntry(text, p.rendered.object.kind, p.rendered.object.name);
  if (!g?.hashed || g.entry.kind !== 'map') return undefined;
  const r = renderFixOps(
    text,
    detectStyle(
      text,
      parseOnce(text).documents.map((d) => d.doc),
    ),
    [{ kind: 'set', target: g.entry, path: ['options', 'immutable'], value: true }],
  );
  if (r.problems.length > 0 || r.edits.length === 0) return undefined;
  const group: FixGroup = {
    id: fingerprintOf(['kustomize-generator-fix', p.file, g.entry.offsets[0]]),
    file: p.file,
    docIndex: 0,
    object: `${p.rendered.object.kind}/${p.rendered.object.namespace ? `${p.rendered.object.namespace}/` : ''}${p.rendered.object.name}`,
    container: undefined,
    containers: [],
    findings: [],
    edits: r.edits,
    verified: true,
    problem: undefined,
  };
  return {
    candidate: {
      file: p.file,
      edits: r.edits,
      targets: new Set([placeKeyOf(p.rendered.policyId, p.file, p.range.start.line)]),
      predicts: new Map([[objectKeyOf(p.object.text), [{ op: 'set', path: [{ key: 'immutable' }], value: true }]]]),
    },
    at: g.entry.offsets[0],
    value: true,
    group,
  };
}

/**
 * What a plain fix of the resource `file` changes in the rendered objects: the data change it
 * makes to each source document (src/render/helm-fix.ts dataChanges), at the same paths of each
 * object rendered from that document (list items by name, as Kustomize merges them). Undefined
 * when the fix's change cannot be stated so (it removes a field, the edited text does not parse).
 */
function predictPlain(text: string, edits: readonly TextEdit[], file: string, built: readonly BuiltRoot[]): Map<string, Change[]> | undefined {
  let fixed: string;
  try {
    fixed = applyEdits(text, edits);
  } catch {
    return undefined;
  }
  const before = parseOnce(text).documents;
  const after = parseYaml(fixed).documents;
  if (before.length !== after.length) return undefined;
  const out = new Map<string, Change[]>();
  for (const b of built)
    for (const o of b.unit.objects) {
      if (o.sourceFile !== file) continue;
      const data = parseOnce(o.text).documents.find((d) => d.root)?.data as { kind?: unknown; metadata?: { name?: unknown } } | undefined;
      const doc = sourceDocument(before, { kind: data?.kind, name: data?.metadata?.name });
      if (!doc) continue;
      const changes = dataChanges(doc.data, after[doc.index]?.data);
      if (!changes) return undefined;
      if (changes.length > 0) out.set(objectKeyOf(o.text), changes);
    }
  return out;
}

/**
 * Prove the fixes of the Kustomize files of `built` (the roots built, each with its rendered
 * unit) by building again (see the module comment): the verified plain fix groups of the
 * `resources` files (scanned here as the plain scan does, with `ctx.policies` and `ctx.opts`), and
 * a replacement of each bad scalar a patch sets. A fix is kept only when every built root whose
 * closure holds its file agrees. Never throws for a failing build (it is a verdict against the
 * fix); rejects only when the engine cannot be started.
 */
export async function proveKustomizeFixes(ctx: KustomizeFixContext, built: readonly BuiltRoot[], resources: ReadonlySet<string>): Promise<KustomizeFixes> {
  const befores = new Map<BuiltRoot, Before>();
  for (const b of built) {
    const placed = placeRendered(b.unit, ctx.policies, ctx.opts, ctx.read);
    befores.set(b, { placed, identities: new Set(placed.map((p) => identityOf(p.rendered))) });
  }
  // Plain fixes of the resource files, as the plain scan gives them.
  const plainCands = new Map<Candidate, { file: string; key: string }>();
  const texts = new Map<string, string>();
  for (const file of resources) {
    const text = ctx.read(file);
    if (text === undefined) continue;
    texts.set(file, text);
    const r = run([{ path: file, text }], ctx.policies, ctx.opts);
    for (const g of r.fixes) {
      if (!g.verified || g.edits.length === 0) continue;
      const targets = new Set(r.findings.filter((f) => g.findings.includes(f.fingerprint)).map((f) => placeKeyOf(f.policyId, f.file, f.range.start.line)));
      const predicts = predictPlain(text, g.edits, file, built);
      if (!predicts) continue;
      plainCands.set({ file, edits: g.edits, targets, predicts }, { file, key: editsKey(g.edits) });
    }
  }
  // Patch fixes, one a place of a patch (the same value whichever build shows it).
  const patchCands = new Map<string, { candidate: Candidate; value: unknown; group: FixGroup; conflict: boolean }>();
  for (const b of built)
    for (const p of befores.get(b)!.placed) {
      const c = patchCandidate(p, ctx.read) ?? generatorCandidate(p, ctx.read);
      if (!c) continue;
      const key = `${c.candidate.file}\0${c.at}`;
      const seen = patchCands.get(key);
      if (!seen) patchCands.set(key, { ...c, conflict: false });
      else if (JSON.stringify(seen.value) !== JSON.stringify(c.value)) seen.conflict = true;
      else {
        for (const t of c.candidate.targets) seen.candidate.targets.add(t);
        for (const [k, ch] of c.candidate.predicts) if (!seen.candidate.predicts.has(k)) seen.candidate.predicts.set(k, ch);
      }
    }
  const patchList = [...patchCands.values()].filter((c) => !c.conflict);
  const all = [...plainCands.keys(), ...patchList.map((c) => c.candidate)];
  const verdicts = new Map<Candidate, string | undefined>();
  const perRoot = await Promise.all(
    built.map((b) =>
      proveOnRoot(
        ctx,
        b,
        befores.get(b)!,
        all.filter((c) => b.closure.has(c.file)),
      ),
    ),
  );
  for (const m of perRoot) for (const [c, v] of m) if (!verdicts.has(c) || (verdicts.get(c) === undefined && v !== undefined)) verdicts.set(c, v);

  const plain = new Map<string, { text: string; verdicts: Map<string, string | undefined> }>();
  for (const [c, { file, key }] of plainCands) {
    const entry = plain.get(file) ?? { text: texts.get(file)!, verdicts: new Map<string, string | undefined>() };
    entry.verdicts.set(key, verdicts.has(c) ? verdicts.get(c) : 'no build of a root holding it was made');
    plain.set(file, entry);
  }
  const groups: FixGroup[] = [];
  const byPlace = new Map<string, { group: string | undefined; problem: string | undefined }>();
  const kept = new Map<string, TextEdit[]>();
  for (const c of patchList) {
    const problem = verdicts.has(c.candidate) ? verdicts.get(c.candidate) : 'no build of a root holding it was made';
    for (const t of c.candidate.targets) byPlace.set(t, problem === undefined ? { group: c.group.id, problem } : { group: undefined, problem });
    if (problem !== undefined) continue;
    groups.push(c.group);
    kept.set(c.candidate.file, [...(kept.get(c.candidate.file) ?? []), ...c.candidate.edits]);
  }
  const files: FileResult[] = [];
  for (const [path, edits] of kept) {
    const text = ctx.read(path)!;
    const fixedEdits = [...edits].sort((a, b) => a.range[0] - b.range[0]);
    files.push({ path, skipped: undefined, skippedDocuments: [], problems: [], manifests: 0, fixedText: applyEdits(text, fixedEdits), fixedEdits });
  }
  return { plain, patch: { groups, files, byPlace } };
}

const notKept = (why: string) => `the fix is not offered: ${why}`;

/**
 * The rendered result with the proven patch fixes of `fixes` (from {@link proveKustomizeFixes}):
 * each finding at a place a patch fix clears gets its `fixId` (its `fixProblem` cleared), or the
 * reason the build refused it; the groups join `fixes`, the patches join `files` with their
 * `fixedText`. Pure.
 */
export function withPatchFixes(result: RunResult, fixes: KustomizeFixes): RunResult {
  const { groups, files, byPlace } = fixes.patch;
  if (byPlace.size === 0) return result;
  const byId = new Map(groups.map((g) => [g.id, { ...g, findings: [...g.findings] }]));
  const findings = result.findings.map((f) => {
    const v = byPlace.get(placeKeyOf(f.policyId, f.file, f.range.start.line));
    if (!v) return f;
    if (v.group === undefined) return { ...f, fixProblem: notKept(v.problem ?? 'not proven by a build') };
    byId.get(v.group)!.findings.push(f.fingerprint);
    return { ...f, fixId: v.group, fixProblem: undefined };
  });
  // A file the result already names (a kustomization that is the source of a generated object) takes the fixed text; the others join.
  const fixedOf = new Map(files.map((f) => [f.path, f]));
  const merged = result.files.map((f) => {
    const x = fixedOf.get(f.path);
    if (!x) return f;
    fixedOf.delete(f.path);
    return { ...f, fixedText: x.fixedText, fixedEdits: x.fixedEdits };
  });
  return { ...result, findings, fixes: [...result.fixes, ...byId.values()], files: [...merged, ...fixedOf.values()] };
}

/**
 * A part of the plain scan with the fixes of resource files that a build did not confirm
 * dropped (see {@link proveKustomizeFixes}): such a group is unverified with the reason, its
 * findings lose their `fixId` and say why in `fixProblem`, and the file's `fixedText` /
 * `fixedEdits` are those of the groups kept. A group the builds never saw is dropped too. Pure.
 */
export function keepProvenPlainFixes(part: RunResult, fixes: KustomizeFixes): RunResult {
  if (!part.files.some((f) => fixes.plain.has(f.path))) return part;
  const dropped = new Map<string, string>();
  const groups = part.fixes.map((g) => {
    const entry = fixes.plain.get(g.file);
    if (!entry || !g.verified || g.edits.length === 0) return g;
    const key = editsKey(g.edits);
    const problem = entry.verdicts.has(key) ? entry.verdicts.get(key) : 'no build was made with it';
    if (problem === undefined) return g;
    dropped.set(g.id, problem);
    return { ...g, verified: false, edits: [], problem: notKept(problem) };
  });
  if (dropped.size === 0) return part;
  const findings = part.findings.map((f) =>
    f.fixId !== undefined && dropped.has(f.fixId) ? { ...f, fixId: undefined, fixProblem: notKept(dropped.get(f.fixId)!) } : f,
  );
  const files = part.files.map((fr) => {
    const entry = fixes.plain.get(fr.path);
    if (!entry || !part.fixes.some((g) => g.file === fr.path && dropped.has(g.id))) return fr;
    const edits = groups.filter((g) => g.file === fr.path && g.verified).flatMap((g) => g.edits);
    if (edits.length === 0) return { ...fr, fixedText: undefined, fixedEdits: undefined };
    const fixedEdits = [...edits].sort((a, b) => a.range[0] - b.range[0]);
    try {
      return { ...fr, fixedText: applyEdits(entry.text, fixedEdits), fixedEdits };
    } catch {
      return { ...fr, fixedText: undefined, fixedEdits: undefined };
    }
  });
  return { ...part, findings, fixes: groups, files };
}
