import { parsePatch, resolveAnchor } from './anchors.js';
import type { PullFile } from './types.js';

const patch = '@@ -1,3 +1,3 @@\n a\n-b\n+c\n d\n@@ -10,2 +10,3 @@ ctx\n x\n+y\n z\n\\ No newline at end of file';
const files: PullFile[] = [{ sha: 's', filename: 'f.yaml', status: 'modified', additions: 2, deletions: 1, changes: 3, patch }];

describe('anchors', () => {
  it('maps RIGHT and LEFT lines of each hunk to diff positions', () => {
    const { hunks } = parsePatch(patch);
    expect(hunks.map((h) => [...h.right])).toEqual([
      [
        [1, 1],
        [2, 3],
        [3, 4],
      ],
      [
        [10, 6],
        [11, 7],
        [12, 8],
      ],
    ]);
    expect(hunks.map((h) => [...h.left.keys()])).toEqual([
      [1, 2, 3],
      [10, 11],
    ]);
  });

  it('resolves lines, ranges and deprecated positions like GitHub', () => {
    expect(resolveAnchor(files, { path: 'f.yaml', line: 12, start_line: 10 })).toMatchObject({
      ok: true,
      line: 12,
      start_line: 10,
      side: 'RIGHT',
      start_side: 'RIGHT',
      position: 8,
    });
    expect(resolveAnchor(files, { path: 'f.yaml', line: 11 })).toMatchObject({ ok: true, diff_hunk: '@@ -10,2 +10,3 @@ ctx\n x\n+y' });
    expect(resolveAnchor(files, { path: 'f.yaml', position: 7 })).toMatchObject({ ok: true, line: 11, side: 'RIGHT' });
    expect(resolveAnchor(files, { path: 'f.yaml', position: 5 })).toMatchObject({ ok: false }); // the second @@ header
    expect(resolveAnchor(files, { path: 'f.yaml', line: 4 })).toMatchObject({ ok: false, field: 'line' });
    expect(resolveAnchor(files, { path: 'f.yaml', line: 10, start_line: 3 })).toMatchObject({ ok: false, field: 'start_line' });
    expect(resolveAnchor(files, { path: 'f.yaml', line: 2, side: 'LEFT' })).toMatchObject({ ok: false });
    expect(resolveAnchor(files, { path: 'f.yaml', line: 2, side: 'LEFT' }, true)).toMatchObject({ ok: true, side: 'LEFT', position: 2 });
    expect(resolveAnchor(files, { path: 'f.yaml', line: 2, side: 'MIDDLE' })).toMatchObject({ ok: false });
  });
});
