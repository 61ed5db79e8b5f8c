// jest globalTeardown (jest.config.js): removes the bundle test/setup/bundle-setup.mjs built.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, resolve } from 'node:path';

export default function removeBundle() {
  const dir = process.env.KI_TEST_BUNDLE;
  // Only the folder our setup made (a kube-immutable-bundle-* folder in the temporary directory).
  if (dir && resolve(dirname(dir)) === resolve(tmpdir()) && basename(dir).startsWith('kube-immutable-bundle-')) rmSync(dir, { recursive: true, force: true });
  delete process.env.KI_TEST_BUNDLE;
}
