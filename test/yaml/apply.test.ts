import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { normalise, sameData } from '../../src/yaml/apply.js';
import { expectedDataByClone } from '../../src/yaml/apply.js';
import { applyEdits, expectedData, OverlappingEditsError, parseYaml, verifyEdits, type FixOp, type TextEdit } from '../../src/yaml/index.js';

describe('applyEdits', () => {
  it.each<[string, string, TextEdit[], string]>([
    ['no edits', 'abc', [], 'abc'],
    ['a replacement', 'a: true\n', [{ range: [3, 7], text: 'false' }], 'a: false\n'],
    ['an insertion', 'a\nc\n', [{ range: [2, 2], text: 'b\n' }], 'a\nb\nc\n'],
    [
      'edits in any order',
      'x y z',
      [
        { range: [4, 5], text: 'Z' },
        { range: [0, 1], text: 'X' },
      ],
      'X y Z',
    ],
    [
      'adjacent edits',
      'abc',
      [
        { range: [0, 1], text: 'A' },
        { range: [1, 2], text: 'B' },
      ],
      'ABc',
    ],
    [
      'an insertion at the end of a replacement',
      'abc',
      [
        { range: [0, 1], text: 'A' },
        { range: [1, 1], text: '+' },
      ],
      'A+bc',
    ],
    ['an insertion at the end of the text', 'a', [{ range: [1, 1], text: '\nb' }], 'a\nb'],
  ])('%s', (_name, text, edits, expected) => {
    expect(applyEdits(text, edits)).toBe(expected);
  });

  it.each<[string, TextEdit[]]>([
    [
      'overlapping replacements',
      [
        { range: [0, 3], text: 'x' },
        { range: [2, 4], text: 'y' },
      ],
    ],
    [
      'two insertions at one offset',
      [
        { range: [1, 1], text: 'x' },
        { range: [1, 1], text: 'y' },
      ],
    ],
    [
      'an insertion inside a replacement',
      [
        { range: [0, 3], text: 'x' },
        { range: [1, 1], text: 'y' },
      ],
    ],
  ])('rejects %s with OverlappingEditsError', (_name, edits) => {
    expect(() => applyEdits('abcdef', edits)).toThrow(OverlappingEditsError);
    try {
      applyEdits('abcdef', edits);
    } catch (err) {
      expect((err as OverlappingEditsError).name).toBe('OverlappingEditsError');
      expect((err as Error).message).toMatch(/^overlapping edits at offsets \d+-\d+ and \d+-\d+$/);
    }
  });

  it.each<[string, TextEdit]>([
    ['a negative start', { range: [-1, 0], text: '' }],
    ['an end past the text', { range: [2, 9], text: '' }],
    ['an inverted range', { range: [2, 1], text: '' }],
  ])('rejects %s with a RangeError', (_name, edit) => {
    expect(() => applyEdits('abc', [edit])).toThrow(RangeError);
  });
});

describe('expectedData', () => {
  it('applies set and append to a copy, creating maps and lists', () => {
    const p = parseYaml('spec:\n  containers:\n  - name: a\n---\nb: 1\n');
    const root = p.documents[0]!.root!;
    const c = root.at(['spec', 'containers', 0])!;
    const ops: FixOp[] = [
      { kind: 'set', target: c, path: ['securityContext', 'readOnlyRootFilesystem'], value: true },
      { kind: 'append', target: c, path: ['volumeMounts'], item: { name: 't', mountPath: '/t' } },
      { kind: 'set', target: c, path: ['securityContext'], value: { privileged: false } },
    ];
    const original = p.documents.map((d) => d.data);
    const out = expectedData(original, () => 0, ops);
    expect(out).toEqual([
      {
        spec: {
          containers: [{ name: 'a', securityContext: { readOnlyRootFilesystem: true, privileged: false }, volumeMounts: [{ name: 't', mountPath: '/t' }] }],
        },
      },
      { b: 1 },
    ]);
    expect(original[0]).toEqual({ spec: { containers: [{ name: 'a' }] } });
  });
});

