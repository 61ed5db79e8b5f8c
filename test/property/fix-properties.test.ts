/**
 * Property tests of verified fixes on generated manifests in many YAML styles (see
 * arbitraries.ts). For each file: the engine's fixed text and every verified fix group applied
 * alone must (1) parse, (2) hold exactly the intended data change, (3) no longer report the fixed
 * findings, (4) keep every untouched line byte for byte; and (5) every offered fix is verified.
 * `FUZZ_RUNS` sets the number of cases (default 250, ~20 s: the engine re-analyses the file per
 * fix group); `FUZZ_SEED` replays a run.
 */
import fc from 'fast-check';
import { analyse, run } from '../../src/engine/index.js';
import { applyEdits, parseYaml } from '../../src/yaml/index.js';
import { builtinPolicies } from '../../policies/index.js';
import { generatedFileArb, type GeneratedFile } from './arbitraries.js';
import { checkLinesInOrder, checkUntouchedLines, structuralDiff, touchedLines } from './fix-checks.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** The policies that offer fixes: fingerprints of their findings do not depend on the others. */
const FIXABLE = builtinPolicies.filter((p) => p.meta.fixable);

function dataOf(text: string): unknown[] {
  return parseYaml(text).documents.map((d) => d.data);
}

/** `podSpecPath:name` of the volumes appended to pod specs of a document (any depth), by comparing data. */
function newVolumeNames(before: unknown, after: unknown): string[] {
  const names = (d: unknown): string[] => {
    const out: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'volumes' && Array.isArray(x)) for (const vol of x) if (vol && typeof vol === 'object' && typeof (vol as any).name === 'string') out.push(`${at}:${(vol as any).name}`);
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

/** Problems of one generated file, as strings (empty when every property holds). */
export function checkFile(file: GeneratedFile): string[] {
  const path = file.style.json ? 'gen.json' : 'gen.yaml';
  const text = file.text;
  const problems: string[] = [];
  const parsed = parseYaml(text);
  const parseErrors = parsed.problems.filter((p) => p.severity === 'error');
  if (parseErrors.length > 0) return [`generator produced invalid YAML: ${parseErrors[0]!.message} at ${parseErrors[0]!.line}:${parseErrors[0]!.column}`];
  const original = parsed.documents.map((d) => d.data);
  const result = run([{ path, text }], builtinPolicies);
  const fr = result.files[0]!;

  // 5. every offered fix is verified
  for (const f of result.findings) if (f.fixProblem) problems.push(`P5: ${f.policyId} fix not verified: ${f.fixProblem} (${f.message.slice(0, 80)})`);
  for (const g of result.fixes) if (!g.verified) problems.push(`P5: group ${g.object}/${g.container ?? ''} not verified: ${g.problem}`);

  const check = (label: string, fixed: string, fingerprints: readonly string[], lineCheck: () => string | undefined) => {
    // 1. parses without errors
    const re = parseYaml(fixed);
    const errs = re.problems.filter((p) => p.severity === 'error');
    if (errs.length > 0) {
      problems.push(`P1 ${label}: fixed text does not parse: ${errs[0]!.message} at ${errs[0]!.line}:${errs[0]!.column}`);
      return;
    }
    // 2. only the intended data change
    const diff = structuralDiff(original, re.documents.map((d) => d.data));
    if (diff) problems.push(`P2 ${label}: ${diff}`);
    // 3. the fixed findings are gone
    const again = analyse(path, fixed, FIXABLE).raw.map((r) => r.finding);
    const still = new Set(again.map((f) => f.fingerprint));
    for (const fp of fingerprints) {
      if (still.has(fp)) problems.push(`P3 ${label}: finding ${fp} (${again.find((f) => f.fingerprint === fp)!.message.slice(0, 80)}) still reported`);
    }
    // 4. untouched lines are byte-identical
    const lines = lineCheck();
    if (lines) problems.push(`P4 ${label}: ${lines}`);
  };

  const verified = result.fixes.filter((g) => g.verified);
  const addedVolumes = new Map<string, string[]>();
  for (const g of verified) {
    let fixed: string;
    try {
      fixed = applyEdits(text, g.edits);
    } catch (err) {
      problems.push(`group ${g.object}/${g.container ?? ''}: applyEdits threw ${(err as Error).message}`);
      continue;
    }
    check(`group ${g.object}/${g.container ?? ''}`, fixed, g.findings, () => checkUntouchedLines(text, g.edits, fixed));
    const fixedData = dataOf(fixed);
    addedVolumes.set(g.id, newVolumeNames(original[g.docIndex], fixedData[g.docIndex]).map((n) => `${g.docIndex}:${n}`));
    const changedDocs = fixedData.flatMap((d, i) => (JSON.stringify(d) === JSON.stringify(original[i]) ? [] : [i]));
    if (changedDocs.some((i) => i !== g.docIndex)) problems.push(`P2 group ${g.object}: documents ${changedDocs.join(', ')} changed, expected only ${g.docIndex}`);
  }
  if (verified.length > 0 && fr.fixedText === undefined) problems.push('verified fixes but no fixedText');
  if (fr.fixedText !== undefined) {
    const touched = touchedLines(text, verified.flatMap((g) => g.edits));
    // Groups of one pod never clash: new volume names are unique across all of them.
    const names = verified.flatMap((g) => addedVolumes.get(g.id)!);
    if (new Set(names).size !== names.length) problems.push(`two fix groups add the same volume name: ${names.join(', ')}`);
    check('fixedText', fr.fixedText, verified.flatMap((g) => g.findings), () => checkLinesInOrder(text, touched, fr.fixedText!));
  }
  return problems;
}

describe('fix properties on generated manifests', () => {
  it(`hold for ${RUNS} generated files`, () => {
    fc.assert(
      fc.property(generatedFileArb, (file) => {
        const problems = checkFile(file);
        if (problems.length > 0) {
          throw new Error(`${problems.slice(0, 5).join('\n')}\n--- input (${JSON.stringify(file.style)}):\n${file.text}`);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
  });

  it('the generator covers the styles it claims', () => {
    const sample = fc.sample(generatedFileArb, { numRuns: 300, seed: 42 });
    const texts = sample.map((f) => f.text);
    const has = (re: RegExp) => texts.some((t) => re.test(t));
    expect(has(/\r\n/)).toBe(true);
    expect(has(/^\uFEFF/)).toBe(true);
    expect(has(/^\s*"apiVersion"/m) && sample.some((f) => f.style.json)).toBe(true);
    expect(has(/<<: \*res/)).toBe(true);
    expect(has(/\*labels/)).toBe(true);
    expect(has(/^---/m)).toBe(true);
    expect(has(/# /)).toBe(true);
    expect(has(/^ {3}\S/m)).toBe(true);
    expect(has(/^'\w+':/m)).toBe(true);
    expect(has(/kind: List/)).toBe(true);
    expect(has(/: \|\r?\n/)).toBe(true);
    expect(has(/[ \t]\r?\n/)).toBe(true);
    expect(texts.some((t) => !/\n$/.test(t))).toBe(true);
  });
});
