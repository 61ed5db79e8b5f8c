import type { ParsedFile, YNode } from '../yaml/index.js';
/** One Kubernetes object found in a file (a document, or an item of a `kind: List`). */
export interface Manifest {
    apiVersion: string;
    kind: string;
    /** `metadata.name` (or `metadata.generateName`), '' when absent. */
    name: string;
    namespace: string | undefined;
    /** 0-based index of the YAML document in the file. */
    docIndex: number;
    /** The object's root map node. */
    node: YNode;
    /** The object's plain data. */
    data: Record<string, unknown>;
}
/** A document that is not a Kubernetes object, with the reason it was skipped. */
export interface SkippedDocument {
    docIndex: number;
    /** 1-based line where the document starts. */
    line: number;
    reason: string;
    /**
     * Set when the document is meant as a Kubernetes object but cannot be one (`apiVersion` and
     * `kind` both present, one not a non-empty string): kubectl rejects it, so it is an error —
     * `message`, at 0-based `offset` (the bad value) — not just a skipped document.
     */
    invalid?: {
        message: string;
        offset: number;
    };
}
/** What {@link extractManifests} found in a parsed file. */
export interface ManifestSet {
    manifests: Manifest[];
    skipped: SkippedDocument[];
}
/**
 * Find the Kubernetes objects of a parsed file. A document needs string `apiVersion` and `kind`
 * to be a manifest; others are skipped with a reason that names what they look like (GitHub
 * workflow, docker-compose file, Helm chart or values, kustomization). A document with an `items`
 * list yields its items, whatever its kind, as kubectl applies them (apimachinery
 * `UnstructuredJSONScheme`: an object with `items` decodes as an `UnstructuredList`); a kind that is
 * not a `*List` is then also an `invalid` skipped document (kubectl ignores the outer object).
 * Documents with parse errors are skipped (their problems are reported separately), except those
 * whose only errors are duplicate keys: they are read as kubectl reads them, the last occurrence
 * of each key winning (`ParsedDocument.lastKeyWins`; the duplicates stay errors). `place` (the
 * file's path and the run's chart folders) names kustomizations and Helm values by file name
 * ({@link notAManifest}); without it they get the generic reason.
 */
export declare function extractManifests(file: ParsedFile, place?: FilePlace): ManifestSet;
/**
 * Where a parsed file is, for the skip reasons that depend on its name: `path` (`/`-separated, as
 * the run names the file) and `chartFolders`, the folders of the run holding a `Chart.yaml`
 * (src/k8s/file-names.ts chartFoldersOf; undefined or empty when none is known).
 */
export interface FilePlace {
    path: string;
    chartFolders?: readonly string[];
}
/**
 * The reason a mapping is not a Kubernetes object, or undefined when it is one. A mapping with
 * string `apiVersion` and `kind` is an object, except Kustomize's own files
 * (`kustomize.config.k8s.io/*` `Kustomization` or `Component`): `kustomize build` reads them, no
 * cluster receives them. Flux's `kustomize.toolkit.fluxcd.io` `Kustomization` IS applied (a custom
 * resource of Flux's kustomize-controller). A mapping without them is named by what it looks like:
 * a kustomization only when `place` names a file Kustomize reads as one
 * (KUSTOMIZATION_FILE_NAMES), Helm values when it is a `values*.yaml` inside a folder of
 * `place.chartFolders`, a GitHub workflow, docker-compose file or `Chart.yaml` by its keys.
 */
export declare function notAManifest(data: Record<string, unknown>, place?: FilePlace): string | undefined;
/** A short, stable label of an object: `Kind/namespace/name` (namespace omitted when unset). */
export declare function manifestLabel(m: Pick<Manifest, 'kind' | 'name' | 'namespace'>): string;
