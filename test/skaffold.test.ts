import { deploysFile, readSkaffoldProject, skaffoldArtifacts, withBuildArtifacts, type SkaffoldFiles } from '../src/skaffold.js';

/** A reader of an in-memory tree (path → text), recording what was asked for. */
function memory(tree: Record<string, string>): SkaffoldFiles & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    read: (p) => {
      asked.push(p);
      return Promise.resolve(Object.hasOwn(tree, p) ? tree[p] : undefined);
    },
  };
}

const V4 = `apiVersion: skaffold/v4beta11
kind: Config
build:
  artifacts:
    - image: gcr.io/acme/web
manifests:
  rawYaml:
    - k8s/*.yaml
profiles:
  - name: jobs
    build:
      artifacts:
        - image: gcr.io/acme/job
    manifests:
      rawYaml:
        - jobs/**/*.yaml
`;
const V2 = `apiVersion: skaffold/v2beta29
kind: Config
build:
  artifacts:
    - image: legacy-api
deploy:
  kubectl:
    manifests:
      - legacy/*.yaml
`;

describe('readSkaffoldProject', () => {
  it('reads every config document and every profile: artifacts and manifest globs relative to its folder', async () => {
    const p = await readSkaffoldProject('app/skaffold.yaml', memory({ 'app/skaffold.yaml': `${V4}---\n${V2}` }));
    expect(p).toEqual({
      config: 'app/skaffold.yaml',
      images: ['gcr.io/acme/web', 'gcr.io/acme/job', 'legacy-api'],
      manifests: ['app/k8s/*.yaml', 'app/jobs/**/*.yaml', 'app/legacy/*.yaml'],
      problems: [],
    });
  });

  it('a config without manifests covers its folder tree; at the root, the whole tree', async () => {
    const text = 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: web\n';
    expect((await readSkaffoldProject('a/skaffold.yaml', memory({ 'a/skaffold.yaml': text })))?.manifests).toEqual(['a/**']);
    expect((await readSkaffoldProject('skaffold.yaml', memory({ 'skaffold.yaml': text })))?.manifests).toEqual(['**']);
  });

  it('follows requires (a file or a folder), each file once, a cycle too; a missing one is a problem', async () => {
    const tree = {
      'skaffold.yaml': `${V4}requires:\n  - path: ./svc\n  - path: missing/skaffold.yaml\n`,
      'svc/skaffold.yaml': `${V2}requires:\n  - path: ../skaffold.yaml\n`,
    };
    const r = memory(tree);
    const p = await readSkaffoldProject('skaffold.yaml', r);
    expect(p?.images).toEqual(['gcr.io/acme/web', 'gcr.io/acme/job', 'legacy-api']);
    expect(p?.manifests).toEqual(['k8s/*.yaml', 'jobs/**/*.yaml', 'svc/legacy/*.yaml']);
    expect(p?.problems).toEqual(['skaffold.yaml: the required config missing/skaffold.yaml was not found']);
    expect(r.asked).toEqual(['skaffold.yaml', 'svc/skaffold.yaml', 'missing/skaffold.yaml']);
  });

  it('ignores documents that are not Skaffold configs, URLs and absolute paths; a tagged artifact is a problem, not used', async () => {
    const text = `apiVersion: v1\nkind: ConfigMap\n---\napiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: web:1.0\n    - image: api\nmanifests:\n  rawYaml:\n    - https://example.com/x.yaml\n    - /etc/x.yaml\n    - k8s/x.yaml\n`;
    const p = await readSkaffoldProject('skaffold.yaml', memory({ 'skaffold.yaml': text }));
    expect(p?.images).toEqual(['api']);
    expect(p?.manifests).toEqual(['k8s/x.yaml']);
    expect(p?.problems).toEqual(['skaffold.yaml: artifact image "web:1.0" has a tag or digest, which Skaffold refuses; it was not used']);
  });

  it('is undefined for an absent file or one with no Skaffold config; a syntax error is a problem', async () => {
    expect(await readSkaffoldProject('skaffold.yaml', memory({}))).toBeUndefined();
    expect(await readSkaffoldProject('skaffold.yaml', memory({ 'skaffold.yaml': 'apiVersion: v1\nkind: Pod\n' }))).toBeUndefined();
    const broken = await readSkaffoldProject('skaffold.yaml', memory({ 'skaffold.yaml': `${V2}---\nbuild: [\n` }));
    expect(broken?.images).toEqual(['legacy-api']);
    expect(broken?.problems).toEqual(['skaffold.yaml: a document has a YAML syntax error; it was not read']);
  });

  it('deploysFile matches the globs (`*` within one folder, `**` across)', async () => {
    const p = (await readSkaffoldProject('app/skaffold.yaml', memory({ 'app/skaffold.yaml': V4 })))!;
    expect(deploysFile(p, 'app/k8s/a.yaml')).toBe(true);
    expect(deploysFile(p, 'app/k8s/sub/a.yaml')).toBe(false);
    expect(deploysFile(p, 'app/jobs/x/y/z.yaml')).toBe(true);
    expect(deploysFile(p, 'k8s/a.yaml')).toBe(false);
  });
});

describe('skaffoldArtifacts', () => {
  it('gives each file the artifacts of the skaffold.yaml files in its folder and above whose globs cover it', async () => {
    const r = memory({ 'skaffold.yaml': V2.replace('legacy/*.yaml', 'app/k8s/*.yaml'), 'app/skaffold.yaml': V4 });
    const { byFile, projects } = await skaffoldArtifacts(['app/k8s/a.yaml', 'app/other/b.yaml', 'c.yaml', '../out.yaml'], r);
    expect(byFile).toEqual({
      'app/k8s/a.yaml': [
        { tool: 'skaffold', config: 'app/skaffold.yaml', images: ['gcr.io/acme/web', 'gcr.io/acme/job'] },
        { tool: 'skaffold', config: 'skaffold.yaml', images: ['legacy-api'] },
      ],
    });
    expect(projects.map((p) => p.config)).toEqual(['app/skaffold.yaml', 'skaffold.yaml']);
    // Each skaffold.yaml is read once; a path outside the root looks for none.
    expect(r.asked).toEqual(['app/k8s/skaffold.yaml', 'app/skaffold.yaml', 'skaffold.yaml', 'app/other/skaffold.yaml']);
  });

  it('asks only for the skaffold.yaml files `lookIn` allows (a hint; the content still comes from the reader)', async () => {
    const r = memory({ 'app/skaffold.yaml': V4 });
    const { byFile } = await skaffoldArtifacts(['app/k8s/a.yaml'], r, (config) => config === 'app/skaffold.yaml');
    expect(Object.keys(byFile)).toEqual(['app/k8s/a.yaml']);
    expect(r.asked).toEqual(['app/skaffold.yaml']);
  });

  it('withBuildArtifacts returns the engine options unchanged when no file is covered', async () => {
    const engine = { today: '2026-01-01' };
    expect((await withBuildArtifacts(engine, ['a.yaml'], memory({}))).engine).toBe(engine);
    const covered = await withBuildArtifacts(engine, ['app/k8s/a.yaml'], memory({ 'app/skaffold.yaml': V4 }));
    expect(covered.engine).toEqual({ today: '2026-01-01', buildArtifacts: { 'app/k8s/a.yaml': [expect.objectContaining({ config: 'app/skaffold.yaml' })] } });
  });
});
