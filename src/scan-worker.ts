/**
 * The worker thread of a parallel scan (src/engine/parallel.ts, bundled as dist/scan-worker.js):
 * rebuilds the run's policies from the recipe (src/settings/policy-recipe.ts: built-ins, then
 * the custom folders' snapshots — it reads no file itself), then answers each batch of files
 * with `run()`'s result. The one module that joins the two layers: the engine hands the recipe
 * over as opaque data, the settings know what it means.
 */
import { parentPort } from 'node:worker_threads';
import type { AnyPolicy } from './engine/index.js';
import type { WorkerAnswer, WorkerBatch } from './engine/parallel.js';
import { run } from './engine/run.js';
import { policiesFromRecipe, type PolicyRecipe } from './settings/policy-recipe.js';

let cached: { recipe: string; policies: AnyPolicy[] } | undefined;

/** The policies a recipe describes (built once per worker). */
async function policiesOf(recipe: PolicyRecipe): Promise<AnyPolicy[]> {
  const key = JSON.stringify(recipe);
  if (cached?.recipe === key) return cached.policies;
  const policies = await policiesFromRecipe(recipe);
  cached = { recipe: key, policies };
  return policies;
}

/** Answer one batch: the run's result, or the error that stopped it (never rejects on those). */
async function answerBatch(batch: WorkerBatch<PolicyRecipe>): Promise<void> {
  let answer: WorkerAnswer;
  try {
    const policies = await policiesOf(batch.recipe);
    const ids = policies.map((p) => p.id);
    if (ids.join('\n') !== batch.policyIds.join('\n'))
      throw new Error(`the worker's policies (${ids.join(', ')}) are not the run's (${batch.policyIds.join(', ')})`);
    answer = { ok: true, result: run(batch.files, policies, batch.options) };
  } catch (err) {
    answer = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(answer);
}

// One batch at a time: the parent sends the next batch only after this one's answer. The answer
// is the only result (errors are answers too), so nothing waits for the promise here.
parentPort?.on('message', (batch: WorkerBatch<PolicyRecipe>) => void answerBatch(batch));
