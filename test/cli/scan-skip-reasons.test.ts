/**
 * The skip reasons `kube-immutable scan --verbose` prints for the files a new user's repository
 * holds besides manifests (issue #17): Helm values with a `resources:` key, a Flux Kustomization
 * (checked, not skipped), a JSON Lines data file (skipped, not a syntax error).
 */
import { cli, tempTrees } from './helpers.js';

// The default policies (image-digest is off in the seed configuration of the other CLI tests).
const tree = tempTrees({ presetConfig: false });
const VALUES = 'replicaCount: 1\nresources:\n  limits:\n    cpu: 100m\n';
const FLUX = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: apps
  namespace: flux-system
spec:
  interval: 10m
  path: ./apps
  prune: true
  sourceRef:
    kind: GitRepository
    name: repo
  images:
  - name: nginx
    newTag: latest
`;

describe('scan --verbose: skip reasons', () => {
  it('names values files, checks a Flux Kustomization and skips a data file, each with its reason', async () => {
    const dir = tree({
      'vals.yaml': VALUES,
      'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
      'chart/values.yaml': VALUES,
      'clusters/apps.yaml': FLUX,
      'data/import.json': '{"name": "a", "n": 1}\n{"name": "b", "n": 2}\n',
    });
    const r = await cli(['scan', '--verbose', '--no-render', '--jobs', '0'], dir);
    // The findings first, then the notes of each file.
    expect(r.stdout.split('\n').filter((l) => / skipped: |  (error|warning)  /.test(l))).toEqual([
      'clusters/apps.yaml:15:13  error  image-digest  Kustomization apps sets the tag of image "nginx" to the mutable "latest" for everything it deploys (nginx:latest): the same manifests can run different code after every push. Pin it by digest: set digest: sha256:… on this images entry.',
      'chart/Chart.yaml:1: document 1 skipped: not a Kubernetes object: a Helm Chart.yaml',
      'chart/values.yaml:1: document 1 skipped: not a Kubernetes object: Helm values of the chart in chart',
      'data/import.json:1: document 1 skipped: no Kubernetes manifest: the file is not valid YAML (line 2: Unexpected flow-map-start at node end) and nowhere names an apiVersion or kind (e.g. a data file with one JSON object a line)',
      'vals.yaml:1: document 1 skipped: not a Kubernetes object: no apiVersion and kind (e.g. Helm values or another YAML file)',
    ]);
    expect(r.stdout).not.toContain('kustomization');
    expect(r.stdout).toMatch(/1 finding \(1 error, 0 warnings, 0 info\) in 5 files; 0 fixable\n$/);
    expect(r.code).toBe(1);
  });
});
