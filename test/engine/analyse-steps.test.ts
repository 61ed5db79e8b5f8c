/**
 * The steps of analyseText (src/engine/analyse.ts) on tables: the file guards before the parse
 * (unreadText), the template skip (unparsedTemplate), reading the objects (readManifests), the
 * limits (limitsNotRead), the time-budget finding (timeBudgetNotScanned) and the finding of a
 * policy that throws (policyErrorFinding). analyse.test.ts has the whole analysis.
 */
import {
  limitsNotRead,
  policyErrorFinding,
  readManifests,
  timeBudgetNotScanned,
  unparsedTemplate,
  unreadText,
  type NotScanned,
  type OutOfTime,
} from '../../src/engine/analyse.js';
import type { EngineOptions } from '../../src/engine/index.js';
import type { Manifest } from '../../src/k8s/index.js';
import { parseYaml, type ParseProblem, type SourceRange } from '../../src/yaml/index.js';

/** The range of length 0 at line:column, offset. */
const point = (line: number, column: number, offset: number): SourceRange => ({ start: { line, column, offset }, end: { line, column, offset } });
const LINE_1 = point(1, 1, 0);

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: busybox\n`;

describe('unreadText', () => {
  const rows: [string, string, EngineOptions, string | undefined, (NotScanned & { reason: string }) | undefined][] = [
    ['readable text', 'kind: Pod\n', {}, undefined, undefined],
    ['the empty text', '', {}, undefined, undefined],
    [
      'unreadable: the reason given, whatever the text',
      'a\u0000b',
      { maxFileSizeBytes: 1 },
      'not valid UTF-8 text',
      { reason: 'not valid UTF-8 text', messageId: 'unreadable', data: { reason: 'not valid UTF-8 text' }, range: LINE_1, detail: 'unreadable' },
    ],
    [
      'larger than the limit, in bytes of UTF-8',
      'éé',
      { maxFileSizeBytes: 3 },
      undefined,
      {
        reason: 'file is larger than 3 bytes (4 bytes); raise the size limit to scan it',
        messageId: 'tooLarge',
        data: { size: 4, limit: 3 },
        range: LINE_1,
        detail: 'tooLarge',
      },
    ],
    ['at the limit', 'éé', { maxFileSizeBytes: 4 }, undefined, undefined],
    ['3 bytes a character could exceed the limit, the bytes do not', 'abcd', { maxFileSizeBytes: 10 }, undefined, undefined],
    ['the default limit is 5 MiB: at it', 'a'.repeat(5 * 1024 * 1024), {}, undefined, undefined],
    [
      'the default limit is 5 MiB: one byte more',
      'a'.repeat(5 * 1024 * 1024 + 1),
      {},
      undefined,
      {
        reason: 'file is larger than 5242880 bytes (5242881 bytes); raise the size limit to scan it',
        messageId: 'tooLarge',
        data: { size: 5242881, limit: 5242880 },
        range: LINE_1,
        detail: 'tooLarge',
      },
    ],
    [
      'a NUL: binary',
      'kind: Pod\n\u0000',
      {},
      undefined,
      { reason: 'binary file (contains NUL bytes)', messageId: 'binary', data: {}, range: LINE_1, detail: 'binary' },
    ],
    [
      'too large wins over binary',
      '\u0000\u0000',
      { maxFileSizeBytes: 1 },
      undefined,
      {
        reason: 'file is larger than 1 bytes (2 bytes); raise the size limit to scan it',
        messageId: 'tooLarge',
        data: { size: 2, limit: 1 },
        range: LINE_1,
        detail: 'tooLarge',
      },
    ],
  ];
  test.each(rows)('%s', (_name, text, opts, unreadable, expected) => {
    expect(unreadText(text, opts, unreadable)).toEqual(expected);
  });
});

describe('unparsedTemplate', () => {
  const REASON = 'Helm/Go template syntax ({{ ... }}) that is not valid YAML: render it first (e.g. `helm template`) and scan the output';
  const rows: [string, string, { line: number; column: number; offset: number; messageStart: string } | undefined][] = [
    ['valid YAML with template syntax (in a block scalar): read', 'data:\n  t: |\n    {{- if .Values.x }}\n', undefined],
    ['not YAML, no template syntax: read (the syntax error is a problem)', 'a: [\n', undefined],
    [
      'not YAML, an unquoted value starting with {{',
      'metadata:\n  name: {{ .Release.Name }}\n  x: [\n',
      { line: 4, column: 1, offset: 45, messageStart: 'Flow sequence' },
    ],
    ['not YAML, a template action on its own line', 'a: 1\n{{- if .Values.x }}\nb: [\n', { line: 2, column: 1, offset: 5, messageStart: '' }],
    ['not YAML, {{ only in a quoted value: read', 'a: "{{ x }}"\nb: [\n', undefined],
  ];
  test.each(rows)('%s', (_name, text, expected) => {
    const got = unparsedTemplate(text, parseYaml(text));
    if (!expected) return expect(got).toBeUndefined();
    const firstError = parseYaml(text).problems.find((p) => p.severity === 'error')!;
    expect(firstError.message.startsWith(expected.messageStart)).toBe(true);
    expect(got).toEqual({
      reason: REASON,
      messageId: 'template',
      data: { line: expected.line, message: firstError.message },
      range: point(expected.line, expected.column, expected.offset),
      detail: 'template',
    });
  });
});

describe('readManifests', () => {
  const rows: [string, string, string, EngineOptions, { objects: string[]; problems: string[]; skipped: string[] }][] = [
    ['two objects', 'f.yaml', `${pod('a')}---\n${pod('b')}`, {}, { objects: ['0:Pod/a', '1:Pod/b'], problems: [], skipped: [] }],
    [
      'docIndexOffset: objects and problems shifted',
      'f.yaml',
      `a: [\n---\n${pod('a')}`,
      { docIndexOffset: 10 },
      { objects: ['11:Pod/a'], problems: ['BAD_INDENT@2:1#10'], skipped: ['0'] },
    ],
    [
      'an invalid apiVersion: an invalid-object problem at it',
      'f.yaml',
      'apiVersion: 7\nkind: Pod\nmetadata: {name: p}\n',
      {},
      { objects: [], problems: ['invalid-object@1:13#0'], skipped: ['0'] },
    ],
    [
      'a .json file that is not JSON: json-syntax, no object',
      'f.json',
      '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},}\n',
      {},
      { objects: [], problems: ['json-syntax@1:63#0'], skipped: ['0'] },
    ],
    [
      'the same text in a .yml file: read',
      'f.yml',
      '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},}\n',
      {},
      { objects: ['0:Pod/p'], problems: [], skipped: [] },
    ],
    [
      'a .json file not starting with {: not held to JSON',
      'f.json',
      '# c\n{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},}\n',
      {},
      { objects: ['0:Pod/p'], problems: [], skipped: [] },
    ],
  ];
  test.each(rows)('%s', (_name, path, text, opts, expected) => {
    const parsed = parseYaml(text);
    const m = readManifests(path, text, parsed, opts);
    expect({
      objects: m.manifests.map((x) => `${x.docIndex}:${x.kind}/${x.name}`),
      problems: parsed.problems.map((p) => `${p.code}@${p.line}:${p.column}#${p.docIndex}`),
      skipped: m.skipped.map((s) => String(s.docIndex)),
    }).toEqual(expected);
  });

  test('an invalid object is one problem however often its parse is read (fix verification reuses parses)', () => {
    const text = 'apiVersion: 7\nkind: Pod\nmetadata: {name: p}\n';
    const parsed = parseYaml(text);
    readManifests('f.yaml', text, parsed, {});
    readManifests('f.yaml', text, parsed, {});
    expect(parsed.problems.map((p) => p.code)).toEqual(['invalid-object']);
  });
});

