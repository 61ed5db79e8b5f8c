/**
 * A custom policy written against `kube-immutable/policy` type-checks: tsc (the repository's own)
 * runs on the fixture policy, the example policies with their tests, and the files `init` writes,
 * with the package's entry points mapped once to the sources (src/api) and once to the emitted
 * declarations (dist/types, as a user's project resolves them through package.json `exports`;
 * those of the bundle jest's globalSetup built from the sources, test/bundle.ts).
 * A policy with a type error must fail, at the expected lines.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { INIT_FILES } from '../../src/cli/init-templates.js';
import { bundled } from '../bundle.js';

const ROOT = resolve('.');
const TSC = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const BAD_POLICY = `import { definePolicy } from 'kube-immutable/policy';

export default definePolicy<{ key: string }>({
  id: 'bad',
  meta: {
    description: 'd',
    category: 'security',
    defaultSeverity: 'error',
    fixable: false,
    messages: { m: 'm' },
    remediation: 'r',
    docsUrl: 'u',
  },
  check(context) {
    const n: number = context.options.key;
    context.report({ messageId: 'm', node: context.manifest });
  },
});
`;

/** Run tsc on `files` with the two entry points mapped to `policy` and `testing`; returns its output (empty: no error). */
function typecheck(policy: string, testing: string, extraFiles: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kube-immutable-types-'));
  dirs.push(dir);
  const files = [join(ROOT, 'test/fixtures/custom-policies/memory-limit.ts'), join(ROOT, 'examples/custom-policies/emptydir-size-limit.ts'), join(ROOT, 'examples/custom-policies/owner-label.ts')];
  files.push(join(ROOT, 'examples/custom-policies/emptydir-size-limit.test.ts'), join(ROOT, 'examples/custom-policies/owner-label.test.ts'));
  for (const [name, text] of Object.entries({ ...Object.fromEntries(INIT_FILES.filter((f) => f.path.endsWith('.ts')).map((f) => [f.path.split('/').pop()!, f.text])), ...extraFiles })) {
    writeFileSync(join(dir, name), text);
    files.push(join(dir, name));
  }
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node', 'jest'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
      paths: { 'kube-immutable/policy': [policy], 'kube-immutable/testing': [testing] },
    },
    files,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
  try {
    execFileSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8', stdio: 'pipe', cwd: dir });
    return '';
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
}

describe('custom policies type-check against kube-immutable/policy', () => {
  it('with the sources (src/api): the fixture, the examples and the init templates have no error; a bad policy has its errors', () => {
    const out = typecheck(join(ROOT, 'src/api/policy.ts'), join(ROOT, 'src/api/testing.ts'), { 'bad-policy.ts': BAD_POLICY });
    const errors = out.split('\n').filter((l) => /error TS\d+/.test(l));
    expect(errors.filter((l) => !l.startsWith('bad-policy.ts('))).toEqual([]);
    expect(errors.map((l) => /^bad-policy\.ts\((\d+),\d+\): error (TS\d+)/.exec(l)?.slice(1).join(' '))).toEqual([
      '7 TS2322', // category: 'security' is not a PolicyCategory
      '15 TS2322', // options.key is a string
      '16 TS2740', // a Manifest is not a YNode
    ]);
  });

  it('with the emitted declarations that package.json exports (dist/types)', () => {
    const exported = pkg.exports as unknown as Record<string, { types: string; import: string }>;
    expect(Object.keys(exported)).toEqual(expect.arrayContaining(['./policy', './testing']));
    // Installed as a user's project has the package: node_modules/kube-immutable/dist/types, with its
    // dependency yaml beside it, so the declarations' `from 'yaml'` resolves as it does there.
    const project = mkdtempSync(join(tmpdir(), 'kube-immutable-consumer-'));
    dirs.push(project);
    const installed = join(project, 'node_modules', 'kube-immutable');
    cpSync(bundled('types'), join(installed, 'dist', 'types'), { recursive: true });
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', 'yaml'), join(project, 'node_modules', 'yaml'), 'dir');
    // Unresolved, yaml's types would quietly be `any` (skipLibCheck): this line is an error only when they resolve.
    const yamlResolves = `import type { YNode } from 'kube-immutable/policy';
declare const n: YNode;
// @ts-expect-error: n.node is yaml's Node, whose range is a tuple
export const r: number = n.node.range;
`;
    const out = typecheck(join(installed, exported['./policy']!.types), join(installed, exported['./testing']!.types), { 'yaml-resolves.ts': yamlResolves });
    expect(out).toBe('');
  });
});
