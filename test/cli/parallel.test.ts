/**
 * The parallel scan (`--jobs`, worker threads running dist/scan-worker.js) is a fast path only:
 * its output must equal the one-thread scan's byte for byte, on the whole corpus and with
 * custom policies (which the workers rebuild from the snapshot the CLI read, never from disk).
 */
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS } from '../corpus-path.js';
import { bundled } from '../bundle.js';
import { fakeServer } from '../registry/helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** dist/cli.js of the bundle jest's globalSetup built from the sources (test/bundle.ts), its scan-worker.js beside it. */
const CLI = bundled('cli.js');

function scan(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, 'scan', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('parallel scan (--jobs)', () => {
  it('gives exactly the one-thread JSON report over the whole corpus, on worker threads', () => {
    const one = scan(['.', '--format', 'json', '--jobs', '0', '--verbose'], CORPUS);
    const three = scan(['.', '--format', 'json', '--jobs', '3', '--verbose'], CORPUS);
    expect(one.stderr).toMatch(/scanned \d+ files in one thread/);
    expect(three.stderr).toMatch(/scanned \d+ files on 3 worker threads/);
    const report = JSON.parse(one.stdout);
    expect(report.findings.length).toBeGreaterThan(1000);
    expect(three.stdout).toBe(one.stdout);
    expect(three.code).toBe(one.code);
  }, 240_000);

  it('writes the same github report as the scan goes, in this thread or on workers, to stdout or --output', () => {
    const one = scan(['.', '--format', 'github', '--jobs', '0', '--fail-level', 'warning'], CORPUS);
    const three = scan(['.', '--format', 'github', '--jobs', '3', '--fail-level', 'warning'], CORPUS);
    const out = join(mkdtempSync(join(tmpdir(), 'kube-immutable-github-')), 'report.txt');
    const file = scan(['.', '--format', 'github', '--jobs', '2', '--fail-level', 'warning', '--output', out], CORPUS);
    expect(one.stdout.split('\n').length).toBeGreaterThan(1000);
    expect(one.stdout).toMatch(/^::(error|warning|notice) file=/);
    expect(three.stdout === one.stdout).toBe(true);
    expect(readFileSync(out, 'utf8') === one.stdout).toBe(true);
    expect(file.stdout).toBe(`wrote ${out}: ${one.stdout.trimEnd().split('\n').pop()}\n`);
    expect([one.code, three.code, file.code]).toEqual([1, 1, 1]);
  }, 240_000);

  it('gives the same SARIF and fixes with custom policies loaded by a worker from the CLI’s snapshot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-immutable-parallel-'));
    cpSync(join(ROOT, 'examples'), dir, { recursive: true });
    writeFileSync(join(dir, 'custom.yaml'), 'customPolicies: custom-policies\n');
    const args = ['.', '--config', 'custom.yaml', '--format', 'sarif', '--verbose'];
    const one = scan([...args, '--jobs', '0'], dir);
    const two = scan([...args, '--jobs', '1'], dir);
    expect(two.stderr).toMatch(/on 1 worker thread\b/);
    const rules = JSON.parse(one.stdout).runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules).toEqual(expect.arrayContaining(['emptydir-size-limit', 'owner-label']));
    const results = JSON.parse(two.stdout).runs[0].results as { ruleId: string }[];
    expect(results.some((r) => r.ruleId === 'emptydir-size-limit')).toBe(true);
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);

  it('fix --dry-run prints the same diff with and without workers', () => {
    const cwd = join(CORPUS, 'real');
    const fix = (jobs: string) =>
      spawnSync(process.execPath, [CLI, 'fix', '.', '--dry-run', '--jobs', jobs], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const one = fix('0');
    const two = fix('2');
    expect(one.stdout).toContain('+++ ');
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  }, 240_000);

  it("hands the resolved digests (the run's image facts) to the workers: fix --dry-run pins the same images", async () => {
    const digest = 'sha256:' + '5'.repeat(64);
    // The registry is served by this process: the CLI runs asynchronously so that it can answer.
    const registry = await fakeServer((_req, res) => void res.writeHead(200, { 'Docker-Content-Digest': digest }).end());
    try {
      const dir = mkdtempSync(join(tmpdir(), 'kube-immutable-parallel-digests-'));
      for (const name of ['a', 'b', 'c']) {
        writeFileSync(
          join(dir, `${name}.yaml`),
          `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: ${registry.host}/team/${name}:1.0\n`,
        );
      }
      const env = { ...process.env, KUBE_IMMUTABLE_INSECURE_REGISTRIES: registry.host };
      const fix = (jobs: string) =>
        new Promise<{ stdout: string; stderr: string }>((resolve) => {
          execFile(
            process.execPath,
            [CLI, 'fix', '.', '--dry-run', '--resolve-digests', '--verbose', '--jobs', jobs],
            { cwd: dir, env, encoding: 'utf8' },
            (_err, stdout, stderr) => resolve({ stdout, stderr }),
          );
        });
      const one = await fix('0');
      const two = await fix('2');
      expect(two.stderr).toMatch(/on 2 worker threads/);
      expect(one.stdout.split('\n').filter((l) => l.startsWith('+    image:'))).toEqual(
        ['a', 'b', 'c'].map((n) => `+    image: ${registry.host}/team/${n}:1.0@${digest}`),
      );
      expect(two.stdout).toBe(one.stdout);
    } finally {
      await registry.close();
    }
  }, 120_000);

  it('refuses a --jobs value that is not auto or 0..256', () => {
    const r = scan(['.', '--jobs', 'two'], CORPUS);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs must be auto or a whole number from 0 to 256, got "two"');
  });
});