describe('limitsNotRead', () => {
  const problem = (code: string, line: number, docIndex: number): ParseProblem => ({
    code: code as ParseProblem['code'],
    message: `m ${code}`,
    severity: 'error',
    line,
    column: 2,
    offset: line * 10,
    docIndex,
  });
  const rows: [string, ParseProblem[], NotScanned[]][] = [
    ['no problems', [], []],
    ['other problems are not limits', [problem('BAD_INDENT', 1, 0), problem('invalid-object', 2, 0)], []],
    [
      'a document limit and flow limits, in order, each at its problem',
      [problem('flow-limit', 3, 1), problem('BAD_INDENT', 1, 0), problem('document-limit', 9, 4), problem('flow-limit', 5, 2)],
      [
        { messageId: 'flowLimit', data: { message: 'm flow-limit' }, range: point(3, 2, 30), detail: 'flow-limit:1' },
        { messageId: 'documentLimit', data: { message: 'm document-limit' }, range: point(9, 2, 90), detail: 'document-limit:4' },
        { messageId: 'flowLimit', data: { message: 'm flow-limit' }, range: point(5, 2, 50), detail: 'flow-limit:2' },
      ],
    ],
  ];
  test.each(rows)('%s', (_name, problems, expected) => {
    expect(limitsNotRead(problems)).toEqual(expected);
  });
});

