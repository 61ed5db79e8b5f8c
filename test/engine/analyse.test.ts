/**
 * analyseText (src/engine/analyse.ts) on a table: one file's text and options -> what the analysis
 * says (why the file was skipped, its parse problems, its objects, its findings with their line
 * and column), one row per phase: the file guards (unreadable, too large, binary), templates,
 * JSON, invalid objects, the document and flow-item limits, policies that throw, the time
 * budget, severities, verification analyses, fingerprints of repeated findings.
 */
import { analyseText, fixer, type Analysis, type EngineOptions } from '../../src/engine/analyse.js';
import { definePolicy, type AnyPolicy } from '../../src/engine/index.js';
import fileNotScanned from '../../policies/file-not-scanned.js';
import { parseYaml, YNode } from '../../src/yaml/index.js';

const meta = (messages: Record<string, string>) => ({
  description: 'd',
  category: 'hardening' as const,
  defaultSeverity: 'warning' as const,
  fixable: false,
  messages,
  remediation: '',
  docsUrl: '',
});

/** Reports each object (at its `metadata` key) and each container with a name (at the container, with a fix), and each parse problem. */
const probe = definePolicy({
  id: 'probe',
  meta: { ...meta({ object: 'object {{name}}', container: 'container {{name}}', problem: 'problem {{code}}' }), fixable: true },
  check({ manifest, workload, report }) {
    report({ messageId: 'object', data: { name: manifest.name }, node: manifest.node.get('metadata') ?? manifest.node, key: true });
    for (const c of workload?.containers ?? []) {
      report({
        messageId: 'container',
        data: { name: c.name },
        node: c.node,
        container: c,
        fix: (f) => [f.set(c.node, ['securityContext', 'privileged'], false)],
        severity: 'info',
      });
    }
  },
  checkFile({ problems, report }) {
    for (const p of problems)
      report({
        messageId: 'problem',
        data: { code: p.code },
        range: { start: { line: p.line, column: p.column, offset: p.offset }, end: { line: p.line, column: p.column, offset: p.offset } },
      });
  },
});

/** Throws on objects named `boom`, and on files holding `FILE-BOOM`. */
const thrower = definePolicy({
  id: 'thrower',
  meta: meta({ m: 'x' }),
  check({ manifest }) {
    if (manifest.name === 'boom') throw new Error('exploded');
  },
  checkFile({ text }) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test: a policy that throws a string
    if (text.includes('FILE-BOOM')) throw 'file exploded';
  },
});

/** Reports an unknown message id. */
const unknownId = definePolicy({
  id: 'unknown-id',
  meta: meta({ m: 'x' }),
  check({ report }) {
    report({ messageId: 'nope' });
  },
});

const POLICIES: readonly AnyPolicy[] = [probe, thrower, fileNotScanned];

/** What a row checks of an analysis. */
interface Summary {
  skipped?: string;
  problems: string[];
  objects: string[];
  findings: string[];
}

/** `problems`: `code@line:column#docIndex`; `objects`: `docIndex:kind/name`; `findings`: `policy/messageId severity @line:column: message`. */
function summary(a: Analysis): Summary {
  return {
    ...(a.skipped !== undefined ? { skipped: a.skipped } : {}),
    problems: (a.parsed?.problems ?? []).map((p) => `${p.code}@${p.line}:${p.column}#${p.docIndex}`),
    objects: a.manifests.manifests.map((m) => `${m.docIndex}:${m.kind}/${m.name}`),
    findings: a.raw.map(
      (r) =>
        `${r.finding.policyId}/${r.finding.messageId} ${r.finding.severity} @${r.finding.range.start.line}:${r.finding.range.start.column}: ${r.finding.message}`,
    ),
  };
}

