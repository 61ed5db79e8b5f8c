import { Writable } from 'node:stream';
import { guardStream, type StreamStop } from '../../src/cli/streams.js';

/** A stream that takes `okWrites` writes, then fails every write with `code`. */
function failingStream(okWrites: number, code: string): { stream: Writable; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (written.length < okWrites) {
        written.push(chunk.toString());
        cb();
      } else cb(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
  return { stream, written };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('guardStream', () => {
  it('stops quietly on EPIPE and drops what is written after', async () => {
    const { stream, written } = failingStream(1, 'EPIPE');
    const stops: StreamStop[] = [];
    const g = guardStream(stream, (s) => stops.push(s));
    g.write('one\n');
    g.write('two\n');
    await tick();
    g.write('three\n');
    await tick();
    expect(written).toEqual(['one\n']);
    expect(stops).toEqual([{ kind: 'closed' }]);
    expect(g.stopped).toEqual({ kind: 'closed' });
  });

  it('says once why another write error stopped it (the error code)', async () => {
    const { stream } = failingStream(0, 'ENOSPC');
    const stops: StreamStop[] = [];
    const g = guardStream(stream, (s) => stops.push(s));
    expect(g.stopped).toBeUndefined();
    g.write('a');
    await tick();
    g.write('b');
    await tick();
    expect(stops).toEqual([{ kind: 'failed', reason: 'ENOSPC' }]);
  });

  it('catches a write that throws (a file-backed stream writes synchronously)', () => {
    const stream = new Writable({ write: (_c, _e, cb) => cb() });
    stream.write = () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    };
    const g = guardStream(stream);
    expect(() => g.write('x')).not.toThrow();
    expect(g.stopped).toEqual({ kind: 'failed', reason: 'ENOSPC' });
  });
});
