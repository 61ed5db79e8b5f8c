import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-5MZPE4J7.js";
import {
  joinParts,
  runFilesInParts
} from "./chunk-CYROEZAD.js";
import {
  accessForRun,
  resolveImageDigests
} from "./chunk-IARIDSZY.js";
import {
  diskFiles,
  loadRunSettings
} from "./chunk-6NFZBB4S.js";
import {
  plural
} from "./chunk-LYE55XUZ.js";
import {
  collectFiles
} from "./chunk-SFQXZAG2.js";
import {
  RENDER_ROOT_GLOBS,
  isRenderRootFile
} from "./chunk-UH6I2W3D.js";
import {
  fastReaderStatus
} from "./chunk-P3YRBRJ7.js";
import {
  editDistance
} from "./chunk-23UJLTM7.js";

// src/cli/progress.ts
var CLEAR = "\r\x1B[2K";
function progressLine(io, text, timing = {}) {
  const enabled = io.stderrIsTTY === true && io.env?.TERM !== "dumb" && (io.env?.CI ?? "") === "";
  if (!enabled) return { update: () => void 0, clear: () => void 0, end: () => void 0 };
  const now = io.clock ?? Date.now;
  const delay = timing.delayMs ?? 2e3;
  const interval = timing.intervalMs ?? 100;
  const start = now();
  let current = text;
  let drawnAt;
  let shown = false;
  let ended = false;
  const draw = () => {
    const t = now();
    if (ended || t - start < delay || drawnAt !== void 0 && t - drawnAt < interval) return;
    drawnAt = t;
    shown = true;
    io.stderr(`${CLEAR}kube-immutable: ${current}`);
  };
  const erase = () => {
    if (!shown) return;
    shown = false;
    drawnAt = void 0;
    io.stderr(CLEAR);
  };
  const timer = setInterval(draw, Math.max(interval, 250));
  timer.unref();
  return {
    update(next) {
      current = next;
      draw();
    },
    clear: erase,
    end() {
      if (ended) return;
      erase();
      ended = true;
      clearInterval(timer);
    }
  };
}

// src/cli/render.ts
async function renderStep(cmd, files, exclude, policies, engine, io, helmCharts = []) {
  if (!cmd.render || !hasRenderRoot(cmd.paths, files, exclude, io.cwd)) return { files, join: void 0, sources: [] };
  const { renderForScan, renderReconciler } = await import("./chunk-5HXAU3FI.js");
  const tree = new Map(collectFiles(cmd.paths, { include: ["**"], exclude, cwd: io.cwd }).files.map((f) => [f.path, f.text]));
  const progress = progressLine(io, "rendering Helm charts and Kustomize roots\u2026");
  const r = await renderForScan(tree, policies, engine, {
    repoRoot: io.cwd,
    engines: { helm: cmd.helm, kustomize: cmd.kustomize, kubectl: cmd.kubectl, path: io.env?.PATH, cwd: io.cwd },
    helmCharts
  }).finally(() => progress.end());
  for (const p of r.engines.problems) io.stderr(`kube-immutable: ${p}
`);
  if (cmd.verbose)
    io.stderr(
      `kube-immutable: rendered ${r.rendered.charts} chart${r.rendered.charts === 1 ? "" : "s"} and Kustomize root${r.rendered.charts === 1 ? "" : "s"} (${r.rendered.objects} objects)
`
    );
  const sources = r.result.files.flatMap((f) => f.fixedText !== void 0 && tree.has(f.path) ? [{ path: f.path, text: tree.get(f.path) }] : []);
  return { files: files.filter((f) => !r.excluded.has(f.path)), join: renderReconciler(r), sources };
}
function hasRenderRoot(paths, files, exclude, cwd) {
  if (files.some((f) => isRenderRootFile(f.path))) return true;
  return collectFiles(paths, { include: RENDER_ROOT_GLOBS, exclude, cwd }).files.some((f) => isRenderRootFile(f.path));
}

