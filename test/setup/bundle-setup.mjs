// jest globalSetup (jest.config.js): builds the bundle ONCE per run, with
// scripts/build.mjs exactly as `npm run build` does, into a fresh temporary folder, and names it in
// KI_TEST_BUNDLE. The committed dist/ is never written or read by tests: they run the bundle of the
// sources under test (test/bundle.ts), and other suites cannot see a half-written dist/.
// globalSetup runs in jest's main process before the test workers start, so they inherit the variable.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function buildBundle(globalConfig) {
  const dir = mkdtempSync(join(tmpdir(), 'kube-immutable-bundle-'));
  try {
    // From the repository root, as npm runs it: the sources and esbuild's path comments are named from there.
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', dir], { cwd: globalConfig.rootDir, stdio: 'pipe', encoding: 'utf8' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`scripts/build.mjs --outdir ${dir} failed:\n${err.stdout ?? ''}${err.stderr ?? ''}${err.message}`, { cause: err });
  }
  process.env.KI_TEST_BUNDLE = dir;
}
