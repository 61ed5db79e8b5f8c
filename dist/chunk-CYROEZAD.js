import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  run
} from "./chunk-BWIBLJZ3.js";
import {
  chartFoldersOf
} from "./chunk-GRKRAENP.js";

// src/engine/parallel.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var BATCHES_PER_WORKER = 4;
function joinParts(parts) {
  const joined = { files: parts.flatMap((r) => r.files), findings: parts.flatMap((r) => r.findings), fixes: parts.flatMap((r) => r.fixes) };
  const exemptions = parts.flatMap((r) => r.exemptions ?? []);
  if (exemptions.length > 0) joined.exemptions = exemptions;
  return joined;
}
async function runFilesInParts(files, policies, options, parallel, onPart) {
  options = options.chartFolders ? options : { ...options, chartFolders: chartFoldersOf(files.map((f) => f.path)) };
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const cores = availableParallelism();
  const jobs = parallel.jobs === "auto" ? bytes >= (parallel.autoMinBytes ?? 1024 * 1024) && cores >= (parallel.autoMinCores ?? 3) ? cores : 0 : Math.max(0, Math.floor(parallel.jobs));
  const workers = files.length < 2 ? 0 : Math.min(jobs, files.length);
  const inThread = (from) => {
    for (let i = from; i < files.length; i++) onPart(run([files[i]], policies, options));
  };
  if (workers < 1 || !parallel.recipe || parallel.workerUrl.protocol !== "file:" || !existsSync(fileURLToPath(parallel.workerUrl))) {
    inThread(0);
    return { workers: 0 };
  }
  const batches = batchesOf(files, workers * BATCHES_PER_WORKER);
  const waiting = /* @__PURE__ */ new Map();
  let next = 0;
  let handedFiles = 0;
  const arrived = (index, result) => {
    waiting.set(index, result);
    for (let r = waiting.get(next); r !== void 0; r = waiting.get(next)) {
      waiting.delete(next);
      handedFiles += batches[next].length;
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
function batchesOf(files, count) {
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const target = Math.max(1, bytes / count);
  const out = [];
  let cur = [];
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
function runBatches(batches, workers, url, common, onResult) {
  return new Promise((resolve, reject) => {
    const threads = [];
    const finished = /* @__PURE__ */ new Set();
    let next = 0;
    let done = 0;
    let failed = false;
    const fail = (err) => {
      if (failed) return;
      failed = true;
      for (const t of threads) void t.terminate();
      reject(err);
    };
    const feed = (t) => {
      if (next >= batches.length) {
        finished.add(t);
        void t.terminate();
        return;
      }
      const index = next++;
      t.once("message", (answer) => {
        if (!answer.ok) return fail(new Error(answer.error));
        done++;
        try {
          onResult(index, answer.result);
        } catch (err) {
          return fail(err);
        }
        if (done === batches.length) {
          for (const x of threads) {
            finished.add(x);
            void x.terminate();
          }
          resolve();
        } else feed(t);
      });
      t.postMessage({ ...common, files: batches[index] });
    };
    for (let i = 0; i < workers; i++) {
      const t = new Worker(url);
      threads.push(t);
      t.on("error", fail);
      t.on("exit", (code) => {
        if (!failed && !finished.has(t)) fail(new Error(`scan worker exited with status ${code}`));
      });
      feed(t);
    }
  });
}

export {
  joinParts,
  runFilesInParts
};
