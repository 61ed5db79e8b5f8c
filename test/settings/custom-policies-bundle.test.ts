/**
 * The loader works from a single esbuild bundle with no node_modules at run time, as the action
 * runs dist/index.js: sucrase is bundled, and `kube-immutable/policy` is served by the host.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kube-immutable-bundle-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY = `import { loadCustomPolicies } from ${JSON.stringify(resolve('src/settings/custom-policies.ts'))};
import { run } from ${JSON.stringify(resolve('src/engine/run.ts'))};
const files = JSON.parse(process.argv[2]);
const loaded = loadCustomPolicies('policies', (d) => Object.keys(files).filter((p) => p.startsWith(d + '/')).map((p) => p.slice(d.length + 1)), (p) => files[p]);
const result = run([{ path: 'pod.yaml', text: 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: p\\nspec:\\n  containers:\\n  - name: a\\n    image: x\\n' }], loaded.policies);
process.stdout.write(JSON.stringify({ ids: loaded.policies.map((p) => p.id), problems: loaded.problems, findings: result.findings.map((f) => f.message) }));
`;

const POLICY = `import { definePolicy, containerLabel, type Container } from 'kube-immutable/policy';
import { shout } from './lib/shout.js';
const label = (c: Container): string => shout(containerLabel(c));
export default definePolicy({
  id: 'bundled',
  meta: { description: 'd', category: 'hardening', defaultSeverity: 'info', fixable: false, messages: { m: '{{c}} seen' }, remediation: 'r', docsUrl: 'u' },
  check(context) {
    for (const c of context.workload?.containers ?? []) context.report({ messageId: 'm', data: { c: label(c) }, node: c.node });
  },
});
`;

it('a bundle of the loader loads a TypeScript policy with a helper import and runs it, without node_modules', async () => {
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, ENTRY);
  const outfile = join(dir, 'out', 'bundle.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'silent',
    nodePaths: [resolve('node_modules')],
    banner: { js: "import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);" },
  });
  const files = {
    'policies/bundled.ts': POLICY,
    'policies/lib/shout.ts': 'export const shout = (s: string): string => s.toUpperCase();\n',
    'policies/fs.ts': "import { readFileSync } from 'node:fs';\nexport default readFileSync;\n",
  };
  const out = execFileSync(process.execPath, [outfile, JSON.stringify(files)], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(JSON.parse(out)).toEqual({
    ids: ['bundled'],
    problems: [
      { file: 'policies/fs.ts', message: expect.stringMatching(/^policies\/fs\.ts: cannot import "node:fs": Node built-in modules are not available/) },
    ],
    findings: ['CONTAINER "A" seen'],
  });
});
