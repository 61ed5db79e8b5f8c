/**
 * Scan test/corpus with every built-in policy (with `opts.images`: those image facts, as
 * --inspect-images gives them; see inspect.ts): documents, skipped files and documents by
 * reason, crashes (policy-error findings and thrown errors), findings per policy, fixes offered
 * and fixes verified (by the engine AND by the independent checks of test/property/check-file.ts).
 */
import { collectFiles } from '../../src/files.js';
import { run, type Finding, type ImageFacts, type RunResult, type SourceFile } from '../../src/engine/index.js';
import { isDeepStrictEqual } from 'node:util';
import { parseYaml } from '../../src/yaml/index.js';
import { writablePathsFor } from '../../src/k8s/writable-paths.js';
import { builtinPolicies } from '../../policies/index.js';
import { checkFixes } from '../../test/property/check-file.js';
import { CORPUS } from '../../test/corpus-path.js';

/** A fix group that the engine offered but that failed a check. */
export interface FixFailure {
  file: string;
  group: string;
  problem: string;
}

export interface ScanResult {
  files: number;
  /** YAML documents (parsed files only). */
  documents: number;
  /** Kubernetes objects found. */
  objects: number;
  skippedFiles: Map<string, number>;
  skippedDocuments: Map<string, number>;
  crashes: string[];
  findings: Map<string, number>;
  suppressed: number;
  fixesOffered: number;
  fixesVerifiedByEngine: number;
  /** Verified by the engine and passing every independent check. */
  fixesVerified: number;
  fixFailures: FixFailure[];
  /** Files with a fixed text. */
  filesFixed: number;
  /**
   * By policy id, its active findings (not suppressed) with a verified fix applied by default
   * (`fixes`), with a suggestion that is a guess (`guesses`) or a behaviour change (`behaviour`),
   * under the default options (safe fixes only).
   */
  fixKinds: Map<string, { findings: number; fixes: number; guesses: number; behaviour: number }>;
  /**
   * What the default fixed texts change that they must not (issue 15's done-when): a
   * `privileged`, host namespace, `capabilities.add` or user field, or a mount added to a
   * container whose image is not in the table (a guessed mount). `file: what`, [] when none.
   */
  forbiddenChanges: string[];
  /** The run result of each file, by corpus-relative path. */
  results: Map<string, RunResult>;
  texts: Map<string, string>;
}

