/**
 * src/render/kustomize-fixes.ts through renderForScan and renderReconciler, with the real
 * Kustomize (kubectl 1.35.2's, test/engines.ts): a plain fix of a base stays only when every
 * overlay's rebuild with it confirms it; a bad value an overlay patch sets gets a fix in the
 * patch, proven by rebuilding.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { builtinPolicies } from '../../policies/index.js';
import { run, type EngineOptions, type Finding, type RunResult } from '../../src/engine/index.js';
import { joinParts } from '../../src/engine/parallel.js';
import { renderForScan, renderReconciler } from '../../src/render/index.js';
import { buildKustomization, analyseKustomize } from '../../src/render/kustomize.js';
import { engineBinaries } from '../engines.js';

const kubectl = engineBinaries().kubectl;

function treeOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(relative(dir, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ki-kustomize-fixes-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** What the scan gives (plain scan joined with the builds), as the CLI does it. */
async function scan(dir: string, opts: EngineOptions = {}): Promise<RunResult> {
  const tree = treeOf(dir);
  const r = await renderForScan(tree, builtinPolicies, opts, { repoRoot: dir, engines: { kubectl, path: '', cwd: dir } });
  expect(r.engines.kustomize).toBeDefined();
  const files = [...tree].filter(([p]) => !r.excluded.has(p)).map(([path, text]) => ({ path, text }));
  const j = renderReconciler(r);
  return joinParts([j.plain(run(files, builtinPolicies, opts)), j.rest()]);
}

const base = (securityContext: string[] = []) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: registry.example/web:1.0',
    ...securityContext,
    '',
  ].join('\n');

