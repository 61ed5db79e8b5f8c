/**
 * The fast YAML reader is a fast path only: the engine's whole result — findings, ranges,
 * messages, fixes, their edits and verification, problems, fixed texts — must be the same with
 * it as with the `yaml` library alone, on the whole corpus and on the examples.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinPolicies } from '../../policies/index.js';
import { run } from '../../src/engine/run.js';
import { setFastReader } from '../../src/yaml/parse.js';
import { expectedData, expectedDataByClone } from '../../src/yaml/apply.js';
import { analyse } from '../../src/engine/analyse.js';
import type { FixOp } from '../../src/yaml/index.js';
import { deployment } from '../../scripts/bench-manifests.js';
import { CORPUS } from '../corpus-path.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string, out: { path: string; text: string }[] = []): { path: string; text: string }[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.(ya?ml|json)$/i.test(name)) out.push({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') });
  }
  return out;
}

function bothWays(files: { path: string; text: string }[]): { fast: string; plain: string } {
  const opts = { today: '2026-11-21' };
  const was = setFastReader(true);
  try {
    const fast = JSON.stringify(run(files, builtinPolicies, opts));
    setFastReader(false);
    const plain = JSON.stringify(run(files, builtinPolicies, opts));
    return { fast, plain };
  } finally {
    setFastReader(was);
  }
}

describe('the fast YAML reader in the engine', () => {
  it('gives the same result as the yaml library alone on the whole corpus and the examples', () => {
    const files = [...sourceFiles(CORPUS), ...sourceFiles(join(ROOT, 'examples'))];
    expect(files.length).toBeGreaterThan(1000);
    const { fast, plain } = bothWays(files);
    expect(JSON.parse(fast).findings.length).toBeGreaterThan(1000);
    expect(fast === plain).toBe(true);
  }, 240_000);

  it('gives the same result on the benchmark Deployments (every one fixed)', () => {
    const text = Array.from({ length: 40 }, (_, i) => deployment(i)).join('---\n');
    const { fast, plain } = bothWays([{ path: 'deployments.yaml', text }]);
    const result = JSON.parse(fast) as { fixes: { verified: boolean }[] };
    expect(result.fixes.length).toBeGreaterThan(0);
    expect(result.fixes.every((f) => f.verified)).toBe(true);
    expect(fast === plain).toBe(true);
  });

  it('computes the expected data of every corpus fix by copy on write exactly as by a deep copy, leaving the original alone', () => {
    const files = sourceFiles(CORPUS);
    let compared = 0;
    for (const f of files) {
      const a = analyse(f.path, f.text, builtinPolicies, { today: '2026-11-21' });
      if (!a.parsed) continue;
      const data = a.parsed.documents.map((d) => d.data);
      const before = JSON.stringify(data);
      const docOf = new Map(a.parsed.documents.map((d) => [d.doc, d.index]));
      const index = (op: FixOp) => docOf.get(op.target.doc) ?? 0;
      const all = a.raw.flatMap((r) => (r.fix ?? []) as FixOp[]);
      for (const ops of [...a.raw.map((r) => (r.fix ?? []) as FixOp[]).filter((x) => x.length > 0), all]) {
        // structuredClone makes its objects in Node's own realm, not the test's: compare the data.
        const cow = expectedData(data, index, ops);
        const clone = expectedDataByClone(data, index, ops);
        expect(cow).toEqual(clone);
        expect(JSON.stringify(cow)).toBe(JSON.stringify(clone));
        compared++;
      }
      expect(JSON.stringify(data)).toBe(before);
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});
