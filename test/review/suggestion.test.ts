import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { run } from '../../src/engine/index.js';
import { applyEdits, type TextEdit } from '../../src/yaml/index.js';
import { seedPolicies } from '../seed-policies.js';
import { applySuggestions, buildSuggestion, hunksBetween, isSuggestion, type Hunk, type Suggestion } from '../../src/review/index.js';
import { generatedFileArb } from '../property/arbitraries.js';

/**
 * GitHub's semantics, written independently of the module: lines `startLine..line` (their
 * text, without the last one's terminator) are replaced by `content`.
 */
function replaceLines(text: string, s: Suggestion): string {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const last = lines[s.line - 1]!;
  const terminator = last.slice(last.replace(/\r?\n$/, '').length);
  return lines.slice(0, s.startLine - 1).join('') + s.content + terminator + lines.slice(s.line).join('');
}

const wholeFile = (text: string): Hunk[] => hunksBetween(undefined, text);
const hunk = (first: number, last: number, added: number[] = []): Hunk => ({
  oldStart: first,
  oldLines: last - first + 1,
  newStart: first,
  newLines: last - first + 1,
  rightLines: Array.from({ length: last - first + 1 }, (_, i) => first + i),
  addedLines: added,
});

function expectSuggestion(x: ReturnType<typeof buildSuggestion>): Suggestion {
  if (!isSuggestion(x)) throw new Error(`expected a suggestion, got: ${x.reason}`);
  return x;
}

describe('buildSuggestion', () => {
  const text = ['a: 1', 'spec:', '  x: 1', '  y: 2', 'z: 3', ''].join('\n');
  const at = (needle: string) => text.indexOf(needle);

  it('anchors an insertion at the start of line L on line L-1 when it is in the hunk', () => {
    const edits: TextEdit[] = [{ range: [at('  y'), at('  y')], text: '  new: true\n' }];
    const s = expectSuggestion(buildSuggestion(text, edits, wholeFile(text), 'diff_context'));
    expect(s).toEqual({ startLine: 3, line: 3, content: '  x: 1\n  new: true' });
  });

  it('anchors it on line L (new lines first) when only L is in the hunk', () => {
    const edits: TextEdit[] = [{ range: [at('  y'), at('  y')], text: '  new: true\n' }];
    const s = expectSuggestion(buildSuggestion(text, edits, [hunk(4, 5)], 'diff_context'));
    expect(s).toEqual({ startLine: 4, line: 4, content: '  new: true\n  y: 2' });
  });

  it('replaces within one line on that line only', () => {
    const edits: TextEdit[] = [{ range: [at('2'), at('2') + 1], text: '20' }];
    expect(buildSuggestion(text, edits, wholeFile(text), 'added')).toEqual({ startLine: 4, line: 4, content: '  y: 20' });
  });

  it('covers every edit of a group with one range', () => {
    const edits: TextEdit[] = [
      { range: [at('1'), at('1') + 1], text: '2' },
      { range: [at('z'), at('z')], text: 'w: 0\n' },
    ];
    const s = expectSuggestion(buildSuggestion(text, edits, wholeFile(text), 'diff_context'));
    expect([s.startLine, s.line]).toEqual([1, 4]);
    expect(replaceLines(text, s)).toBe(applyEdits(text, edits));
  });

  it('appends at the end of a file with and without a final newline', () => {
    const lf = 'a: 1\nb: 2\n';
    expect(buildSuggestion(lf, [{ range: [lf.length, lf.length], text: 'c: 3\n' }], wholeFile(lf), 'added')).toEqual({
      startLine: 2,
      line: 2,
      content: 'b: 2\nc: 3',
    });
    const bare = 'a: 1\nb: 2';
    expect(buildSuggestion(bare, [{ range: [bare.length, bare.length], text: '\nc: 3' }], wholeFile(bare), 'added')).toEqual({
      startLine: 2,
      line: 2,
      content: 'b: 2\nc: 3',
    });
  });

  it('keeps CRLF between the lines of a CRLF file', () => {
    const crlf = 'a: 1\r\nb: 2\r\n';
    const s = expectSuggestion(buildSuggestion(crlf, [{ range: [6, 6], text: 'x: 0\r\n' }], wholeFile(crlf), 'added'));
    expect(s).toEqual({ startLine: 1, line: 1, content: 'a: 1\r\nx: 0' });
    expect(replaceLines(crlf, s)).toBe('a: 1\r\nx: 0\r\nb: 2\r\n');
  });

  it('gives a reason when the range is not in one hunk', () => {
    const edits: TextEdit[] = [
      { range: [at('1'), at('1') + 1], text: '2' },
      { range: [at('3'), at('3') + 1], text: '4' },
    ];
    expect(buildSuggestion(text, edits, [hunk(1, 2), hunk(4, 5)], 'diff_context')).toEqual({ reason: 'its lines are not all in one diff hunk' });
    expect(buildSuggestion(text, edits, [hunk(1, 5, [1, 2])], 'added')).toEqual({ reason: 'its lines are not all added lines of one diff hunk' });
    expect(buildSuggestion(text, edits, [], 'diff_context')).toHaveProperty('reason');
  });

  it('refuses no-op, empty and overlapping edits', () => {
    expect(buildSuggestion(text, [{ range: [0, 1], text: 'a' }], wholeFile(text), 'added')).toEqual({ reason: 'the suggestion would change nothing' });
    expect(buildSuggestion(text, [], wholeFile(text), 'added')).toEqual({ reason: 'the fix has no edits' });
    expect(
      buildSuggestion(
        text,
        [
          { range: [0, 3], text: 'x' },
          { range: [1, 2], text: 'y' },
        ],
        wholeFile(text),
        'added',
      ),
    ).toHaveProperty('reason', expect.stringMatching(/cannot be applied: overlapping/));
  });

  it('gives the fixed file for the nginx Deployment (insertion at the end of the file)', () => {
    const path = 'examples/nginx-deployment.yaml';
    const head = readFileSync(path, 'utf8');
    const result = run([{ path, text: head }], seedPolicies);
    const g = result.fixes[0]!;
    const s = expectSuggestion(buildSuggestion(head, g.edits, wholeFile(head), 'added'));
    expect(s.startLine).toBe(22);
    expect(s.content.split('\n')[0]).toBe('            - containerPort: 80');
    expect(replaceLines(head, s)).toBe(result.files[0]!.fixedText);
  });
});

