/**
 * The verified-fix properties of one file, written independently of the engine's own
 * verification, shared by the property test (fix-properties.test.ts), `npm run fuzz` and
 * `npm run corpus`. For the engine's fixed text and every verified fix group applied alone:
 * (1) it parses (no more parse errors than the original), (2) its data equals the original plus
 * exactly the intended change, (3) the fixed findings are gone and no new finding appears,
 * (4) every untouched line is byte-identical, (5) every offered fix is verified, and (6) no object
 * gains a Kubernetes schema problem.
 */
import { run, type RunResult, type AnyPolicy } from '../../src/engine/index.js';
import { analyseText } from '../../src/engine/analyse.js';
import { validateObject } from '../../src/k8s/schema-validate.js';
import { applyEdits, parseYaml } from '../../src/yaml/index.js';
import { builtinPolicies } from '../../policies/index.js';
import type { GeneratedFile } from './arbitraries.js';
import { checkLinesInOrder, checkUntouchedLines, structuralDiff, touchedLines } from './fix-checks.js';

/** `podSpecPath:name` of the volumes appended to pod specs of a document (any depth), by comparing data. */
function newVolumeNames(before: unknown, after: unknown): string[] {
  const names = (d: unknown): string[] => {
    const out: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'volumes' && Array.isArray(x))
            for (const vol of x) if (vol && typeof vol === 'object' && typeof (vol as any).name === 'string') out.push(`${at}:${(vol as any).name}`);
          walk(x, `${at}.${k}`);
        }
      }
    };
    walk(d, '');
    return out;
  };
  const old = new Set(names(before));
  return names(after).filter((n) => !old.has(n));
}

/** Schema problems of every object of the documents (List items included), as `doc:path message` strings. */
export function schemaProblems(docs: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  const add = (obj: unknown, where: string) => {
    for (const p of validateObject(obj).problems) out.add(`${where}:${p.path.join('.')} ${p.message}`);
  };
  docs.forEach((d, i) => {
    add(d, `doc${i}`);
    const items = d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>).items : undefined;
    if (Array.isArray(items)) items.forEach((it, j) => add(it, `doc${i}.items[${j}]`));
  });
  return out;
}

/** Options of {@link checkFixes}. */
export interface CheckFixesOptions {
  /** The policies run (default: every built-in policy). */
  policies?: readonly AnyPolicy[];
  /** The run result of `text` with `policies`, when already computed. */
  result?: RunResult;
}

