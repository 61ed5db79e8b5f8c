import { progressLine } from '../../src/cli/progress.js';
import type { CliIO } from '../../src/cli/io.js';
import { cli, tempTrees } from './helpers.js';

const tree = tempTrees();
const CLEAR = '\r\x1b[2K';

/** A CliIO that records stderr writes, with a clock the test moves. */
function fakeIo(over: Partial<CliIO> = {}): { io: CliIO; writes: string[]; tick: (ms: number) => void } {
  const writes: string[] = [];
  let t = 1_000_000;
  const io: CliIO = {
    stdout: () => undefined,
    stderr: (s) => void writes.push(s),
    cwd: '/',
    isTTY: false,
    stderrIsTTY: true,
    clock: () => t,
    env: {},
    ...over,
  };
  return { io, writes, tick: (ms) => void (t += ms) };
}

describe('progressLine', () => {
  it('draws nothing before the delay, then the latest text, throttled, and erases it at the end', () => {
    const { io, writes, tick } = fakeIo();
    const p = progressLine(io, 'scanning: 0 of 3 files checked (0%)');
    p.update('scanning: 1 of 3 files checked (33%)');
    tick(1999);
    p.update('scanning: 1 of 3 files checked (33%)');
    expect(writes).toEqual([]);
    tick(1);
    p.update('scanning: 2 of 3 files checked (66%)');
    expect(writes).toEqual([`${CLEAR}kube-immutable: scanning: 2 of 3 files checked (66%)`]);
    tick(50);
    p.update('scanning: 3 of 3 files checked (100%)');
    expect(writes).toHaveLength(1); // within 100 ms of the last draw
    tick(50);
    p.update('scanning: 3 of 3 files checked (100%)');
    expect(writes[1]).toBe(`${CLEAR}kube-immutable: scanning: 3 of 3 files checked (100%)`);
    p.end();
    p.end();
    expect(writes.slice(2)).toEqual([CLEAR]);
    tick(5000);
    p.update('late');
    expect(writes).toHaveLength(3);
  });

  it('clear() erases a drawn line at once and the next update draws it again', () => {
    const { io, writes, tick } = fakeIo();
    const p = progressLine(io, 'a');
    p.clear();
    expect(writes).toEqual([]); // nothing drawn: nothing to erase
    tick(3000);
    p.update('b');
    p.clear();
    p.update('c');
    p.end();
    expect(writes).toEqual([`${CLEAR}kube-immutable: b`, CLEAR, `${CLEAR}kube-immutable: c`, CLEAR]);
  });

  it.each([
    ['stderr is not a terminal', { stderrIsTTY: false }],
    ['TERM=dumb', { env: { TERM: 'dumb' } }],
    ['a CI job', { env: { CI: 'true' } }],
  ])('writes nothing when %s', (_what, over) => {
    const { io, writes, tick } = fakeIo(over);
    const p = progressLine(io, 'a');
    tick(10_000);
    p.update('b');
    p.end();
    expect(writes).toEqual([]);
  });
});

describe('scan on a terminal', () => {
  const files = Object.fromEntries(
    Array.from({ length: 5 }, (_, i) => [`m${i}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v\n`]),
  );

  it('a slow scan shows the file count on stderr and erases it before the report; stdout is untouched', async () => {
    const dir = tree(files);
    let t = 0;
    // Each look at the clock is a second later: the scan is "slow".
    const slow = await cli(['scan', '--no-render', '.'], dir, { stderrIsTTY: true, clock: () => (t += 1000) });
    const plain = await cli(['scan', '--no-render', '.'], dir);
    expect(slow.code).toBe(plain.code);
    expect(slow.stdout).toBe(plain.stdout);
    expect(slow.stderr).toContain(`${CLEAR}kube-immutable: scanning: 5 of 5 files checked (100%)`);
    expect(slow.stderr).toMatch(/kube-immutable: scanning: [1-4] of 5 files checked \(\d+%\)/);
    // The last line drawn is erased: nothing of it is left on screen.
    expect(slow.stderr.slice(slow.stderr.lastIndexOf('kube-immutable: scanning'))).toContain(CLEAR);
    expect(plain.stderr).not.toContain('\x1b');
  });

  it('a fast scan on a terminal draws nothing', async () => {
    const dir = tree(files);
    const r = await cli(['scan', '--no-render', '.'], dir, { stderrIsTTY: true, clock: () => 0 });
    expect(r.stderr).not.toContain('\x1b');
  });
});
