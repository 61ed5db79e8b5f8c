/**
 * `kube-immutable init` end to end: its next steps, as printed, run the example policy's test in a
 * new folder. Offline: `npm install` (which would fetch jest, ts-jest, TypeScript and kube-immutable
 * from GitHub) is replaced by what it would install — the package built from these sources into the
 * folder's node_modules (scripts/build.mjs --package-to, never the committed dist/) and links to
 * this repository's jest, ts-jest, typescript and yaml (kube-immutable's dependency its types
 * import) — then the printed `npm test` runs there.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from './helpers.js';

const ROOT = resolve('.');
let dir: string;
let folder: string;
let printed: string;

/** Run a command line the way a user's shell would (npm is npm.cmd on Windows), outside this jest run. */
function sh(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(JEST_|npm_)/i.test(k) && k !== 'NODE_OPTIONS') env[k] = v;
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd, env: { ...env, CI: 'true', NO_COLOR: '1' }, shell: process.platform === 'win32', timeout: 50_000 },
      (err, stdout, stderr) => {
        done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, output: stdout + stderr });
      },
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kube-immutable-init-e2e-'));
  const r = await cli(['init'], dir);
  expect(r.code).toBe(0);
  printed = r.stdout;
  // What `npm install` would put in the policy folder's node_modules, without the network.
  const match = /^ {2}- test them: cd (\S+) && npm install && npm test$/m.exec(printed);
  expect(match).not.toBeNull();
  folder = join(dir, match![1]!);
  const modules = join(folder, 'node_modules');
  mkdirSync(modules);
  execFileSync(process.execPath, ['scripts/build.mjs', '--package-to', join(modules, 'kube-immutable')], { cwd: ROOT, stdio: 'pipe' });
  for (const name of ['jest', 'ts-jest', 'typescript', 'yaml']) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'junction');
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('kube-immutable init, then its next steps', () => {
  it('prints a test command that works as written: npm test in the policy folder type-checks and passes the example test', async () => {
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    expect(pkg.devDependencies['kube-immutable']).toMatch(/^github:kube-immutable\/kube-immutable#/);
    const r = await sh('npm', ['test'], folder);
    expect(r.output).toMatch(/Tests: +5 passed, 5 total/);
    expect(r.code).toBe(0);
  }, 60_000);

  it('npm test fails when the example policy misses a case its test expects', async () => {
    const path = join(folder, 'example-policy.ts');
    const original = readFileSync(path, 'utf8');
    try {
      writeFileSync(path, original.replace("'latest', ", ''));
      const r = await sh('npm', ['test'], folder);
      expect(r.output).toMatch(/Tests: +1 failed, 4 passed, 5 total/);
      expect(r.code).not.toBe(0);
    } finally {
      writeFileSync(path, original);
    }
  }, 60_000);

  it('npm test fails on a type error in a policy (tsc), before jest runs', async () => {
    const path = join(folder, 'example-policy.ts');
    const original = readFileSync(path, 'utf8');
    try {
      writeFileSync(path, original.replace('const ref = parseImageReference(c.image);', 'const ref: string = parseImageReference(c.image);'));
      const r = await sh('npm', ['test'], folder);
      expect(r.output).toMatch(/example-policy\.ts\(\d+,\d+\): error TS2322/);
      expect(r.output).not.toMatch(/Tests:/);
      expect(r.code).not.toBe(0);
    } finally {
      writeFileSync(path, original);
    }
  }, 60_000);
});