/** Text of lines from a small alphabet (with backticks and spaces), LF or CRLF, with or without a final newline. */
const fileArb = fc
  .record({
    lines: fc.array(fc.stringMatching(/^[a-c` :-]{0,6}$/), { minLength: 1, maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
  })
  // A last line that is empty and unterminated would be the same text as a final newline.
  .map((f) => (f.finalNewline || f.lines[f.lines.length - 1] !== '' ? f : { ...f, lines: [...f.lines.slice(0, -1), 'a'] }));

/** Edits of the kinds fixes make: whole lines inserted at a line start or at the end, replacements inside a line. */
function editsArb(f: { lines: string[]; eol: string; finalNewline: boolean }): fc.Arbitrary<{ text: string; edits: TextEdit[] }> {
  const text = f.lines.join(f.eol) + (f.finalNewline ? f.eol : '');
  const starts: number[] = [];
  let pos = 0;
  for (const l of f.lines) {
    starts.push(pos);
    pos += l.length + f.eol.length;
  }
  const newLines = fc.array(fc.stringMatching(/^[a-c ]{0,4}$/), { minLength: 1, maxLength: 3 });
  const edit = fc.oneof(
    fc
      .record({ i: fc.nat(f.lines.length - 1), ls: newLines })
      .map(({ i, ls }) => ({ range: [starts[i]!, starts[i]!] as [number, number], text: ls.map((l) => l + f.eol).join('') })),
    fc.record({ i: fc.nat(f.lines.length - 1), a: fc.nat(), b: fc.nat(), t: fc.stringMatching(/^[x`]{0,3}$/) }).map(({ i, a, b, t }) => {
      const len = f.lines[i]!.length;
      const [x, y] = [a % (len + 1), b % (len + 1)].sort((p, q) => p - q) as [number, number];
      return { range: [starts[i]! + x, starts[i]! + y] as [number, number], text: t };
    }),
    newLines.map((ls) => ({
      range: [text.length, text.length] as [number, number],
      text: f.finalNewline ? ls.map((l) => l + f.eol).join('') : ls.map((l) => f.eol + l).join(''),
    })),
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => ({ text, edits }));
}

describe('buildSuggestion property: replacing startLine..line by content gives applyEdits', () => {
  it('holds for LF, CRLF and no-final-newline texts (whole file in one hunk)', () => {
    fc.assert(
      fc.property(fileArb.chain(editsArb), ({ text, edits }) => {
        let expected: string;
        try {
          expected = applyEdits(text, edits);
        } catch {
          return true; // overlapping edits are rejected by design
        }
        const s = buildSuggestion(text, edits, wholeFile(text), 'added');
        if (expected === text) return !isSuggestion(s);
        const ok = expectSuggestion(s);
        expect(ok.startLine).toBeGreaterThanOrEqual(1);
        expect(ok.line).toBeGreaterThanOrEqual(ok.startLine);
        expect(replaceLines(text, ok)).toBe(expected);
        expect(applySuggestions(text, [ok])).toBe(expected);
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('holds for every verified fix group of generated manifests (CRLF, BOM, comments, JSON, ...)', () => {
    fc.assert(
      fc.property(generatedFileArb, (file) => {
        const result = run([{ path: 'gen.yaml', text: file.text }], seedPolicies);
        for (const g of result.fixes.filter((x) => x.verified && x.edits.length > 0)) {
          const s = expectSuggestion(buildSuggestion(file.text, g.edits, wholeFile(file.text), 'added'));
          expect(replaceLines(file.text, s)).toBe(applyEdits(file.text, g.edits));
          if (file.style.crlf) expect(s.content.replace(/\r\n/g, '')).not.toContain('\n');
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  });

  it('with any one hunk: a suggestion lies in it and is exact; otherwise a reason is given', () => {
    const arb = fileArb.chain(editsArb).chain(({ text, edits }) => {
      const n = text.split('\n').length;
      return fc
        .record({ a: fc.integer({ min: 1, max: n }), b: fc.integer({ min: 1, max: n }) })
        .map(({ a, b }) => ({ text, edits, first: Math.min(a, b), last: Math.max(a, b) }));
    });
    fc.assert(
      fc.property(arb, ({ text, edits, first, last }) => {
        let expected: string;
        try {
          expected = applyEdits(text, edits);
        } catch {
          return true;
        }
        const s = buildSuggestion(text, edits, [hunk(first, last)], 'diff_context');
        if (!isSuggestion(s)) return typeof s.reason === 'string' && s.reason.length > 0;
        expect(s.startLine).toBeGreaterThanOrEqual(first);
        expect(s.line).toBeLessThanOrEqual(last);
        expect(replaceLines(text, s)).toBe(expected);
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
