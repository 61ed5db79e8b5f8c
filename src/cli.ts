#!/usr/bin/env node
/**
 * Entry of dist/cli.js (bin `kube-immutable`): runs the CLI with the process's arguments and streams.
 * `--version` is answered here, before the CLI itself is loaded, so it costs no more than starting
 * Node; everything else loads the CLI on demand (a chunk of its own in dist/).
 *
 * Both streams are guarded (src/cli/streams.ts): when the reader closes standard output
 * (`kube-immutable scan | head`), the rest of the output is dropped, nothing is said about it, and
 * the command still exits with its own status. Any other failure to write standard output is said
 * once on stderr and makes the status 2 (an I/O error).
 */
import { guardStream, type StreamStop } from './cli/streams.js';
import { VERSION } from './version.js';

/** The exit status of an I/O error (EXIT.usage of src/cli/io.ts, not imported: it loads the reports). */
const IO_ERROR = 2;

const stderr = guardStream(process.stderr);
const stdout = guardStream(process.stdout, (stop: StreamStop) => {
  if (stop.kind === 'closed') return;
  stderr.write(`kube-immutable: cannot write to standard output: ${stop.reason}\n`);
  process.exitCode = IO_ERROR;
});

const argv = process.argv.slice(2);
if (argv[0] === '--version') {
  // What main() answers for `--version` (parseCommandLine looks at the first argument only).
  stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./cli/main.js');
  const code = await main(argv, {
    stdout: (text) => stdout.write(text),
    stderr: (text) => stderr.write(text),
    cwd: process.cwd(),
    // Node's types say boolean, but a piped stdout (not a tty.WriteStream) has no isTTY at all.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-boolean-literal-compare -- see above
    isTTY: process.stdout.isTTY === true,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-boolean-literal-compare -- as above
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  });
  process.exitCode = stdout.stopped?.kind === 'failed' ? IO_ERROR : code;
}
