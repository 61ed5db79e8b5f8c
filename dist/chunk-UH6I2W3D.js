import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  HELM_CHART_FILE_NAME,
  KUSTOMIZATION_FILE_NAMES
} from "./chunk-GRKRAENP.js";

// src/render/roots.ts
var RENDER_ROOT_FILE_NAMES = [HELM_CHART_FILE_NAME, ...KUSTOMIZATION_FILE_NAMES];
function isRenderRootFile(path) {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return RENDER_ROOT_FILE_NAMES.includes(name);
}
var RENDER_ROOT_GLOBS = RENDER_ROOT_FILE_NAMES.flatMap((n) => [n, `**/${n}`]);

export {
  isRenderRootFile,
  RENDER_ROOT_GLOBS
};
