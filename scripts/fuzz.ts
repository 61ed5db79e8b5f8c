/**
 * `npm run fuzz`: property-based fuzzing of verified fixes over the full built-in policy set.
 * Generates manifests in many YAML styles (test/property/arbitraries.ts) and checks every fix
 * with the engine-independent checks of test/property/check-file.ts.
 *
 * FUZZ_RUNS (default 100000) sets the number of cases, FUZZ_SEED replays a run, FUZZ_WORKERS
 * (default: the available parallelism) spreads the cases over that many processes — worker i
 * runs its share with seed FUZZ_SEED + i, so `FUZZ_WORKERS=1 FUZZ_SEED=<s+i> FUZZ_RUNS=<share>`
 * replays one worker. Prints progress and a final line
 * `fuzz: <n> cases run, <f> failures, <s> s`; exits 1 with the counter-example. `--write`
 * records the run in docs/fuzz-run.json, which `npm run corpus -- --write` puts in
 * docs/accuracy.md.
 */
import { execFileSync, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { generatedFileArb } from '../test/property/arbitraries.js';
import { checkFile } from '../test/property/check-file.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100000);
const SEED = process.env.FUZZ_SEED === undefined ? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 1 : Number(process.env.FUZZ_SEED);
const WORKERS = Math.max(1, Math.min(Number(process.env.FUZZ_WORKERS ?? availableParallelism()), RUNS));
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

/** Messages a worker sends to the coordinating process. */
type WorkerMessage = { type: 'progress'; cases: number } | { type: 'done'; cases: number; failed: boolean; report?: string };

/** Run `runs` cases with `seed` in this process; `onProgress` is called every `step` cases. */
function runCases(runs: number, seed: number, step: number, onProgress: (cases: number) => void): WorkerMessage & { type: 'done' } {
  let cases = 0;
  const details = fc.check(
    fc.property(generatedFileArb, (file) => {
      cases++;
      if (cases % step === 0) onProgress(cases);
      const problems = checkFile(file);
      if (problems.length > 0) throw new Error(`${problems.slice(0, 5).join('\n')}\n--- input (${JSON.stringify(file.style)}):\n${file.text}`);
    }),
    { numRuns: runs, seed },
  );
  if (!details.failed) return { type: 'done', cases: details.numRuns, failed: false };
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return {
    type: 'done',
    cases: details.numRuns,
    failed: true,
    report: `counter-example (seed ${details.seed}, path ${details.counterexamplePath}, shrunk ${details.numShrinks} times):\n${error}`,
  };
}

if (process.env.FUZZ_WORKER_INDEX !== undefined) {
  // A worker: run this share and report to the parent.
  const runs = Number(process.env.FUZZ_WORKER_RUNS);
  const result = runCases(runs, SEED, Math.max(1, Math.round(runs / 25)), (cases) => process.send!({ type: 'progress', cases } satisfies WorkerMessage));
  process.send!(result, () => process.exit(0));
} else {
  // The commit the cases run on (read now: the working tree may move on during a long run).
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
    if (execFileSync('git', ['status', '--porcelain', '--untracked-files=no', 'src', 'policies', 'test/property'], { encoding: 'utf8' }).trim())
      commit += ' + local changes';
  } catch {
    // not a git checkout: the commit stays unknown
  }
  console.log(`fuzz: ${RUNS} cases, seed ${SEED}, ${WORKERS} worker${WORKERS === 1 ? '' : 's'}, commit ${commit}`);
  const shares = Array.from({ length: WORKERS }, (_, i) => Math.floor(RUNS / WORKERS) + (i < RUNS % WORKERS ? 1 : 0));
  const progress = shares.map(() => 0);
  const results = await Promise.all(
    shares.map(
      (runs, i) =>
        new Promise<WorkerMessage & { type: 'done' }>((resolve, reject) => {
          const child = fork(fileURLToPath(import.meta.url), [], {
            env: { ...process.env, FUZZ_WORKER_INDEX: String(i), FUZZ_WORKER_RUNS: String(runs), FUZZ_SEED: String(SEED + i) },
          });
          let done: (WorkerMessage & { type: 'done' }) | undefined;
          child.on('message', (m: WorkerMessage) => {
            if (m.type === 'progress') {
              progress[i] = m.cases;
              const total = progress.reduce((a, b) => a + b, 0);
              console.log(`  ${total}/${RUNS} cases, ${seconds()} s`);
            } else done = m;
          });
          child.on('error', reject);
          child.on('exit', (code) => (done ? resolve(done) : reject(new Error(`fuzz worker ${i} exited with status ${code} without a result`))));
        }),
    ),
  );
  const cases = results.reduce((a, r) => a + r.cases, 0);
  const failed = results.filter((r) => r.failed);
  for (const [i, r] of results.entries()) if (r.failed) console.error(`\nworker ${i} (seed ${SEED + i}): ${r.report}`);
  console.log(`fuzz: ${cases} cases run, ${failed.length} failures, ${seconds()} s (seed ${SEED}, ${WORKERS} workers)`);
  if (process.argv.includes('--write')) {
    const record = {
      date: new Date().toISOString().slice(0, 10),
      cases,
      failures: failed.length,
      seed: SEED,
      workers: WORKERS,
      seconds: Number(seconds()),
      node: process.version,
      cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
      commit,
      command: `FUZZ_RUNS=${RUNS} FUZZ_SEED=${SEED} FUZZ_WORKERS=${WORKERS} npm run fuzz -- --write`,
    };
    writeFileSync('docs/fuzz-run.json', JSON.stringify(record, null, 2) + '\n');
    console.log('wrote docs/fuzz-run.json');
  }
  process.exit(failed.length > 0 ? 1 : 0);
}
