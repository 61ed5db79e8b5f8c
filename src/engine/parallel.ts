import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineOptions } from './analyse.js';
import type { AnyPolicy } from './policy.js';
import { chartFoldersOf } from '../k8s/index.js';
import { run } from './run.js';
import type { RunResult, SourceFile } from './types.js';

/**
 * What a scan worker receives for one batch of files. `R` is the recipe the worker script
 * rebuilds the run's policies from: the engine only passes it on (the CLI's worker,
 * src/scan-worker.ts, takes the settings' PolicyRecipe).
 */
export interface WorkerBatch<R = unknown> {
  files: SourceFile[];
  options: EngineOptions;
  recipe: R;
  /** The policy ids the parent runs, in order: the worker refuses to run other ones. */
  policyIds: string[];
}

/** A worker's answer for one batch. */
export type WorkerAnswer = { ok: true; result: RunResult } | { ok: false; error: string };

/** Options of {@link runFilesInParts}; `R` is the type of the recipe, opaque to the engine. */
export interface ParallelOptions<R = unknown> {
  /**
   * Worker threads to use: a number ≥ 0 (0 runs in this thread), or `'auto'`: one per core when
   * the machine has at least `autoMinCores` cores and the input is at least `autoMinBytes`, else
   * 0. Measured on 2 cores (docs/performance.md): worker threads did not shorten a scan of
   * 10,000 Deployments (V8's garbage collector already works on the second core; the workers
   * together used 1.4-1.7x the CPU time) but each kept a heap of its own (510-870 MB against
   * 200-350 MB in this thread, where the report is written as the scan goes).
   */
  jobs: number | 'auto';
  /**
   * How workers rebuild the policies: data (structured-cloneable) handed to each worker as
   * {@link WorkerBatch.recipe} without being read here — the worker script knows what it means;
   * undefined runs in this thread.
   */
  recipe: R | undefined;
  /** The worker script (`dist/scan-worker.js`), which rebuilds the policies from `recipe`; when it does not exist the run stays in this thread. */
  workerUrl: URL;
  /** Input size (UTF-16 code units, about bytes) from which `'auto'` uses workers; default 1 MiB. */
  autoMinBytes?: number;
  /** Cores from which `'auto'` uses workers; default 3. */
  autoMinCores?: number;
}

/** Batches per worker: enough to balance uneven files, few enough to keep messages cheap. */
const BATCHES_PER_WORKER = 4;

/** Parts of a run (consecutive files, in order) joined into the run's result. */
export function joinParts(parts: readonly RunResult[]): RunResult {
  const joined: RunResult = { files: parts.flatMap((r) => r.files), findings: parts.flatMap((r) => r.findings), fixes: parts.flatMap((r) => r.fixes) };
  const exemptions = parts.flatMap((r) => r.exemptions ?? []);
  if (exemptions.length > 0) joined.exemptions = exemptions;
  return joined;
}

/**
 * {@link run} spread over worker threads, its result handed over in parts, in file order, as
 * they are ready, and none kept: the files are cut into contiguous batches of about equal size,
 * each worker runs batches as they come, and each part is `run()` of consecutive files (their
 * findings and fix groups), so the parts joined ({@link joinParts}) equal `run(files, policies,
 * options)` exactly (the test suite compares both on the whole corpus). Runs in this thread when
 * no worker is asked for, there is at most one file, no recipe or no worker script. A report
 * written part by part keeps only one part in memory (in this thread a part is one file). When a
 * worker fails to start or answer, the files of the parts not yet handed over are run in this
 * thread (nothing is lost). Resolves with the number of worker threads used (0: all in this
 * thread); never rejects for bad input (the engine keeps problems as data), only when `onPart`
 * throws.
 */
export async function runFilesInParts<R>(
  files: readonly SourceFile[],
  policies: readonly AnyPolicy[],
  options: EngineOptions,
  parallel: ParallelOptions<R>,
  onPart: (part: RunResult) => void,
): Promise<{ workers: number }> {
  // Each part runs some of the files: the chart folders are those of all of them.
  options = options.chartFolders ? options : { ...options, chartFolders: chartFoldersOf(files.map((f) => f.path)) };
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const cores = availableParallelism();
  const jobs =
    parallel.jobs === 'auto'
      ? bytes >= (parallel.autoMinBytes ?? 1024 * 1024) && cores >= (parallel.autoMinCores ?? 3)
        ? cores
        : 0
      : Math.max(0, Math.floor(parallel.jobs));
  const workers = files.length < 2 ? 0 : Math.min(jobs, files.length);
  const inThread = (from: number) => {
    for (let i = from; i < files.length; i++) onPart(run([files[i]!], policies, options));
  };
  if (workers < 1 || !parallel.recipe || parallel.workerUrl.protocol !== 'file:' || !existsSync(fileURLToPath(parallel.workerUrl))) {
    inThread(0);
    return { workers: 0 };
  }
  const batches = batchesOf(files, workers * BATCHES_PER_WORKER);
  // Parts are handed over in order: a batch that finishes early waits for those before it.
  const waiting = new Map<number, RunResult>();
  let next = 0;
  let handedFiles = 0;
  const arrived = (index: number, result: RunResult) => {
    waiting.set(index, result);
    for (let r = waiting.get(next); r !== undefined; r = waiting.get(next)) {
      waiting.delete(next);
      handedFiles += batches[next]!.length;
      next++;
      onPart(r);
    }
  };
  try {
    await runBatches(batches, workers, parallel.workerUrl, { options, recipe: parallel.recipe, policyIds: policies.map((p) => p.id) }, arrived);
    return { workers };
  } catch {
    inThread(handedFiles);
    return { workers: 0 };
  }
}

/** Contiguous batches of about `total bytes / count` each (at least one file each). */
function batchesOf(files: readonly SourceFile[], count: number): SourceFile[][] {
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const target = Math.max(1, bytes / count);
  const out: SourceFile[][] = [];
  let cur: SourceFile[] = [];
  let size = 0;
  for (const f of files) {
    cur.push(f);
    size += f.text.length;
    if (size >= target) {
      out.push(cur);
      cur = [];
      size = 0;
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Run `batches` on `workers` threads, handing each batch's result to `onResult` as it comes (any order); rejects when a worker fails or `onResult` throws. */
function runBatches<R>(
  batches: SourceFile[][],
  workers: number,
  url: URL,
  common: Omit<WorkerBatch<R>, 'files'>,
  onResult: (index: number, result: RunResult) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const threads: Worker[] = [];
    const finished = new Set<Worker>();
    let next = 0;
    let done = 0;
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      for (const t of threads) void t.terminate();
      reject(err);
    };
    const feed = (t: Worker) => {
      if (next >= batches.length) {
        finished.add(t);
        void t.terminate();
        return;
      }
      const index = next++;
      t.once('message', (answer: WorkerAnswer) => {
        if (!answer.ok) return fail(new Error(answer.error));
        done++;
        try {
          onResult(index, answer.result);
        } catch (err) {
          return fail(err as Error);
        }
        if (done === batches.length) {
          for (const x of threads) {
            finished.add(x);
            void x.terminate();
          }
          resolve();
        } else feed(t);
      });
      t.postMessage({ ...common, files: batches[index]! } satisfies WorkerBatch<R>);
    };
    for (let i = 0; i < workers; i++) {
      const t = new Worker(url);
      threads.push(t);
      t.on('error', fail);
      t.on('exit', (code) => {
        if (!failed && !finished.has(t)) fail(new Error(`scan worker exited with status ${code}`));
      });
      feed(t);
    }
  });
}
