import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);

// src/k8s/file-names.ts
var KUSTOMIZATION_FILE_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
var HELM_CHART_FILE_NAME = "Chart.yaml";
function baseName(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function isKustomizationFileName(path) {
  return KUSTOMIZATION_FILE_NAMES.includes(baseName(path));
}
function isHelmValuesFileName(path) {
  return /^values[^/]*\.ya?ml$/.test(baseName(path));
}
function chartFoldersOf(paths) {
  const out = /* @__PURE__ */ new Set();
  for (const p of paths) {
    if (baseName(p) !== HELM_CHART_FILE_NAME) continue;
    const slash = p.lastIndexOf("/");
    out.add(slash < 0 ? "" : p.slice(0, slash));
  }
  return [...out];
}
function chartFolderOf(path, chartFolders) {
  let best;
  for (const f of chartFolders) {
    if (f !== "" && !path.startsWith(`${f}/`)) continue;
    if (best === void 0 || f.length > best.length) best = f;
  }
  return best;
}

export {
  KUSTOMIZATION_FILE_NAMES,
  HELM_CHART_FILE_NAME,
  isKustomizationFileName,
  isHelmValuesFileName,
  chartFoldersOf,
  chartFolderOf
};
