import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  MAX_HEAD_BYTES,
  MAX_HEAD_FILES,
  materialiseRenderTree
} from "./chunk-CO446TKN.js";
import "./chunk-Q3QGX5ZW.js";
import "./chunk-SFQXZAG2.js";
import "./chunk-FHELKB6D.js";
import "./chunk-UH6I2W3D.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-P3YRBRJ7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";

// src/action/render.ts
async function renderForPullRequest(head, workspace, changed, inputs, policies, engine, helmCharts = []) {
  if (inputs.render === false) return void 0;
  const changedSet = new Set(changed);
  const valuesFiles = new Map(helmCharts.map((c) => [c.path === "." ? "" : c.path, c.profiles.flatMap((p) => p.valuesFiles ?? [])]));
  const m = await materialiseRenderTree(head, changedSet, { files: MAX_HEAD_FILES, bytes: MAX_HEAD_BYTES }, valuesFiles);
  if (m === void 0) return void 0;
  if ("problem" in m) return { notRendered: m.problem };
  try {
    const { renderForScan, renderReconciler } = await import("./chunk-5HXAU3FI.js");
    const r = await renderForScan(m.tree, policies, engine, {
      repoRoot: m.dir,
      engines: { helm: inputs.helm, kustomize: inputs.kustomize, kubectl: inputs.kubectl, path: process.env.PATH, cwd: workspace },
      changed: changedSet,
      refused: m.refused,
      helmCharts
    });
    return { excluded: r.excluded, join: renderReconciler(r), problems: r.engines.problems, rendered: { ...r.rendered, files: m.read.files } };
  } finally {
    m.cleanup();
  }
}
export {
  renderForPullRequest
};
