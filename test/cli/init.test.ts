import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_CONFIG_PATH as CONFIG_PATH } from '../../src/constants.js';
import { INIT_FILES } from '../../src/cli/init-templates.js';
import { builtinPolicies } from '../../policies/index.js';
import { engineSettings } from '../../src/settings/config-settings.js';
import { loadConfig } from '../../src/settings/config.js';
import { loadCustomPolicies } from '../../src/settings/custom-policies.js';
import { run } from '../../src/engine/index.js';
import { cli, tempTrees } from './helpers.js';

const tree = tempTrees({ presetConfig: false });

const PATHS = [
  '.github/kube-immutable.yaml',
  'kube-immutable-policies/example-policy.ts',
  'kube-immutable-policies/example-policy.test.ts',
  'kube-immutable-policies/package.json',
  'kube-immutable-policies/tsconfig.json',
  'kube-immutable-policies/.gitignore',
];

describe('kube-immutable init', () => {
  it('writes the starter configuration and the example policy with its test, and says so', async () => {
    const dir = tree();
    const r = await cli(['init'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, PATHS.length)).toEqual(PATHS.map((p) => `wrote ${p}`));
    expect(r.stdout).toContain('Next steps:');
    // The test command works without kube-immutable on the npm registry (test/cli/init-e2e.test.ts runs it).
    expect(r.stdout).toContain('  - test them: cd kube-immutable-policies && npm install && npm test\n');
    expect(r.stdout).toContain('github:kube-immutable/kube-immutable#v0');
    expect(r.stdout).not.toMatch(/npx jest|npm install --save-dev kube-immutable /);
    for (const f of INIT_FILES) expect(readFileSync(join(dir, f.path), 'utf8')).toBe(f.text);
    expect(readdirSync(join(dir, 'kube-immutable-policies')).sort()).toEqual([
      '.gitignore',
      'example-policy.test.ts',
      'example-policy.ts',
      'package.json',
      'tsconfig.json',
    ]);
  });

  it("the policy folder's package.json uses the jest, ts-jest and TypeScript of kube-immutable's own tests, and none of its files is loaded as a policy", async () => {
    const ours = JSON.parse(readFileSync('package.json', 'utf8'));
    const pkg = JSON.parse(INIT_FILES.find((f) => f.path.endsWith('/package.json'))!.text);
    for (const name of ['jest', 'ts-jest', 'typescript']) expect([name, pkg.devDependencies[name]]).toEqual([name, ours.devDependencies[name]]);
    expect(pkg.devDependencies['kube-immutable']).toBe('github:kube-immutable/kube-immutable#v0');
    expect(pkg.type).toBe('module');
    expect(pkg.scripts.test).toBe('tsc -p . && node --experimental-vm-modules node_modules/jest/bin/jest.js');
    expect(JSON.parse(INIT_FILES.find((f) => f.path.endsWith('/tsconfig.json'))!.text).compilerOptions).toEqual(
      expect.objectContaining({ strict: true, noEmit: true }),
    );
    const dir = tree();
    await cli(['init'], dir);
    const loaded = loadCustomPolicies(
      'kube-immutable-policies',
      (folder) => readdirSync(join(dir, folder)),
      (path) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : undefined),
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.policies.map((p) => p.id)).toEqual(['example-pinned-image']);
  });

  it('the configuration is commented YAML with a preset, policies, the exemption rules with an exemption, and the custom policy folder', () => {
    const text = INIT_FILES.find((f) => f.path === CONFIG_PATH)!.text;
    const config = parse(text) as Record<string, any>;
    expect(Object.keys(config)).toEqual(['preset', 'policies', 'exemptions', 'fixes', 'customPolicies']);
    expect(config.fixes).toEqual({ includeGuesses: false });
    expect(config.customPolicies).toBe('../kube-immutable-policies');
    expect(config.exemptions).toEqual(expect.objectContaining({ annotations: 'base-only', maxDays: 365 }));
    expect(config.exemptions.rules[0]).toEqual(
      expect.objectContaining({ policy: 'read-only-root-filesystem', reason: expect.any(String), expires: '2030-01-01' }),
    );
    expect(config.policies['example-pinned-image']).toEqual({ severity: 'warning', options: { allowedTags: [] } });
    expect(text.split('\n').filter((l) => l.startsWith('#')).length).toBeGreaterThan(5);
  });

  it('refuses to overwrite an existing file without --force, and writes nothing', async () => {
    const dir = tree({ '.github/kube-immutable.yaml': 'mine: true\n' });
    const r = await cli(['init'], dir);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kube-immutable: .github/kube-immutable.yaml already exists; nothing written (use --force to overwrite)\n',
    });
    expect(readFileSync(join(dir, '.github/kube-immutable.yaml'), 'utf8')).toBe('mine: true\n');
    expect(existsSync(join(dir, 'kube-immutable-policies'))).toBe(false);
  });

  it('--force overwrites and says which files it replaced', async () => {
    const dir = tree({ '.github/kube-immutable.yaml': 'mine: true\n' });
    const r = await cli(['init', '--force'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, PATHS.length)).toEqual([`overwrote ${PATHS[0]}`, ...PATHS.slice(1).map((p) => `wrote ${p}`)]);
    expect(readFileSync(join(dir, '.github/kube-immutable.yaml'), 'utf8')).toBe(INIT_FILES[0]!.text);
    // A second run finds all of them.
    const again = await cli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`kube-immutable: ${PATHS.join(', ')} already exist; nothing written (use --force to overwrite)\n`);
  });

  it('usage: help init, no arguments, unknown options', async () => {
    expect((await cli(['help', 'init'], '.')).stdout).toMatch(/^Usage: kube-immutable init \[--force\]/);
    expect((await cli(['--help'], '.')).stdout).toContain('  init ');
    expect(await cli(['init', 'somewhere'], '.')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kube-immutable: init takes no arguments, got "somewhere" (it writes below the current folder)\nRun \'kube-immutable init --help\' for usage.\n',
    });
    expect((await cli(['init', '--bogus'], '.')).stderr).toMatch(/^kube-immutable: init: unknown option --bogus\n/);
  });

  it('the example policy it writes loads as a custom policy and reports moving tags', async () => {
    const dir = tree();
    await cli(['init'], dir);
    const reads: string[] = [];
    const loaded = loadCustomPolicies(
      'kube-immutable-policies',
      (folder) => readdirSync(join(dir, folder)),
      (path) => {
        reads.push(path);
        return existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : undefined;
      },
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.policies.map((p) => p.id)).toEqual(['example-pinned-image']);
    expect(reads).toEqual(['kube-immutable-policies/example-policy.ts']);
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n  - name: b\n    image: nginx:latest\n  - name: c\n    image: nginx:1.27\n';
    const result = run([{ path: 'pod.yaml', text: pod }], loaded.policies);
    expect(result.findings.map((f) => `${f.range.start.line}:${f.messageId}`)).toEqual(['8:untagged', '10:moving']);
    const allowed = run([{ path: 'pod.yaml', text: pod }], loaded.policies, { options: { 'example-pinned-image': { allowedTags: ['latest'] } } });
    expect(allowed.findings.map((f) => f.messageId)).toEqual(['untagged']);
  });

  it('any one existing file stops the whole init (the check comes before the first write)', async () => {
    const dir = tree({ 'kube-immutable-policies/example-policy.test.ts': 'mine\n' });
    expect((await cli(['init'], dir)).code).toBe(2);
    expect(existsSync(join(dir, '.github'))).toBe(false);
    expect(existsSync(join(dir, 'kube-immutable-policies/example-policy.ts'))).toBe(false);
    expect(readFileSync(join(dir, 'kube-immutable-policies/example-policy.test.ts'), 'utf8')).toBe('mine\n');
  });

  it('what it writes is a valid configuration whose custom policy folder loads and whose settings apply', async () => {
    const dir = tree();
    await cli(['init'], dir);
    const read = (p: string) => (existsSync(join(dir, p)) ? readFileSync(join(dir, p), 'utf8') : undefined);
    const { config, origins, problems } = loadConfig(CONFIG_PATH, read, { required: true });
    expect(problems).toEqual([]);
    expect(config!.customPolicies).toEqual(['kube-immutable-policies']);
    const custom = loadCustomPolicies(config!.customPolicies[0]!, (f) => readdirSync(join(dir, f)), read);
    expect(custom.problems).toEqual([]);
    const settings = engineSettings(config!, [...builtinPolicies, ...custom.policies], origins);
    expect(settings.problems).toEqual([]);
    expect(settings.severity['example-pinned-image']).toBe('warning');
    expect(settings.options['example-pinned-image']).toEqual({ allowedTags: [] });
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:latest\n';
    const result = run([{ path: 'pod.yaml', text: pod }], [...builtinPolicies, ...custom.policies], { ...settings, exemptions: config!.exemptions });
    expect(result.findings.filter((f) => f.policyId === 'example-pinned-image').map((f) => `${f.severity}:${f.messageId}`)).toEqual(['warning:moving']);
  });
});
