/**
 * Property tests of verified fixes on generated manifests in many YAML styles (see
 * arbitraries.ts). For each file: the engine's fixed text and every verified fix group applied
 * alone must (1) parse, (2) hold exactly the intended data change, (3) no longer report the fixed
 * findings, (4) keep every untouched line byte for byte; and (5) every offered fix is verified.
 * The checks live in check-file.ts (shared with `npm run fuzz`, which runs many more cases).
 * `FUZZ_RUNS` sets the number of cases (default 250, ~20 s: the engine re-analyses the file per
 * fix group); `FUZZ_SEED` replays a run.
 */
import fc from 'fast-check';
import { generatedFileArb } from './arbitraries.js';
import { checkFile } from './check-file.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

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
