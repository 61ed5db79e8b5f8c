import { createTwoFilesPatch } from 'diff';
import { findHunk, hunksBetween, parsePatch } from '../../src/review/index.js';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('parsePatch (GitHub "list pull request files" patch field)', () => {
  it('reads several hunks with section headings and maps RIGHT-side lines', () => {
    const patch = [
      '@@ -3,6 +3,7 @@ metadata:',
      '   name: web',
      ' spec:',
      '   containers:',
      '-  - image: nginx:1.25',
      '+  - image: nginx:1.27',
      '+    name: web',
      '     ports:',
      '     - containerPort: 80',
      '@@ -40,3 +41,3 @@ spec:',
      ' a: 1',
      '-b: 2',
      '+b: 3',
      ' c: 4',
    ].join('\n');
    const hunks = parsePatch(patch);
    expect(hunks).toEqual([
      { oldStart: 3, oldLines: 6, newStart: 3, newLines: 7, rightLines: range(3, 9), addedLines: [6, 7] },
      { oldStart: 40, oldLines: 3, newStart: 41, newLines: 3, rightLines: [41, 42, 43], addedLines: [42] },
    ]);
  });

  it('accepts hunks without counts and "\\ No newline at end of file"', () => {
    const hunks = parsePatch('@@ -1 +1 @@\n-a: 1\n\\ No newline at end of file\n+a: 2\n\\ No newline at end of file');
    expect(hunks).toEqual([{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, rightLines: [1], addedLines: [1] }]);
  });

  it('keeps line numbers right for CRLF content', () => {
    const hunks = parsePatch('@@ -1,3 +1,4 @@\n a: 1\r\n-b: 2\r\n+b: 3\r\n+c: 4\r\n d: 5\r\n');
    expect(hunks[0]).toMatchObject({ rightLines: [1, 2, 3, 4], addedLines: [2, 3] });
  });

  it('reads the patch of an added file as one hunk of added lines', () => {
    const hunks = parsePatch('@@ -0,0 +1,3 @@\n+---\n+a: 1\n+b: 2');
    expect(hunks).toEqual([{ oldStart: 1, oldLines: 0, newStart: 1, newLines: 3, rightLines: [1, 2, 3], addedLines: [1, 2, 3] }]);
  });

  it('reads removed YAML separators and lines that look like file headers as content', () => {
    const hunks = parsePatch('@@ -1,3 +1,3 @@\n----\n++++ x\n a\n b');
    expect(hunks[0]).toMatchObject({ rightLines: [1, 2, 3], addedLines: [1] });
  });

  it('gives no hunks for an empty patch and throws a precise error for a malformed one', () => {
    expect(parsePatch('')).toEqual([]);
    expect(() => parsePatch('@@ -1,5 +1,5 @@\n a\n-b\n+c')).toThrow(/malformed patch/);
  });

  it('agrees with hunksBetween on a patch made by the diff package', () => {
    const base =
      range(1, 40)
        .map((i) => `k${i}: ${i}`)
        .join('\n') + '\n';
    const head = base.replace('k20: 20', 'k20: twenty').replace('k35: 35\n', 'k35: 35\nextra: 1\n');
    const patch = createTwoFilesPatch('a/f', 'b/f', base, head, undefined, undefined, { context: 3 });
    expect(parsePatch(patch)).toEqual(hunksBetween(base, head));
  });
});

describe('hunksBetween', () => {
  it('covers every line of an added file with one hunk', () => {
    const hunks = hunksBetween(undefined, 'a: 1\nb: 2\nc: 3\n');
    expect(hunks).toHaveLength(1);
    expect(hunks[0]).toMatchObject({ newStart: 1, newLines: 3, rightLines: [1, 2, 3], addedLines: [1, 2, 3] });
  });

  it('gives a small hunk with 3 lines of context for a small change in a big file', () => {
    const base =
      range(1, 100)
        .map((i) => `k${i}: ${i}`)
        .join('\n') + '\n';
    const hunks = hunksBetween(base, base.replace('k50: 50', 'k50: fifty'));
    expect(hunks).toHaveLength(1);
    expect(hunks[0]!.rightLines).toEqual(range(47, 53));
    expect(hunks[0]!.addedLines).toEqual([50]);
  });

  it('handles an empty head and identical blobs', () => {
    expect(hunksBetween(undefined, '')).toEqual([]);
    expect(hunksBetween('a\n', 'a\n')).toEqual([]);
  });
});

describe('findHunk', () => {
  const hunks = [
    { oldStart: 1, oldLines: 5, newStart: 1, newLines: 6, rightLines: range(1, 6), addedLines: [3, 4] },
    { oldStart: 20, oldLines: 7, newStart: 21, newLines: 7, rightLines: range(21, 27), addedLines: [24] },
  ];
  it('finds the one hunk holding every line of a range', () => {
    expect(findHunk(hunks, 2, 5, 'diff_context')).toBe(hunks[0]);
    expect(findHunk(hunks, 24, 24, 'diff_context')).toBe(hunks[1]);
    expect(findHunk(hunks, 21, 27, 'diff_context')).toBe(hunks[1]);
  });
  it('rejects ranges split over two hunks or outside hunks', () => {
    expect(findHunk(hunks, 5, 22, 'diff_context')).toBeUndefined();
    expect(findHunk(hunks, 7, 7, 'diff_context')).toBeUndefined();
    expect(findHunk(hunks, 26, 28, 'diff_context')).toBeUndefined();
    expect(findHunk(hunks, 5, 4, 'diff_context')).toBeUndefined();
  });
  it('in added mode needs every line to be added', () => {
    expect(findHunk(hunks, 3, 4, 'added')).toBe(hunks[0]);
    expect(findHunk(hunks, 2, 4, 'added')).toBeUndefined();
    expect(findHunk(hunks, 24, 24, 'added')).toBe(hunks[1]);
    expect(findHunk(hunks, 4, 24, 'added')).toBeUndefined();
  });
});
