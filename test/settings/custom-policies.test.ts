import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinPolicies } from '../../policies/index.js';
import { engineSettings } from '../../src/settings/config-settings.js';
import { loadConfig } from '../../src/settings/config.js';
import { loadCustomPolicies } from '../../src/settings/custom-policies.js';
import { run } from '../../src/engine/index.js';

/** An in-memory repository: `list` and `read` over `files`, recording every call. */
function memoryRepo(files: Record<string, string>) {
  const reads: string[] = [];
  const lists: string[] = [];
  return {
    reads,
    lists,
    list: (folder: string) => {
      lists.push(folder);
      const prefix = folder === '.' ? '' : `${folder}/`;
      const names = Object.keys(files)
        .filter((p) => p.startsWith(prefix))
        .map((p) => p.slice(prefix.length).split('/')[0]!);
      return names.length > 0 ? [...new Set(names)] : undefined;
    },
    read: (path: string) => {
      reads.push(path);
      return files[path];
    },
  };
}

const POLICY_TS = `import { definePolicy, containerLabel, type PolicyContext } from 'kube-immutable/policy';
import { isLatest } from './lib/images.js';

interface Options { allowLatest: boolean }

export default definePolicy<Options>({
  id: 'no-latest-tag',
  meta: {
    description: 'Images are not tagged latest.',
    category: 'immutability',
    defaultSeverity: 'error',
    fixable: false,
    messages: { latest: '{{container}} uses {{image}}: the same tag can mean different images.' },
    remediation: 'Pin a version or a digest.',
    docsUrl: 'https://example.com/no-latest-tag',
    defaultOptions: { allowLatest: false },
  },
  check(context: PolicyContext<Options>) {
    if (context.options.allowLatest) return;
    for (const c of context.workload?.containers ?? []) {
      const image: string | undefined = c.image;
      if (image !== undefined && isLatest(image)) {
        context.report({ messageId: 'latest', data: { container: containerLabel(c), image }, node: c.node.get('image')!, container: c });
      }
    }
  },
});
`;

const IMAGES_TS = `import { parseImageReference } from 'kube-immutable/policy';
export function isLatest(image: string): boolean {
  const ref = parseImageReference(image);
  return ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest');
}
`;

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: nginx:latest
  - name: b
    image: nginx:1.27
`;

function policy(id: string, body = ''): string {
  return `import { definePolicy } from 'kube-immutable/policy';