// src/cli/settings.ts
async function cliSettings(cmd, io) {
  const loaded = await loadRunSettings(diskFiles(io.cwd), cmd.config);
  for (const p of loaded.problems) io.stderr(`kube-immutable: ${p}
`);
  const settings = { ...loaded, engine: withPolicyChoice(cmd, loaded.engine, loaded.policies) };
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
    const { withGitBase } = await import("./chunk-NZE5TJST.js");
    const based = withGitBase(cmd.base, engine, files, io.cwd);
    engine = based.engine;
    if (cmd.verbose || engine.exemptionGovernance?.annotations === "base-only")
      io.stderr(`kube-immutable: ${exemptionModeLine(engine, `${cmd.base} (${based.sha.slice(0, 12)})`)}
`);
  }
  engine = withFixFlags(cmd, engine);
  engine = await withCliBuildArtifacts(engine, files, io, cmd.verbose);
  if (cmd.inspectImages) {
    const { inspectImageConfigs } = await import("./chunk-JLWKZ47E.js");
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
async function withCliBuildArtifacts(engine, files, io, verbose) {
  const { withBuildArtifacts } = await import("./chunk-AHXSHHNZ.js");
  const disk = diskFiles(io.cwd);
  const r = await withBuildArtifacts(
    engine,
    files.map((f) => f.path),
    { read: (p) => Promise.resolve(disk.read(p)) }
  );
  for (const p of r.problems) io.stderr(`kube-immutable: ${p}
`);
  if (verbose)
    for (const p of r.projects)
      io.stderr(
        `kube-immutable: Skaffold project ${p.config}: ${p.images.length} build artifact(s) (${p.images.join(", ")}), manifests ${p.manifests.join(", ")}
`
      );
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
function withPolicyChoice(cmd, engine, policies) {
  if (cmd.onlyPolicies.length === 0 && cmd.skipPolicies.length === 0) return engine;
  const known = policies.map((p) => p.id);
  for (const [flag, ids] of [
    ["--policy", cmd.onlyPolicies],
    ["--skip-policy", cmd.skipPolicies]
  ]) {
    for (const id of ids) if (!known.includes(id)) throw new UsageError(unknownPolicyMessage(flag, id, known));
  }
  const only = new Set(cmd.onlyPolicies);
  const skip = new Set(cmd.skipPolicies);
  const severity = { ...engine.severity ?? {} };
  for (const p of policies) {
    const runs = (only.size === 0 ? severity[p.id] !== "off" : only.has(p.id)) && !skip.has(p.id);
    if (!runs) severity[p.id] = "off";
    else if (severity[p.id] === "off") severity[p.id] = p.meta.defaultSeverity;
  }
  return { ...engine, severity };
}
function unknownPolicyMessage(flag, id, known) {
  let best;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  const hint = best === void 0 ? "no policy is known" : `the closest known policy is "${best}"`;
  return `${flag}: unknown policy "${id}"; ${hint} ('kube-immutable policies' lists them)`;
}
async function runScan(cmd, files, policies, recipe, engine, io) {
  const parts = [];
  await runScanInParts(cmd, files, policies, recipe, engine, io, (part) => parts.push(part));
  return joinParts(parts);
}
async function runScanInParts(cmd, files, policies, recipe, engine, io, onPart) {
  const counted = (done2) => `scanning: ${done2} of ${plural(files.length, "file")} checked (${Math.floor(done2 * 100 / Math.max(1, files.length))}%)`;
  const progress = progressLine(io, counted(0));
  let done = 0;
  let workers;
  try {
    ({ workers } = await runFilesInParts(
      files,
      policies,
      engine,
      { jobs: cmd.jobs, recipe, workerUrl: new URL("./scan-worker.js", import.meta.url) },
      (part) => {
        done += part.files.length;
        if (io.isTTY) progress.clear();
        onPart(part);
        progress.update(counted(done));
      }
    ));
  } finally {
    progress.end();
  }
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
  renderStep,
  cliSettings,
  engineForRun,
  runScan,
  runScanInParts,
  exemptionModeLine
};
