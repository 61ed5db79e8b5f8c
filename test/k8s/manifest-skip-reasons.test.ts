/**
 * The reasons extractManifests gives for documents that are not Kubernetes objects: named by the
 * file's path (kustomization file names, Helm values of a chart) and by the object's group
 * (Kustomize's own files against Flux's applied Kustomization).
 */
import {
  chartFolderOf,
  chartFoldersOf,
  extractManifests,
  isHelmValuesFileName,
  isKustomizationFileName,
  KUSTOMIZATION_FILE_NAMES,
  type FilePlace,
} from '../../src/k8s/index.js';
import { KUSTOMIZATION_FILE_NAMES as RENDER_NAMES } from '../../src/render/roots.js';
import { parseYaml } from '../../src/yaml/index.js';

const VALUES = 'replicaCount: 1\nresources:\n  limits:\n    cpu: 100m\n';
const KUSTOMIZATION = 'resources:\n- deployment.yaml\n';
const BUILD_INPUT = 'kustomization file (kustomize build input, not an object applied to a cluster)';
const GENERIC = 'not a Kubernetes object: no apiVersion and kind (e.g. Helm values or another YAML file)';

const reasons = (text: string, place?: FilePlace) => extractManifests(parseYaml(text), place).skipped.map((s) => s.reason);

describe('skip reasons by file name', () => {
  it('a values file with a resources: key is not a kustomization (issue #17)', () => {
    expect(reasons(VALUES, { path: 's1/vals.yaml' })).toEqual([GENERIC]);
    expect(reasons(VALUES)).toEqual([GENERIC]);
  });

  it('names the chart of a values*.yaml inside a folder holding a Chart.yaml, at any depth', () => {
    const chartFolders = chartFoldersOf(['charts/web/Chart.yaml', 'charts/web/templates/d.yaml', 'Chart.yaml']);
    expect(chartFolders).toEqual(['charts/web', '']);
    expect(reasons(VALUES, { path: 'charts/web/values.yaml', chartFolders })).toEqual(['not a Kubernetes object: Helm values of the chart in charts/web']);
    expect(reasons(VALUES, { path: 'charts/web/ci/values-prod.yml', chartFolders })).toEqual([
      'not a Kubernetes object: Helm values of the chart in charts/web',
    ]);
    expect(reasons(VALUES, { path: 'values.dev.yaml', chartFolders })).toEqual(['not a Kubernetes object: Helm values of the chart at the top folder']);
    // Not a values file by name, or no chart known: the generic reason.
    expect(reasons(VALUES, { path: 'charts/web/settings.yaml', chartFolders: ['charts/web'] })).toEqual([GENERIC]);
    expect(reasons(VALUES, { path: 'charts/web/values.yaml' })).toEqual([GENERIC]);
    expect(reasons(VALUES, { path: 'charts/website/values.yaml', chartFolders: ['charts/web'] })).toEqual([GENERIC]);
  });

  it('a file is a kustomization by one of the names Kustomize reads, whatever its keys', () => {
    for (const name of KUSTOMIZATION_FILE_NAMES) {
      expect(reasons(KUSTOMIZATION, { path: `overlays/prod/${name}` })).toEqual([BUILD_INPUT]);
      expect(reasons('namePrefix: prod-\n', { path: name })).toEqual([BUILD_INPUT]);
    }
    expect(reasons(KUSTOMIZATION, { path: 'overlays/prod/kustomization-old.yaml' })).toEqual([GENERIC]);
    expect(reasons(KUSTOMIZATION, { path: 'overlays/prod/Kustomization.yaml' })).toEqual([GENERIC]);
  });

  it('declared with Kustomize’s own group, a Kustomization or Component is build input wherever it is', () => {
    expect(reasons('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n', { path: 'k.yaml' })).toEqual([BUILD_INPUT]);
    expect(reasons('apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches: []\n', { path: 'c/comp.yaml' })).toEqual([
      'kustomize component (kustomize build input, not an object applied to a cluster)',
    ]);
  });

  it('a Flux kustomize.toolkit.fluxcd.io Kustomization is an object applied to a cluster, not skipped (issue #17)', () => {
    const set = extractManifests(
      parseYaml('apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nspec:\n  path: ./apps\n'),
      { path: 'clusters/prod/kustomization.yaml' },
    );
    expect(set.skipped).toEqual([]);
    expect(set.manifests.map((m) => `${m.apiVersion} ${m.kind} ${m.name}`)).toEqual(['kustomize.toolkit.fluxcd.io/v1 Kustomization apps']);
  });

  it('keeps one list of kustomization names (the render layer re-exports it) and tests names exactly', () => {
    expect(RENDER_NAMES).toBe(KUSTOMIZATION_FILE_NAMES);
    expect(isKustomizationFileName('a/b/kustomization.yml')).toBe(true);
    expect(isKustomizationFileName('a/kustomization.yaml/x.yaml')).toBe(false);
    expect(isHelmValuesFileName('a/values-prod.yaml')).toBe(true);
    expect(isHelmValuesFileName('a/my-values.yaml')).toBe(false);
    expect(chartFolderOf('a/b/c/values.yaml', ['a', 'a/b'])).toBe('a/b');
    expect(chartFolderOf('ab/values.yaml', ['a'])).toBeUndefined();
  });
});
