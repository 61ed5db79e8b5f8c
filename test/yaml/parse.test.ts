import { DEFAULT_MAX_ALIAS_COUNT, DEFAULT_MAX_NESTING_DEPTH, nestsDeeperThan, parseYaml } from '../../src/yaml/index.js';

const summary = (text: string) => {
  const p = parseYaml(text);
  return {
    data: p.documents.map((d) => d.data),
    errors: p.documents.map((d) => d.hasErrors),
    problems: p.problems.map((x) => ({ code: x.code, line: x.line, column: x.column, docIndex: x.docIndex })),
  };
};

describe('parseYaml: documents and data', () => {
  it.each<[string, string, unknown[]]>([
    ['one document', 'a: 1\n', [{ a: 1 }]],
    ['two documents', 'a: 1\n---\nb: 2\n', [{ a: 1 }, { b: 2 }]],
    ['leading ---', '---\na: 1\n', [{ a: 1 }]],
    ['an empty document in the middle', 'a: 1\n---\n---\nb: 2\n', [{ a: 1 }, null, { b: 2 }]],
    ['a comment-only document', 'a: 1\n--- # c\n# only a comment\n---\nb: 2\n', [{ a: 1 }, null, { b: 2 }]],
    ['document end markers', 'a: 1\n...\n---\nb: 2\n...\n', [{ a: 1 }, { b: 2 }]],
    [
      'kind: List',
      'apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n  apiVersion: v1\n',
      [{ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Pod', apiVersion: 'v1' }] }],
    ],
    [
      'JSON on one line',
      '{"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [{"name": "a"}]}}',
      [{ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'a' }] } }],
    ],
    ['pretty JSON', '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {}\n}\n', [{ a: [1, 2], b: {} }]],
    ['CRLF', 'a: 1\r\nb:\r\n  c: x\r\n', [{ a: 1, b: { c: 'x' } }]],
    ['UTF-8 BOM', '\uFEFFa: 1\nb: 2\n', [{ a: 1, b: 2 }]],
    ['no final newline', 'a: 1\nb: [x]', [{ a: 1, b: ['x'] }]],
    ['comments everywhere', '# head\na: 1 # t\n# mid\nb: # t\n  # in\n  - x # t\n  # in\n  - q\n# tail\n', [{ a: 1, b: ['x', 'q'] }]],
    ['anchors and aliases', 'a: &x [1, 2]\nb: *x\n', [{ a: [1, 2], b: [1, 2] }]],
    ['merge keys', 'base: &b {x: 1, q: 2}\nc:\n  <<: *b\n  q: 3\n', [{ base: { x: 1, q: 2 }, c: { x: 1, q: 3 } }]],
    ['merge of a list of maps', 'a: &a {x: 1}\nb: &b {x: 2, q: 2}\nc: {<<: [*a, *b]}\n', [{ a: { x: 1 }, b: { x: 2, q: 2 }, c: { x: 1, q: 2 } }]],
    ['block scalars', 'a: |\n  one\n  two\nb: >-\n  folded\n  text\nc: |-\n  x\n', [{ a: 'one\ntwo\n', b: 'folded text', c: 'x' }]],
    ['flow maps and sequences', 'a: {x: 1, q: [2, 3]}\nb: [{z: 4}, w]\n', [{ a: { x: 1, q: [2, 3] }, b: [{ z: 4 }, 'w'] }]],
    ['YAML 1.1: y and n are booleans', 'a: y\nb: n\n', [{ a: true, b: false }]],
    ['quoted keys', '"a": 1\n\'b\': 2\n"c d": 3\n', [{ a: 1, b: 2, 'c d': 3 }]],
    ['indented block sequence', 'a:\n  - 1\n  - 2\n', [{ a: [1, 2] }]],
    ['indentless block sequence', 'a:\n- 1\n- 2\n', [{ a: [1, 2] }]],
    ['YAML 1.1 scalars', 'a: yes\nb: 0777\nc: ~\nd: off\n', [{ a: true, b: 511, c: null, d: false }]],
  ])('%s', (_name, text, data) => {
    const s = summary(text);
    expect(s.problems).toEqual([]);
    expect(s.data).toEqual(data);
  });

  it('keeps document spans and the BOM out of line 1 columns', () => {
    const p = parseYaml('\uFEFFa: 1\n---\nb: 2\n');
    // A document's span starts at its `---` marker.
    expect(p.documents.map((d) => d.span)).toEqual([
      [1, 6],
      [6, 15],
    ]);
    expect(p.position(1)).toEqual({ line: 1, column: 1, offset: 1 });
    expect(p.position(10)).toEqual({ line: 3, column: 1, offset: 10 });
    expect(p.documents[0]!.root!.get('a')!.range.start).toEqual({ line: 1, column: 4, offset: 4 });
  });

  it('clamps positions to the text', () => {
    const p = parseYaml('a: 1\n');
    expect(p.position(-5)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(p.position(99).offset).toBe(5);
  });

  it('an empty file has no documents and no problems', () => {
    expect(parseYaml('').documents).toEqual([]);
    expect(parseYaml('').problems).toEqual([]);
    const c = parseYaml('# just a comment\n');
    expect(c.problems).toEqual([]);
    expect(c.documents.every((d) => d.root === undefined)).toBe(true);
  });
});

