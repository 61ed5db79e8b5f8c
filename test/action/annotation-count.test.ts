import { jest } from '@jest/globals';
import { issued, notice, slotsLeft, warning } from '../../src/action/annotation-count.js';

/** What @actions/core printed while `fn` ran. */
function printed(fn: () => void): string {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true));
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

describe("the action's own annotations", () => {
  it('are counted, and the slots left for findings keep one error for core.setFailed', () => {
    const before = { ...issued };
    printed(() => {
      warning('a');
      warning('b');
      notice('c');
    });
    expect(issued).toEqual({ error: before.error, warning: before.warning + 2, notice: before.notice + 1 });
    const left = slotsLeft();
    expect(left.error).toBe(10 - issued.error - 1);
    expect(left.warning).toBe(10 - issued.warning);
    expect(left.total).toBe(50 - issued.error - issued.warning - issued.notice - 1);
  });

  it('show ESC sequences and bidi controls of a path as escapes; one workflow command each', () => {
    const out = printed(() => warning('could not read deploy/\x1b[2Jx\u202Eyaml.exe\n::error::forged', { file: 'deploy/\x1b[2Jx.yaml', startLine: 1 }));
    expect(out).not.toMatch(/[\x1b\u202e]/);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(out).toContain('deploy/\\e[2Jx\\u{202E}yaml.exe%0A::error::forged');
    expect(out).toContain('file=deploy/\\e[2Jx.yaml');
  });
});
