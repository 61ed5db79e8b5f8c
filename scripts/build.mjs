// Bundles the action entry (dist/index.js), the CLI (dist/cli.js, with its scan worker
// dist/scan-worker.js, sharing dist/chunk-*.js) and the package's public entry
// points for policy authors (dist/policy.js: kube-immutable/policy, dist/testing.js:
// kube-immutable/testing) with esbuild, and emits the type declarations of the public entry points
// into dist/types (tsconfig.api.json).
// Deterministic: the same sources give byte-identical output (CI rebuilds and diffs dist/).
//
// `node scripts/build.mjs --outdir <dir>` writes the same files into <dir> instead of dist/ (the
// tests build once into a temporary folder and never touch the committed dist/: test/setup/).
// Run it from the repository root, as `npm run build` does: the sources are named from there, and
// esbuild's `// path` comments in the bundle are relative to it wherever the output goes.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { outdir: { type: 'string' }, 'package-to': { type: 'string' } } });
const OUT = args.outdir ?? 'dist';

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

// @actions/core imports its OIDC client at load (./oidc-utils.js → @actions/http-client → undici and
// tunnel, ~800 kB to compile and evaluate) although only core.getIDToken() uses it, and
// kube-immutable never calls that. This plugin gives core.js an OidcClient whose getIDToken()
// imports the real module on first use (esbuild puts it in a chunk of its own), so a run pays for
// undici only if it asks for an ID token. Start-up: docs/performance.md.
const lazyOidcClient = {
  name: 'lazy-actions-core-oidc',
  setup(b) {
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      // A relative name, so no absolute path reaches dist/ (the build is the same on every machine).
      /[\\/]@actions[\\/]core[\\/]lib[\\/]core\.js$/.test(args.importer)
        ? { path: '@actions/core/lib/oidc-utils.js', namespace: 'lazy-oidc', pluginData: dirname(args.importer) }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-oidc' }, (args) => ({
      contents: `export class OidcClient {
  static async getIDToken(audience) {
    const { OidcClient: Real } = await import('./oidc-utils.js');
    return Real.getIDToken(audience);
  }
}
`,
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

// `node scripts/build.mjs --package-to <folder>`: only the package's public entry points
// (dist/policy.js, dist/testing.js, dist/types) and package.json, built from the sources into
// <folder> as npm would install the package (test/cli/init-e2e.test.ts installs that in a
// kube-immutable init folder). The committed dist/ is not touched.
if (args['package-to'] !== undefined) {
  const to = args['package-to'];
  if (!to) throw new Error('--package-to needs a folder');
  await build({ ...common, entryPoints: ['src/api/policy.ts'], outfile: join(to, 'dist/policy.js') });
  await build({ ...common, entryPoints: ['src/api/testing.ts'], outfile: join(to, 'dist/testing.js') });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.api.json', '--outDir', join(to, 'dist/types')], { stdio: 'inherit' });
  copyFileSync('package.json', join(to, 'package.json'));
  process.exit(0);
}
mkdirSync(OUT, { recursive: true });

// The action, the CLI and the CLI's scan worker: one build with ESM code splitting, so each entry
// loads only what it imports statically and the rest (dynamic import()) on first use — start-up
// pays for what a run uses (docs/performance.md). Shared code goes to dist/chunk-<hash>.js beside
// the entries (beside, not below: `new URL('./scan-worker.js', import.meta.url)` must resolve the
// same from a chunk as from the entry). Chunk names are content hashes, so the same sources give
// the same files; the old chunks are removed first so dist/ holds exactly what the sources give.
for (const f of readdirSync(OUT)) if (/^chunk-[A-Z0-9]+\.js$/.test(f)) rmSync(join(OUT, f));
await build({
  ...common,
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts', 'scan-worker': 'src/scan-worker.ts' },
  outdir: OUT,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  plugins: [lazyOidcClient],
});
// The CLI's `#!/usr/bin/env node` comes from src/cli.ts (esbuild keeps an entry's hashbang first).
chmodSync(join(OUT, 'cli.js'), 0o755);
await build({ ...common, entryPoints: ['src/api/policy.ts'], outfile: join(OUT, 'policy.js') });
await build({ ...common, entryPoints: ['src/api/testing.ts'], outfile: join(OUT, 'testing.js') });

// Declarations: a clean folder each time, so dist/types holds exactly what the sources give.
rmSync(join(OUT, 'types'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.api.json', '--outDir', resolve(OUT, 'types')], { stdio: 'inherit' });
