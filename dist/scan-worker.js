import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  run
} from "./chunk-BWIBLJZ3.js";
import "./chunk-HMAY3IZG.js";
import {
  builtinPolicies
} from "./chunk-UEOUJ4BT.js";
import "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-P3YRBRJ7.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";

// src/scan-worker.ts
import { parentPort } from "node:worker_threads";

// src/settings/policy-recipe.ts
async function policiesFromRecipe(recipe) {
  if (typeof recipe !== "object" || recipe === null || !Array.isArray(recipe.customFolders)) {
    throw new TypeError("policiesFromRecipe: the recipe must be an object with a customFolders list");
  }
  const policies = [...builtinPolicies];
  const loadCustomPolicies = recipe.customFolders.length > 0 ? (await import("./chunk-2G25W2BZ.js")).loadCustomPolicies : void 0;
  for (const snapshot of recipe.customFolders) {
    const loaded = loadCustomPolicies(
      snapshot.folder,
      (f) => snapshot.entries[f] ?? void 0,
      (p) => snapshot.files[p] ?? void 0,
      policies
    );
    policies.push(...loaded.policies);
  }
  return policies;
}

// src/scan-worker.ts
var cached;
async function policiesOf(recipe) {
  const key = JSON.stringify(recipe);
  if (cached?.recipe === key) return cached.policies;
  const policies = await policiesFromRecipe(recipe);
  cached = { recipe: key, policies };
  return policies;
}
async function answerBatch(batch) {
  let answer;
  try {
    const policies = await policiesOf(batch.recipe);
    const ids = policies.map((p) => p.id);
    if (ids.join("\n") !== batch.policyIds.join("\n"))
      throw new Error(`the worker's policies (${ids.join(", ")}) are not the run's (${batch.policyIds.join(", ")})`);
    answer = { ok: true, result: run(batch.files, policies, batch.options) };
  } catch (err) {
    answer = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort.postMessage(answer);
}
parentPort?.on("message", (batch) => void answerBatch(batch));
