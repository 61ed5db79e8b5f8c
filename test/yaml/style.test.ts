import { detectStyle, parseYaml, type FileStyle } from '../../src/yaml/index.js';
import { renderBlockEntries, renderBlockItems, renderFlow, renderScalar } from '../../src/yaml/style.js';

const style = (text: string) =>
  detectStyle(
    text,
    parseYaml(text).documents.map((d) => d.doc),
  );

describe('detectStyle', () => {
  it.each<[string, string, FileStyle]>([
    ['defaults for a flat file', 'a: 1\n', { eol: '\n', indent: 2, indentlessSequences: false, quote: '"', json: false }],
    ['2 spaces, indentless sequences', 'a:\n  b:\n  - x\n  c:\n  - y\n', { eol: '\n', indent: 2, indentlessSequences: true, quote: '"', json: false }],
    [
      '4 spaces, indented sequences',
      'a:\n    b:\n        - x\n    c:\n        d: 1\n',
      { eol: '\n', indent: 4, indentlessSequences: false, quote: '"', json: false },
    ],
    ['3 spaces', 'a:\n   b:\n      c: 1\n', { eol: '\n', indent: 3, indentlessSequences: false, quote: '"', json: false }],
    ['CRLF', 'a:\r\n  b: 1\r\n', { eol: '\r\n', indent: 2, indentlessSequences: false, quote: '"', json: false }],
    ['single quotes dominate', "a: 'x'\nb: 'y'\nc: \"z\"\n", { eol: '\n', indent: 2, indentlessSequences: false, quote: "'", json: false }],
    ['JSON', '{\n    "a": {\n        "b": [1]\n    }\n}\n', { eol: '\n', indent: 2, indentlessSequences: false, quote: '"', json: true }],
    ['JSON after a BOM', '\uFEFF{"a": 1}', { eol: '\n', indent: 2, indentlessSequences: false, quote: '"', json: true }],
    ['a BOM does not skew the indent step', '\uFEFFa:\n  b:\n    c: 1\n', { eol: '\n', indent: 2, indentlessSequences: false, quote: '"', json: false }],
    [
      'flow YAML is not JSON when it has block collections',
      '{a: 1}\n---\nb:\n  c: 1\n',
      { eol: '\n', indent: 2, indentlessSequences: false, quote: '"', json: false },
    ],
  ])('%s', (_name, text, expected) => {
    expect(style(text)).toEqual(expected);
  });
});

describe('renderers', () => {
  const yaml: FileStyle = { eol: '\n', indent: 2, indentlessSequences: false, quote: '"', json: false };
  const json: FileStyle = { ...yaml, json: true };

  it.each<[unknown, string, string]>([
    [true, 'true', 'true'],
    [null, 'null', 'null'],
    [3, '3', '3'],
    ['plain', 'plain', '"plain"'],
    ['yes', '"yes"', '"yes"'],
    ['0777', '"0777"', '"0777"'],
    ['a: b', '"a: b"', '"a: b"'],
    ['/var/run', '/var/run', '"/var/run"'],
  ])('renderScalar(%j)', (value, inYaml, inJson) => {
    expect(renderScalar(value as never, yaml)).toBe(inYaml);
    expect(renderScalar(value as never, json)).toBe(inJson);
  });

  it('renderScalar uses single quotes in single-quote files', () => {
    expect(renderScalar('on', { quote: "'", json: false })).toBe("'on'");
  });

  it('renderFlow', () => {
    expect(renderFlow({ name: 'tmp', emptyDir: {}, l: [1, 'x'] }, yaml)).toBe('{name: tmp, emptyDir: {}, l: [1, x]}');
    expect(renderFlow({ name: 'tmp', emptyDir: {} }, json)).toBe('{"name": "tmp", "emptyDir": {}}');
  });

  it('renderBlockEntries and renderBlockItems', () => {
    expect(renderBlockEntries({ securityContext: { readOnlyRootFilesystem: true }, volumeMounts: [{ name: 't', mountPath: '/t' }], e: {} }, 4, yaml)).toEqual([
      '    securityContext:',
      '      readOnlyRootFilesystem: true',
      '    volumeMounts:',
      '      - name: t',
      '        mountPath: /t',
      '    e: {}',
    ]);
    expect(renderBlockEntries({ l: ['a'] }, 0, { ...yaml, indentlessSequences: true, indent: 4 })).toEqual(['l:', '- a']);
    expect(renderBlockItems([{ name: 'v', emptyDir: {} }, 'x'], 2, yaml, 4)).toEqual(['  -   name: v', '      emptyDir: {}', '  - x']);
  });
});