${body}
export default definePolicy({
  id: '${id}',
  meta: { description: 'd', category: 'hardening', defaultSeverity: 'warning', fixable: false, messages: { m: 'm' }, remediation: 'r', docsUrl: 'u' },
  check() {},
});
`;
}

describe('loadCustomPolicies', () => {
  it('loads a TypeScript policy with a relative helper import; the policy runs and reports findings', () => {
    const repo = memoryRepo({ 'policies/no-latest-tag.ts': POLICY_TS, 'policies/lib/images.ts': IMAGES_TS });
    const loaded = loadCustomPolicies('policies', repo.list, repo.read);
    expect(loaded.problems).toEqual([]);
    expect(loaded.policies.map((p) => p.id)).toEqual(['no-latest-tag']);
    const result = run([{ path: 'pod.yaml', text: MANIFEST }], loaded.policies);
    expect(result.findings.map((f) => [f.policyId, f.range.start.line, f.message])).toEqual([
      ['no-latest-tag', 8, 'container "a" uses nginx:latest: the same tag can mean different images.'],
    ]);
    // Options reach it like a built-in's.
    expect(run([{ path: 'pod.yaml', text: MANIFEST }], loaded.policies, { options: { 'no-latest-tag': { allowLatest: true } } }).findings).toEqual([]);
  });

  it('never touches the disk: every file comes through list and read', () => {
    const repo = memoryRepo({ 'policies/no-latest-tag.ts': POLICY_TS, 'policies/lib/images.ts': IMAGES_TS, 'policies/README.md': '# x' });
    const loaded = loadCustomPolicies('policies/', repo.list, repo.read);
    expect(loaded.problems).toEqual([]);
    expect(repo.lists).toEqual(['policies']);
    // `./lib/images.js` resolves to the .ts file first (TypeScript's NodeNext rule); each file is read once.
    expect(repo.reads).toEqual(['policies/no-latest-tag.ts', 'policies/lib/images.ts']);
    // A file that exists on disk but not in the reader's view does not exist for the loader.
    const empty = loadCustomPolicies(
      'examples/custom-policies',
      () => [],
      () => undefined,
    );
    expect(empty).toEqual({ policies: [], problems: [] });
  });

  it('loads a .js ES module policy, and a CommonJS one; a helper beside them is not a problem', () => {
    const repo = memoryRepo({
      'p/a.js': policy('esm-policy').replace("'kube-immutable/policy';", "'kube-immutable/policy';\nimport { suffix } from './helper.js';"),
      'p/helper.js': "export const suffix = '!';\n",
      'p/b.js':
        "const { definePolicy } = require('kube-immutable/policy');\nmodule.exports = definePolicy({ id: 'cjs-policy', meta: { description: 'd', category: 'validity', defaultSeverity: 'info', fixable: false, messages: { m: 'm' }, remediation: 'r', docsUrl: 'u' }, check() {} });\n",
    });
    const loaded = loadCustomPolicies('p', repo.list, repo.read);
    expect(loaded.problems).toEqual([]);
    expect(loaded.policies.map((p) => p.id)).toEqual(['esm-policy', 'cjs-policy']);
    expect(repo.reads).toContain('p/helper.js');
  });

  it('skips tests, declarations, other files and subfolders; files load in name order', () => {
    const repo = memoryRepo({
      'p/b.ts': policy('bee'),
      'p/a.ts': policy('ay'),
      'p/a.test.ts': 'throw new Error("tests are not policies")',
      'p/a.spec.js': 'throw new Error("specs are not policies")',
      'p/types.d.ts': 'export type X = 1;',
      'p/notes.md': '# notes',
      'p/lib/helper.ts': 'throw new Error("only imported")',
    });
    const loaded = loadCustomPolicies('p', repo.list, repo.read);
    expect(loaded).toEqual({ policies: [expect.objectContaining({ id: 'ay' }), expect.objectContaining({ id: 'bee' })], problems: [] });
    expect(repo.reads).toEqual(['p/a.ts', 'p/b.ts']);
  });

  it('a syntax error is a problem naming the file and line; the other policies still load', () => {
    const repo = memoryRepo({
      'p/bad.ts': "import { definePolicy } from 'kube-immutable/policy';\nconst = 3;\n",
      // sucrase lets this one through; the JavaScript compiler catches it.
      'p/bad2.ts': "import { definePolicy } from 'kube-immutable/policy';\n\nexport default definePolicy({ id: 'x',, });\n",
      'p/good.ts': policy('good'),
    });
    const loaded = loadCustomPolicies('p', repo.list, repo.read);
    expect(loaded.policies.map((p) => p.id)).toEqual(['good']);
    expect(loaded.problems).toEqual([
      { file: 'p/bad.ts', message: 'syntax error in p/bad.ts:2:7: Unexpected token' },
      { file: 'p/bad2.ts', message: "syntax error in p/bad2.ts:3: Unexpected token ','" },
    ]);
  });

  it('a module that throws while loading is a problem with the line it threw at', () => {
    const repo = memoryRepo({ 'p/throws.ts': policy('throws', "const x: number = 1;\nif (x) throw new RangeError('no config');") });
    const loaded = loadCustomPolicies('p', repo.list, repo.read);
    expect(loaded.policies).toEqual([]);
    expect(loaded.problems).toEqual([{ file: 'p/throws.ts', message: 'threw while loading: RangeError: no config (at p/throws.ts:3)' }]);
  });

  it('a throw in a helper names the helper; a failed helper is loaded again by the next policy', () => {
    const repo = memoryRepo({
      'p/a.ts': policy('a', "import { x } from './lib/bad.js';\nconsole.log(x);"),
      'p/b.ts': policy('b', "import { x } from './lib/bad.js';\nconsole.log(x);"),
      'p/lib/bad.ts': "export const x = 1;\nthrow new Error('helper broke');\n",
    });
    const loaded = loadCustomPolicies('p', repo.list, repo.read);
    expect(loaded.problems).toEqual([
      { file: 'p/a.ts', message: 'threw while loading: helper broke (at p/lib/bad.ts:2)' },
      { file: 'p/b.ts', message: 'threw while loading: helper broke (at p/lib/bad.ts:2)' },
    ]);
  });

  it('refuses Node built-ins, packages, kube-immutable/testing, and files outside the folder', () => {
    const repo = memoryRepo({
      'p/fs.ts': policy('fs', "import { readFileSync } from 'fs';\nexport const read = readFileSync;"),
      'p/node-fs.ts': policy('node-fs', "import * as fs from 'node:fs';\nexport const f = fs;"),
      'p/cp.js': "const cp = require('child_process');\n",
      'p/pkg.ts': policy('pkg', "import _ from 'lodash';\nexport const l = _;"),
      'p/testing.ts': policy('testing', "import { PolicyTester } from 'kube-immutable/testing';\nexport const t = PolicyTester;"),
      'p/outside.ts': policy('outside', "import { secret } from '../other/secret.js';\nexport const s = secret;"),
      'p/missing.ts': policy('missing', "import { y } from './nope.js';\nexport const why = y;"),
      // Imports used only as types are removed, as TypeScript does: this one loads.
      'p/types-only.ts': policy('types-only', "import type { Stats } from 'node:fs';\nexport type S = Stats;"),
      'other/secret.ts': 'export const secret = 1;',
    });
    const loaded = loadCustomPolicies('p', repo.list, repo.read);
    expect(loaded.policies.map((p) => p.id)).toEqual(['types-only']);
    const byFile = Object.fromEntries(loaded.problems.map((p) => [p.file, p.message]));
    expect(byFile['p/fs.ts']).toMatch(
      /^p\/fs\.ts: cannot import "fs": Node built-in modules are not available to custom policies \(a policy is a pure function of the manifest/,
    );
    expect(byFile['p/node-fs.ts']).toMatch(/^p\/node-fs\.ts: cannot import "node:fs": Node built-in modules/);
    expect(byFile['p/cp.js']).toMatch(/^p\/cp\.js: cannot import "child_process": Node built-in/);
    expect(byFile['p/pkg.ts']).toBe(
      'p/pkg.ts: cannot import "lodash": custom policies run without node_modules: only "kube-immutable/policy" and relative files of the policy folder (p) can be imported',
    );
    expect(byFile['p/testing.ts']).toMatch(/cannot import "kube-immutable\/testing": policies import the API from "kube-immutable\/policy"/);
    expect(byFile['p/outside.ts']).toBe('p/outside.ts: cannot import "../other/secret.js": it is outside the custom policy folder p');
    expect(byFile['p/missing.ts']).toBe('p/missing.ts: cannot import "./nope.js": no such file (looked for p/nope.ts, p/nope.js)');
    expect(repo.reads).not.toContain('other/secret.ts');
  });

  it('ids colliding with a built-in or an earlier custom policy are problems', () => {
    const builtin = builtinPolicies[0]!.id;
    const repo = memoryRepo({ 'p/a.ts': policy('mine'), 'p/b.ts': policy('mine'), 'p/c.ts': policy(builtin) });
    const loaded = loadCustomPolicies('p', repo.list, repo.read);
    expect(loaded.policies.map((p) => p.id)).toEqual(['mine']);
    expect(loaded.problems).toEqual([
      { file: 'p/b.ts', message: 'policy id "mine" is already used by the custom policy in p/a.ts: ids must be unique' },
      { file: 'p/c.ts', message: `policy id "${builtin}" is already used by a built-in policy: choose another id` },
    ]);
  });

  it('a module without a default-exported valid policy is a problem', () => {
    const repo = memoryRepo({
      'p/none.ts': 'export const x = 1;\n',
      'p/plain.ts': "export default { id: 'Not Kebab', check() {}, meta: {} };\n",
      'p/invalid.ts': policy('Bad_Id'),
    });
    const loaded = loadCustomPolicies('p', repo.list, repo.read);
    expect(loaded.policies).toEqual([]);
    expect(loaded.problems).toEqual([
      {
        file: 'p/invalid.ts',
        message: expect.stringMatching(/^threw while loading: TypeError: definePolicy: id must be kebab-case, got "Bad_Id" \(at p\/invalid\.ts:\d+\)$/),
      },
      { file: 'p/none.ts', message: expect.stringMatching(/^the module does not export a policy: write `export default definePolicy/) },
      { file: 'p/plain.ts', message: 'the default export is not a valid policy: definePolicy: id must be kebab-case, got "Not Kebab"' },
    ]);
  });

  it('resolves .js to .ts, extensionless specifiers, index files and JSON; caches modules and survives cycles', () => {
    const repo = memoryRepo({
      'p/a.ts': policy(
        'a',
        [
          "import { one } from './lib/one';",
          "import { two } from './lib/two.ts';",
          "import { three } from './lib';",
          "import data from './lib/data.json';",
          "import { ping } from './lib/ping.js';",
          'if (one + two + three !== 6 || data.n !== 4 || ping(3) !== "pong") throw new Error("bad wiring");',
        ].join('\n'),
      ),
      'p/b.ts': policy('b', "import { one } from './lib/one.js';"),
      'p/lib/one.ts': 'export const one = 1;',
      'p/lib/two.ts': 'export const two = 2;',
      'p/lib/index.ts': 'export const three = 3;',
      'p/lib/data.json': '{"n": 4}',
      // A cycle: ping and pong import each other; bindings are read when called, as in Node.
      'p/lib/ping.ts': "import { pong } from './pong.js';\nexport function ping(n: number): string { return n === 0 ? 'pong' : pong(n - 1); }",
      'p/lib/pong.ts': "import { ping } from './ping.js';\nexport function pong(n: number): string { return ping(n); }",
    });
    const loaded = loadCustomPolicies('p', repo.list, repo.read);
    expect(loaded.problems).toEqual([]);
    expect(loaded.policies.map((p) => p.id)).toEqual(['a', 'b']);
    expect(repo.reads.filter((r) => r === 'p/lib/one.ts')).toHaveLength(1);
  });

  it('a missing folder, or a reader that throws, is a problem, never an exception', () => {
    expect(
      loadCustomPolicies(
        'nowhere',
        () => undefined,
        () => undefined,
      ),
    ).toEqual({ policies: [], problems: [{ file: 'nowhere', message: 'the custom policy folder does not exist' }] });
    const boom = () => {
      throw new Error('EACCES');
    };
    expect(loadCustomPolicies('p', boom, boom).problems).toEqual([{ file: 'p', message: 'cannot list the custom policy folder: EACCES' }]);
    expect(loadCustomPolicies('p', () => ['a.ts'], boom).problems).toEqual([{ file: 'p/a.ts', message: 'cannot read p/a.ts: EACCES' }]);
  });
});