const pod = (name: string, containers = ['app']) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n${containers.map((c) => `  - name: ${c}\n    image: busybox\n`).join('')}`;

/** A row: the file (path default `f.yaml`), the options, the policies (default POLICIES), the unreadable reason, and the expected summary. */
type Row = { name: string; path?: string; text: string; opts?: EngineOptions; policies?: readonly AnyPolicy[]; unreadable?: string; expected: Summary };

const ROWS: Row[] = [
  {
    name: 'a readable file: its objects, their findings, the parse problems handed to checkFile',
    text: pod('p'),
    expected: { problems: [], objects: ['0:Pod/p'], findings: ['probe/object warning @3:1: object p', 'probe/container info @7:5: container app'] },
  },
  {
    name: 'unreadable (not UTF-8): the text is ignored',
    text: pod('p'),
    unreadable: 'not valid UTF-8 text',
    expected: {
      skipped: 'not valid UTF-8 text',
      problems: [],
      objects: [],
      findings: [
        'file-not-scanned/unreadable error @1:1: This file was not scanned: not valid UTF-8 text. Save it as UTF-8 text (kubectl reads manifests as UTF-8).',
      ],
    },
  },
  {
    name: 'unreadable wins over binary',
    text: 'a\u0000b',
    unreadable: 'not valid UTF-8 text',
    expected: {
      skipped: 'not valid UTF-8 text',
      problems: [],
      objects: [],
      findings: [
        'file-not-scanned/unreadable error @1:1: This file was not scanned: not valid UTF-8 text. Save it as UTF-8 text (kubectl reads manifests as UTF-8).',
      ],
    },
  },
  {
    name: 'too large (bytes of UTF-8, not characters)',
    text: 'é'.repeat(6),
    opts: { maxFileSizeBytes: 11 },
    expected: {
      skipped: 'file is larger than 11 bytes (12 bytes); raise the size limit to scan it',
      problems: [],
      objects: [],
      findings: [
        'file-not-scanned/tooLarge error @1:1: This file was not scanned: it is 12 bytes, more than the limit of 11 bytes, and kubectl would apply it all the same. Split it, or raise the size limit.',
      ],
    },
  },
  { name: 'exactly the size limit is read', text: 'é'.repeat(6), opts: { maxFileSizeBytes: 12 }, expected: { problems: [], objects: [], findings: [] } },
  {
    name: 'too large wins over binary',
    text: '\u0000'.repeat(20),
    opts: { maxFileSizeBytes: 10 },
    expected: {
      skipped: 'file is larger than 10 bytes (20 bytes); raise the size limit to scan it',
      problems: [],
      objects: [],
      findings: [
        'file-not-scanned/tooLarge error @1:1: This file was not scanned: it is 20 bytes, more than the limit of 10 bytes, and kubectl would apply it all the same. Split it, or raise the size limit.',
      ],
    },
  },
  {
    name: 'binary (a NUL)',
    text: 'kind: Pod\u0000\n',
    expected: {
      skipped: 'binary file (contains NUL bytes)',
      problems: [],
      objects: [],
      findings: [
        'file-not-scanned/binary error @1:1: This file was not scanned: it is binary (it contains NUL bytes). A manifest is text; remove the file or keep it out of the scanned paths.',
      ],
    },
  },
  {
    name: 'a template that does not parse is skipped, at the first error',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n  labels: [\n',
    expected: {
      skipped: 'Helm/Go template syntax ({{ ... }}) that is not valid YAML: render it first (e.g. `helm template`) and scan the output',
      problems: ['BAD_INDENT@6:1#0'],
      objects: [],
      findings: [
        'file-not-scanned/template error @6:1: This file was not scanned: it is not valid YAML (line 6: Flow sequence in block collection must be sufficiently indented and end with a ]) and holds Helm/Go template syntax ({{ ... }}). Render it first (e.g. `helm template`) and scan the output.',
      ],
    },
  },
  {
    name: 'template syntax in valid YAML is read',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  rule: "{{ $labels.x }}"\n',
    expected: { problems: [], objects: ['0:ConfigMap/c'], findings: ['probe/object warning @3:1: object c'] },
  },
  {
    name: 'a syntax error without template syntax is read (the problem goes to checkFile)',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: [\n',
    expected: { problems: ['BAD_INDENT@4:1#0'], objects: [], findings: ['probe/problem warning @4:1: problem BAD_INDENT'] },
  },
  {
    name: '.json with a comment: json-syntax, no object analysed',
    path: 'a.json',
    text: '{"apiVersion": "v1", // note\n "kind": "ConfigMap", "metadata": {"name": "c"}}\n',
    expected: { problems: ['json-syntax@1:22#0'], objects: [], findings: ['probe/problem warning @1:22: problem json-syntax'] },
  },
  {
    name: '.JSON not JSON (trailing comma): where JSON.parse stops',
    path: 'a.JSON',
    text: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"},}\n',
    expected: { problems: ['json-syntax@1:69#0'], objects: [], findings: ['probe/problem warning @1:69: problem json-syntax'] },
  },
  {
    name: '.json that is JSON',
    path: 'a.json',
    text: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}\n',
    expected: { problems: [], objects: ['0:ConfigMap/c'], findings: ['probe/object warning @1:43: object c'] },
  },
  {
    name: '.json with a BOM and a comment',
    path: 'a.json',
    text: '\ufeff{"kind": /* x */ "ConfigMap"}\n',
    expected: { problems: ['json-syntax@1:10#0'], objects: [], findings: ['probe/problem warning @1:10: problem json-syntax'] },
  },
  {
    name: 'a .yaml file is not held to JSON',
    path: 'a.yaml',
    text: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"},}\n',
    expected: { problems: [], objects: ['0:ConfigMap/c'], findings: ['probe/object warning @1:43: object c'] },
  },
  {
    name: 'an invalid apiVersion is an invalid-object problem, once',
    text: 'apiVersion: 3\nkind: Pod\nmetadata:\n  name: p\n---\n' + pod('q'),
    expected: {
      problems: ['invalid-object@1:13#0'],
      objects: ['1:Pod/q'],
      findings: ['probe/problem warning @1:13: problem invalid-object', 'probe/object warning @8:1: object q', 'probe/container info @12:5: container app'],
    },
  },
  {
    name: 'docIndexOffset shifts objects and problems',
    text: 'a: [\n---\n' + pod('p'),
    opts: { docIndexOffset: 4 },
    expected: {
      problems: ['BAD_INDENT@2:1#4'],
      objects: ['5:Pod/p'],
      findings: ['probe/problem warning @2:1: problem BAD_INDENT', 'probe/object warning @5:1: object p', 'probe/container info @9:5: container app'],
    },
  },
  {
    name: 'documents past maxDocuments',
    text: [pod('a'), pod('b'), pod('c')].join('---\n'),
    opts: { options: { 'file-not-scanned': { maxDocuments: 2 } } },
    expected: {
      problems: ['document-limit@18:1#2'],
      objects: ['0:Pod/a', '1:Pod/b'],
      findings: [
        'file-not-scanned/documentLimit error @18:1: Not all of this file was scanned: the file holds 3 documents, more than the 2 read in one file: the first 2 are read and checked, the 1 from this line on are not (split the file).',
        'probe/problem warning @18:1: problem document-limit',
        'probe/object warning @3:1: object a',
        'probe/container info @7:5: container app',
        'probe/object warning @12:1: object b',
        'probe/container info @16:5: container app',
      ],
    },
  },
  {
    name: 'flow items past maxFlowItems',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "1", b: "2", c: "3"}\n',
    opts: { options: { 'file-not-scanned': { maxFlowItems: 2 } } },
    expected: {
      problems: ['flow-limit@1:1#0'],
      objects: [],
      findings: [
        'file-not-scanned/flowLimit error @1:1: A document of this file was not scanned: the document holds 4 flow items ([...], {...}), more than the 2 a file may hold in all, so it is not read (write it in block style, or split the file).',
        'probe/problem warning @1:1: problem flow-limit',
      ],
    },
  },
  {
    name: 'a policy that throws on an object: policy-error, the others still run',
    text: [pod('ok'), pod('boom')].join('---\n'),
    expected: {
      problems: [],
      objects: ['0:Pod/ok', '1:Pod/boom'],
      findings: [
        'probe/object warning @3:1: object ok',
        'probe/container info @7:5: container app',
        'probe/object warning @12:1: object boom',
        'probe/container info @16:5: container app',
        'policy-error/policyFailed error @10:1: policy thrower failed on file f.yaml (Pod boom): exploded',
      ],
    },
  },
  {
    name: 'a checkFile that throws a string',
    text: '# FILE-BOOM\n' + pod('p'),
    expected: {
      problems: [],
      objects: ['0:Pod/p'],
      findings: [
        'probe/object warning @4:1: object p',
        'probe/container info @8:5: container app',
        'policy-error/policyFailed error @1:1: policy thrower failed on file f.yaml: file exploded',
      ],
    },
  },
  {
    name: 'an unknown message id is a policy error',
    text: pod('p'),
    policies: [unknownId],
    expected: {
      problems: [],
      objects: ['0:Pod/p'],
      findings: ['policy-error/policyFailed error @1:1: policy unknown-id failed on file f.yaml (Pod p): policy unknown-id reported unknown messageId "nope"'],
    },
  },
  {
    name: 'the time budget runs out before the first object',
    text: [pod('a'), pod('b')].join('---\n'),
    opts: { options: { 'file-not-scanned': { timeBudgetSeconds: 0.000001 } } },
    expected: {
      problems: [],
      objects: ['0:Pod/a', '1:Pod/b'],
      findings: [
        'file-not-scanned/timeBudget error @1:1: The scan of this file stopped when its time budget of 0.000001 s ran out: probe from document 1 (Pod a) on, and thrower on all 2 objects, were not checked. Split the file, or raise the budget (policies: file-not-scanned: options: timeBudgetSeconds).',
      ],
    },
  },
  {
    name: 'the time budget with one object',
    text: pod('a'),
    opts: { options: { 'file-not-scanned': { timeBudgetSeconds: 0.000001 } } },
    expected: {
      problems: [],
      objects: ['0:Pod/a'],
      findings: [
        'file-not-scanned/timeBudget error @1:1: The scan of this file stopped when its time budget of 0.000001 s ran out: probe from document 1 (Pod a) on, and thrower on the object, were not checked. Split the file, or raise the budget (policies: file-not-scanned: options: timeBudgetSeconds).',
      ],
    },
  },
  {
    name: 'the last policy out of time: "was"',
    text: pod('a'),
    policies: [probe, fileNotScanned],
    opts: { timeBudgetMs: 0 },
    expected: {
      problems: [],
      objects: ['0:Pod/a'],
      findings: [
        'file-not-scanned/timeBudget error @1:1: The scan of this file stopped when its time budget of 0 s ran out: probe from document 1 (Pod a) on was not checked. Split the file, or raise the budget (policies: file-not-scanned: options: timeBudgetSeconds).',
      ],
    },
  },
  {
    name: 'a verification analysis has no deadline',
    text: pod('a'),
    opts: { verification: true, timeBudgetMs: 0 },
    expected: { problems: [], objects: ['0:Pod/a'], findings: ['probe/object warning @1:1: object a', 'probe/container info @1:1: container app'] },
  },
  {
    name: 'severity off, severity override; a finding below its policy keeps its own',
    text: pod('a'),
    opts: { severity: { thrower: 'off', probe: 'error' } },
    expected: { problems: [], objects: ['0:Pod/a'], findings: ['probe/object error @3:1: object a', 'probe/container info @7:5: container app'] },
  },
  {
    name: 'file-not-scanned off: the file is skipped silently',
    text: 'x\u0000',
    opts: { severity: { 'file-not-scanned': 'off' } },
    expected: { skipped: 'binary file (contains NUL bytes)', problems: [], objects: [], findings: [] },
  },
  {
    name: 'containers sharing a name, and unnamed ones',
    text: pod('p', ['a', 'a', '""']),
    expected: {
      problems: [],
      objects: ['0:Pod/p'],
      findings: [
        'probe/object warning @3:1: object p',
        'probe/container info @7:5: container a',
        'probe/container info @9:5: container a',
        'probe/container info @11:5: container ',
      ],
    },
  },
  { name: 'an empty file', text: '', expected: { problems: [], objects: [], findings: [] } },
  {
    name: 'a List: its items',
    text: 'apiVersion: v1\nkind: List\nitems:\n- ' + pod('a').replace(/\n/g, '\n  ').trimEnd() + '\n',
    expected: { problems: [], objects: ['0:Pod/a'], findings: ['probe/object warning @6:3: object a', 'probe/container info @10:7: container app'] },
  },
];

/** `raw` as JSON, each node (fix targets) as `node:<its path>`. */
const rawJson = (a: Analysis) => JSON.parse(JSON.stringify(a.raw, (_k, v: unknown) => (v instanceof YNode ? `node:${v.path.join('.')}` : v)));

describe('analyseText', () => {
  test.each(ROWS)('$name', ({ path, text, opts, policies, unreadable, expected }) => {
    expect(summary(analyseText(path ?? 'f.yaml', text, undefined, policies ?? POLICIES, opts, unreadable))).toEqual(expected);
  });

  test('the raw findings whole: fingerprints (repeated findings, containers sharing a name), groups, fixes, policy errors', () => {
    const text = [pod('p', ['a', 'a', 'b']), pod('boom')].join('---\n');
    const twice = definePolicy({
      id: 'twice',
      meta: meta({ m: 'm', s: 'suggested {{n}}' }),
      check({ manifest, report }) {
        for (let n = 0; n < 2; n++)
          report({ messageId: 'm', node: manifest.node, suggest: [{ messageId: 's', data: { n }, fix: (f) => [f.append(manifest.node, ['x'], n)] }] });
      },
    });
    expect(rawJson(analyseText('dir/f.yaml', text, undefined, [probe, thrower, twice], { today: '2026-01-01' }))).toEqual(RAW);
  });

  test('a verification analysis: no deadline, no fixes nor suggestions, every range at 1:1', () => {
    const a = analyseText('f.yaml', pod('p'), undefined, POLICIES, { verification: true });
    expect(a.deadline).toBeUndefined();
    expect(a.raw.map((r) => [r.fix, r.suggestions, r.finding.range])).toEqual(
      a.raw.map(() => [undefined, [], { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }]),
    );
    expect(analyseText('f.yaml', pod('p'), undefined, POLICIES, { timeBudgetMs: 5000 }).deadline).toBeGreaterThan(performance.now());
  });

  test('a parse at hand is used as it is (not parsed again)', () => {
    const first = analyseText('f.yaml', pod('p'), undefined, POLICIES);
    const again = analyseText('f.yaml', pod('p'), first.parsed, POLICIES);
    expect(again.parsed).toBe(first.parsed);
    expect(summary(again)).toEqual(summary(first));
  });
});

/** The raw findings of the whole-raw test (fingerprints pinned: they are what re-runs recognise). */
const RAW = [
  {
    finding: {
      policyId: 'probe',
      severity: 'warning',
      messageId: 'object',
      message: 'object p',
      file: 'dir/f.yaml',
      range: { start: { line: 3, column: 1, offset: 25 }, end: { line: 3, column: 9, offset: 33 } },
      object: { apiVersion: 'v1', kind: 'Pod', name: 'p', docIndex: 0 },
      fingerprint: '712c4ee524e3db13',
      suggestions: [],
    },
    groupKey: '0::object',
    groupLabel: { docIndex: 0, object: 'Pod/p' },
    manifestIndex: 0,
    suggestions: [],
  },
  {
    finding: {
      policyId: 'probe',
      severity: 'info',
      messageId: 'container',
      message: 'container a',
      file: 'dir/f.yaml',
      range: { start: { line: 7, column: 5, offset: 69 }, end: { line: 9, column: 1, offset: 96 } },
      object: { apiVersion: 'v1', kind: 'Pod', name: 'p', docIndex: 0 },
      container: { name: 'a', type: 'containers', index: 0 },
      fingerprint: '438c9f9df470e916',
      suggestions: [],
    },
    groupKey: '0:spec.containers.0',
    groupLabel: { docIndex: 0, object: 'Pod/p', container: 'a' },
    manifestIndex: 0,
    fix: [{ kind: 'set', target: 'node:spec.containers.0', path: ['securityContext', 'privileged'], value: false }],
    suggestions: [],
  },
  {
    finding: {
      policyId: 'probe',
      severity: 'info',
      messageId: 'container',
      message: 'container a',
      file: 'dir/f.yaml',
      range: { start: { line: 9, column: 5, offset: 100 }, end: { line: 11, column: 1, offset: 127 } },
      object: { apiVersion: 'v1', kind: 'Pod', name: 'p', docIndex: 0 },
      container: { name: 'a', type: 'containers', index: 1 },
      fingerprint: 'a0c066fec6482a68',
      suggestions: [],
    },
    groupKey: '0:spec.containers.1',
    groupLabel: { docIndex: 0, object: 'Pod/p', container: 'a' },
    manifestIndex: 0,
    fix: [{ kind: 'set', target: 'node:spec.containers.1', path: ['securityContext', 'privileged'], value: false }],
    suggestions: [],
  },
  {
    finding: {
      policyId: 'probe',
      severity: 'info',
      messageId: 'container',
      message: 'container b',
      file: 'dir/f.yaml',
      range: { start: { line: 11, column: 5, offset: 131 }, end: { line: 13, column: 1, offset: 158 } },
      object: { apiVersion: 'v1', kind: 'Pod', name: 'p', docIndex: 0 },
      container: { name: 'b', type: 'containers', index: 2 },
      fingerprint: '6b6bda9edadd83b0',
      suggestions: [],
    },
    groupKey: '0:spec.containers.2',
    groupLabel: { docIndex: 0, object: 'Pod/p', container: 'b' },
    manifestIndex: 0,
    fix: [{ kind: 'set', target: 'node:spec.containers.2', path: ['securityContext', 'privileged'], value: false }],
    suggestions: [],
  },
  {
    finding: {
      policyId: 'probe',
      severity: 'warning',
      messageId: 'object',
      message: 'object boom',
      file: 'dir/f.yaml',
      range: { start: { line: 16, column: 1, offset: 187 }, end: { line: 16, column: 9, offset: 195 } },
      object: { apiVersion: 'v1', kind: 'Pod', name: 'boom', docIndex: 1 },
      fingerprint: 'f6c6bfee84f37020',
      suggestions: [],
    },
    groupKey: '1::object',
    groupLabel: { docIndex: 1, object: 'Pod/boom' },
    manifestIndex: 1,
    suggestions: [],
  },
  {
    finding: {
      policyId: 'probe',
      severity: 'info',
      messageId: 'container',
      message: 'container app',
      file: 'dir/f.yaml',
      range: { start: { line: 20, column: 5, offset: 234 }, end: { line: 22, column: 1, offset: 263 } },
      object: { apiVersion: 'v1', kind: 'Pod', name: 'boom', docIndex: 1 },
      container: { name: 'app', type: 'containers', index: 0 },
      fingerprint: '3886066ef91c9f49',
      suggestions: [],
    },
    groupKey: '1:spec.containers.0',
    groupLabel: { docIndex: 1, object: 'Pod/boom', container: 'app' },
    manifestIndex: 1,
    fix: [{ kind: 'set', target: 'node:spec.containers.0', path: ['securityContext', 'privileged'], value: false }],
    suggestions: [],
  },
  {
    finding: {
      policyId: 'policy-error',
      severity: 'error',
      messageId: 'policyFailed',
      message: 'policy thrower failed on file dir/f.yaml (Pod boom): exploded',
      file: 'dir/f.yaml',
      range: { start: { line: 14, column: 1, offset: 162 }, end: { line: 22, column: 1, offset: 263 } },
      object: { apiVersion: 'v1', kind: 'Pod', name: 'boom', docIndex: 1 },
      fingerprint: 'e04fa7157d1ed8f7',
      suggestions: [],
    },
    groupKey: 'error:thrower:1',
    groupLabel: { docIndex: 1, object: 'boom' },
    suggestions: [],
  },
  {
    finding: {
      policyId: 'twice',
      severity: 'warning',
      messageId: 'm',
      message: 'm',
      file: 'dir/f.yaml',
      range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 13, column: 1, offset: 158 } },
      object: { apiVersion: 'v1', kind: 'Pod', name: 'p', docIndex: 0 },
      fingerprint: '570190a6053b0b22',
      suggestions: [],
    },
    groupKey: '0::object',
    groupLabel: { docIndex: 0, object: 'Pod/p' },
    manifestIndex: 0,
    suggestions: [{ message: 'suggested 0', ops: [{ kind: 'append', target: 'node:', path: ['x'], item: 0 }] }],
  },
  {
    finding: {
      policyId: 'twice',
      severity: 'warning',
      messageId: 'm',
      message: 'm',
      file: 'dir/f.yaml',
      range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 13, column: 1, offset: 158 } },
      object: { apiVersion: 'v1', kind: 'Pod', name: 'p', docIndex: 0 },
      fingerprint: 'c4dd6d2bbc673574',
      suggestions: [],
    },
    groupKey: '0::object',
    groupLabel: { docIndex: 0, object: 'Pod/p' },
    manifestIndex: 0,
    suggestions: [{ message: 'suggested 1', ops: [{ kind: 'append', target: 'node:', path: ['x'], item: 1 }] }],
  },
  {
    finding: {
      policyId: 'twice',
      severity: 'warning',
      messageId: 'm',
      message: 'm',
      file: 'dir/f.yaml',
      range: { start: { line: 14, column: 1, offset: 162 }, end: { line: 22, column: 1, offset: 263 } },
      object: { apiVersion: 'v1', kind: 'Pod', name: 'boom', docIndex: 1 },
      fingerprint: '4c87006127e0adf6',
      suggestions: [],
    },
    groupKey: '1::object',
    groupLabel: { docIndex: 1, object: 'Pod/boom' },
    manifestIndex: 1,
    suggestions: [{ message: 'suggested 0', ops: [{ kind: 'append', target: 'node:', path: ['x'], item: 0 }] }],
  },
  {
    finding: {
      policyId: 'twice',
      severity: 'warning',
      messageId: 'm',
      message: 'm',
      file: 'dir/f.yaml',
      range: { start: { line: 14, column: 1, offset: 162 }, end: { line: 22, column: 1, offset: 263 } },
      object: { apiVersion: 'v1', kind: 'Pod', name: 'boom', docIndex: 1 },
      fingerprint: '82266be10f020a28',
      suggestions: [],
    },
    groupKey: '1::object',
    groupLabel: { docIndex: 1, object: 'Pod/boom' },
    manifestIndex: 1,
    suggestions: [{ message: 'suggested 1', ops: [{ kind: 'append', target: 'node:', path: ['x'], item: 1 }] }],
  },
];

describe('the fixer handed to policies: replace', () => {
  const doc = parseYaml('l: [all]\nm: {a: 1}\n').documents[0]!.root!;

  it('builds a replace operation on a scalar node', () => {
    const item = doc.at(['l', 0])!;
    expect(fixer.replace(item, 'ALL')).toEqual({ kind: 'replace', target: item, value: 'ALL' });
    expect(fixer.replace(doc.at(['m', 'a'])!, null)).toMatchObject({ kind: 'replace', value: null });
  });

  it('throws a TypeError for a collection node or a collection value', () => {
    expect(() => fixer.replace(doc.get('l')!, 'x')).toThrow(new TypeError('fixer.replace: the node at l is a seq, not a scalar'));
    expect(() => fixer.replace(doc.at(['l', 0])!, { a: 1 } as never)).toThrow(TypeError);
    expect(() => fixer.replace(doc.at(['l', 0])!, ['a'] as never)).toThrow(TypeError);
  });
});
