import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import { bundled } from '../bundle.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** dist/cli.js of the bundle jest's globalSetup built from the sources (test/bundle.ts). */
const CLI = bundled('cli.js');

/** Run the built CLI as the bin does; resolves with its exit code and output. */
function runCli(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '' } }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

describe('dist/cli.js end to end', () => {
  it('prints its version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('scans the seed examples: findings, patches, summary and exit 1', async () => {
    const r = await runCli(['scan', 'examples/seeds']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('examples/seeds/nginx-pod-readonly.yaml:11:5  error  no-privilege-escalation  ');
    expect(r.stdout).toContain('    +      allowPrivilegeEscalation: false\n');
    expect(r.stdout).toMatch(/\n\d+ findings \(\d+ errors, \d+ warnings, \d+ info\) in \d+ files; \d+ fixable/);
  });

  it('writes SARIF and fails on a usage error with exit 2', async () => {
    const sarif = await runCli([
      'scan',
      'examples/seeds/nginx-pod-readonly.yaml',
      '--format',
      'sarif',
      '--fail-level',
      'none',
      '--config',
      'test/fixtures/seed-policies.yaml',
    ]);
    expect(sarif.code).toBe(0);
    const log = JSON.parse(sarif.stdout);
    expect(log.runs[0].tool.driver.version).toBe(pkg.version);
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['no-privilege-escalation', 'writable-paths-mounted']);
    const bad = await runCli(['scan', '--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("kube-immutable: scan: unknown option --nope\nRun 'kube-immutable scan --help' for usage.\n");
    expect(bad.stderr).not.toMatch(/\bat \S+:\d+:\d+/);
  });

  it('fixes a copy of a seed in place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-immutable-e2e-'));
    try {
      copyFileSync(join(ROOT, 'examples/seeds/nginx-pod-readonly.yaml'), join(dir, 'pod.yaml'));
      copyFileSync(join(ROOT, 'test/fixtures/seed-policies.yaml'), join(dir, 'preset.yaml'));
      const r = await runCli(['fix', 'pod.yaml', '--config', 'preset.yaml'], dir);
      expect(r.stdout).toBe('fixed pod.yaml: 2 findings\nFixed 2 findings in 1 file; 0 findings remain\n');
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, 'pod.yaml'), 'utf8')).toContain('      allowPrivilegeEscalation: false\n');
      expect((await runCli(['scan', 'pod.yaml', '--config', 'preset.yaml'], dir)).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
