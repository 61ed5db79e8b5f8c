#!/usr/bin/env node
/**
 * Entry of dist/cli.js (bin `kube-immutable`): runs the CLI with the process's arguments and streams.
 * `--version` is answered here, before the CLI itself is loaded, so it costs no more than starting
 * Node; everything else loads the CLI on demand (a chunk of its own in dist/).
 */
import { VERSION } from './version.js';

const argv = process.argv.slice(2);
if (argv[0] === '--version') {
  // What main() answers for `--version` (parseCommandLine looks at the first argument only).
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./cli/main.js');
  process.exitCode = await main(argv, {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    // Node's types say boolean, but a piped stdout (not a tty.WriteStream) has no isTTY at all.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-boolean-literal-compare -- see above
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  });
}
