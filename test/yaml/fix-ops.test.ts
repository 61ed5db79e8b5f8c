import { detectStyle, expectedData, parseYaml, renderFixOps, verifyEdits, type FixOp, type JsonValue, type YNode } from '../../src/yaml/index.js';

type Build = (root: YNode) => FixOp[];

const set = (target: YNode, path: string[], value: JsonValue): FixOp => ({ kind: 'set', target, path, value });
const append = (target: YNode, path: string[], item: JsonValue): FixOp => ({ kind: 'append', target, path, item });
const replace = (target: YNode, value: string | number | boolean | null): FixOp => ({ kind: 'replace', target, value });

/** Render ops built on document `doc` and verify them; returns the fixed text (or the problems). */
function fix(text: string, build: Build, doc = 0) {
  const parsed = parseYaml(text);
  const style = detectStyle(
    text,
    parsed.documents.map((d) => d.doc),
  );
  const ops = build(parsed.documents[doc]!.root!);
  const r = renderFixOps(text, style, ops);
  const docOf = new Map(parsed.documents.map((d) => [d.doc, d.index]));
  const expected = expectedData(
    parsed.documents.map((d) => d.data),
    (op) => docOf.get(op.target.doc)!,
    ops,
  );
  const v = verifyEdits(text, r.edits, expected);
  return { text: v.text, ok: v.ok, problem: v.problem, problems: r.problems, edits: r.edits };
}

const c0 = (r: YNode) => r.at(['spec', 'containers', 0])!;
const secure: Build = (r) => [
  set(c0(r), ['securityContext', 'readOnlyRootFilesystem'], true),
  set(c0(r), ['securityContext', 'allowPrivilegeEscalation'], false),
];

