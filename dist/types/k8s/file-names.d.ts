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
export declare const KUSTOMIZATION_FILE_NAMES: readonly ["kustomization.yaml", "kustomization.yml", "Kustomization"];
/** The file that makes a folder a Helm chart (Helm, pkg/chartutil: ChartfileName). */
export declare const HELM_CHART_FILE_NAME = "Chart.yaml";
/** True when the last segment of `path` is one of {@link KUSTOMIZATION_FILE_NAMES}. */
export declare function isKustomizationFileName(path: string): boolean;
/**
 * True when the last segment of `path` is a Helm values file by name: `values.yaml` (the chart's
 * defaults, Helm pkg/chartutil: ValuesfileName) or another `values*.yaml` / `values*.yml`
 * (`values-prod.yaml`, `values.dev.yml`), the names given to `helm -f` by convention.
 */
export declare function isHelmValuesFileName(path: string): boolean;
/**
 * The folders (`''` for the top) holding a {@link HELM_CHART_FILE_NAME} among `paths`, each once,
 * in first-seen order.
 */
export declare function chartFoldersOf(paths: Iterable<string>): string[];
/**
 * The nearest folder of `chartFolders` (as {@link chartFoldersOf} gives) that holds `path` (the
 * folder itself or one above it), or undefined: the chart a file belongs to.
 */
export declare function chartFolderOf(path: string, chartFolders: readonly string[]): string | undefined;