/** The reason of a skip, without file-specific figures (for grouping). */
const reasonKey = (r: string) =>
  r
    .replace(/\d+/g, 'N')
    .replace(/\s*\(.*$/, '')
    .slice(0, 120);

const inc = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

export function scanCorpus(opts: { images?: Partial<ImageFacts> } = {}): ScanResult {
  const { files, errors } = collectFiles(['.'], { cwd: CORPUS, exclude: ['index.json', 'sources.json'] });
  const r: ScanResult = {
    files: files.length,
    documents: 0,
    objects: 0,
    skippedFiles: new Map(),
    skippedDocuments: new Map(),
    crashes: errors.map((e) => `read error: ${e}`),
    findings: new Map(builtinPolicies.map((p) => [p.id, 0])),
    suppressed: 0,
    fixesOffered: 0,
    fixesVerifiedByEngine: 0,
    fixesVerified: 0,
    fixFailures: [],
    filesFixed: 0,
    fixKinds: new Map(builtinPolicies.map((p) => [p.id, { findings: 0, fixes: 0, guesses: 0, behaviour: 0 }])),
    forbiddenChanges: [],
    results: new Map(),
    texts: new Map(),
  };
  for (const f of files) {
    r.texts.set(f.path, f.text);
    let result: RunResult;
    try {
      result = run([f], builtinPolicies, opts.images ? { images: opts.images } : {});
    } catch (err) {
      r.crashes.push(`${f.path}: engine threw ${(err as Error).message}`);
      continue;
    }
    r.results.set(f.path, result);
    const fr = result.files[0]!;
    if (fr.skipped !== undefined) inc(r.skippedFiles, reasonKey(fr.skipped));
    else r.documents += parseYaml(f.text).documents.length;
    r.objects += fr.manifests;
    for (const d of fr.skippedDocuments) inc(r.skippedDocuments, reasonKey(d.reason));
    for (const x of result.findings) {
      if (x.policyId === 'policy-error') r.crashes.push(`${f.path}: ${x.message}`);
      if (x.suppressed) r.suppressed++;
      inc(r.findings, x.policyId);
      if (x.suppressed) continue;
      const k = r.fixKinds.get(x.policyId) ?? { findings: 0, fixes: 0, guesses: 0, behaviour: 0 };
      r.fixKinds.set(x.policyId, k);
      k.findings++;
      if (x.fixId !== undefined && result.fixes.some((g) => g.id === x.fixId && g.verified)) k.fixes++;
      if (x.suggestions.some((s) => s.kind === 'guess')) k.guesses++;
      if (x.suggestions.some((s) => s.kind === 'behaviour')) k.behaviour++;
    }
    r.fixesOffered += result.fixes.length;
    const verified = result.fixes.filter((g) => g.verified);
    r.fixesVerifiedByEngine += verified.length;
    for (const g of result.fixes)
      if (!g.verified) r.fixFailures.push({ file: f.path, group: `${g.object}/${g.container ?? ''}`, problem: `engine: ${g.problem}` });
    if (fr.fixedText !== undefined) r.filesFixed++;
    if (fr.fixedText !== undefined) for (const c of forbiddenChanges(f.text, fr.fixedText)) r.forbiddenChanges.push(`${f.path}: ${c}`);
    if (verified.length === 0) continue;
    let problems: string[];
    try {
      problems = checkFixes(f.path, f.text, { result });
    } catch (err) {
      problems = [`fixedText: the checks threw ${(err as Error).message}`];
    }
    let bad = 0;
    for (const g of verified) {
      const label = `group ${g.object}/${g.container ?? ''}`;
      const mine = problems.filter((p) => p.includes(`${label}:`) || p.includes(`group ${g.object}:`));
      if (mine.length > 0) {
        bad++;
        r.fixFailures.push({ file: f.path, group: `${g.object}/${g.container ?? ''}`, problem: mine[0]! });
      }
    }
    // Problems of the whole fixed text (all groups together) count against every group of the file.
    const whole = problems.filter((p) => !p.includes('group '));
    if (whole.length > 0) {
      r.fixFailures.push({ file: f.path, group: '(all fixes together)', problem: whole[0]! });
      bad = verified.length;
    }
    r.fixesVerified += verified.length - bad;
  }
  return r;
}

/** Keys whose value a default fix must never change: privilege, host namespaces, the user. */
const GUARDED_KEYS = new Set(['privileged', 'hostNetwork', 'hostPID', 'hostIPC', 'runAsUser', 'runAsNonRoot', 'runAsGroup']);

/**
 * What the fixed text changes that a default fix must not (see ScanResult.forbiddenChanges):
 * walks each document's data before and after (documents keep their order) and names every
 * guarded key ({@link GUARDED_KEYS}) or `capabilities.add` whose value differs, and every
 * volumeMount added to a container whose image's writable paths are a guess
 * (`writablePathsFor(image).guess`).
 */
export function forbiddenChanges(before: string, after: string): string[] {
  const a = parseYaml(before).documents.map((d) => d.data);
  const b = parseYaml(after).documents.map((d) => d.data);
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, path: string[]) => {
    const key = path[path.length - 1];
    const guarded = key !== undefined && (GUARDED_KEYS.has(key) || (key === 'add' && path[path.length - 2] === 'capabilities'));
    if (guarded && !isDeepStrictEqual(x, y)) out.push(`${path.join('.')} changed from ${JSON.stringify(x)} to ${JSON.stringify(y)}`);
    if (isRecordLike(y) && !Array.isArray(y)) {
      const xs = isRecordLike(x) && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
      const ys = y as Record<string, unknown>;
      if (Array.isArray(ys.volumeMounts) && typeof ys.image === 'string' && writablePathsFor(ys.image).guess) {
        const had = new Set((Array.isArray(xs.volumeMounts) ? xs.volumeMounts : []).map((m) => JSON.stringify(m)));
        for (const m of ys.volumeMounts)
          if (!had.has(JSON.stringify(m))) out.push(`${path.join('.')}: a mount ${JSON.stringify(m)} added to a container of an unknown image (a guess)`);
      }
      for (const k of Object.keys(ys)) walk(xs[k], ys[k], [...path, k]);
    } else if (Array.isArray(y)) {
      y.forEach((v, i) => walk(Array.isArray(x) ? x[i] : undefined, v, [...path, String(i)]));
    }
  };
  b.forEach((d, i) => walk(a[i], d, [`document ${i + 1}`]));
  return out;
}

const isRecordLike = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** Findings of files (cached per single file): the {@link FindingsOf} of the peer comparison. */
export function cachedFindingsOf(scan: ScanResult): (files: readonly SourceFile[]) => readonly Finding[] {
  const many = new Map<string, readonly Finding[]>();
  return (files) => {
    if (files.length === 1) {
      const cached = scan.results.get(files[0]!.path);
      if (cached && scan.texts.get(files[0]!.path) === files[0]!.text) return cached.findings;
    }
    const key = files.map((f) => f.path).join('\n');
    let found = many.get(key);
    if (!found) many.set(key, (found = run(files, builtinPolicies).findings));
    return found;
  };
}