describe('parseYaml: problems as data', () => {
  it.each<[string, string, { code: string; line: number; column: number; docIndex: number }[]]>([
    ['duplicate keys and a syntax error', 'a: 1\na: 2\nb: [\n', [{ code: 'duplicate-key', line: 2, column: 1, docIndex: 0 }]],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n', [{ code: 'BAD_INDENT', line: 3, column: 1, docIndex: 0 }]],
    ['an unclosed flow sequence', 'a: [1, 2\nb: 3\n', [{ code: 'BAD_INDENT', line: 2, column: 1, docIndex: 0 }]],
    ['an unterminated quote', 'a: 1\nkey: "open\n', [{ code: 'MISSING_CHAR', line: 3, column: 1, docIndex: 0 }]],
    ['a tab as indentation', 'a:\n\tb: 1\n', [{ code: 'TAB_AS_INDENT', line: 2, column: 1, docIndex: 0 }]],
  ])('%s', (_name, text, problems) => {
    const p = parseYaml(text);
    expect(
      p.problems
        .filter((x) => x.severity === 'error')
        .map((x) => ({ code: x.code, line: x.line, column: x.column, docIndex: x.docIndex }))
        .slice(0, 1),
    ).toEqual(problems);
    const doc = p.documents[problems[0]!.docIndex]!;
    expect(doc.hasErrors).toBe(true);
    expect(doc.data).toBeUndefined();
  });

  it('a document with duplicate keys and another error is not read: no data, not lastKeyWins', () => {
    const p = parseYaml('a: 1\na: 2\nb: [\n');
    expect(p.problems.map((x) => x.code)).toContain('duplicate-key');
    expect(p.problems.some((x) => x.code !== 'duplicate-key' && x.severity === 'error')).toBe(true);
    expect(p.documents[0]).toMatchObject({ hasErrors: true, lastKeyWins: false, data: undefined });
  });

  it('a syntax error in one document leaves the others usable', () => {
    const p = parseYaml('a: 1\n---\nb: [\n---\nc: 3\n');
    expect(p.documents.map((d) => d.hasErrors)).toEqual([false, true, false]);
    expect(p.documents[0]!.data).toEqual({ a: 1 });
    expect(p.documents[2]!.data).toEqual({ c: 3 });
  });

  it('messages carry no position suffix (the problem has line and column)', () => {
    const p = parseYaml('a:\n  b: 1\n c: 2\n');
    expect(p.problems[0]!.message).toBe('All mapping items must start at the same column');
  });

  it('a "billion laughs" document is a problem alias-limit, quickly and without a crash', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = levels.join('\n') + '\n';
    const t0 = Date.now();
    const p = parseYaml(text);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(p.problems.map((x) => [x.code, x.severity, x.line, x.column])).toEqual([['alias-limit', 'error', 1, 1]]);
    expect(p.problems[0]!.message).toContain(`limit ${DEFAULT_MAX_ALIAS_COUNT}`);
    expect(p.documents[0]!.hasErrors).toBe(true);
    expect(p.documents[0]!.data).toBeUndefined();
  });

  it.each([
    ['flow sequences', 'a: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n'],
    ['flow maps', 'a: ' + '{a: '.repeat(20000) + '1' + '}'.repeat(20000) + '\n'],
    // This one, followed by a document end marker, kills the process in V8's regular expression
    // compiler (a fatal out-of-memory, not an exception) when it reaches the yaml library.
    ['compact block sequences', '- '.repeat(20000) + 'x\n...\n'],
    ['block maps', Array.from({ length: 400 }, (_, i) => ' '.repeat(i) + 'k:\n').join('')],
    ['indentless sequences of maps', Array.from({ length: 150 }, (_, i) => '  '.repeat(i) + '- k:\n').join('')],
  ])('a document nesting too deep (%s) is ONE problem nesting-limit, never read, and the next document is', (_name, deep) => {
    const text = `kind: Pod\n---\n${deep}---\nkind: ConfigMap\n`;
    const p = parseYaml(text);
    expect(p.problems).toEqual([expect.objectContaining({ code: 'nesting-limit', severity: 'error', docIndex: 1, line: 2, offset: 10 })]);
    expect(p.problems[0]!.message).toBe(`the document nests deeper than ${DEFAULT_MAX_NESTING_DEPTH} levels, so it is not read (no manifest nests this deep)`);
    expect(p.documents.map((d) => [d.hasErrors, d.data])).toEqual([
      [false, { kind: 'Pod' }],
      [true, undefined],
      [false, { kind: 'ConfigMap' }],
    ]);
    // Offsets of the documents after it are those of the file.
    expect(p.documents[2]!.root!.get('kind')!.range.start.line).toBe(text.split('\n').length - 1 - 0);
  });

  it('the nesting limit is configurable, and the first document can be the deep one', () => {
    const text = 'a: [[[1]]]\n---\nb: 1\n';
    expect(parseYaml(text).problems).toEqual([]);
    const p = parseYaml(text, { maxNestingDepth: 3 });
    expect(p.problems.map((x) => [x.code, x.docIndex, x.line])).toEqual([['nesting-limit', 0, 1]]);
    expect(p.documents.map((d) => d.data)).toEqual([undefined, { b: 1 }]);
  });

  it.each([
    ['block maps, one level per indentation', Array.from({ length: 50 }, (_, i) => '  '.repeat(i) + 'k:\n').join('') + '  '.repeat(50) + 'v: 1\n', 51],
    ['an indentless sequence of maps counts both', Array.from({ length: 50 }, (_, i) => '  '.repeat(i) + '- k:\n').join(''), 100],
    ['compact sequences, one per dash', '- - - - x\n', 5],
    ['flow brackets', 'a: [{b: [1, {c: 2}]}]\n', 5],
    ['brackets in quotes, comments and block scalars do not count', 'a: "[[[["\nb: \'{{{{\' # [[[[\nc: |\n  [[[[[[[[\n  {{{{{{{{\nd: 1\n', 1],
  ])('nestsDeeperThan estimates the depth: %s', (_name, text, depth) => {
    expect(nestsDeeperThan(text, depth - 1)).toBe(true);
    expect(nestsDeeperThan(text, depth)).toBe(false);
  });

  it.each([
    ['an alias to an anchor of another document', 'a: &x 1\n---\nb: *x\n', 'Unresolved alias'],
    ['a merge of a scalar', '<<: 1\n', 'Merge sources must be maps'],
  ])('%s is a yaml-error, not the alias limit', (_name, text, message) => {
    const p = parseYaml(text);
    expect(p.problems.map((x) => x.code)).toEqual(['yaml-error']);
    expect(p.problems[0]!.message).toContain(message);
  });

  it('the alias limit is configurable', () => {
    const text = 'a: &a [1]\nb: [*a, *a, *a]\n';
    expect(parseYaml(text, { maxAliasCount: 2 }).problems.map((x) => x.code)).toEqual(['alias-limit']);
    expect(parseYaml(text).problems).toEqual([]);
    expect(parseYaml(text).documents[0]!.data).toEqual({ a: [1], b: [[1], [1], [1]] });
  });

  it('an undefined alias is an error, not a crash', () => {
    const p = parseYaml('a: *nope\n');
    expect(p.problems.length).toBeGreaterThan(0);
    expect(p.problems[0]!.severity).toBe('error');
    expect(p.documents[0]!.hasErrors).toBe(true);
  });
});

