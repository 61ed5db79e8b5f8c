/**
 * A custom policy written against `kube-immutable/policy` type-checks: tsc (the repository's own)
 * runs on the fixture policy, the example policies with their tests, and the files `init` writes,
 * with the package's entry points mapped once to the sources (src/api) and once to the emitted
 * declarations (dist/types, as a user's project resolves them through package.json `exports`;
 * those of the bundle jest's globalSetup built from the sources, test/bundle.ts), in a project
 * without the yaml library: the published declarations never reference it.
 * A policy with a type error must fail, at the expected lines.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const files = [
    join(ROOT, 'test/fixtures/custom-policies/memory-limit.ts'),
    join(ROOT, 'examples/custom-policies/emptydir-size-limit.ts'),
    join(ROOT, 'examples/custom-policies/owner-label.ts'),
  ];
  files.push(join(ROOT, 'examples/custom-policies/emptydir-size-limit.test.ts'), join(ROOT, 'examples/custom-policies/owner-label.test.ts'));
  for (const [name, text] of Object.entries({
    ...Object.fromEntries(INIT_FILES.filter((f) => f.path.endsWith('.ts')).map((f) => [f.path.split('/').pop()!, f.text])),
    ...extraFiles,
  })) {
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

  it('with the emitted declarations that package.json exports (dist/types), without the yaml library installed', () => {
    const exported = pkg.exports as unknown as Record<string, { types: string; import: string }>;
    expect(Object.keys(exported)).toEqual(expect.arrayContaining(['./policy', './testing']));
    // Installed as a user's project has the package: node_modules/kube-immutable/dist/types, and
    // no yaml beside it: the declarations must not need it (the yaml-typed members are @internal,
    // stripped by tsconfig.api.json's stripInternal).
    const project = mkdtempSync(join(tmpdir(), 'kube-immutable-consumer-'));
    dirs.push(project);
    const installed = join(project, 'node_modules', 'kube-immutable');
    cpSync(bundled('types'), join(installed, 'dist', 'types'), { recursive: true });
    // The yaml node a view wraps is not published: using it is an error in the user's code.
    const notPublished = `import type { YNode } from 'kube-immutable/policy';
declare const n: YNode;
// @ts-expect-error: YNode.node (the yaml library's node) is not in the published types
export const r: unknown = n.node;
`;
    const out = typecheck(join(installed, exported['./policy']!.types), join(installed, exported['./testing']!.types), { 'not-published.ts': notPublished });
    expect(out).toBe('');
  });

  it('the emitted declarations reference no yaml module, and type-check on their own (no skipLibCheck, no yaml, no @types)', () => {
    const declarations = (readdirSync(bundled('types'), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.d.ts'));
    expect(declarations).toEqual(expect.arrayContaining([join('api', 'policy.d.ts'), join('api', 'testing.d.ts'), join('yaml', 'node.d.ts')]));
    const yamlReferences = declarations.flatMap((f) =>
      readFileSync(bundled('types', f), 'utf8')
        .split('\n')
        .filter((line) => /\bfrom\s+['"]yaml['"]|import\(\s*['"]yaml['"]\s*\)|require\(\s*['"]yaml['"]\s*\)|<reference\s+types=['"]yaml['"]/.test(line))
        .map((line) => `${f}: ${line}`),
    );
    expect(yamlReferences).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'kube-immutable-declarations-'));
    dirs.push(dir);
    cpSync(bundled('types'), join(dir, 'types'), { recursive: true });
    const config = {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
        typeRoots: [],
      },
      files: [join(dir, 'types/api/policy.d.ts'), join(dir, 'types/api/testing.d.ts')],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
    let out = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8', stdio: 'pipe', cwd: dir });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    }
    expect(out).toBe('');
  });
});