describe('examples/custom-policies through loadCustomPolicies', () => {
  const folder = 'examples/custom-policies';
  const read = (p: string) => {
    try {
      return statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  const list = (d: string) => {
    try {
      return readdirSync(d);
    } catch {
      return undefined;
    }
  };

  it('loads both example policies (types, helper imports, options) and they report and fix', () => {
    const loaded = loadCustomPolicies(folder, list, read);
    expect(loaded.problems).toEqual([]);
    expect(loaded.policies.map((p) => p.id)).toEqual(['emptydir-size-limit', 'owner-label']);
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {owner: team-web}
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
      volumes:
      - name: cache
        emptyDir: {}
`;
    const result = run([{ path: 'web.yaml', text }], loaded.policies, { options: { 'emptydir-size-limit': { defaultSizeLimit: '1Gi' } } });
    expect(result.findings.map((f) => `${f.range.start.line}:${f.policyId}:${f.messageId}`)).toEqual([
      '9:owner-label:missingTemplate',
      '16:emptydir-size-limit:missing',
    ]);
    expect(result.files[0]!.fixedText).toBe(text.replace('emptyDir: {}', 'emptyDir: {sizeLimit: 1Gi}'));
  });

  it('their options schemas work with the configuration layer', () => {
    const loaded = loadCustomPolicies(folder, list, read);
    const configText = [
      'customPolicies: examples/custom-policies',
      'policies:',
      '  emptydir-size-limit:',
      '    options: {defaultSizeLimit: 64Mi}',
      '  owner-label:',
      '    options: {labelKey: ""}',
    ].join('\n');
    const { config, origins } = loadConfig('c.yaml', (p) => (p === 'c.yaml' ? configText : undefined));
    const settings = engineSettings(config!, [...builtinPolicies, ...loaded.policies], origins);
    expect(settings.options['emptydir-size-limit']).toEqual({ defaultSizeLimit: '64Mi' });
    expect(settings.problems.map((p) => `${p.line}:${p.key}`)).toEqual(['6:policies.owner-label.options.labelKey']);
  });
});