describe('renderFixOps: set', () => {
  it.each<[string, string, Build, string]>([
    [
      'replaces a plain scalar',
      'spec:\n  containers:\n  - name: a\n    securityContext:\n      privileged: true # keep\n',
      (r) => [set(c0(r), ['securityContext', 'privileged'], false)],
      'spec:\n  containers:\n  - name: a\n    securityContext:\n      privileged: false # keep\n',
    ],
    ['keeps double quotes of a string', 'a:\n  b: "old"\n', (r) => [set(r.get('a')!, ['b'], 'new value')], 'a:\n  b: "new value"\n'],
    ['keeps single quotes of a string', "a:\n  b: 'old'\n", (r) => [set(r.get('a')!, ['b'], "it's")], "a:\n  b: 'it''s'\n"],
    ['quotes a string that would not read back as itself', 'a:\n  b: x\n', (r) => [set(r.get('a')!, ['b'], 'yes')], 'a:\n  b: "yes"\n'],
    [
      'inserts a key into a 2-space block map, after a trailing comment',
      'spec:\n  containers:\n  - name: a\n    securityContext:\n      runAsNonRoot: true # why\n    image: x # img\n',
      secure,
      'spec:\n  containers:\n  - name: a\n    securityContext:\n      runAsNonRoot: true # why\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false\n    image: x # img\n',
    ],
    [
      'inserts a key into a 4-space block map',
      'spec:\n    containers:\n        -   name: a\n            securityContext:\n                runAsNonRoot: true\n',
      secure,
      'spec:\n    containers:\n        -   name: a\n            securityContext:\n                runAsNonRoot: true\n                readOnlyRootFilesystem: true\n                allowPrivilegeEscalation: false\n',
    ],
    [
      'creates securityContext when absent (4-space file)',
      'spec:\n    containers:\n    -   name: a\n        image: x\n    restartPolicy: Always\n',
      secure,
      'spec:\n    containers:\n    -   name: a\n        image: x\n        securityContext:\n            readOnlyRootFilesystem: true\n            allowPrivilegeEscalation: false\n    restartPolicy: Always\n',
    ],
    [
      'inserts after a last key holding a nested block map',
      'spec:\n  containers:\n  - name: a\n    resources:\n      limits:\n        cpu: 1 # c\n# between\nkind: Pod\n',
      secure,
      'spec:\n  containers:\n  - name: a\n    resources:\n      limits:\n        cpu: 1 # c\n    securityContext:\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false\n# between\nkind: Pod\n',
    ],
    [
      'inserts after a last key holding a block sequence (indentless)',
      'spec:\n  containers:\n  - name: a\n    args:\n    - one\n    - two\n  restartPolicy: Always\n',
      secure,
      'spec:\n  containers:\n  - name: a\n    args:\n    - one\n    - two\n    securityContext:\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false\n  restartPolicy: Always\n',
    ],
    [
      'inserts after a last key holding a literal block scalar',
      'spec:\n  containers:\n  - name: a\n    command: |\n      echo hi\n\n      echo there\n  restartPolicy: Always\n',
      secure,
      'spec:\n  containers:\n  - name: a\n    command: |\n      echo hi\n\n      echo there\n    securityContext:\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false\n  restartPolicy: Always\n',
    ],
    [
      'inserts after a last key holding a folded block scalar at the end of the file',
      'spec:\n  containers:\n  - name: a\n    args: >-\n      one\n      two\n',
      secure,
      'spec:\n  containers:\n  - name: a\n    args: >-\n      one\n      two\n    securityContext:\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false\n',
    ],
    [
      'inserts into a single-line flow map',
      'spec:\n  containers:\n  - {name: a, securityContext: {runAsNonRoot: true}}\n',
      secure,
      'spec:\n  containers:\n  - {name: a, securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}}\n',
    ],
    [
      'creates securityContext in a flow container',
      'spec:\n  containers:\n  - {name: a, image: x}\n',
      secure,
      'spec:\n  containers:\n  - {name: a, image: x, securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}}\n',
    ],
    [
      'inserts into an empty flow map {}',
      'spec:\n  containers:\n  - name: a\n    securityContext: {}\n',
      secure,
      'spec:\n  containers:\n  - name: a\n    securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}\n',
    ],
    [
      'fills a securityContext with a null value',
      'spec:\n  containers:\n  - name: a\n    securityContext: # to do\n    image: x\n',
      secure,
      'spec:\n  containers:\n  - name: a\n    securityContext: # to do\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false\n    image: x\n',
    ],
    [
      'fills an explicit ~ in flow style',
      'spec:\n  containers:\n  - name: a\n    securityContext: ~\n',
      secure,
      'spec:\n  containers:\n  - name: a\n    securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}\n',
    ],
    [
      'keeps CRLF line endings in inserted lines',
      'spec:\r\n  containers:\r\n  - name: a\r\n    image: x\r\n',
      secure,
      'spec:\r\n  containers:\r\n  - name: a\r\n    image: x\r\n    securityContext:\r\n      readOnlyRootFilesystem: true\r\n      allowPrivilegeEscalation: false\r\n',
    ],
    [
      'a file without a final newline stays without one',
      'spec:\n  containers:\n  - name: a\n    image: x',
      secure,
      'spec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false',
    ],
    [
      'a CRLF file without a final newline and a trailing comment',
      'spec:\r\n  containers:\r\n  - name: a\r\n    image: x # last',
      secure,
      'spec:\r\n  containers:\r\n  - name: a\r\n    image: x # last\r\n    securityContext:\r\n      readOnlyRootFilesystem: true\r\n      allowPrivilegeEscalation: false',
    ],
    [
      'a BOM does not count as indentation of root keys',
      '\uFEFFapiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n',
      (r) => [set(r, ['immutable'], true)],
      '\uFEFFapiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\nimmutable: true\n',
    ],
    [
      'quoted keys in the file do not matter for new keys',
      '"spec":\n  "containers":\n  - "name": a\n',
      secure,
      '"spec":\n  "containers":\n  - "name": a\n    securityContext:\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false\n',
    ],
    [
      'a local key overrides a merged scalar',
      'base: &b {privileged: true}\nspec:\n  containers:\n  - name: a\n    securityContext:\n      <<: *b\n',
      (r) => [set(c0(r), ['securityContext', 'privileged'], false)],
      'base: &b {privileged: true}\nspec:\n  containers:\n  - name: a\n    securityContext:\n      <<: *b\n      privileged: false\n',
    ],
    [
      'a merge key that does not provide the key does not block an insertion',
      'spec:\n  containers:\n  - name: a\n    <<: {imagePullPolicy: Always}\n',
      secure,
      'spec:\n  containers:\n  - name: a\n    <<: {imagePullPolicy: Always}\n    securityContext:\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false\n',
    ],
  ])('%s', (_name, text, build, expected) => {
    const r = fix(text, build);
    expect(r.problems).toEqual([]);
    expect(r.problem).toBeUndefined();
    expect(r.text).toBe(expected);
  });

  it('multi-line JSON: new keys on their own lines, JSON style', () => {
    const text = '{\n  "spec": {\n    "containers": [\n      {\n        "name": "a",\n        "image": "x"\n      }\n    ]\n  }\n}\n';
    expect(fix(text, secure).text).toBe(
      '{\n  "spec": {\n    "containers": [\n      {\n        "name": "a",\n        "image": "x",\n        "securityContext": {"readOnlyRootFilesystem": true, "allowPrivilegeEscalation": false}\n      }\n    ]\n  }\n}\n',
    );
  });

  it('single-line JSON', () => {
    const text = '{"spec": {"containers": [{"name": "a", "securityContext": {"privileged": true}}]}}';
    const r = fix(text, (root) => [...secure(root), set(c0(root), ['securityContext', 'privileged'], false)]);
    expect(r.text).toBe(
      '{"spec": {"containers": [{"name": "a", "securityContext": {"privileged": false, "readOnlyRootFilesystem": true, "allowPrivilegeEscalation": false}}]}}',
    );
  });

  it('setting a value it already has changes nothing', () => {
    const r = fix('a:\n  b: true\n', (root) => [set(root.get('a')!, ['b'], true)]);
    expect(r.edits).toEqual([]);
  });
});

