import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineOptions } from './analyse.js';
import type { Policy } from './policy.js';
import { run } from './run.js';
import type { RunResult, SourceFile } from './types.js';

/**
 * A snapshot of one custom policy folder as it was read: what a worker thread needs to load the
 * same policies without reading anything itself. Paths are repository-relative POSIX paths.
 */
export interface CustomFolderSnapshot {
  folder: string;
  /** `list(folder)` answers by folder (null: the folder does not exist). */
  entries: Record<string, string[] | null>;
  /** `read(path)` answers by path (null: absent). */
  files: Record<string, string | null>;
}

/**
 * How a worker thread rebuilds a run's policies: the built-in policies, then the custom policy
 * folders loaded from their snapshots, in order. The ids must come out equal to the run's.
 */
export interface PolicyRecipe {
  customFolders: CustomFolderSnapshot[];
}

/** What a scan worker receives for one batch of files. */
export interface WorkerBatch {
  files: SourceFile[];
  options: EngineOptions;
  recipe: PolicyRecipe;
  /** The policy ids the parent runs, in order: the worker refuses to run other ones. */
  policyIds: string[];
}

/** A worker's answer for one batch. */
export type WorkerAnswer = { ok: true; result: RunResult } | { ok: false; error: string };

/** Options of {@link runFiles}. */
export interface ParallelOptions {
  /**
   * Worker threads to use: a number ≥ 0 (0 runs in this thread), or `'auto'`: the available
   * parallelism (at least one thread, even on one core) when the input is at least
   * `autoMinBytes`, else 0. On one core a worker thread costs about the same time as this
   * thread and keeps this thread's heap smaller (10 files of 1,000 Deployments: 21.5 s and
   * 650 MB on one worker, 21.9 s and 720 MB here).
   */
  jobs: number | 'auto';
  /** How workers rebuild the policies; undefined runs in this thread. */
  recipe: PolicyRecipe | undefined;
  /** The worker script (`dist/scan-worker.js`); when it does not exist the run stays in this thread. */
  workerUrl: URL;
  /** Input size (UTF-16 code units, about bytes) from which `'auto'` uses workers; default 1 MiB. */
  autoMinBytes?: number;
}

/** Batches per worker: enough to balance uneven files, few enough to keep messages cheap. */
const BATCHES_PER_WORKER = 4;

/**
 * {@link run} spread over worker threads: the files are cut into contiguous batches of about
 * equal size, each worker runs batches as they come, and the results are joined in file order —
 * so the result equals `run(files, policies, options)` exactly (the test suite compares both on
 * the whole corpus). Runs in this thread when no worker is asked for, there is at most one file,
 * no recipe, no worker script, or a worker fails to start or answer (then the whole run is done
 * here; nothing is lost). Resolves with the result and the number of worker threads used (0: all
 * in this thread). Never rejects for bad input: the engine keeps problems as data.
 */
export async function runFiles(
  files: readonly SourceFile[],
  policies: readonly Policy<any>[],
  options: EngineOptions,
  parallel: ParallelOptions,
): Promise<{ result: RunResult; workers: number }> {
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const jobs = parallel.jobs === 'auto' ? (bytes >= (parallel.autoMinBytes ?? 1024 * 1024) ? Math.max(1, availableParallelism()) : 0) : Math.max(0, Math.floor(parallel.jobs));
  const workers = files.length < 2 ? 0 : Math.min(jobs, files.length);
  if (workers < 1 || !parallel.recipe || parallel.workerUrl.protocol !== 'file:' || !existsSync(fileURLToPath(parallel.workerUrl))) {
    return { result: run(files, policies, options), workers: 0 };
  }
  const batches = batchesOf(files, workers * BATCHES_PER_WORKER);
  try {
    const results = await runBatches(batches, workers, parallel.workerUrl, {
      options,
      recipe: parallel.recipe,
      policyIds: policies.map((p) => p.id),
    });
    const result: RunResult = {
      files: results.flatMap((r) => r.files),
      findings: results.flatMap((r) => r.findings),
      fixes: results.flatMap((r) => r.fixes),
    };
    return { result, workers };
  } catch {
    return { result: run(files, policies, options), workers: 0 };
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

/** Run `batches` on `workers` threads; resolves with each batch's result in batch order. */
function runBatches(batches: SourceFile[][], workers: number, url: URL, common: Omit<WorkerBatch, 'files'>): Promise<RunResult[]> {
  return new Promise((resolve, reject) => {
    const results: RunResult[] = new Array(batches.length);
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
        results[index] = answer.result;
        done++;
        if (done === batches.length) {
          for (const x of threads) {
            finished.add(x);
            void x.terminate();
          }
          resolve(results);
        } else feed(t);
      });
      t.postMessage({ ...common, files: batches[index]! } satisfies WorkerBatch);
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