describe('expectedData: replace', () => {
  it("writes the value at the scalar's own path, on a copy (copy on write and deep copy agree)", () => {
    const p = parseYaml(
      'spec:\n  containers:\n  - name: a\n    securityContext:\n      capabilities:\n        drop:\n        - all\n        - NET_RAW\n---\nl: [x, y]\n',
    );
    const drop0 = p.documents[0]!.root!.at(['spec', 'containers', 0, 'securityContext', 'capabilities', 'drop', 0])!;
    const name = p.documents[0]!.root!.at(['spec', 'containers', 0, 'name'])!;
    const y = p.documents[1]!.root!.at(['l', 1])!;
    const ops: FixOp[] = [
      { kind: 'replace', target: drop0, value: 'ALL' },
      { kind: 'replace', target: name, value: 'b' },
      { kind: 'replace', target: y, value: null },
    ];
    const docOf = new Map(p.documents.map((d) => [d.doc, d.index]));
    const original = p.documents.map((d) => d.data);
    const before = structuredClone(original);
    const want = [{ spec: { containers: [{ name: 'b', securityContext: { capabilities: { drop: ['ALL', 'NET_RAW'] } } }] } }, { l: ['x', null] }];
    expect(expectedData(original, (op) => docOf.get(op.target.doc)!, ops)).toEqual(want);
    expect(expectedDataByClone(original, (op) => docOf.get(op.target.doc)!, ops)).toEqual(want);
    expect(original).toEqual(before);
  });
});

describe('verifyEdits', () => {
  const text = 'a:\n  b: true\n---\nc: 1\n';
  const expected = [{ a: { b: false } }, { c: 1 }];

  it('accepts edits giving exactly the expected data', () => {
    const v = verifyEdits(text, [{ range: [8, 12], text: 'false' }], expected);
    expect(v.ok).toBe(true);
    expect(v.text).toBe('a:\n  b: false\n---\nc: 1\n');
    expect(v.parsed!.documents.length).toBe(2);
  });

  it.each<[string, TextEdit[], RegExp]>([
    ['a wrong result', [{ range: [8, 12], text: 'nope' }], /^the fixed document 1 does not hold exactly the intended change$/],
    ['a parse error', [{ range: [8, 12], text: '[false' }], /^the fixed text does not parse: .* \(line \d+\)$/],
    ['a changed document count', [{ range: [13, 13], text: '---\n' }], /^the fixed text has 3 documents instead of 2$/],
    [
      'overlapping edits',
      [
        { range: [8, 12], text: 'false' },
        { range: [9, 10], text: 'x' },
      ],
      /^overlapping edits/,
    ],
    ['out-of-range edits', [{ range: [8, 99], text: 'false' }], /outside the text/],
  ])('rejects %s without throwing', (_name, edits, problem) => {
    const v = verifyEdits(text, edits, expected);
    expect(v.ok).toBe(false);
    expect(v.problem).toMatch(problem);
    expect(v.text).toBeUndefined();
  });
});

describe('sameData', () => {
  const outcome = (f: () => boolean): boolean | 'throws' => {
    try {
      return f();
    } catch {
      return 'throws';
    }
  };
  const reference = (a: unknown, b: unknown) => outcome(() => isDeepStrictEqual(normalise(a), normalise(b)));

  it('agrees with the JSON round trip on random data, plain or not', () => {
    fc.assert(
      fc.property(
        fc.anything({ withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
        fc.anything(),
        (a, b) => {
          expect(outcome(() => sameData(a, b))).toBe(reference(a, b));
          expect(outcome(() => sameData(a, a))).toBe(reference(a, a));
        },
      ),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('agrees with the JSON round trip on near-equal plain data', () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(json, fc.nat(), (a, n) => {
        const b = JSON.parse(JSON.stringify(a ?? null));
        // Change one leaf, or nothing.
        const leaves: [Record<string, unknown>, string][] = [];
        const walk = (v: unknown) => {
          if (v && typeof v === 'object') {
            for (const [k, x] of Object.entries(v)) {
              if (x && typeof x === 'object') walk(x);
              else leaves.push([v as Record<string, unknown>, k]);
            }
          }
        };
        walk(b);
        if (leaves.length > 0 && n % 3 > 0) {
          const [o, k] = leaves[n % leaves.length]!;
          o[k] = n % 3 === 1 ? 'changed' : undefined;
        }
        expect(sameData(a, b)).toBe(reference(a, b));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('treats -0 as 0, and key order as irrelevant, as JSON does', () => {
    expect(sameData({ a: -0, b: [1] }, { b: [1], a: 0 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameData({ a: NaN }, { a: null })).toBe(true);
    expect(sameData({ a: 1 }, { a: '1' })).toBe(false);
  });
});