describe('timeBudgetNotScanned', () => {
  const obj = (docIndex: number, name: string, line: number) =>
    ({ docIndex, kind: 'Pod', name, node: { range: point(line, 1, line * 10) } }) as unknown as Parameters<typeof timeBudgetNotScanned>[1][number];
  const ids = (...names: string[]) => names.map((id) => ({ id }));
  const rows: [string, { id: string }[], ReturnType<typeof obj>[], OutOfTime, EngineOptions, string, SourceRange][] = [
    ['the last policy, one object: was', ids('a'), [obj(0, 'p', 1)], { policy: 0, manifest: 0 }, {}, 'a from document 1 (Pod p) on was', point(1, 1, 10)],
    [
      'policies after it, one object',
      ids('a', 'b', 'c'),
      [obj(0, 'p', 1)],
      { policy: 0, manifest: 0 },
      {},
      'a from document 1 (Pod p) on, and b, c on the object, were',
      point(1, 1, 10),
    ],
    [
      'policies after it, many objects; stopped at the second',
      ids('a', 'b'),
      [obj(0, 'p', 1), obj(1, 'q', 9), obj(2, 'r', 20)],
      { policy: 0, manifest: 1 },
      {},
      'a from document 2 (Pod q) on, and b on all 3 objects, were',
      point(9, 1, 90),
    ],
    [
      'file-not-scanned is not listed',
      ids('a', 'file-not-scanned'),
      [obj(0, 'p', 1), obj(1, 'q', 9)],
      { policy: 0, manifest: 0 },
      {},
      'a from document 1 (Pod p) on was',
      point(1, 1, 10),
    ],
    [
      'an unnamed object; the budget in seconds',
      ids('x', 'y', 'z'),
      [obj(4, '', 3)],
      { policy: 1, manifest: 0 },
      { timeBudgetMs: 1500 },
      'y from document 5 (Pod (unnamed)) on, and z on the object, were',
      point(3, 1, 30),
    ],
  ];
  test.each(rows)('%s', (_name, enabled, manifests, outOfTime, opts, what, range) => {
    const budget = opts.timeBudgetMs === undefined ? 10 : opts.timeBudgetMs / 1000;
    expect(timeBudgetNotScanned(enabled, manifests, outOfTime, opts)).toEqual({
      messageId: 'timeBudget',
      data: { budget, what },
      range,
      detail: 'time-budget',
    });
  });
});

describe('policyErrorFinding', () => {
  const text = `${pod('a')}---\n${pod('b')}`;
  const parsed = parseYaml(text);
  const b = readManifests('f.yaml', text, parsed, {}).manifests[1]!;
  const fileRange = () => point(1, 1, 0);
  const rows: [string, Manifest | undefined, unknown, { message: string; line: number; groupKey: string; label: string }][] = [
    [
      'an Error on an object: at the object',
      b,
      new Error('boom'),
      { message: 'policy p failed on file dir/f.yaml (Pod b): boom', line: 10, groupKey: 'error:p:1', label: 'b' },
    ],
    [
      'a string in checkFile: at the file',
      undefined,
      'bad',
      { message: 'policy p failed on file dir/f.yaml: bad', line: 1, groupKey: 'error:p:undefined', label: 'dir/f.yaml' },
    ],
    ['anything else thrown, as a string', b, 42, { message: 'policy p failed on file dir/f.yaml (Pod b): 42', line: 10, groupKey: 'error:p:1', label: 'b' }],
  ];
  test.each(rows)('%s', (_name, m, err, expected) => {
    const r = policyErrorFinding('p', 'dir/f.yaml', m, err, fileRange);
    expect(r.finding).toMatchObject({
      policyId: 'policy-error',
      severity: 'error',
      messageId: 'policyFailed',
      message: expected.message,
      file: 'dir/f.yaml',
      container: undefined,
      suggestions: [],
    });
    expect(r.finding.range.start.line).toBe(expected.line);
    expect(r.finding.object).toEqual(m && { apiVersion: 'v1', kind: 'Pod', name: 'b', namespace: m.namespace, docIndex: 1 });
    expect(r.finding.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect([r.groupKey, r.groupLabel, r.manifestIndex, r.fix, r.suggestions]).toEqual([
      expected.groupKey,
      { docIndex: m ? 1 : -1, object: expected.label, container: undefined },
      undefined,
      undefined,
      [],
    ]);
  });

  test('its fingerprint is of the policy, file and object (not of the message)', () => {
    expect(policyErrorFinding('p', 'f', b, new Error('x'), fileRange).finding.fingerprint).toBe(
      policyErrorFinding('p', 'f', b, 'other', fileRange).finding.fingerprint,
    );
    expect(policyErrorFinding('p', 'f', b, 'x', fileRange).finding.fingerprint).not.toBe(policyErrorFinding('q', 'f', b, 'x', fileRange).finding.fingerprint);
  });
});
