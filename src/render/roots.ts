/**
 * The file names that make a folder something to render: a Helm chart's `Chart.yaml`, and the
 * names Kustomize takes as a folder's kustomization, in the order it looks for them (Kustomize,
 * api/konfig: RecognizedKustomizationFileNames; the list is src/k8s/file-names.ts, shared with the
 * manifest reader). Data only, so the CLI and the action can test paths without loading the render
 * layer.
 */

import { HELM_CHART_FILE_NAME, KUSTOMIZATION_FILE_NAMES } from '../k8s/file-names.js';

/** The names Kustomize takes as a folder's kustomization, in the order it looks for them (kept in src/k8s/file-names.ts). */
export { KUSTOMIZATION_FILE_NAMES } from '../k8s/file-names.js';

/** A chart's file and the kustomization names: a folder holding one is rendered, not scanned as plain files. */
export const RENDER_ROOT_FILE_NAMES = [HELM_CHART_FILE_NAME, ...KUSTOMIZATION_FILE_NAMES] as const;

/** True when the repository-relative `path` (with `/`) names a `Chart.yaml` or a kustomization file. */
export function isRenderRootFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (RENDER_ROOT_FILE_NAMES as readonly string[]).includes(name);
}

/**
 * Globs (src/glob.ts matchGlob) of every render-root file name, at the top and in any folder, for a
 * walk that looks for render roots: `Kustomization` has no extension, so the default include globs
 * of manifests (`.yaml`, `.yml` and `.json` files) never collect it.
 */
export const RENDER_ROOT_GLOBS: readonly string[] = RENDER_ROOT_FILE_NAMES.flatMap((n) => [n, `**/${n}`]);
