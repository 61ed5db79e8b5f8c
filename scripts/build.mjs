// Bundles the action entry (dist/index.js), the CLI (dist/cli.js) and the package's public entry
// points for policy authors (dist/policy.js: kube-immutable/policy, dist/testing.js:
// kube-immutable/testing) with esbuild, and emits the type declarations of the public entry points
// into dist/types (tsconfig.api.json).
// Deterministic: the same sources give byte-identical output (CI rebuilds and diffs dist/).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require(); give ESM output a real one.
  banner: { js: "import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);" },
};

await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
});
chmodSync('dist/cli.js', 0o755);
// The worker thread of parallel CLI scans (src/engine/parallel.ts loads it next to the CLI).
await build({ ...common, entryPoints: ['src/scan-worker.ts'], outfile: 'dist/scan-worker.js' });
await build({ ...common, entryPoints: ['src/api/policy.ts'], outfile: 'dist/policy.js' });
await build({ ...common, entryPoints: ['src/api/testing.ts'], outfile: 'dist/testing.js' });

// Declarations: a clean folder each time, so dist/types holds exactly what the sources give.
rmSync('dist/types', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.api.json'], { stdio: 'inherit' });
