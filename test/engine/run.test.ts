import { BUILTIN_POLICY_IDS, definePolicy, fileSkipReason, formatMessage, run, type PolicyContext } from '../../src/engine/index.js';
import { builtinPolicies } from '../../policies/index.js';
import { seedPolicies } from '../seed-policies.js';
import noPrivilegeEscalation from '../../policies/no-privilege-escalation.js';
import noPrivilegedContainer from '../../policies/no-privileged-container.js';
import validManifest from '../../policies/valid-manifest.js';
import readOnlyRootFilesystem from '../../policies/read-only-root-filesystem.js';
import noHostNamespaces from '../../policies/no-host-namespaces.js';
import { applyEdits } from '../../src/yaml/index.js';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # the front end
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        securityContext:
          privileged: true
`;

/** Every fix applied, guesses and behaviour changes too: the tests of fix mechanics below use such fixes. */
const APPLY_ALL = { applyFixes: { guesses: true, behaviour: 'all' as const } };

describe('run', () => {
  it('merges all fixes of one container into one verified edit set', () => {
    const r = run([{ path: 'd.yaml', text: deployment }], seedPolicies, APPLY_ALL);
    const ids = r.findings.map((f) => f.policyId).sort();
    expect(ids).toEqual(['no-privilege-escalation', 'no-privileged-container', 'read-only-root-filesystem']);
    expect(r.fixes).toHaveLength(1);
    const [group] = r.fixes;
    expect(group!.verified).toBe(true);
    expect(group!.container).toBe('nginx');
    expect(group!.object).toBe('Deployment/web');
    expect(new Set(group!.findings)).toEqual(new Set(r.findings.map((f) => f.fingerprint)));
    expect(r.findings.every((f) => f.fixId === group!.id)).toBe(true);
    expect(r.files[0]!.fixedText).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # the front end
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        securityContext:
          privileged: false
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
        volumeMounts:
        - name: var-cache-nginx
          mountPath: /var/cache/nginx
        - name: var-run
          mountPath: /var/run
      volumes:
      - name: var-cache-nginx
        emptyDir: {}
      - name: var-run
        emptyDir: {}
`);
    // Re-running on the fixed text: nothing left.
    expect(run([{ path: 'd.yaml', text: r.files[0]!.fixedText! }], seedPolicies).findings).toEqual([]);
  });

  it('gives findings exact 1-based positions of the offending key', () => {
    const r = run([{ path: 'd.yaml', text: deployment }], seedPolicies);
    const priv = r.findings.find((f) => f.policyId === 'no-privileged-container')!;
    expect(priv.range.start).toEqual({
      line: 16,
      column: 11,
      offset: deployment.indexOf('privileged'),
    });
    expect(priv.range.end.column).toBe(21);
    expect(priv.object).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'web',
      namespace: undefined,
      docIndex: 0,
    });
    expect(priv.container).toEqual({
      name: 'nginx',
      type: 'containers',
      index: 0,
    });
  });

  it('keeps fingerprints stable when unrelated lines move', () => {
    const a = run([{ path: 'd.yaml', text: deployment }], seedPolicies).findings.map((f) => f.fingerprint);
    const moved = deployment.replace('metadata:\n  name: web', '# a new comment\n\nmetadata:\n  name: web');
    const b = run([{ path: 'd.yaml', text: moved }], seedPolicies).findings.map((f) => f.fingerprint);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it('fixes containers of several documents and several containers together', () => {
    const text = `${deployment}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      readOnlyRootFilesystem: true\n      privileged: true\n`;
    const r = run([{ path: 'm.yaml', text }], seedPolicies, APPLY_ALL);
    expect(r.fixes.map((f) => [f.object, f.container, f.verified])).toEqual([
      ['Deployment/web', 'nginx', true],
      ['Pod/p', 'app', true],
    ]);
    expect(r.files[0]!.fixedText).toContain('      readOnlyRootFilesystem: true\n      privileged: false\n      allowPrivilegeEscalation: false\n');
  });

  it('turns a policy that throws into a policy-error finding and runs the others', () => {
    const broken = definePolicy({
      id: 'broken',
      meta: {
        description: 'd',
        category: 'immutability',
        defaultSeverity: 'error',
        fixable: false,
        messages: { m: 'm' },
        remediation: '',
        docsUrl: '',
      },
      check() {
        throw new Error('boom');
      },
    });
    const r = run([{ path: 'd.yaml', text: deployment }], [broken, ...seedPolicies]);
    const err = r.findings.find((f) => f.policyId === 'policy-error');
    expect(err?.message).toBe('policy broken failed on file d.yaml (Deployment web): boom');
    expect(r.findings.filter((f) => f.policyId !== 'policy-error')).toHaveLength(3);
  });

  it('honours severity overrides and disabled policies', () => {
    const r = run([{ path: 'd.yaml', text: deployment }], seedPolicies, {
      severity: {
        'no-privileged-container': 'off',
        'read-only-root-filesystem': 'warning',
      },
    });
    expect(r.findings.map((f) => `${f.policyId}:${f.severity}`).sort()).toEqual(['no-privilege-escalation:error', 'read-only-root-filesystem:warning']);
  });

  it('drops a fix that fails verification and says why, never emitting it', () => {
    // The container is an alias of another: editing it in place would change both.
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: a}
  spec:
    containers:
    - &c
      name: app
      image: nginx
- apiVersion: v1
  kind: Pod
  metadata: {name: b}
  spec:
    containers:
    - *c
`;
    const r = run([{ path: 'l.yaml', text }], seedPolicies);
    const dropped = r.findings.filter((f) => f.fixProblem);
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((f) => f.fixId === undefined)).toBe(true);
    expect(r.fixes.filter((g) => !g.verified).every((g) => g.edits.length === 0 && g.problem)).toBe(true);
  });

  it('skips binary files, huge files and Helm templates with reasons, and reports broken YAML', () => {
    const r = run(
      [
        { path: 'bin.yaml', text: 'a\u0000b' },
        { path: 'big.yaml', text: 'a: ' + 'x'.repeat(2000) },
        {
          path: 'chart/templates/d.yaml',
          text: 'apiVersion: v1\nkind: Pod\n{{- if .Values.x }}\nmetadata: {}\n{{- end }}\n',
        },
        {
          path: 'broken.yaml',
          text: 'apiVersion: v1\nkind: Pod\nmetadata: [\n',
        },
        {
          path: 'latin1.yaml',
          text: '',
          unreadable: 'it is not valid UTF-8 text',
        },
      ],
      seedPolicies,
      { maxFileSizeBytes: 1000 },
    );
    expect(r.files.map((f) => f.skipped?.split(' ')[0])).toEqual(['binary', 'file', 'Helm/Go', undefined, 'it']);
    // Nothing is skipped silently: each skipped file is an error of file-not-scanned (line 1, or
    // the template's parse error), whether or not the check is among the policies run.
    expect(r.findings.map((f) => `${f.file}:${f.range.start.line}:${f.policyId}:${f.messageId}:${f.severity}`)).toEqual([
      'bin.yaml:1:file-not-scanned:binary:error',
      'big.yaml:1:file-not-scanned:tooLarge:error',
      'chart/templates/d.yaml:3:file-not-scanned:template:error',
      'broken.yaml:4:valid-manifest:parseError:error',
      'latin1.yaml:1:file-not-scanned:unreadable:error',
    ]);
    expect(r.findings[1]!.message).toContain('it is 2003 bytes, more than the limit of 1000 bytes');
    expect(fileSkipReason('a: "{{ not a template line }}"', 100)).toBeUndefined();
    // Configurable like any policy: a warning, or off (then only the file's `skipped` says it).
    const warn = run([{ path: 'bin.yaml', text: 'a\u0000b' }], seedPolicies, {
      severity: { 'file-not-scanned': 'warning' },
    });
    expect(warn.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(
      run([{ path: 'bin.yaml', text: 'a\u0000b' }], seedPolicies, {
        severity: { 'file-not-scanned': 'off' },
      }).findings,
    ).toEqual([]);
  });

  it('reads valid YAML whatever its block scalars hold: a `{{ if` line in a ConfigMap skips nothing', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\nimmutable: true\ndata:\n  t: |\n    {{ if .x }}\n    y\n    {{ end }}\n' +
      '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n    securityContext:\n      privileged: true\n';
    const r = run([{ path: 'cm.yaml', text }], seedPolicies);
    expect(r.files[0]!.skipped).toBeUndefined();
    expect(r.files[0]!.manifests).toBe(2);
    expect(r.findings.some((f) => f.policyId === 'no-privileged-container' && f.range.start.line === 21)).toBe(true);
    expect(r.findings.some((f) => f.policyId === 'file-not-scanned')).toBe(false);
  });
});

describe('files that do not parse and name no apiVersion or kind (issue #17)', () => {
  const JSON_LINES = '{"name": "a", "n": 1}\n{"name": "b", "n": 2}\n';
  const NO_MANIFEST =
    'no Kubernetes manifest: the file is not valid YAML (line 2: Unexpected flow-map-start at node end) and nowhere names an apiVersion or kind (e.g. a data file with one JSON object a line)';

  it('a JSON Lines data file is one skipped document with the reason: no finding, no parse problem, not a skipped file', () => {
    const r = run([{ path: 'data/import.json', text: JSON_LINES }], builtinPolicies);
    expect(r.findings).toEqual([]);
    expect(r.files).toEqual([
      expect.objectContaining({
        path: 'data/import.json',
        skipped: undefined,
        problems: [],
        manifests: 0,
        skippedDocuments: [{ docIndex: 0, line: 1, reason: NO_MANIFEST }],
      }),
    ]);
  });

  it('a broken file that names a kind or apiVersion anywhere stays an error, in any case and quoting', () => {
    const broken = ['kind: Pod\nmetadata: [\n', '{"apiVersion": "v1", "n": 1}\n{"n": 2}\n', '{"KIND": "Pod"}\n{"n": 2}\n', "'apiversion': v1\nspec: [\n"];
    for (const text of broken) {
      const r = run([{ path: 'x.json', text }], builtinPolicies);
      expect(r.findings.map((f) => `${f.policyId}:${f.severity}`)).toContain('valid-manifest:error');
      expect(r.files[0]!.skippedDocuments.map((d) => d.reason)).not.toContain(expect.stringMatching(/^no Kubernetes manifest/));
    }
  });

  it('a broken file that could spell the keys another way (an escape, a !!binary or other tag) stays an error', () => {
    const disguised = [
      '{"\\u006bind": "Pod"}\n{"n": 2}\n', // \u006b is k
      '{"\\x6bind": "Pod"}\n{"n": 2}\n',
      '"ki\\\n  nd": Pod\nspec: [\n', // an escaped line break joins ki and nd
      // The same with the other YAML 1.1 line breaks go-yaml v2 reads (kubectl applies `kind: Pod`): CR alone, NEL, LS, PS.
      ...['\r', '\u0085', '\u2028', '\u2029'].map(
        (b) => `? "api\\${b}Version"\n: v1\n? "ki\\${b}nd"\n: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n`,
      ),
      '? !!binary a2luZA==\n: Pod\nspec: [\n', // base64 of kind: go-yaml reads a !!binary key as a string
      '%TAG !b! tag:yaml.org,2002:bin\n---\n? !b!ary a2luZA==\n: Pod\nspec: [\n',
    ];
    for (const text of disguised) {
      const r = run([{ path: 'x.yaml', text }], builtinPolicies);
      expect(r.findings.map((f) => `${f.policyId}:${f.severity}`)).toContain('valid-manifest:error');
    }
  });

  it('a broken YAML file without objects is skipped the same way; a valid one is read as before', () => {
    const r = run(
      [
        { path: 'notes.yaml', text: 'a: [1, 2\n' },
        { path: 'ok.json', text: '{"name": "a"}\n' },
      ],
      builtinPolicies,
    );
    expect(r.findings).toEqual([]);
    expect(r.files.map((f) => f.skippedDocuments.map((d) => d.reason.split(':')[0]))).toEqual([['no Kubernetes manifest'], ['not a Kubernetes object']]);
  });
});

describe('skip reasons that depend on the other files of the run', () => {
  it('a values.yaml beside a Chart.yaml of the run is the chart’s values, also in parts of one file', () => {
    const files = [
      { path: 'chart/Chart.yaml', text: 'apiVersion: v2\nname: c\nversion: 0.1.0\n' },
      { path: 'chart/values.yaml', text: 'replicaCount: 1\nresources:\n  limits:\n    cpu: 100m\n' },
      { path: 'other/values.yaml', text: 'resources: {}\n' },
    ];
    const reasons = (r: ReturnType<typeof run>) => r.files.map((f) => f.skippedDocuments[0]?.reason);
    const expected = [
      'not a Kubernetes object: a Helm Chart.yaml',
      'not a Kubernetes object: Helm values of the chart in chart',
      'not a Kubernetes object: no apiVersion and kind (e.g. Helm values or another YAML file)',
    ];
    expect(reasons(run(files, builtinPolicies))).toEqual(expected);
    // One file a run (as the CLI runs them) needs the chart folders given.
    expect(reasons(run([files[1]!], builtinPolicies, { chartFolders: ['chart'] }))).toEqual([expected[1]]);
  });
});

describe('definePolicy', () => {
  const meta = {
    description: 'd',
    category: 'immutability' as const,
    defaultSeverity: 'error' as const,
    fixable: false,
    messages: { m: 'x' },
    remediation: '',
    docsUrl: '',
  };
  it.each([
    [{ id: 'Bad_Id', meta, check() {} }, /kebab-case/],
    [{ id: 'ok', meta, check: 3 }, /check must be a function/],
    [{ id: 'ok', meta: { ...meta, defaultSeverity: 'fatal' }, check() {} }, /unknown defaultSeverity/],
    [{ id: 'ok', meta: { ...meta, messages: {} }, check() {} }, /messages must not be empty/],
  ])('rejects misuse with a precise TypeError (%#)', (p, re) => {
    expect(() => definePolicy(p as never)).toThrow(TypeError);
    expect(() => definePolicy(p as never)).toThrow(re);
  });

  it('reporting an unknown messageId is a policy error', () => {
    // A plain string: the type check is bypassed as a JavaScript policy would.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-arguments -- message ids as plain strings, as a JavaScript policy has them
    const p = definePolicy<Record<string, unknown>, string>({
      id: 'typo',
      meta,
      check: (ctx) => ctx.report({ messageId: 'nope' }),
    });
    const r = run(
      [
        {
          path: 'a.yaml',
          text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n',
        },
      ],
      [p],
    );
    expect(r.findings[0]!.message).toMatch(/unknown messageId "nope"/);
  });

  const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x\n';
  it.each([
    [
      'a suggestion with an unknown messageId',
      { ...meta, messages: { m: 'x', s: 'y' } },
      (ctx: PolicyContext) =>
        ctx.report({
          messageId: 'm',
          suggest: [{ messageId: 'nope', fix: () => [] }],
        }),
      /policy misuse suggested with unknown messageId "nope"/,
    ],
    [
      'a fix from a policy whose meta.fixable is false',
      meta,
      (ctx: PolicyContext) => ctx.report({ messageId: 'm', fix: () => [] }),
      /policy misuse reported a fix but its meta\.fixable is false/,
    ],
  ])('%s is a TypeError naming the policy, reported as a policy-error finding', (_, m, check, re) => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-arguments -- message ids as plain strings, as a JavaScript policy has them
    const p = definePolicy<Record<string, unknown>, string>({
      id: 'misuse',
      meta: m,
      check,
    });
    const thrown: unknown[] = [];
    const ctxRun = run(
      [{ path: 'a.yaml', text: POD }],
      [
        {
          ...p,
          check: (ctx) => {
            try {
              p.check(ctx);
            } catch (err) {
              thrown.push(err);
              throw err;
            }
          },
        },
      ],
    );
    expect(thrown).toHaveLength(1);
    expect(thrown[0]).toBeInstanceOf(TypeError);
    expect(ctxRun.findings.map((f) => [f.policyId, f.messageId])).toEqual([['policy-error', 'policyFailed']]);
    expect(ctxRun.findings[0]!.message).toMatch(/^policy misuse failed on file a\.yaml \(Pod p\): /);
    expect(ctxRun.findings[0]!.message).toMatch(re);
    // The same in a fix verification's analysis (no fix or suggestion built there).
    const again = run([{ path: 'a.yaml', text: POD }], [p], {
      verification: true,
    });
    expect(again.findings.map((f) => f.policyId)).toEqual(['policy-error']);
  });

  it('derives docsUrl for the built-in policy ids only, and keeps one given', () => {
    const base = {
      description: 'd',
      category: 'immutability' as const,
      defaultSeverity: 'error' as const,
      fixable: false,
      messages: { m: 'x' },
      remediation: '',
    };
    expect(definePolicy({ id: 'image-digest', meta: { ...base }, check() {} }).meta.docsUrl).toBe(
      'https://github.com/kube-immutable/kube-immutable/blob/main/policies/image-digest.md',
    );
    expect(definePolicy({ id: 'my-own', meta: { ...base }, check() {} }).meta.docsUrl).toBeUndefined();
    expect(
      definePolicy({
        id: 'my-own',
        meta: { ...base, docsUrl: 'https://example.test/p' },
        check() {},
      }).meta.docsUrl,
    ).toBe('https://example.test/p');
  });

  it('BUILTIN_POLICY_IDS are the ids of policies/index.ts', () => {
    expect([...BUILTIN_POLICY_IDS].sort()).toEqual(builtinPolicies.map((p) => p.id).sort());
  });

  it('fills placeholders', () => {
    expect(formatMessage('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'x' })).toBe('1 and x and {{c}}');
  });
});

describe('suggestions', () => {
  it('renders alternative remedies as edits that are shown, never applied by fix', () => {
    const p = definePolicy({
      id: 'non-root',
      meta: {
        description: 'd',
        category: 'hardening',
        defaultSeverity: 'warning',
        fixable: false,
        messages: {
          root: 'runs as root',
          nonRoot: 'set runAsNonRoot: true',
          uid: 'run as UID {{uid}}',
        },
        remediation: '',
        docsUrl: '',
      },
      check(ctx) {
        for (const c of ctx.workload?.containers ?? []) {
          ctx.report({
            messageId: 'root',
            node: c.node,
            container: c,
            suggest: [
              {
                messageId: 'nonRoot',
                fix: (f) => [f.set(c.node, ['securityContext', 'runAsNonRoot'], true)],
              },
              {
                messageId: 'uid',
                data: { uid: 10001 },
                fix: (f) => [f.set(c.node, ['securityContext', 'runAsUser'], 10001)],
              },
            ],
          });
        }
      },
    });
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n';
    const r = run([{ path: 'p.yaml', text }], [p]);
    expect(r.fixes).toEqual([]);
    expect(r.files[0]!.fixedText).toBeUndefined();
    expect(r.findings[0]!.suggestions).toEqual([
      {
        message: 'set runAsNonRoot: true',
        edits: [
          {
            range: [text.length, text.length],
            text: '    securityContext:\n      runAsNonRoot: true\n',
          },
        ],
      },
      {
        message: 'run as UID 10001',
        edits: [
          {
            range: [text.length, text.length],
            text: '    securityContext:\n      runAsUser: 10001\n',
          },
        ],
      },
    ]);
  });
});

describe('fixes in files of many documents', () => {
  it('verifies each group on its own document and still produces the exact whole-file result', () => {
    const docs = Array.from({ length: 4 }, (_, i) => deployment.replace('name: web # the front end', `name: web-${i}`));
    const text = ['# leading comment', ...docs].join('\n---\n');
    const r = run([{ path: 'many.yaml', text }], seedPolicies, APPLY_ALL);
    expect(r.fixes).toHaveLength(4);
    expect(r.fixes.every((g) => g.verified)).toBe(true);
    expect(r.fixes.map((g) => g.docIndex)).toEqual([0, 1, 2, 3]);
    // Every document fixed the same way, the separators and the comment untouched.
    const [comment, ...fixedDocs] = r.files[0]!.fixedText!.split('\n---\n');
    expect(comment).toBe('# leading comment');
    expect(fixedDocs).toHaveLength(4);
    expect(new Set(fixedDocs.map((d) => d.replace(/web-\d/, 'web-N').replace(/\n$/, ''))).size).toBe(1);
    expect(run([{ path: 'many.yaml', text: r.files[0]!.fixedText! }], seedPolicies, APPLY_ALL).findings).toEqual([]);
    // The same fingerprints as a whole-file analysis would give.
    const single = run([{ path: 'many.yaml', text: docs[2]! }], seedPolicies);
    expect(single.findings.map((f) => f.messageId)).toEqual(r.findings.filter((f) => f.object?.docIndex === 2).map((f) => f.messageId));
  });
});

describe('fixes the API server would reject (src/k8s/api-validation.ts)', () => {
  const pod = (securityContext: string, mountPropagation: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
    securityContext:
${securityContext}
    volumeMounts:
    - name: host
      mountPath: /host
${mountPropagation}
  volumes:
  - name: host
    hostPath: {path: /mnt}
`;
  const bidirectional = '      mountPropagation: Bidirectional';
  const reason =
    'the fix makes the object invalid for the API server: spec.containers[0].volumeMounts[0].mountPropagation: Bidirectional mount propagation is available only to privileged containers (securityContext.privileged: true) (pkg/apis/core/validation/validation.go validateMountPropagation: "Bidirectional mount propagation is available only to privileged containers")';

  it("offers no privileged: false next to a Bidirectional mount (the privilege is the container's purpose): no fix, no suggestion, with or without valid-manifest", () => {
    const text = pod('      privileged: true', bidirectional);
    for (const policies of [[noPrivilegedContainer], [noPrivilegedContainer, validManifest]]) {
      for (const opts of [{}, APPLY_ALL]) {
        const r = run([{ path: 'p.yaml', text }], policies, opts);
        const f = r.findings.filter((x) => x.policyId === 'no-privileged-container');
        expect(f.map((x) => [x.messageId, x.fixId, x.fixProblem, x.suggestions])).toEqual([['privilegedPurpose', undefined, undefined, []]]);
        expect(r.fixes).toEqual([]);
        expect(r.files[0]!.fixedText).toBeUndefined();
      }
    }
  });

  it('withholds the whole fix set of that container (every policy whose fix is merged into it)', () => {
    const r = run([{ path: 'p.yaml', text: pod('      privileged: true', bidirectional) }], seedPolicies, APPLY_ALL);
    const fixable = r.findings.filter((x) => x.policyId !== 'valid-manifest' && x.policyId !== 'no-privileged-container');
    expect(fixable.map((x) => x.policyId).sort()).toEqual(['no-privilege-escalation', 'read-only-root-filesystem']);
    expect(fixable.every((x) => x.fixId === undefined && x.fixProblem === reason)).toBe(true);
  });

  it('offers the same fix without the Bidirectional mount', () => {
    const r = run([{ path: 'p.yaml', text: pod('      privileged: true', '      mountPropagation: HostToContainer') }], [noPrivilegedContainer], APPLY_ALL);
    expect(r.fixes.map((g) => g.verified)).toEqual([true]);
    expect(r.files[0]!.fixedText).toContain('privileged: false');
  });

  it('no-privilege-escalation next to privileged: true: its fix clears privileged too, so the object stays valid', () => {
    const r = run([{ path: 'p.yaml', text: pod('      privileged: true', '      readOnly: true') }], [noPrivilegeEscalation], APPLY_ALL);
    expect(r.findings.map((x) => [x.messageId, x.fixProblem])).toEqual([['missing', undefined]]);
    expect(r.fixes.map((g) => g.verified)).toEqual([true]);
    expect(r.files[0]!.fixedText).toContain('      privileged: false\n      allowPrivilegeEscalation: false\n');
  });

  it('no-privilege-escalation next to privileged: true and a Bidirectional mount: withheld', () => {
    const r = run([{ path: 'p.yaml', text: pod('      privileged: true', bidirectional) }], [noPrivilegeEscalation]);
    expect(r.findings.map((x) => x.fixProblem)).toEqual([reason]);
    expect(r.files[0]!.fixedText).toBeUndefined();
  });

  it('checks the one edited document of a file of several', () => {
    const ok = pod('      privileged: true', '      readOnly: true');
    const bad = pod('      privileged: true', bidirectional).replace('name: p', 'name: q');
    const r = run([{ path: 'p.yaml', text: `${ok}---\n${bad}` }], [noPrivilegeEscalation], APPLY_ALL);
    expect(r.fixes.map((g) => [g.docIndex, g.verified, g.problem])).toEqual([
      [0, true, undefined],
      [1, false, reason],
    ]);
    expect(r.files[0]!.fixedText).toBe(`${ok.replace('privileged: true', 'privileged: false\n      allowPrivilegeEscalation: false')}---\n${bad}`);
  });
});

describe('applyFixes: which fixes that are not safe are applied', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  containers:
  - name: app
    image: example.com/app:1
    securityContext:
      privileged: true
`;
  const policies = [readOnlyRootFilesystem, noPrivilegedContainer, noHostNamespaces];
  const kinds = (r: ReturnType<typeof run>) =>
    [...r.findings]
      .sort((a, b) => a.policyId.localeCompare(b.policyId))
      .map((f) => [f.policyId, f.fixId !== undefined, f.suggestions.map((s) => s.kind ?? 'plain')]);

  it('by default applies none: each becomes a suggestion of its kind, with why it is not applied', () => {
    const r = run([{ path: 'p.yaml', text: pod }], policies);
    expect(r.fixes).toEqual([]);
    expect(r.files[0]!.fixedText).toBeUndefined();
    expect(kinds(r)).toEqual([
      ['no-host-namespaces', false, ['behaviour']],
      ['no-privileged-container', false, ['behaviour']],
      ['read-only-root-filesystem', false, ['guess']],
    ]);
    const guess = r.findings.find((f) => f.policyId === 'read-only-root-filesystem')!.suggestions[0]!;
    expect(guess.reason).toBe('a guess; applied only when guesses are included');
    expect(applyEdits(pod, guess.edits)).toContain('    - name: tmp\n      mountPath: /tmp\n');
    expect(r.findings.find((f) => f.policyId === 'no-host-namespaces')!.suggestions[0]!.reason).toBe(
      'a behaviour change; applied only when behaviour changes of no-host-namespaces are applied',
    );
  });

  it('guesses: true applies the /tmp guess only', () => {
    const r = run([{ path: 'p.yaml', text: pod }], policies, { applyFixes: { guesses: true } });
    expect(kinds(r)).toEqual([
      ['no-host-namespaces', false, ['behaviour']],
      ['no-privileged-container', false, ['behaviour']],
      ['read-only-root-filesystem', true, []],
    ]);
    expect(r.files[0]!.fixedText).toContain('mountPath: /tmp');
    expect(r.files[0]!.fixedText).toContain('privileged: true');
  });

  it('behaviour: [ids] applies the behaviour changes of those policies only; all applies every one', () => {
    const some = run([{ path: 'p.yaml', text: pod }], policies, { applyFixes: { behaviour: ['no-privileged-container'] } });
    expect(kinds(some)).toEqual([
      ['no-host-namespaces', false, ['behaviour']],
      ['no-privileged-container', true, []],
      ['read-only-root-filesystem', false, ['guess']],
    ]);
    expect(some.files[0]!.fixedText).toContain('privileged: false');
    expect(some.files[0]!.fixedText).toContain('hostNetwork: true');
    const all = run([{ path: 'p.yaml', text: pod }], policies, { applyFixes: { guesses: true, behaviour: 'all' } });
    expect(all.findings.every((f) => f.fixId !== undefined && f.suggestions.length === 0)).toBe(true);
    expect(all.files[0]!.fixedText).toContain('hostNetwork: false');
  });

  it('a known image keeps its mounts as a safe fix', () => {
    const r = run([{ path: 'p.yaml', text: pod.replace('example.com/app:1', 'nginx:1.27') }], [readOnlyRootFilesystem]);
    expect(kinds(r)).toEqual([['read-only-root-filesystem', true, []]]);
  });
});
