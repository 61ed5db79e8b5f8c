/**
 * `npm run fuzz`: property-based fuzzing of verified fixes over the full built-in policy set.
 * Generates manifests in many YAML styles (test/property/arbitraries.ts) and checks every fix
 * with the engine-independent checks of test/property/check-file.ts.
 *
 * FUZZ_RUNS (default 100000) sets the number of cases, FUZZ_SEED replays a run. Prints progress
 * and a final line `fuzz: <n> cases, <f> failures, <s> s`; exits 1 with the counter-example.
 */
import fc from 'fast-check';
import { generatedFileArb } from '../test/property/arbitraries.js';
import { checkFile } from '../test/property/check-file.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100000);
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env.FUZZ_SEED);
const STEP = Math.max(1, Math.round(RUNS / 50));

const started = Date.now();
let cases = 0;
let failures = 0;
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

console.log(`fuzz: ${RUNS} cases, seed ${SEED}`);
const details = fc.check(
  fc.property(generatedFileArb, (file) => {
    cases++;
    if (cases % STEP === 0) console.log(`  ${cases}/${RUNS} cases, ${failures} failures, ${seconds()} s`);
    const problems = checkFile(file);
    if (problems.length > 0) {
      failures++;
      throw new Error(`${problems.slice(0, 5).join('\n')}\n--- input (${JSON.stringify(file.style)}):\n${file.text}`);
    }
  }),
  { numRuns: RUNS, seed: SEED },
);

if (details.failed) {
  console.error(`\ncounter-example (seed ${details.seed}, path ${details.counterexamplePath}, shrunk ${details.numShrinks} times):`);
  console.error(details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance));
  console.log(`fuzz: ${details.numRuns} cases run, 1 failing property (${failures} failing inputs while shrinking), ${seconds()} s`);
  process.exit(1);
}
console.log(`fuzz: ${details.numRuns} cases run, 0 failures, ${seconds()} s (seed ${SEED})`);
