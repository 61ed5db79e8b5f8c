import type { ParsedFile, YNode } from '../yaml/index.js';
import { chartFolderOf, isHelmValuesFileName, isKustomizationFileName } from './file-names.js';

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
  invalid?: { message: string; offset: number };
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
export function extractManifests(file: ParsedFile, place?: FilePlace): ManifestSet {
  const manifests: Manifest[] = [];
  const skipped: SkippedDocument[] = [];
  for (const d of file.documents) {
    const line = d.root ? d.root.range.start.line : file.position(d.span[0]).line;
    if (d.hasErrors && !d.lastKeyWins) {
      skipped.push({ docIndex: d.index, line, reason: 'the YAML document has parse errors' });
      continue;
    }
    if (d.root === undefined || d.data == null) {
      if (file.documents.length > 1 || d.root !== undefined) skipped.push({ docIndex: d.index, line, reason: 'empty document' });
      continue;
    }
    if (d.root.kind !== 'map' || typeof d.data !== 'object' || Array.isArray(d.data)) {
      skipped.push({ docIndex: d.index, line, reason: 'not a Kubernetes object: the document is not a mapping' });
      continue;
    }
    const data = d.data as Record<string, unknown>;
    const invalid = invalidIdentity(d.root, data);
    if (invalid) {
      skipped.push({ docIndex: d.index, line, reason: `not a valid Kubernetes object: ${invalid.message}`, invalid });
      continue;
    }
    const why = notAManifest(data, place);
    if (why) {
      skipped.push({ docIndex: d.index, line, reason: why });
      continue;
    }
    // kubectl (apimachinery's UnstructuredJSONScheme) decodes ANY object with an `items` list as a
    // list and applies its items, whatever the outer kind: so do we, and an outer kind that is not a
    // list is an error (kubectl ignores it, which no reviewer expects).
    if (Array.isArray(data.items)) {
      if (!/List$/.test(String(data.kind))) {
        const key = d.root.get('items');
        skipped.push({
          docIndex: d.index,
          line,
          reason: `a ${String(data.kind)} with items`,
          invalid: {
            message: `kubectl reads any object with an "items" list as a list: it applies the items and ignores this ${String(data.kind)} itself; use kind: List, or remove items`,
            offset: key ? key.keyRange.start.offset : d.root.offsets[0],
          },
        });
      }
      const items = d.root.get('items')?.items() ?? [];
      items.forEach((item, i) => {
        const itemData = (data.items as unknown[])[i];
        if (item.kind === 'map' && itemData && typeof itemData === 'object' && !notAManifest(itemData as Record<string, unknown>, place)) {
          manifests.push(toManifest(item, itemData as Record<string, unknown>, d.index));
        } else {
          skipped.push({ docIndex: d.index, line: item.range.start.line, reason: `item ${i} of the ${String(data.kind)} has no apiVersion and kind` });
        }
      });
      continue;
    }
    manifests.push(toManifest(d.root, data, d.index));
  }
  return { manifests, skipped };
}

function toManifest(node: YNode, data: Record<string, unknown>, docIndex: number): Manifest {
  const meta = (data.metadata && typeof data.metadata === 'object' ? data.metadata : {}) as Record<string, unknown>;
  const name = typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? meta.generateName : '';
  return {
    apiVersion: String(data.apiVersion),
    kind: String(data.kind),
    name,
    namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
    docIndex,
    node,
    data,
  };
}

/**
 * Why a mapping with both `apiVersion` and `kind` cannot be a Kubernetes object (one of them is
 * not a non-empty string, e.g. `kind: 123`), with the offset of the bad value; undefined
 * otherwise. The Kubernetes API requires both as strings (TypeMeta, apimachinery).
 */
function invalidIdentity(root: YNode, data: Record<string, unknown>): { message: string; offset: number } | undefined {
  if (!('apiVersion' in data) || !('kind' in data)) return undefined;
  for (const key of ['apiVersion', 'kind'] as const) {
    const v = data[key];
    if (typeof v === 'string' && v !== '') continue;
    const shown =
      v === null
        ? 'null'
        : typeof v === 'string'
          ? 'an empty string'
          : Array.isArray(v)
            ? 'a list'
            : typeof v === 'object'
              ? 'a map'
              : // eslint-disable-next-line @typescript-eslint/no-base-to-string -- v is a number or boolean here: maps, lists, strings and null are named before
                `the ${typeof v} ${String(v)}`;
    const node = root.get(key);
    return { message: `${key} must be a non-empty string, not ${shown} (kubectl rejects the object)`, offset: node ? node.offsets[0] : root.offsets[0] };
  }
  return undefined;
}

/**
 * Where a parsed file is, for the skip reasons that depend on its name: `path` (`/`-separated, as
 * the run names the file) and `chartFolders`, the folders of the run holding a `Chart.yaml`
 * (src/k8s/file-names.ts chartFoldersOf; undefined or empty when none is known).
 */
export interface FilePlace {
  path: string;
  chartFolders?: readonly string[];
}

/** The API group of Kustomize's own files (kustomization and component): build input, never applied. */
const KUSTOMIZE_GROUP = 'kustomize.config.k8s.io/';

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
export function notAManifest(data: Record<string, unknown>, place?: FilePlace): string | undefined {
  const hasApi = typeof data.apiVersion === 'string' && data.apiVersion !== '';
  const hasKind = typeof data.kind === 'string' && data.kind !== '';
  if (hasApi && hasKind) {
    if (String(data.apiVersion).startsWith(KUSTOMIZE_GROUP)) {
      const what = data.kind === 'Component' ? 'kustomize component' : 'kustomization file';
      return `${what} (kustomize build input, not an object applied to a cluster)`;
    }
    return undefined;
  }
  if (place && isKustomizationFileName(place.path)) return 'kustomization file (kustomize build input, not an object applied to a cluster)';
  if (('on' in data || 'true' in data) && 'jobs' in data) return 'not a Kubernetes object: a GitHub Actions workflow';
  if ('services' in data && !hasKind) return 'not a Kubernetes object: a docker-compose file';
  if ((data.apiVersion === 'v1' || data.apiVersion === 'v2') && 'name' in data && 'version' in data) return 'not a Kubernetes object: a Helm Chart.yaml';
  if (hasKind && !hasApi) return `not a Kubernetes object: kind ${String(data.kind)} without apiVersion`;
  if (typeof data.kind !== 'undefined' && !hasKind) return 'not a Kubernetes object: kind is not a string';
  if (place && isHelmValuesFileName(place.path)) {
    const chart = chartFolderOf(place.path, place.chartFolders ?? []);
    if (chart !== undefined) return `not a Kubernetes object: Helm values of the chart ${chart === '' ? 'at the top folder' : `in ${chart}`}`;
  }
  return 'not a Kubernetes object: no apiVersion and kind (e.g. Helm values or another YAML file)';
}

/** A short, stable label of an object: `Kind/namespace/name` (namespace omitted when unset). */
export function manifestLabel(m: Pick<Manifest, 'kind' | 'name' | 'namespace'>): string {
  return [m.kind, m.namespace, m.name || '(unnamed)'].filter((x) => x !== undefined).join('/');
}
