/**
 * Writing the CLI's output to the process's streams when their reader may go away: with
 * `kube-immutable scan | head`, `head` closes the pipe after a few lines and the next write fails
 * with EPIPE. Node reports that as an 'error' event on the stream, which, unhandled, prints a stack
 * trace and ends the process with status 1 whatever the scan found. A guarded stream drops what
 * is written after its reader is gone, so the command runs to its end and exits with its own
 * status. Imported by src/cli.ts before anything else is loaded: it imports nothing.
 */

/** Why a guarded stream stopped taking text: its reader closed it (EPIPE), or another write error (its code, else message). */
export type StreamStop = { kind: 'closed' } | { kind: 'failed'; reason: string };

/** A process stream's writer that never throws and never leaves an 'error' event unhandled. */
export interface GuardedStream {
  /** Write `text` (dropped once the stream stopped). */
  write(text: string): void;
  /** Undefined while writes go through; why they stopped otherwise. */
  readonly stopped: StreamStop | undefined;
}

/** The error codes that mean the reader is gone (a closed pipe or socket), not a failure to report. */
const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/**
 * Guard `stream` (process.stdout or process.stderr): its 'error' events, and a write that throws
 * (a file-backed stdout writes synchronously), stop it instead of ending the process. `onStop` is
 * called once, with what stopped it: `closed` for EPIPE (or a write to a stream already destroyed
 * or ended), `failed` with the error's code for anything else (ENOSPC, EIO...).
 */
export function guardStream(stream: NodeJS.WritableStream, onStop: (stop: StreamStop) => void = () => undefined): GuardedStream {
  let stopped: StreamStop | undefined;
  const stop = (err: unknown) => {
    if (stopped !== undefined) return;
    const e = err as NodeJS.ErrnoException | undefined;
    const code = e?.code;
    stopped = code !== undefined && READER_GONE.has(code) ? { kind: 'closed' } : { kind: 'failed', reason: code ?? e?.message ?? String(err) };
    onStop(stopped);
  };
  // Kept for the life of the process: a write still queued when the pipe closes fails later.
  stream.on('error', stop);
  return {
    write(text: string) {
      if (stopped !== undefined) return;
      try {
        stream.write(text);
      } catch (err) {
        stop(err);
      }
    },
    get stopped() {
      return stopped;
    },
  };
}