describe('renderFixOps: append', () => {
  const mount = { name: 'tmp', mountPath: '/tmp' };
  const vol = { name: 'tmp', emptyDir: {} };
  const spec = (r: YNode) => r.get('spec')!;

  it.each<[string, string, Build, string]>([
    [
      'to an indented block sequence',
      'spec:\n  containers:\n    - name: a\n      volumeMounts:\n        - name: x\n          mountPath: /x # c\n  volumes:\n    - name: x\n      emptyDir: {}\n',
      (r) => [append(c0(r), ['volumeMounts'], mount), append(spec(r), ['volumes'], vol)],
      'spec:\n  containers:\n    - name: a\n      volumeMounts:\n        - name: x\n          mountPath: /x # c\n        - name: tmp\n          mountPath: /tmp\n  volumes:\n    - name: x\n      emptyDir: {}\n    - name: tmp\n      emptyDir: {}\n',
    ],
    [
      'to an indentless block sequence',
      'spec:\n  containers:\n  - name: a\n    volumeMounts:\n    - name: x\n      mountPath: /x\n  volumes:\n  - {name: x, emptyDir: {}}\n',
      (r) => [append(c0(r), ['volumeMounts'], mount), append(spec(r), ['volumes'], vol)],
      'spec:\n  containers:\n  - name: a\n    volumeMounts:\n    - name: x\n      mountPath: /x\n    - name: tmp\n      mountPath: /tmp\n  volumes:\n  - {name: x, emptyDir: {}}\n  - name: tmp\n    emptyDir: {}\n',
    ],
    [
      'to a flow sequence and an empty one',
      'spec:\n  containers:\n  - name: a\n    volumeMounts: [{name: x, mountPath: /x}]\n  volumes: []\n',
      (r) => [append(c0(r), ['volumeMounts'], mount), append(spec(r), ['volumes'], vol)],
      'spec:\n  containers:\n  - name: a\n    volumeMounts: [{name: x, mountPath: /x}, {name: tmp, mountPath: /tmp}]\n  volumes: [{name: tmp, emptyDir: {}}]\n',
    ],
    [
      'creates volumeMounts and volumes when absent (indentless file)',
      'spec:\n  containers:\n  - name: a\n    args:\n    - x\n',
      (r) => [append(c0(r), ['volumeMounts'], mount), append(spec(r), ['volumes'], vol)],
      'spec:\n  containers:\n  - name: a\n    args:\n    - x\n    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n  volumes:\n  - name: tmp\n    emptyDir: {}\n',
    ],
    [
      'creates volumeMounts and volumes when absent (indented sequences, 3 spaces)',
      'spec:\n   containers:\n      - name: a\n        args:\n           - x\n   restartPolicy: Always\n',
      (r) => [append(c0(r), ['volumeMounts'], mount), append(spec(r), ['volumes'], vol)],
      'spec:\n   containers:\n      - name: a\n        args:\n           - x\n        volumeMounts:\n           - name: tmp\n             mountPath: /tmp\n   restartPolicy: Always\n   volumes:\n      - name: tmp\n        emptyDir: {}\n',
    ],
    ['several items to one sequence in order', 'l:\n- a\n', (r) => [append(r, ['l'], 'b'), append(r, ['l'], 'c')], 'l:\n- a\n- b\n- c\n'],
    [
      'several ops on one container become non-overlapping edits (same-offset insertions deepest first)',
      'spec:\n  containers:\n  - name: a\n    securityContext:\n      privileged: true\n',
      (r) => [
        set(c0(r), ['securityContext', 'privileged'], false),
        set(c0(r), ['securityContext', 'readOnlyRootFilesystem'], true),
        append(c0(r), ['volumeMounts'], mount),
        append(spec(r), ['volumes'], vol),
        set(c0(r), ['securityContext', 'allowPrivilegeEscalation'], false),
      ],
      'spec:\n  containers:\n  - name: a\n    securityContext:\n      privileged: false\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false\n    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n  volumes:\n  - name: tmp\n    emptyDir: {}\n',
    ],
    [
      'fills a null volumeMounts',
      'spec:\n  containers:\n  - name: a\n    volumeMounts:\n    image: x\n',
      (r) => [append(c0(r), ['volumeMounts'], mount)],
      'spec:\n  containers:\n  - name: a\n    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n    image: x\n',
    ],
  ])('%s', (_name, text, build, expected) => {
    const r = fix(text, build);
    expect(r.problems).toEqual([]);
    expect(r.problem).toBeUndefined();
    expect(r.text).toBe(expected);
  });

  it('merges the insertions at one offset into one edit, deepest target first', () => {
    const text = 'spec:\n  containers:\n  - name: a\n';
    const r = fix(text, (root) => [append(spec(root), ['volumes'], vol), append(c0(root), ['volumeMounts'], mount)]);
    expect(r.edits).toEqual([
      { range: [32, 32], text: '    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n  volumes:\n  - name: tmp\n    emptyDir: {}\n' },
    ]);
  });

  it('edits never overlap', () => {
    const text = 'spec:\n  containers:\n  - name: a\n    securityContext: {privileged: true}\n';
    const r = fix(text, (root) => [set(c0(root), ['securityContext', 'privileged'], false), ...secure(root), append(c0(root), ['volumeMounts'], mount)]);
    const sorted = [...r.edits].sort((a, b) => a.range[0] - b.range[0]);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.range[0]).toBeGreaterThanOrEqual(sorted[i - 1]!.range[1]);
    expect(r.ok).toBe(true);
  });
});