describe('parseYaml: duplicate keys are read as kubectl reads them (the last occurrence wins)', () => {
  const codes = (text: string) => parseYaml(text).problems.map((x) => [x.code, x.severity, x.line, x.column]);

  it.each([true, false])('the last value wins, the duplicate stays an error at the repeated key (fast reader %s)', (fastReader) => {
    const p = parseYaml('a: 1\nb: 2\na: 3\n', { fastReader });
    expect(p.problems.map((x) => [x.code, x.severity, x.line, x.column, x.docIndex])).toEqual([['duplicate-key', 'error', 3, 1, 0]]);
    expect(p.problems[0]!.message).toBe(
      'Map keys must be unique: "a" is repeated; kubectl and these checks use the last one (kubectl --validate=strict rejects the object)',
    );
    const d = p.documents[0]!;
    expect(d).toMatchObject({ hasErrors: true, lastKeyWins: true, data: { a: 3, b: 2 } });
    // The view reads the same occurrence as the data, and points at it.
    const a = d.root!.get('a')!;
    expect(a.value).toBe(3);
    expect([a.keyRange.start.line, a.range.start.line, a.range.start.column]).toEqual([3, 3, 4]);
    // One entry per key, at its first place, with the last value (as the data's key order).
    expect(d.root!.entries().map(([k, n]) => [k, n.value, n.range.start.line])).toEqual([
      ['a', 3, 3],
      ['b', 2, 2],
    ]);
    expect(Object.keys(d.data as object)).toEqual(['a', 'b']);
  });

  it('three occurrences: an error at each repeat, the third wins', () => {
    const p = parseYaml('k: 1\nk: 2\nk: 3\n');
    expect(codes('k: 1\nk: 2\nk: 3\n')).toEqual([
      ['duplicate-key', 'error', 2, 1],
      ['duplicate-key', 'error', 3, 1],
    ]);
    expect(p.documents[0]!.data).toEqual({ k: 3 });
    expect(p.documents[0]!.root!.get('k')!.range.start.line).toBe(3);
  });

  it('a duplicated map replaces the earlier one whole (no merge), as go-yaml v2 decodes it', () => {
    const text = 'metadata:\n  name: a\n  labels: {x: "1"}\nmetadata:\n  name: b\n';
    const p = parseYaml(text);
    expect(codes(text)).toEqual([['duplicate-key', 'error', 4, 1]]);
    expect(p.documents[0]!.data).toEqual({ metadata: { name: 'b' } });
    expect(p.documents[0]!.root!.at(['metadata', 'labels'])).toBeUndefined();
    expect(p.documents[0]!.root!.at(['metadata', 'name'])!.range.start.line).toBe(5);
  });

  it('nested in a container of a list, and in annotations: the last one, at its line', () => {
    const text = [
      'metadata:',
      '  annotations:',
      '    ignore.kube-immutable.io/all: "first"',
      '    ignore.kube-immutable.io/all: "second"',
      'spec:',
      '  containers:',
      '  - name: a',
      '    image: nginx',
      '    image: nginx:1.25',
      '',
    ].join('\n');
    const p = parseYaml(text);
    expect(codes(text)).toEqual([
      ['duplicate-key', 'error', 4, 5],
      ['duplicate-key', 'error', 9, 5],
    ]);
    const root = p.documents[0]!.root!;
    expect(root.at(['spec', 'containers', 0, 'image'])!.value).toBe('nginx:1.25');
    expect(root.at(['spec', 'containers', 0, 'image'])!.keyRange.start.line).toBe(9);
    const annotations = root.at(['metadata', 'annotations'])!;
    expect(annotations.entries().map(([k, n]) => [k, n.value, n.keyRange.start.line])).toEqual([['ignore.kube-immutable.io/all', 'second', 4]]);
    expect(p.documents[0]!.data).toMatchObject({ metadata: { annotations: { 'ignore.kube-immutable.io/all': 'second' } } });
  });

  it('in a flow map, and in a map of more than a dozen keys (the indexed lookup)', () => {
    const flow = parseYaml('a: {x: 1, z: 2, x: 3}\n');
    expect(flow.problems.map((x) => [x.code, x.line, x.column])).toEqual([['duplicate-key', 1, 17]]);
    expect(flow.documents[0]!.data).toEqual({ a: { x: 3, z: 2 } });
    expect(flow.documents[0]!.root!.at(['a', 'x'])!.range.start.column).toBe(20);
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}: ${i}`);
    const big = parseYaml([...keys, 'k3: last', ''].join('\n'));
    expect(big.documents[0]!.lastKeyWins).toBe(true);
    expect(big.documents[0]!.root!.get('k3')!.value).toBe('last');
    expect(big.documents[0]!.root!.get('k3')!.range.start.line).toBe(21);
    expect(big.documents[0]!.root!.entries().find(([k]) => k === 'k3')![1].value).toBe('last');
  });

  it('a JSON document: the last member wins too (what encoding/json keeps)', () => {
    const p = parseYaml('{"a": 1, "a": 2}\n');
    expect(p.problems.map((x) => x.code)).toEqual(['duplicate-key']);
    expect(p.documents[0]).toMatchObject({ lastKeyWins: true, data: { a: 2 } });
  });

  it('only the document with the duplicate is marked; another error type keeps lastKeyWins false', () => {
    const p = parseYaml('a: 1\n---\nx:\n  y: 1\n  y: 2\n');
    expect(codes('a: 1\n---\nx:\n  y: 1\n  y: 2\n')).toEqual([['duplicate-key', 'error', 5, 3]]);
    expect(p.documents.map((d) => [d.hasErrors, d.lastKeyWins])).toEqual([
      [false, false],
      [true, true],
    ]);
    // YAML 1.1 (what kubectl reads): `y` is the boolean true.
    expect(p.documents[1]!.data).toEqual({ x: { true: 2 } });
  });
});
