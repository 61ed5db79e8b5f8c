import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  collectFiles
} from "./chunk-W3BHX62H.js";
import {
  isRenderRootFile
} from "./chunk-NCVOTW7D.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";

// src/action/render.ts
async function renderForPullRequest(workspace, changed, inputs, policies, engine) {
  if (inputs.render === false) return void 0;
  const roots = collectFiles(["."], {
    include: ["**/Chart.yaml", "Chart.yaml", "**/kustomization.yaml", "kustomization.yaml", "**/kustomization.yml", "kustomization.yml"],
    cwd: workspace
  });
  if (!roots.files.some((f) => isRenderRootFile(f.path))) return void 0;
  const { renderForScan, renderReconciler } = await import("./chunk-3ZTJKPEN.js");
  const tree = new Map(collectFiles(["."], { include: ["**"], cwd: workspace }).files.map((f) => [f.path, f.text]));
  const r = await renderForScan(tree, policies, engine, {
    repoRoot: workspace,
    engines: { helm: inputs.helm, kustomize: inputs.kustomize, kubectl: inputs.kubectl, path: process.env.PATH, cwd: workspace },
    changed: new Set(changed)
  });
  return { excluded: r.excluded, join: renderReconciler(r), problems: r.engines.problems, rendered: r.rendered };
}
export {
  renderForPullRequest
};