/** Problems of the fixes of one file, as strings (empty when every property holds). */
export function checkFixes(path: string, text: string, opts: CheckFixesOptions = {}): string[] {
  const policies = opts.policies ?? builtinPolicies;
  const problems: string[] = [];
  const parsed = parseYaml(text);
  const parseErrorsBefore = parsed.problems.filter((p) => p.severity === 'error').length;
  const original = parsed.documents.map((d) => d.data);
  const result = opts.result ?? run([{ path, text }], policies);
  const fr = result.files.find((f) => f.path === path)!;
  const findings = result.findings.filter((f) => f.file === path);
  const fixes = result.fixes.filter((g) => g.file === path);
  const before = new Set(findings.map((f) => f.fingerprint));
  const schemaBefore = schemaProblems(original);

  // 5. every offered fix is verified
  for (const f of findings) if (f.fixProblem) problems.push(`P5: ${f.policyId} fix not verified: ${f.fixProblem} (${f.message.slice(0, 80)})`);
  for (const g of fixes) if (!g.verified) problems.push(`P5: group ${g.object}/${g.container ?? ''} not verified: ${g.problem}`);

  /** Check one fixed text; returns its documents' data. */
  const check = (label: string, fixed: string, fingerprints: readonly string[], lineCheck: () => string | undefined): unknown[] => {
    // 1. parses without (new) errors
    const re = parseYaml(fixed);
    const errs = re.problems.filter((p) => p.severity === 'error');
    if (errs.length > parseErrorsBefore) {
      problems.push(`P1 ${label}: fixed text does not parse: ${errs[0]!.message} at ${errs[0]!.line}:${errs[0]!.column}`);
      return re.documents.map((d) => d.data);
    }
    const fixedData = re.documents.map((d) => d.data);
    // 2. only the intended data change
    const diff = structuralDiff(original, fixedData);
    if (diff) problems.push(`P2 ${label}: ${diff}`);
    // 3. the fixed findings are gone, and no new finding appears (the fixed text's own parse
    // is analysed: a fingerprint depends on the policy, object, container and message only)
    const after = analyseText(path, fixed, re, policies).raw.map((r) => r.finding);
    const still = new Set(after.map((f) => f.fingerprint));
    for (const fp of fingerprints) {
      if (still.has(fp)) problems.push(`P3 ${label}: finding ${fp} (${after.find((f) => f.fingerprint === fp)!.message.slice(0, 80)}) still reported`);
    }
    for (const f of after) {
      if (!before.has(f.fingerprint)) problems.push(`P3 ${label}: new finding ${f.policyId}/${f.messageId}: ${f.message.slice(0, 80)}`);
    }
    // 4. untouched lines are byte-identical
    const lines = lineCheck();
    if (lines) problems.push(`P4 ${label}: ${lines}`);
    // 6. no new Kubernetes schema problem
    for (const p of schemaProblems(fixedData)) if (!schemaBefore.has(p)) problems.push(`P6 ${label}: new schema problem ${p}`);
    return fixedData;
  };

  const verified = fixes.filter((g) => g.verified);
  const addedVolumes = new Map<string, string[]>();
  for (const g of verified) {
    let fixed: string;
    try {
      fixed = applyEdits(text, g.edits);
    } catch (err) {
      problems.push(`group ${g.object}/${g.container ?? ''}: applyEdits threw ${(err as Error).message}`);
      continue;
    }
    const fixedData = check(`group ${g.object}/${g.container ?? ''}`, fixed, g.findings, () => checkUntouchedLines(text, g.edits, fixed));
    addedVolumes.set(
      g.id,
      newVolumeNames(original[g.docIndex], fixedData[g.docIndex]).map((n) => `${g.docIndex}:${n}`),
    );
    const changedDocs = fixedData.flatMap((d, i) => (JSON.stringify(d) === JSON.stringify(original[i]) ? [] : [i]));
    if (changedDocs.some((i) => i !== g.docIndex))
      problems.push(`P2 group ${g.object}: documents ${changedDocs.join(', ')} changed, expected only ${g.docIndex}`);
  }
  if (verified.length > 0 && fr.fixedText === undefined) problems.push('verified fixes but no fixedText');
  if (fr.fixedText !== undefined) {
    const touched = touchedLines(
      text,
      verified.flatMap((g) => g.edits),
    );
    // Groups of one pod never clash: new volume names are unique across all of them.
    const names = verified.flatMap((g) => addedVolumes.get(g.id)!);
    if (new Set(names).size !== names.length) problems.push(`two fix groups add the same volume name: ${names.join(', ')}`);
    check(
      'fixedText',
      fr.fixedText,
      verified.flatMap((g) => g.findings),
      () => checkLinesInOrder(text, touched, fr.fixedText!),
    );
  }
  return problems;
}

/** Problems of one generated file (the generator's own output must parse). */
export function checkFile(file: GeneratedFile): string[] {
  const path = file.style.json ? 'gen.json' : 'gen.yaml';
  const parseErrors = parseYaml(file.text).problems.filter((p) => p.severity === 'error');
  if (parseErrors.length > 0) return [`generator produced invalid YAML: ${parseErrors[0]!.message} at ${parseErrors[0]!.line}:${parseErrors[0]!.column}`];
  return checkFixes(path, file.text);
}
