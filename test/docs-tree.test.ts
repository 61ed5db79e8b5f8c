/**
 * docs/architecture.md, CONTRIBUTING.md and the tree agree (issue #14): every folder and file
 * directly under src/ is described in the architecture's tree, every src/ folder has its place in
 * CONTRIBUTING's layer diagram, and every repository path the two documents name exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const architecture = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');

/** The first fenced block of a Markdown text (the tree, the layer diagram). */
const firstBlock = (md: string) => /```[a-z]*\n([\s\S]*?)```/.exec(md)?.[1] ?? '';

const srcEntries = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
  .filter((e) => e.isDirectory() || /\.ts$/.test(e.name))
  .map((e) => (e.isDirectory() ? `src/${e.name}/` : `src/${e.name}`));

/** Paths such as `src/engine/fixes.ts`, `policies/lib/shell.ts` or `test/corpus/` named in a text. */
function namedPaths(md: string): string[] {
  const out = new Set<string>();
  for (const m of md.matchAll(/(?<![\w./-])((?:src|policies|test|scripts|docs|examples)\/[\w./-]*[\w/])/g)) {
    const p = m[1]!;
    if (/[*<>{}]/.test(p) || p.includes('<id>')) continue;
    out.add(p);
  }
  return [...out];
}

describe('the architecture doc, CONTRIBUTING and the tree agree', () => {
  it('finds the entries it checks', () => {
    expect(srcEntries).toEqual(expect.arrayContaining(['src/engine/', 'src/yaml/', 'src/main.ts']));
    expect(namedPaths(architecture).length).toBeGreaterThan(20);
  });

  it.each(srcEntries)('docs/architecture.md describes %s in its tree', (entry) => {
    const tree = firstBlock(architecture);
    expect(tree.includes(entry) || tree.includes(entry.replace(/\/$/, ''))).toBe(true);
  });

  it.each(srcEntries.filter((e) => e.endsWith('/')))("CONTRIBUTING's layer diagram places %s", (folder) => {
    expect(firstBlock(contributing.slice(contributing.indexOf('## How the layers depend')))).toContain(folder);
  });

  it.each([
    ['docs/architecture.md', architecture],
    ['CONTRIBUTING.md', contributing],
  ])('every path %s names exists', (_name, md) => {
    const missing = namedPaths(md).filter((p) => !existsSync(join(ROOT, p.replace(/[.,:;]+$/, ''))));
    expect(missing).toEqual([]);
  });
});