describe('renderFixOps: replace', () => {
  const drop = (r: YNode, i: number) => c0(r).at(['securityContext', 'capabilities', 'drop', i])!;
  const sc = 'spec:\n  containers:\n  - name: a\n    securityContext:\n      capabilities:\n';

  it.each<[string, string, Build, string]>([
    ['a block sequence item', `${sc}        drop:\n        - all\n`, (r) => [replace(drop(r, 0), 'ALL')], `${sc}        drop:\n        - ALL\n`],
    [
      'an item of an indentless block sequence, the others kept',
      `${sc}        drop:\n        - NET_RAW\n        - CAP_ALL\n`,
      (r) => [replace(drop(r, 1), 'ALL')],
      `${sc}        drop:\n        - NET_RAW\n        - ALL\n`,
    ],
    ['a flow sequence item', `${sc}        drop: [all, NET_RAW]\n`, (r) => [replace(drop(r, 0), 'ALL')], `${sc}        drop: [ALL, NET_RAW]\n`],
    [
      'the last item of a multi-line flow sequence',
      `${sc}        drop: [\n          NET_RAW,\n          All\n        ]\n`,
      (r) => [replace(drop(r, 1), 'ALL')],
      `${sc}        drop: [\n          NET_RAW,\n          ALL\n        ]\n`,
    ],
    ['keeps double quotes', `${sc}        drop: ["all"]\n`, (r) => [replace(drop(r, 0), 'ALL')], `${sc}        drop: ["ALL"]\n`],
    ['keeps single quotes', `${sc}        drop:\n        - 'all'\n`, (r) => [replace(drop(r, 0), 'ALL')], `${sc}        drop:\n        - 'ALL'\n`],
    [
      'keeps a trailing comment',
      `${sc}        drop:\n        - all # every capability\n        - NET_RAW\n`,
      (r) => [replace(drop(r, 0), 'ALL')],
      `${sc}        drop:\n        - ALL # every capability\n        - NET_RAW\n`,
    ],
    [
      'keeps a trailing comment in a flow sequence',
      `${sc}        drop: [all] # why\n`,
      (r) => [replace(drop(r, 0), 'ALL')],
      `${sc}        drop: [ALL] # why\n`,
    ],
    ['a map value', 'a:\n  b: old # c\n', (r) => [replace(r.at(['a', 'b'])!, 'new')], 'a:\n  b: new # c\n'],
    ['a string that needs quotes, in a plain scalar', 'l:\n- x\n', (r) => [replace(r.at(['l', 0])!, 'yes')], 'l:\n- "yes"\n'],
    ['a number and a boolean', 'l: [1, true]\n', (r) => [replace(r.at(['l', 0])!, 2), replace(r.at(['l', 1])!, false)], 'l: [2, false]\n'],
    ['an empty item', 'l:\n-\n- b\n', (r) => [replace(r.at(['l', 0])!, 'a')], 'l:\n- a\n- b\n'],
    ['JSON', '{"l": ["all"]}\n', (r) => [replace(r.at(['l', 0])!, 'ALL')], '{"l": ["ALL"]}\n'],
    [
      'together with an append to the same flow sequence',
      `${sc}        drop: [all]\n`,
      (r) => [replace(drop(r, 0), 'ALL'), append(c0(r).at(['securityContext', 'capabilities'])!, ['drop'], 'NET_RAW')],
      `${sc}        drop: [ALL, NET_RAW]\n`,
    ],
    ['twice with the same value', 'l: [a]\n', (r) => [replace(r.at(['l', 0])!, 'b'), replace(r.at(['l', 0])!, 'b')], 'l: [b]\n'],
  ])('%s', (_name, text, build, expected) => {
    const r = fix(text, build);
    expect(r.problems).toEqual([]);
    expect(r.problem).toBeUndefined();
    expect(r.text).toBe(expected);
  });

  it('replacing a value with itself changes nothing', () => {
    expect(fix('l: [ALL]\n', (r) => [replace(r.at(['l', 0])!, 'ALL')]).edits).toEqual([]);
  });

  it.each<[string, string, Build, RegExp]>([
    ['a node reached through an alias', 'x: &x all\nl: [*x]\n', (r) => [replace(r.at(['l', 0])!, 'ALL')], /alias or merge key/],
    ['a block scalar', 'a: |\n  all\n', (r) => [replace(r.get('a')!, 'ALL')], /block scalar/],
    ['a collection', 'l: [a]\n', (r) => [replace(r.get('l')!, 'b')], /not a scalar/],
    ['two different values', 'l: [a]\n', (r) => [replace(r.at(['l', 0])!, 'b'), replace(r.at(['l', 0])!, 'c')], /conflicting/],
    ['a set of another value on the same scalar', 'a:\n  b: 1\n', (r) => [set(r.get('a')!, ['b'], 2), replace(r.at(['a', 'b'])!, 3)], /conflicting/],
  ])('refuses %s', (_name, text, build, problem) => {
    const r = fix(text, build);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]).toMatch(problem);
  });
});