const patchSetting = (field: string, value: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        securityContext:\n          ${field}: ${value}\n`;

const overlay = (patches: string[]) =>
  `resources:\n- ../../base\nnamePrefix: prod-\n${patches.length ? `patches:\n${patches.map((p) => `- path: ${p}\n`).join('')}` : ''}`;

const byPolicy = (r: RunResult, id: string) => r.findings.filter((f) => f.policyId === id);
const groupOf = (r: RunResult, f: Finding) => r.fixes.find((g) => g.id === f.fixId);

/** The findings of `policyId` that a build of `root` in `dir` shows (by rendered object). */
async function builtFindings(dir: string, root: string, policyId: string): Promise<Finding[]> {
  const b = await buildKustomization({ kind: 'kustomize', path: kubectl, viaKubectl: true, version: 'v5.7.1' }, analyseKustomize(treeOf(dir)), root, dir);
  expect(b.problems).toEqual([]);
  return b.objects.flatMap((o) => run([{ path: 'x.yaml', text: o.text }], builtinPolicies, {}).findings.filter((f) => f.policyId === policyId));
}

describe('plain fixes of a base, proven by rebuilding every overlay', () => {
  it('kept when both overlays built with the fixed base no longer show the findings', async () => {
    const dir = writeTree({
      'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
      'base/deployment.yaml': base(),
      'overlays/prod/kustomization.yaml': overlay(['replicas.yaml']),
      'overlays/prod/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
      'overlays/dev/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: dev-\n',
    });
    const r = await scan(dir);
    const npe = byPolicy(r, 'no-privilege-escalation');
    expect(npe).toHaveLength(1);
    expect(npe[0]!.file).toBe('base/deployment.yaml');
    expect(npe[0]!.message).toContain('kustomize build overlays/prod');
    expect(npe[0]!.message).toContain('kustomize build overlays/dev');
    const g = groupOf(r, npe[0]!)!;
    expect(g).toMatchObject({ file: 'base/deployment.yaml', verified: true });
    const fr = r.files.find((f) => f.path === 'base/deployment.yaml')!;
    expect(fr.fixedText).toContain('allowPrivilegeEscalation: false');
    // What was proven holds: with the fixed base, neither overlay shows the finding.
    writeFileSync(join(dir, 'base/deployment.yaml'), fr.fixedText!);
    expect(await builtFindings(dir, 'overlays/prod/kustomization.yaml', 'no-privilege-escalation')).toEqual([]);
    expect(await builtFindings(dir, 'overlays/dev/kustomization.yaml', 'no-privilege-escalation')).toEqual([]);
  });

  it('dropped, naming the overlay, when a patch of that overlay sets the field back', async () => {
    const dir = writeTree({
      'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
      'base/deployment.yaml': base(['        securityContext:', '          allowPrivilegeEscalation: true']),
      'overlays/prod/kustomization.yaml': overlay(['ape.yaml']),
      'overlays/prod/ape.yaml': patchSetting('allowPrivilegeEscalation', 'true'),
      'overlays/dev/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: dev-\n',
    });
    // Plainly, the base has a verified fix for it.
    const plain = run(
      [{ path: 'base/deployment.yaml', text: base(['        securityContext:', '          allowPrivilegeEscalation: true']) }],
      builtinPolicies,
      {},
    );
    expect(plain.findings.find((f) => f.policyId === 'no-privilege-escalation')!.fixId).toBeDefined();
    const r = await scan(dir);
    const npe = byPolicy(r, 'no-privilege-escalation');
    expect(npe).toHaveLength(1);
    expect(npe[0]!.file).toBe('base/deployment.yaml');
    expect(npe[0]!.fixId).toBeUndefined();
    expect(npe[0]!.fixProblem).toMatch(/^the fix is not offered: kustomize build overlays\/prod still shows no-privilege-escalation on Deployment\/prod-web/);
    // The file's fixed text holds no edit for it.
    expect(r.files.find((f) => f.path === 'base/deployment.yaml')?.fixedText ?? '').not.toContain('allowPrivilegeEscalation: false');
    // The container's fixes are one group: every finding it fixed says why it is not offered.
    const group = plain.fixes.find((g) => g.findings.includes(plain.findings.find((f) => f.policyId === 'no-privilege-escalation')!.fingerprint))!;
    const members = r.findings.filter(
      (f) => f.file === 'base/deployment.yaml' && plain.findings.some((p) => group.findings.includes(p.fingerprint) && p.policyId === f.policyId),
    );
    expect(members.length).toBeGreaterThan(0);
    for (const f of members) expect(f).toMatchObject({ fixId: undefined, fixProblem: npe[0]!.fixProblem });
    expect(r.fixes.find((g) => g.id === group.id)).toMatchObject({ verified: false, edits: [] });
  });
});

describe('a bad value set by an overlay patch gets a fix in that patch', () => {
  it('allowPrivilegeEscalation: true in a patch: replaced by false, and the rebuild clears the finding', async () => {
    const dir = writeTree({
      'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
      'base/deployment.yaml': base(['        securityContext:', '          allowPrivilegeEscalation: false']),
      'overlays/prod/kustomization.yaml': overlay(['ape.yaml']),
      'overlays/prod/ape.yaml': patchSetting('allowPrivilegeEscalation', 'true'),
    });
    const r = await scan(dir);
    const npe = byPolicy(r, 'no-privilege-escalation');
    expect(npe).toHaveLength(1);
    expect(npe[0]).toMatchObject({ file: 'overlays/prod/ape.yaml', fixProblem: undefined });
    expect(npe[0]!.range.start.line).toBe(11);
    expect(npe[0]!.message).toContain('(set by this patch)');
    const g = groupOf(r, npe[0]!)!;
    expect(g).toMatchObject({ file: 'overlays/prod/ape.yaml', verified: true, object: 'Deployment/web', containers: ['web'] });
    expect(g.findings).toEqual([npe[0]!.fingerprint]);
    const fr = r.files.find((f) => f.path === 'overlays/prod/ape.yaml')!;
    expect(fr.fixedText).toBe(patchSetting('allowPrivilegeEscalation', 'false'));
    expect(fr.fixedEdits).toHaveLength(1);
    writeFileSync(join(dir, 'overlays/prod/ape.yaml'), fr.fixedText!);
    expect(await builtFindings(dir, 'overlays/prod/kustomization.yaml', 'no-privilege-escalation')).toEqual([]);
    expect(byPolicy(await scan(dir), 'no-privilege-escalation')).toEqual([]);
  });

  it('privileged: true in a patch (its fix applied by the run): replaced by false in the patch, proven by the rebuild', async () => {
    const opts: EngineOptions = { applyFixes: { behaviour: ['no-privileged-container'] } };
    const dir = writeTree({
      'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
      'base/deployment.yaml': base(['        securityContext:', '          allowPrivilegeEscalation: false']),
      'overlays/prod/kustomization.yaml': overlay(['privileged.yaml']),
      'overlays/prod/privileged.yaml': patchSetting('privileged', 'true'),
    });
    const r = await scan(dir, opts);
    const p = byPolicy(r, 'no-privileged-container');
    expect(p).toHaveLength(1);
    expect(p[0]!.file).toBe('overlays/prod/privileged.yaml');
    expect(groupOf(r, p[0]!)).toMatchObject({ file: 'overlays/prod/privileged.yaml', kinds: ['behaviour'] });
    const fr = r.files.find((f) => f.path === 'overlays/prod/privileged.yaml')!;
    expect(fr.fixedText).toBe(patchSetting('privileged', 'false'));
    writeFileSync(join(dir, 'overlays/prod/privileged.yaml'), fr.fixedText!);
    expect(await builtFindings(dir, 'overlays/prod/kustomization.yaml', 'no-privileged-container')).toEqual([]);
  });

  it('a patch of a component two overlays use, and a later patch of one overlay: each gets its fix, and both applied clear both builds', async () => {
    const dir = writeTree({
      'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
      'base/deployment.yaml': base(['        securityContext:', '          allowPrivilegeEscalation: false']),
      'components/ape/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n- path: ape.yaml\n',
      'components/ape/ape.yaml': patchSetting('allowPrivilegeEscalation', 'true'),
      'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\ncomponents:\n- ../../components/ape\nnamePrefix: prod-\n',
      'overlays/dev/kustomization.yaml': 'resources:\n- ../../base\ncomponents:\n- ../../components/ape\nnamePrefix: dev-\npatches:\n- path: again.yaml\n',
      // dev's own patch sets it to true too, after the component's: the last writer is the one to fix for dev.
      'overlays/dev/again.yaml': patchSetting('allowPrivilegeEscalation', 'true'),
    });
    const r = await scan(dir);
    const npe = byPolicy(r, 'no-privilege-escalation');
    expect(npe.map((f) => f.file).sort()).toEqual(['components/ape/ape.yaml', 'overlays/dev/again.yaml']);
    for (const f of npe) expect(groupOf(r, f)).toMatchObject({ file: f.file, verified: true });
    for (const path of ['components/ape/ape.yaml', 'overlays/dev/again.yaml']) writeFileSync(join(dir, path), r.files.find((f) => f.path === path)!.fixedText!);
    expect(await builtFindings(dir, 'overlays/dev/kustomization.yaml', 'no-privilege-escalation')).toEqual([]);
    expect(await builtFindings(dir, 'overlays/prod/kustomization.yaml', 'no-privilege-escalation')).toEqual([]);
  });
});

describe('generated ConfigMaps: the fix is options.immutable on the generator entry', () => {
  const files: Record<string, string> = {
    'base/kustomization.yaml': 'resources:\n- deployment.yaml\nconfigMapGenerator:\n- name: settings\n  literals:\n  - a=1\n',
    'base/deployment.yaml': base(['        securityContext:', '          allowPrivilegeEscalation: false']),
    'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: prod-\n',
    // dev merges into the base's generator: its own options win, so its fix is there.
    'overlays/dev/kustomization.yaml':
      'resources:\n- ../../base\nnamePrefix: dev-\nconfigMapGenerator:\n- name: settings\n  behavior: merge\n  literals:\n  - b=2\n',
  };

  it('at the entry that decides (the base for prod, the merging overlay for dev), each proven by rebuilding and clean once applied', async () => {
    const dir = writeTree(files);
    const r = await scan(dir);
    const cm = byPolicy(r, 'immutable-configmap-secret');
    expect(cm.map((f) => `${f.file}:${f.range.start.line}`).sort()).toEqual(['base/kustomization.yaml:4', 'overlays/dev/kustomization.yaml:5']);
    for (const f of cm) expect(groupOf(r, f)).toMatchObject({ file: f.file, verified: true });
    expect(
      groupOf(
        r,
        cm.find((f) => f.file === 'base/kustomization.yaml')!,
      )!.kinds,
    ).toBeUndefined();
    for (const path of ['base/kustomization.yaml', 'overlays/dev/kustomization.yaml']) {
      const fixed = r.files.find((f) => f.path === path)!.fixedText!;
      // The entry is the file's last block: the option is appended to it, nothing else changes.
      expect(fixed).toBe(`${files[path]}  options:\n    immutable: true\n`);
      writeFileSync(join(dir, path), fixed);
    }
    expect(await builtFindings(dir, 'overlays/prod/kustomization.yaml', 'immutable-configmap-secret')).toEqual([]);
    expect(await builtFindings(dir, 'overlays/dev/kustomization.yaml', 'immutable-configmap-secret')).toEqual([]);
  });

  it('no fix without the content-hash suffix (disableNameSuffixHash): immutable would break the next rollout', async () => {
    const dir = writeTree({
      ...files,
      'base/kustomization.yaml':
        'resources:\n- deployment.yaml\nconfigMapGenerator:\n- name: settings\n  options:\n    disableNameSuffixHash: true\n  literals:\n  - a=1\n',
    });
    const r = await scan(dir);
    const prod = byPolicy(r, 'immutable-configmap-secret').find((f) => f.object?.name === 'prod-settings')!;
    expect(prod.file).toBe('base/kustomization.yaml');
    expect(prod.range.start.line).toBe(4);
    expect(prod.fixId).toBeUndefined();
  });
});

describe('JSON 6902 patches', () => {
  it('a value a JSON patch sets is found at that operation, and fixed there (proven by rebuilding)', async () => {
    const ops = [
      '- op: add',
      '  path: /spec/template/spec/containers/0/securityContext',
      '  value:',
      '    runAsNonRoot: true',
      '- op: replace',
      '  path: /spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation',
      '  value: true',
      '',
    ].join('\n');
    const dir = writeTree({
      'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
      'base/deployment.yaml': base(['        securityContext:', '          allowPrivilegeEscalation: false']),
      'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\npatches:\n- path: ape.yaml\n  target:\n    kind: Deployment\n    name: web\n',
      'overlays/prod/ape.yaml': ops,
    });
    const r = await scan(dir);
    const npe = byPolicy(r, 'no-privilege-escalation');
    expect(npe.map((f) => `${f.file}:${f.range.start.line}`)).toEqual(['overlays/prod/ape.yaml:7']);
    expect(groupOf(r, npe[0]!)).toMatchObject({ file: 'overlays/prod/ape.yaml', verified: true });
    const fixed = r.files.find((f) => f.path === 'overlays/prod/ape.yaml')!.fixedText!;
    expect(fixed).toBe(ops.replace('  value: true', '  value: false'));
    writeFileSync(join(dir, 'overlays/prod/ape.yaml'), fixed);
    expect(await builtFindings(dir, 'overlays/prod/kustomization.yaml', 'no-privilege-escalation')).toEqual([]);
  });
});

describe('inline patches', () => {
  it('a value an inline patch sets is found on its line of the kustomization, and fixed there (strategic merge and JSON 6902)', async () => {
    const overlay = [
      'resources:',
      '- ../../base',
      'patches:',
      '- patch: |-',
      '    apiVersion: apps/v1',
      '    kind: Deployment',
      '    metadata:',
      '      name: web',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '          - name: web',
      '            securityContext:',
      '              allowPrivilegeEscalation: true',
      '- target:',
      '    kind: Deployment',
      '  patch: |',
      '    - op: add',
      '      path: /spec/template/spec/containers/0/securityContext/privileged',
      '      value: true',
      '',
    ].join('\n');
    const dir = writeTree({
      'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
      'base/deployment.yaml': base(['        securityContext:', '          allowPrivilegeEscalation: false']),
      'overlays/prod/kustomization.yaml': overlay,
    });
    // With privileged: true, both fixes are behaviour changes (the API server rejects allowPrivilegeEscalation: false beside privileged: true).
    const r = await scan(dir, { applyFixes: { behaviour: ['no-privileged-container', 'no-privilege-escalation'] } });
    const at = (id: string) => byPolicy(r, id).map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column}`);
    expect(at('no-privilege-escalation')).toEqual(['overlays/prod/kustomization.yaml:15:15']);
    expect(at('no-privileged-container')).toEqual(['overlays/prod/kustomization.yaml:21:7']);
    for (const f of [...byPolicy(r, 'no-privilege-escalation'), ...byPolicy(r, 'no-privileged-container')])
      expect(groupOf(r, f)).toMatchObject({ file: 'overlays/prod/kustomization.yaml', verified: true });
    const fixed = r.files.find((f) => f.path === 'overlays/prod/kustomization.yaml')!.fixedText!;
    expect(fixed).toBe(overlay.replace('allowPrivilegeEscalation: true', 'allowPrivilegeEscalation: false').replace('      value: true', '      value: false'));
    writeFileSync(join(dir, 'overlays/prod/kustomization.yaml'), fixed);
    expect(await builtFindings(dir, 'overlays/prod/kustomization.yaml', 'no-privilege-escalation')).toEqual([]);
    expect(await builtFindings(dir, 'overlays/prod/kustomization.yaml', 'no-privileged-container')).toEqual([]);
  });
});

