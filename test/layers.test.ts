/**
 * The layers of docs/architecture.md that the settings refactor (issue #14) set: the engine
 * receives resolved options and policies and imports nothing from src/settings; no import cycle
 * runs through src/settings or src/engine; src/constants.ts is a leaf. Imports are read from the
 * sources (static, `export ... from`, `import type` and dynamic `import('...')` alike).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(p);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Repository-relative paths of the project modules a file imports (`.js` specifiers mapped to `.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const out = new Set<string>();
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (!spec.startsWith('.')) continue;
    out.add(
      relative(ROOT, join(dirname(file), spec))
        .split('\\')
        .join('/')
        .replace(/\.js$/, '.ts'),
    );
  }
  return [...out];
}

const graph = new Map(sourcesUnder(SRC).map((f) => [relative(ROOT, f).split('\\').join('/'), importsOf(f)]));
const inLayer = (f: string) => f.startsWith('src/settings/') || f.startsWith('src/engine/');

describe('layers: settings and engine', () => {
  it('reads the imports it checks', () => {
    expect(graph.get('src/settings/config.ts')).toEqual(expect.arrayContaining(['src/settings/config-types.ts', 'src/yaml/index.ts']));
    expect(graph.get('src/settings/load.ts')).toEqual(expect.arrayContaining(['src/settings/config.ts', 'src/settings/config-settings.ts']));
  });

  it('no src/engine file imports src/settings (the engine receives resolved options and policies)', () => {
    const bad = [...graph].flatMap(([f, deps]) =>
      f.startsWith('src/engine/') ? deps.filter((d) => d.startsWith('src/settings/')).map((d) => `${f} -> ${d}`) : [],
    );
    expect(bad).toEqual([]);
  });

  it('no import cycle runs through src/settings or src/engine', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        const cycle = [...path.slice(path.indexOf(f)), f];
        if (cycle.some(inLayer)) cycles.push(cycle.join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const d of graph.get(f) ?? []) visit(d, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('no src/report file imports src/review (the formats do not depend on review planning)', () => {
    const bad = [...graph].flatMap(([f, deps]) =>
      f.startsWith('src/report/') ? deps.filter((d) => d.startsWith('src/review/')).map((d) => `${f} -> ${d}`) : [],
    );
    expect(bad).toEqual([]);
    expect(graph.get('src/review/review-plan.ts')).toEqual(expect.arrayContaining(['src/report/markdown.ts']));
  });

  it('src/constants.ts imports nothing', () => {
    expect(readFileSync(join(SRC, 'constants.ts'), 'utf8')).not.toMatch(/^\s*(import|export .* from)\b/m);
  });
});

describe('layers: the built-in policies', () => {
  const files = sourcesUnder(join(ROOT, 'policies'));
  /** Every specifier a file imports, as written (bare ones too). */
  const specifiersOf = (file: string) => {
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    return [...text.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3]!);
  };

  it('import only the public policy API (src/api/policy.ts, kube-immutable/policy) and their own files', () => {
    expect(files.length).toBeGreaterThan(16);
    const bad: string[] = [];
    for (const f of files) {
      const rel = relative(ROOT, f).split('\\').join('/');
      for (const spec of specifiersOf(f)) {
        const target = spec.startsWith('.')
          ? relative(ROOT, join(dirname(f), spec))
              .split('\\')
              .join('/')
          : spec;
        const local = spec.startsWith('./') && target.startsWith('policies/');
        if (!local && target !== 'src/api/policy.js') bad.push(`${rel}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
    expect(specifiersOf(join(ROOT, 'policies/image-digest.ts'))).toContain('../src/api/policy.js');
  });
});
