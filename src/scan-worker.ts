/**
 * The worker thread of a parallel scan (src/engine/parallel.ts, bundled as dist/scan-worker.js):
 * rebuilds the run's policies from the recipe (built-ins, then the custom folders' snapshots —
 * it reads no file itself), then answers each batch of files with `run()`'s result.
 */
import { parentPort } from 'node:worker_threads';
import { builtinPolicies } from '../policies/index.js';
import type { Policy } from './engine/index.js';
import type { PolicyRecipe, WorkerAnswer, WorkerBatch } from './engine/parallel.js';
import { run } from './engine/run.js';

let cached: { recipe: string; policies: Policy<any>[] } | undefined;

/**
 * The policies a recipe describes (built once per worker). The custom-policy loader (with
 * sucrase) is imported only when the recipe has a custom folder.
 */
async function policiesOf(recipe: PolicyRecipe): Promise<Policy<any>[]> {
  const key = JSON.stringify(recipe);
  if (cached?.recipe === key) return cached.policies;
  const policies: Policy<any>[] = [...builtinPolicies];
  const loadCustomPolicies = recipe.customFolders.length > 0 ? (await import('./settings/custom-policies.js')).loadCustomPolicies : undefined;
  for (const snapshot of recipe.customFolders) {
    const loaded = loadCustomPolicies!(
      snapshot.folder,
      (f) => snapshot.entries[f] ?? undefined,
      (p) => snapshot.files[p] ?? undefined,
      policies,
    );
    policies.push(...loaded.policies);
  }
  cached = { recipe: key, policies };
  return policies;
}

// One batch at a time: the parent sends the next batch only after this one's answer.
parentPort?.on('message', async (batch: WorkerBatch) => {
  let answer: WorkerAnswer;
  try {
    const policies = await policiesOf(batch.recipe);
    const ids = policies.map((p) => p.id);
    if (ids.join('\n') !== batch.policyIds.join('\n')) throw new Error(`the worker's policies (${ids.join(', ')}) are not the run's (${batch.policyIds.join(', ')})`);
    answer = { ok: true, result: run(batch.files, policies, batch.options) };
  } catch (err) {
    answer = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(answer);
});
