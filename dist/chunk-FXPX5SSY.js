import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);

// src/render/roots.ts
var KUSTOMIZATION_FILE_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
var RENDER_ROOT_FILE_NAMES = ["Chart.yaml", ...KUSTOMIZATION_FILE_NAMES];
function isRenderRootFile(path) {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return RENDER_ROOT_FILE_NAMES.includes(name);
}
var RENDER_ROOT_GLOBS = RENDER_ROOT_FILE_NAMES.flatMap((n) => [n, `**/${n}`]);

export {
  KUSTOMIZATION_FILE_NAMES,
  isRenderRootFile,
  RENDER_ROOT_GLOBS
};
