/**
 * File names that say what a YAML file is for, whatever it holds: the names Kustomize reads as a
 * folder's kustomization and a Helm chart's files. Data and pure path tests only (imports
 * nothing), so the manifest reader, the render layer, the CLI and the action share one list.
 * Paths are `/`-separated; names are compared exactly (Kustomize and Helm do).
 */

/**
 * The names Kustomize takes as a folder's kustomization, in the order it looks for them
 * (Kustomize, api/konfig: RecognizedKustomizationFileNames).
 */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** The file that makes a folder a Helm chart (Helm, pkg/chartutil: ChartfileName). */
export const HELM_CHART_FILE_NAME = 'Chart.yaml';

/** The last segment of a `/`-separated path. */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when the last segment of `path` is one of {@link KUSTOMIZATION_FILE_NAMES}. */
export function isKustomizationFileName(path: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(baseName(path));
}

/**
 * True when the last segment of `path` is a Helm values file by name: `values.yaml` (the chart's
 * defaults, Helm pkg/chartutil: ValuesfileName) or another `values*.yaml` / `values*.yml`
 * (`values-prod.yaml`, `values.dev.yml`), the names given to `helm -f` by convention.
 */
export function isHelmValuesFileName(path: string): boolean {
  return /^values[^/]*\.ya?ml$/.test(baseName(path));
}

/**
 * The folders (`''` for the top) holding a {@link HELM_CHART_FILE_NAME} among `paths`, each once,
 * in first-seen order.
 */
export function chartFoldersOf(paths: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    if (baseName(p) !== HELM_CHART_FILE_NAME) continue;
    const slash = p.lastIndexOf('/');
    out.add(slash < 0 ? '' : p.slice(0, slash));
  }
  return [...out];
}

/**
 * The nearest folder of `chartFolders` (as {@link chartFoldersOf} gives) that holds `path` (the
 * folder itself or one above it), or undefined: the chart a file belongs to.
 */
export function chartFolderOf(path: string, chartFolders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const f of chartFolders) {
    if (f !== '' && !path.startsWith(`${f}/`)) continue;
    if (best === undefined || f.length > best.length) best = f;
  }
  return best;
}