describe('a rebuild may change only the objects a fix is for', () => {
  it('a base fix that a replacement copies into another object is not offered, naming that object', async () => {
    const other = base(['        securityContext:', '          allowPrivilegeEscalation: false']).replace('name: web\n', 'name: other\n');
    const dir = writeTree({
      'base/kustomization.yaml': 'resources:\n- deployment.yaml\n- other.yaml\n',
      'base/deployment.yaml': base(['        securityContext:', '          runAsNonRoot: true']),
      'base/other.yaml': other,
      'overlays/prod/kustomization.yaml': [
        'resources:',
        '- ../../base',
        'replacements:',
        '- source:',
        '    kind: Deployment',
        '    name: web',
        '    fieldPath: spec.template.spec.containers.[name=web].securityContext',
        '  targets:',
        '  - select:',
        '      kind: Deployment',
        '      name: other',
        '    fieldPaths:',
        '    - spec.template.spec.containers.[name=web].securityContext',
        '',
      ].join('\n'),
    });
    const r = await scan(dir);
    const npe = byPolicy(r, 'no-privilege-escalation').filter((f) => f.file === 'base/deployment.yaml');
    expect(npe.length).toBeGreaterThan(0);
    for (const f of npe) {
      expect(f.fixId).toBeUndefined();
      expect(f.fixProblem).toMatch(/also changes Deployment\/other with it/);
    }
  });
});
