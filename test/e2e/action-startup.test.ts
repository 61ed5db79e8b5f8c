import { readdirSync, readFileSync } from 'node:fs';
import { BUNDLE, bundled } from '../bundle.js';

// The files of a fresh dist/: the bundle jest's globalSetup built from the sources (test/bundle.ts).
const text = (file: string) => readFileSync(bundled(file), 'utf8');

/** The dist files a file imports statically (`import ... from "./x.js"`, `export ... from`, `import "./x.js"`). */
function staticImports(file: string): string[] {
  return [...text(file).matchAll(/^(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)";|^import\s*"\.\/([^"]+)";/gms)].map((m) => (m[1] ?? m[2])!);
}

/** Every dist file loaded, before any dynamic import() runs, when `roots` are loaded. */
function staticClosure(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...staticImports(f));
  }
  return seen;
}

/**
 * The bundled modules of some dist files, from esbuild's `// path` comments (`node_modules/<package>`, `src/...`, `policies/...`).
 * esbuild names a file relative to the working directory after following links, so a package may
 * read `// ../main/node_modules/...` (node_modules a link, as in a git worktree): the package is
 * named from its first `node_modules/` wherever that is in the path.
 */
function modulesIn(files: Iterable<string>): Set<string> {
  const modules = new Set<string>();
  for (const f of files)
    for (const m of text(f).matchAll(/^\/\/ (?:[^\n]*?\/)?(node_modules\/(?:@[^/\n]+\/)?[^/\n]+)|^\/\/ (src\/\S+|policies\/\S+)/gm))
      modules.add((m[1] ?? m[2])!);
  return modules;
}

/** Whether a dist file bundles the package file `path` (under node_modules/, from any folder: see {@link modulesIn}). */
const bundles = (file: string, path: string) =>
  new RegExp(`\\n// (?:[^\\n]*?/)?node_modules/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`).test(text(file));

describe('start-up of the action on a pull request (docs/performance.md, row 3)', () => {
  it('loads, before the configuration is known, neither undici nor the policies, engine, yaml, ajv, sucrase or report', () => {
    const chunks = readdirSync(BUNDLE).filter((f) => /^chunk-[A-Z0-9]+\.js$/.test(f));
    const flow = chunks.filter((f) => text(f).includes('\n// src/action/pull-request.ts\n'));
    expect(flow).toHaveLength(1);
    // What `node dist/index.js` loads up to the point where src/main.ts has imported the pull-request flow.
    const loaded = modulesIn(staticClosure(['index.js', flow[0]!]));
    expect(loaded).toContain('src/action/pull-request.ts');
    expect(loaded).toContain('node_modules/@octokit/core');
    expect(loaded).toContain('node_modules/@actions/core');
    // src/k8s/file-names.ts is data (the kustomization file names), shared with src/render/roots.ts.
    const heavy = [...loaded].filter((m) =>
      /^node_modules\/(undici|tunnel|@actions\/http-client|@actions\/github|sucrase|ajv|yaml|diff)$|^policies\/|^src\/(engine|report|review|yaml|k8s|registry)\/(?!file-names\.ts$)/.test(
        m,
      ),
    );
    expect(heavy).toEqual([]);
    // The real OIDC client of @actions/core (with undici) is still in the bundle, loaded on first use.
    const oidc = chunks.filter((f) => bundles(f, '@actions/core/lib/oidc-utils.js'));
    expect(oidc).toHaveLength(1);
    expect(modulesIn(staticClosure([oidc[0]!]))).toContain('node_modules/undici');
  });
});
