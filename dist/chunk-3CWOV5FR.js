import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-LMNHUWWG.js";
import {
  diskFiles,
  loadRunSettings
} from "./chunk-SK3XZ4CO.js";
import {
  collectFiles
} from "./chunk-W3BHX62H.js";
import {
  accessForRun,
  resolveImageDigests
} from "./chunk-W4WKL7CU.js";
import {
  run
} from "./chunk-P4MGIWSM.js";
import {
  fastReaderStatus
} from "./chunk-UQZTLBKW.js";

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

// src/cli/render.ts
var isRenderRoot = (path) => /(?:^|\/)(?:Chart\.yaml|kustomization\.ya?ml|Kustomization)$/.test(path);
async function renderStep(cmd, files, exclude, policies, engine, io) {
  if (!cmd.render || !files.some((f) => isRenderRoot(f.path))) return { files, join: void 0 };
  const { renderForScan, renderReconciler } = await import("./chunk-FGW4D5R6.js");
  const tree = new Map(collectFiles(cmd.paths, { include: ["**"], exclude, cwd: io.cwd }).files.map((f) => [f.path, f.text]));
  const r = await renderForScan(tree, policies, engine, {
    repoRoot: io.cwd,
    engines: { helm: cmd.helm, kustomize: cmd.kustomize, kubectl: cmd.kubectl, path: io.env?.PATH, cwd: io.cwd }
  });
  for (const p of r.engines.problems) io.stderr(`kube-immutable: ${p}
`);
  if (cmd.verbose)
    io.stderr(
      `kube-immutable: rendered ${r.rendered.charts} chart${r.rendered.charts === 1 ? "" : "s"} and Kustomize root${r.rendered.charts === 1 ? "" : "s"} (${r.rendered.objects} objects)
`
    );
  return { files: files.filter((f) => !r.excluded.has(f.path)), join: renderReconciler(r) };
}

// src/cli/settings.ts
async function cliSettings(cmd, io) {
  const settings = await loadRunSettings(diskFiles(io.cwd), cmd.config);
  for (const p of settings.problems) io.stderr(`kube-immutable: ${p}
`);
  if (cmd.verbose && cmd.base === void 0) io.stderr(`kube-immutable: ${exemptionModeLine(settings.engine)}
`);
  if (cmd.verbose) {
    const reader = fastReaderStatus();
    if (!reader.enabled) io.stderr(`kube-immutable: the fast YAML reader is off (${reader.reason ?? "unknown reason"}); the yaml library reads every file
`);
  }
  return {
    ...settings,
    ok: settings.problems.length === 0,
    include: cmd.include.length > 0 ? cmd.include : settings.include ?? [],
    // The configuration files themselves are not manifests: never scan them.
    exclude: [...cmd.exclude.length > 0 ? cmd.exclude : settings.exclude ?? [], ...settings.filesRead]
  };
}
async function engineForRun(cmd, engine, files, io) {
  const env = cmd.resolveDigests || cmd.inspectImages ? io.env ?? {} : {};
  let access;
  try {
    access = accessForRun(cmd.registries, env, "--registries");
  } catch (err) {
    throw new UsageError(err.message);
  }
  if (cmd.base !== void 0) {
    const { withGitBase } = await import("./chunk-NYGXLHBP.js");
    const based = withGitBase(cmd.base, engine, files, io.cwd);
    engine = based.engine;
    if (cmd.verbose || engine.exemptionGovernance?.annotations === "base-only")
      io.stderr(`kube-immutable: ${exemptionModeLine(engine, `${cmd.base} (${based.sha.slice(0, 12)})`)}
`);
  }
  engine = withFixFlags(cmd, engine);
  if (cmd.inspectImages) {
    const { inspectImageConfigs } = await import("./chunk-27UNIQRW.js");
    const r2 = await inspectImageConfigs(files, engine, io.env ?? {}, { access });
    for (const f of r2.failures) io.stderr(`kube-immutable: ${f}
`);
    if (cmd.verbose) io.stderr(`kube-immutable: read ${r2.inspected} image config${r2.inspected === 1 ? "" : "s"}.
`);
    engine = r2.engine;
  }
  if (!cmd.resolveDigests) return engine;
  const r = await resolveImageDigests(files, engine, io.env ?? {}, { access });
  for (const f of r.failures) io.stderr(`kube-immutable: ${f}
`);
  return r.engine;
}
function withFixFlags(cmd, engine) {
  if (!cmd.includeGuesses && cmd.applyBehaviourChanges.length === 0) return engine;
  const known = engine.knownPolicyIds;
  for (const id of cmd.applyBehaviourChanges) {
    if (id !== "all" && known && !known.includes(id))
      throw new UsageError(`--apply-behaviour-changes: unknown policy "${id}"; known policies: ${known.join(", ")}`);
  }
  const before = engine.applyFixes?.behaviour ?? [];
  const all = before === "all" || cmd.applyBehaviourChanges.includes("all");
  const behaviour = all ? "all" : [.../* @__PURE__ */ new Set([...before, ...cmd.applyBehaviourChanges])];
  return { ...engine, applyFixes: { guesses: cmd.includeGuesses || engine.applyFixes?.guesses === true, behaviour } };
}
async function runScan(cmd, files, policies, recipe, engine, io) {
  const parts = [];
  await runScanInParts(cmd, files, policies, recipe, engine, io, (part) => parts.push(part));
  return joinParts(parts);
}
async function runScanInParts(cmd, files, policies, recipe, engine, io, onPart) {
  const { workers } = await runFilesInParts(
    files,
    policies,
    engine,
    { jobs: cmd.jobs, recipe, workerUrl: new URL("./scan-worker.js", import.meta.url) },
    onPart
  );
  if (cmd.verbose) {
    const where = workers > 0 ? `on ${workers} worker thread${workers === 1 ? "" : "s"}` : "in one thread";
    io.stderr(`kube-immutable: scanned ${files.length} file${files.length === 1 ? "" : "s"} ${where}
`);
  }
}
function exemptionModeLine(engine, base) {
  const g = engine.exemptionGovernance;
  const mode = g?.annotations ?? "allowed";
  const limits = [
    g?.policies ? `policies ${g.policies.join(", ")}` : "",
    g?.requireExpiry ? "expiry required" : "",
    g?.maxDays !== void 0 ? `expiry at most ${g.maxDays} days ahead` : ""
  ].filter(Boolean).join("; ");
  const applied = mode !== "base-only" ? mode : base !== void 0 ? `base-only, against ${base}` : "allowed (the configuration says base-only, which needs a pull request's base commit; this run has none)";
  return `exemption annotations: ${applied}${limits ? `; ${limits}` : ""}`;
}

export {
  joinParts,
  renderStep,
  cliSettings,
  engineForRun,
  runScan,
  runScanInParts,
  exemptionModeLine
};