describe('renderFixOps: refused operations', () => {
  it.each<[string, string, Build, RegExp]>([
    ['a target reached through an alias', 'a: &x {b: 1}\nc: *x\n', (r) => [set(r.get('c')!, ['d'], true)], /alias or merge key/],
    [
      'a path through an alias',
      'sc: &sc {privileged: true}\nspec:\n  containers:\n  - name: a\n    securityContext: *sc\n',
      (r) => [set(c0(r), ['securityContext', 'privileged'], false)],
      /alias/,
    ],
    ['a map provided by a merge key', 'base: &b {securityContext: {runAsNonRoot: true}}\nspec:\n  containers:\n  - <<: *b\n    name: a\n', secure, /merge key/],
    [
      'appending to a list provided by a merge key',
      'base: &b {volumeMounts: [{name: x, mountPath: /x}]}\nspec:\n  containers:\n  - <<: *b\n    name: a\n',
      (r) => [append(c0(r), ['volumeMounts'], { name: 't', mountPath: '/t' })],
      /merge key/,
    ],
    ['a scalar where a map is needed', 'spec:\n  containers:\n  - name: a\n    securityContext: yes\n', secure, /not a map/],
    ['appending to a map', 'spec:\n  containers:\n  - name: a\n    volumeMounts: {}\n', (r) => [append(c0(r), ['volumeMounts'], 1)], /not a sequence/],
    ['conflicting values', 'a:\n  b: 1\n', (r) => [set(r.get('a')!, ['b'], 2), set(r.get('a')!, ['b'], 3)], /conflicting/],
  ])('%s', (_name, text, build, problem) => {
    const r = fix(text, build);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]).toMatch(problem);
  });
});

describe('renderFixOps: a duplicated key (a duplicate-key problem)', () => {
  it('never edits through or at a key that occurs twice in its map: a problem, no edit', () => {
    const text = 'spec:\n  containers:\n  - name: a\n    securityContext: {}\n    securityContext:\n      privileged: true\n';
    const parsed = parseYaml(text);
    const root = parsed.documents[0]!.root!;
    const style = detectStyle(text, [parsed.documents[0]!.doc]);
    const r = renderFixOps(text, style, [set(c0(root), ['securityContext', 'privileged'], false)]);
    expect(r.edits).toEqual([]);
    expect(r.problems).toEqual(['cannot edit spec.containers.0.securityContext.privileged: "securityContext" occurs more than once in its map']);
    // A key that is not duplicated in the same document still renders.
    expect(renderFixOps(text, style, [set(c0(root), ['image'], 'nginx')]).edits).toHaveLength(1);
  });
});
