/**
 * Corpus property test: every `.yaml`/`.yml`/`.json` file of test/corpus (real manifests and
 * peer tools' fixtures, never modified) goes through the engine without throwing, and for each
 * file with a fixed text: (1) it parses, (3) the fixed findings are gone, (4) untouched lines are
 * byte-identical — for the whole fixed text and for every verified group applied alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyse, run } from '../../src/engine/index.js';
import { applyEdits, parseYaml } from '../../src/yaml/index.js';
import { builtinPolicies } from '../../policies/index.js';
import { checkLinesInOrder, checkUntouchedLines, touchedLines } from './fix-checks.js';
import { CORPUS } from '../corpus-path.js';

const FIXABLE = builtinPolicies.filter((p) => p.meta.fixable);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else if (/\.(ya?ml|json)$/i.test(name) && name !== 'index.json' && name !== 'sources.json') out.push(full);
  }
  return out;
}

function checkText(rel: string, text: string): { problems: string[]; fixed: boolean } {
  const problems: string[] = [];
  let result;
  try {
    result = run([{ path: rel, text }], builtinPolicies);
  } catch (err) {
    return { problems: [`engine threw: ${(err as Error).stack}`], fixed: false };
  }
  const fr = result.files[0]!;
  const check = (label: string, fixed: string, fingerprints: readonly string[], lines: () => string | undefined) => {
    const errs = parseYaml(fixed).problems.filter((p) => p.severity === 'error');
    const before = parseYaml(text).problems.filter((p) => p.severity === 'error').length;
    if (errs.length > before) problems.push(`P1 ${label}: ${errs[0]!.message} at ${errs[0]!.line}:${errs[0]!.column}`);
    const still = new Set(analyse(rel, fixed, FIXABLE).raw.map((r) => r.finding.fingerprint));
    for (const fp of fingerprints) if (still.has(fp)) problems.push(`P3 ${label}: finding ${fp} still reported`);
    const l = lines();
    if (l) problems.push(`P4 ${label}: ${l}`);
  };
  const verified = result.fixes.filter((g) => g.verified);
  for (const g of verified) {
    const fixed = applyEdits(text, g.edits);
    check(`group ${g.object}/${g.container ?? ''}`, fixed, g.findings, () => checkUntouchedLines(text, g.edits, fixed));
  }
  if (fr.fixedText !== undefined) {
    const touched = touchedLines(
      text,
      verified.flatMap((g) => g.edits),
    );
    // Every verified group is applied in fixedText: all their findings are gone.
    check(
      'fixedText',
      fr.fixedText,
      verified.flatMap((g) => g.findings),
      () => checkLinesInOrder(text, touched, fr.fixedText!),
    );
  }
  return { problems, fixed: fr.fixedText !== undefined };
}

describe('fixes on the corpus', () => {
  const files = listFiles(CORPUS);

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('engine does not throw; fixed texts parse, fix their findings and keep untouched lines', () => {
    const failures: string[] = [];
    let withFix = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const rel = path.relative(CORPUS, file).split(path.sep).join('/');
      const { problems, fixed } = checkText(rel, text);
      if (problems.length > 0) failures.push(`${rel}:\n  ${problems.slice(0, 3).join('\n  ')}`);
      if (fixed) withFix++;
    }
    expect(failures).toEqual([]);
    expect(withFix).toBeGreaterThan(0);
  });
});
